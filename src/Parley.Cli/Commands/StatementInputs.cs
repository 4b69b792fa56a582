using Parley.Articles;

namespace Parley.Cli.Commands;

/// <summary>Reads article files for the statement commands.</summary>
internal static class StatementInputs
{
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
