namespace Parley.Articles;

/// <summary>The outcome of extracting one document: an article, or the reason there is none.</summary>
/// <param name="Source">The input path or URL the result is for.</param>
/// <param name="Article">The extracted article, or null when extraction failed.</param>
/// <param name="Error">Why extraction failed ("empty file", "binary file: not text", …), or null.</param>
public sealed record ExtractionResult(string Source, Article? Article, string? Error)
{
    /// <summary>Whether an article was extracted.</summary>
    public bool Succeeded => Article is not null && Error is null;

    internal static ExtractionResult Fail(string source, string error) => new(source, null, error);
}
