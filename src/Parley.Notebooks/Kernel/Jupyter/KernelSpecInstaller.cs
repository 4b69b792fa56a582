using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Notebooks.Kernel.Jupyter;

/// <summary>Writes the Jupyter kernelspec that launches <c>parley kernel</c>.</summary>
internal static class KernelSpecInstaller
{
    /// <summary>The Jupyter data folder of the current user (<c>$JUPYTER_DATA_DIR</c>, else the platform default).</summary>
    public static string UserDataDirectory()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } explicitDir)
        {
            return explicitDir;
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        }
        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Jupyter");
        }
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter");
    }

    /// <summary>The kernels folder under an installation prefix (as <c>jupyter kernelspec install --prefix</c>).</summary>
    public static string PrefixDataDirectory(string prefix) => Path.Combine(Path.GetFullPath(prefix), "share", "jupyter");

    /// <summary>
    /// The command line that starts this program: the apphost itself, or <c>dotnet parley.dll</c> when run through
    /// the dotnet host. Absolute paths, so the kernelspec works from any folder.
    /// </summary>
    public static IReadOnlyList<string> CurrentProgram()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this program is unknown");
        if (Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
            if (string.IsNullOrEmpty(entry))
            {
                throw new InvalidOperationException("the entry assembly of this program is unknown");
            }
            return [process, entry];
        }
        return [process];
    }

    /// <summary>The kernel.json content.</summary>
    public static JsonObject KernelJson(IReadOnlyList<string> program, string displayName = JupyterKernelSpec.DisplayName) => new()
    {
        ["argv"] = new JsonArray(program.Concat(["kernel", "-f", "{connection_file}"]).Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
        ["display_name"] = displayName,
        ["language"] = "C#",
        ["interrupt_mode"] = "message",
        ["env"] = new JsonObject { ["DOTNET_EnableDiagnostics"] = "0" },
        ["metadata"] = new JsonObject { ["debugger"] = false },
    };

    /// <summary>Writes <c>&lt;dataDirectory&gt;/kernels/&lt;name&gt;/kernel.json</c>; returns the kernelspec folder.</summary>
    public static async Task<string> InstallAsync(string dataDirectory, IReadOnlyList<string> program, string name = JupyterKernelSpec.DefaultName,
        string displayName = JupyterKernelSpec.DisplayName, CancellationToken ct = default)
    {
        var folder = Path.Combine(dataDirectory, "kernels", name);
        Directory.CreateDirectory(folder);
        var json = KernelJson(program, displayName).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        await File.WriteAllTextAsync(Path.Combine(folder, "kernel.json"), json + "\n", ct);
        return folder;
    }
}
