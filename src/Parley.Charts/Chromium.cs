namespace Parley.Charts;

/// <summary>Finds the system Chromium; Parley never downloads one.</summary>
internal static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>Flags for headless runs in containers and CI: no sandbox (root), no GPU, no background network.</summary>
    public static readonly IReadOnlyList<string> Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    /// <summary>The executable: the given path, else <c>PARLEY_CHROMIUM</c>, else /usr/bin/chromium, else /usr/bin/chromium-browser.</summary>
    public static string? Find(string? path = null)
    {
        if (!string.IsNullOrWhiteSpace(path)) return File.Exists(path) ? path : null;
        var fromEnvironment = Environment.GetEnvironmentVariable("PARLEY_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return File.Exists(fromEnvironment) ? fromEnvironment : null;
        return new[] { DefaultPath, "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
    }

    public static string Missing(string? path) =>
        $"No Chromium at {path ?? Environment.GetEnvironmentVariable("PARLEY_CHROMIUM") ?? DefaultPath}: PNG export needs the system " +
        "Chromium (Debian: apt-get install chromium; or set PARLEY_CHROMIUM to its path). Parley never downloads a browser; " +
        "the HTML output does not need one.";
}
