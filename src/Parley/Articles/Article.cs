namespace Parley.Articles;

/// <summary>
/// One news article, extracted and normalized from a page or a plain-text wire file.
/// </summary>
/// <remarks>
/// Immutable. <see cref="Text"/> is the text that statement offsets index into: for HTML it is
/// <see cref="Paragraphs"/> joined by a blank line; for a <c>.txt</c> wire file it is the whole file
/// with <c>\r\n</c> turned into <c>\n</c>, so offsets point into the file.
/// </remarks>
public sealed record Article
{
    /// <summary>Stable id: a hash of the canonical URL, else of the content.</summary>
    public required string Id { get; init; }

    /// <summary>Where the article came from: the input path or the URL asked for.</summary>
    public required string Source { get; init; }

    /// <summary>The address the page was fetched from; for a file, the page's own canonical address if it declares one.</summary>
    public string? Url { get; init; }

    /// <summary>The canonical address the page declares (<c>link rel=canonical</c>, <c>og:url</c>, JSON-LD <c>url</c>).</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>The publisher's site name ("Reuters", "Kyiv Independent").</summary>
    public string? Site { get; init; }

    /// <summary>The headline, cleaned of " | Site" suffixes.</summary>
    public string? Title { get; init; }

    /// <summary>The subtitle or dek.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Author names, cleaned: no "By", no "and", no job titles, no "Email the author".</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>When the article was first published, as precise as the page says.</summary>
    public ArticleDate? Published { get; init; }

    /// <summary>When the article was last modified, as precise as the page says.</summary>
    public ArticleDate? Modified { get; init; }

    /// <summary>BCP 47 language tag when the page declares or implies one ("en", "ru", "uk").</summary>
    public string? Language { get; init; }

    /// <summary>The body as paragraphs in reading order; headings, list items and block quotes are their own paragraphs.</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>The full text that statement offsets index into (see remarks on <see cref="Article"/>).</summary>
    public string Text { get; init; } = "";

    /// <summary>The outlet the article was syndicated from ("Originally published on …"), if any.</summary>
    public string? SyndicatedFrom { get; init; }

    /// <summary>The copyright line, moved out of the body.</summary>
    public string? Copyright { get; init; }

    /// <summary>Number of word runs in <see cref="Text"/>.</summary>
    public int WordCount { get; init; }

    /// <summary>What was guessed or missing ("no publication date found", "title taken from &lt;title&gt;").</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
