namespace Parley.Articles.Metadata;

/// <summary>What the metadata cascade found on a page, before the body is extracted.</summary>
internal sealed class PageMetadata
{
    public string? Title { get; set; }
    public string? Headline { get; set; }
    public string? Subtitle { get; set; }
    public List<string> Authors { get; set; } = [];
    public ArticleDate? Published { get; set; }
    public ArticleDate? Modified { get; set; }
    public string? Site { get; set; }
    public string? CanonicalUrl { get; set; }
    public string? Language { get; set; }
    public string? Description { get; set; }
    /// <summary>The JSON-LD <c>articleBody</c>, a strong hint for locating the body.</summary>
    public string? ArticleBody { get; set; }
    public List<string> Warnings { get; } = [];
}
