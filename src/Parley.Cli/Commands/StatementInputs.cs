using Parley.Articles;

namespace Parley.Cli.Commands;

/// <summary>Reads one article file for the statement commands.</summary>
internal static class StatementInputs
{
    /// <summary>The article in a file, or an error message.</summary>
    public static (Article? Article, string? Error) Load(string path)
    {
        try
        {
            if (!File.Exists(path)) return (null, "file not found");
            if (path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            {
                var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
                return (new Article { Id = Path.GetFileNameWithoutExtension(path), Source = path, Text = text, Paragraphs = [text] }, null);
            }
            return (null, "HTML articles need the article extractor (branch extract), which is not merged yet");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, ex.Message);
        }
    }
}
