using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace Parley.Notebooks.Kernel;

/// <summary>Where the kernel finds the Parley assemblies and the display extensions it loads at start.</summary>
internal sealed record ParleyKernelOptions
{
    /// <summary>The folder holding the Parley assemblies and <c>interactive-extensions/</c>.</summary>
    /// <value>The running program's folder (<see cref="AppContext.BaseDirectory"/>).</value>
    public string AssemblyDirectory { get; init; } = AppContext.BaseDirectory;

    /// <summary>Where diagnostics go (extension load failures). Never the captured <see cref="Console.Out"/>.</summary>
    /// <value>Null: diagnostics are dropped.</value>
    public TextWriter? Log { get; init; }
}

/// <summary>
/// The one kernel set-up behind both the headless runner and the Jupyter kernel: a .NET Interactive C# kernel
/// (Roslyn) inside a composite kernel, with <c>#r "nuget: …"</c>, <c>#!import</c>, the Parley assemblies referenced,
/// DataFrame display and Plotly.NET charts as <c>application/vnd.plotly.v1+json</c> plus HTML.
/// </summary>
internal static class ParleyKernel
{
    /// <summary>The name of the C# subkernel.</summary>
    public const string CSharp = "csharp";

    /// <summary>Creates a kernel; the caller disposes it.</summary>
    public static async Task<CompositeKernel> CreateAsync(ParleyKernelOptions? options = null)
    {
        options ??= new ParleyKernelOptions();
        ChartFormatting.Register();
        var csharp = new CSharpKernel(CSharp)
            .UseNugetDirective((kernel, packages) => LoadPackageExtensionsAsync(kernel, packages, options.Log))
            .UseKernelHelpers()
            .UseValueSharing()
            .UseWho();
        csharp.AddAssemblyReferences(ParleyReferences(options.AssemblyDirectory));
        var composite = new CompositeKernel("parley");
        composite.Add(csharp, ["c#", "C#", "cs"]);
        composite.DefaultKernelName = CSharp;
        composite.UseImportMagicCommand();
        // Extensions look up Kernel.Root, which only exists inside a command: load them as one.
        composite.RegisterCommandHandler<LoadDisplayExtensions>((command, context) =>
            LoadExtensionsAsync(composite, command.Folder, options.Log));
        var loaded = await composite.SendAsync(new LoadDisplayExtensions(Path.Combine(options.AssemblyDirectory, "interactive-extensions")));
        if (loaded.Events.OfType<Microsoft.DotNet.Interactive.Events.CommandFailed>().FirstOrDefault() is { } failed)
        {
            options.Log?.WriteLine($"parley kernel: display extensions failed to load: {failed.Message}");
        }
        return composite;
    }

    /// <summary>The packages whose values the kernel displays itself (tables, charts): referenced even before Parley uses them.</summary>
    private static readonly string[] DisplayedPackages = ["Microsoft.Data.Analysis", "Plotly.NET", "DynamicObj", "FSharp.Core"];

    /// <summary>
    /// The Parley assemblies beside the kernel and the packages their public API exposes (DataFrame, Plotly.NET, ML.NET, …):
    /// every <c>Parley*.dll</c> except the notebook host and benchmarks, plus the assemblies they reference that sit
    /// in the same folder.
    /// </summary>
    internal static IReadOnlyList<string> ParleyReferences(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }
        var roots = Directory.EnumerateFiles(directory, "Parley*.dll")
            .Where(p => Path.GetFileNameWithoutExtension(p) is var n
                && n != "Parley.Notebooks" && n != "Parley.Benchmarks" && !n.EndsWith(".Tests", StringComparison.Ordinal))
            .Where(p => IsAppAssembly(p))
            .Order(StringComparer.Ordinal)
            .ToList();
        var result = new SortedSet<string>(roots, StringComparer.Ordinal);
        foreach (var package in DisplayedPackages)
        {
            var path = Path.Combine(directory, package + ".dll");
            if (File.Exists(path))
            {
                result.Add(path);
            }
        }
        foreach (var root in roots)
        {
            foreach (var reference in ReferencedAssemblyNames(root))
            {
                var candidate = Path.Combine(directory, reference + ".dll");
                if (File.Exists(candidate))
                {
                    result.Add(candidate);
                }
            }
        }
        return result.ToList();
    }

    /// <summary>
    /// Whether the file is one of the running program's own assemblies (its deps.json lists it), so that a stale
    /// assembly left in the build folder is never referenced. Files of another folder are taken as they are.
    /// </summary>
    private static bool IsAppAssembly(string path)
    {
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string)?.Split(Path.PathSeparator) ?? [];
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        var fromThisFolder = trusted.Where(t => string.Equals(Path.GetDirectoryName(t), directory, StringComparison.Ordinal)).ToList();
        return fromThisFolder.Count == 0 || fromThisFolder.Contains(Path.GetFullPath(path), StringComparer.Ordinal);
    }

    private static IEnumerable<string> ReferencedAssemblyNames(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
        }
        catch (BadImageFormatException)
        {
            return [];
        }
    }

    private static async Task LoadPackageExtensionsAsync(Microsoft.DotNet.Interactive.Kernel kernel,
        IReadOnlyList<ResolvedPackageReference> packages, TextWriter? log)
    {
        foreach (var package in packages)
        {
            if (!string.IsNullOrEmpty(package.PackageRoot))
            {
                await LoadExtensionsAsync(kernel, Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet"), log);
            }
        }
    }

    /// <summary>Loads every <c>IKernelExtension</c> found in the assemblies of a folder (e.g. the DataFrame display).</summary>
    internal static async Task LoadExtensionsAsync(Microsoft.DotNet.Interactive.Kernel kernel, string folder, TextWriter? log)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }
        foreach (var path in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
        {
            try
            {
                var name = AssemblyName.GetAssemblyName(path);
                var assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name))
                    ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
                foreach (var type in assembly.GetExportedTypes().Where(t => typeof(IKernelExtension).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }))
                {
                    if (Activator.CreateInstance(type) is IKernelExtension extension)
                    {
                        await extension.OnLoadAsync(kernel);
                    }
                }
            }
            catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException or TypeLoadException)
            {
                log?.WriteLine($"parley kernel: could not load display extension {path}: {ex.Message}");
            }
        }
    }
}

/// <summary>The start-up command that loads the display extensions shipped beside the kernel.</summary>
internal sealed class LoadDisplayExtensions(string folder) : Microsoft.DotNet.Interactive.Commands.KernelCommand
{
    public string Folder { get; } = folder;
}
