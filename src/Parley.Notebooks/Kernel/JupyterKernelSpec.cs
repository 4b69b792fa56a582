namespace Parley.Notebooks;

/// <summary>Names of the kernelspec Parley registers with Jupyter.</summary>
internal static class JupyterKernelSpec
{
    /// <summary>The kernelspec's folder name and the name notebooks record in metadata.kernelspec.name.</summary>
    public const string DefaultName = "parley-csharp";

    /// <summary>What Jupyter and VS Code show in the kernel picker.</summary>
    public const string DisplayName = "C# (Parley)";
}
