namespace Parley.Articles;

/// <summary>Limits and switches for <see cref="ArticleExtractor"/>.</summary>
public sealed record ArticleExtractorOptions
{
    /// <summary>The largest page accepted, in bytes after decompression; larger pages give an error result.</summary>
    /// <value>10 MB. Real article pages are rarely above 3 MB even with inline scripts.</value>
    public long MaxPageBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>The deepest element nesting accepted; deeper pages (usually broken or hostile markup) give an error result.</summary>
    /// <value>1,000 levels. Real pages stay well under 100.</value>
    public int MaxNestingDepth { get; init; } = 1000;

    /// <summary>The fewest words a body must have to count as an article; fewer gives an error result.</summary>
    /// <value>1: any text at all. Raise it to drop index and gallery pages.</value>
    public int MinBodyWords { get; init; } = 1;
}
