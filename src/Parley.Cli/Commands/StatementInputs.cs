using Parley.Articles;

namespace Parley.Cli.Commands;

/// <summary>Reads article files for the statement commands.</summary>
internal static class StatementInputs
{
    private static readonly string[] Extensions = [".html", ".htm", ".txt", ".gz", ".xhtml"];

    /// <summary>Files, and the article files under folders (recursively), sorted; unknown paths are returned as
    /// they are so that reading them reports the error.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                    .Order(StringComparer.Ordinal));
            else files.Add(input);
        }
        return files;
    }

    /// <summary>The article in a file, or an error message.</summary>
    public static (Article? Article, string? Error) Load(string path) => Load(path, new ArticleExtractor());

    /// <summary>The article in a file, or an error message.</summary>
    public static (Article? Article, string? Error) Load(string path, ArticleExtractor extractor)
    {
        try
        {
            if (!File.Exists(path)) return (null, "file not found");
            var result = extractor.ExtractBytes(File.ReadAllBytes(path), path);
            return (result.Article, result.Error);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, ex.Message);
        }
    }
}
