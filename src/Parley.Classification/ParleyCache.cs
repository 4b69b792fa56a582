namespace Parley.Classification;

/// <summary>Where Parley keeps what it can recompute: embeddings and default models.</summary>
internal static class ParleyCache
{
    /// <summary>The cache root: the given directory, else <c>$PARLEY_CACHE</c>, else <c>~/.cache/parley</c>.</summary>
    public static string Root(string? directory)
    {
        if (!string.IsNullOrWhiteSpace(directory))
            return directory;
        var env = Environment.GetEnvironmentVariable("PARLEY_CACHE");
        if (!string.IsNullOrWhiteSpace(env))
            return env;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(string.IsNullOrEmpty(home) ? Path.GetTempPath() : home, ".cache", "parley");
    }
}
