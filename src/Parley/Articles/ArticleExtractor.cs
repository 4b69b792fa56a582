using System.Security.Cryptography;
using HtmlAgilityPack;
using Parley.Articles.Body;
using Parley.Articles.Encoding;
using Parley.Articles.Metadata;
using Parley.Articles.Text;
using Parley.Articles.Wire;

namespace Parley.Articles;

/// <summary>
/// Turns a news page (HTML) or a plain-text wire file into a clean, normalized <see cref="Article"/>.
/// </summary>
/// <remarks>
/// <para>Metadata comes from a cascade: JSON-LD (article types, <c>@graph</c>, author objects and lists), OpenGraph,
/// Twitter cards, meta tags, <c>itemprop</c>, <c>time datetime</c>, visible bylines and datelines, then the URL.
/// The body is the page's main content with navigation, share bars, related links, newsletter boxes, comments,
/// ads and captions removed; trailing syndication and copyright lines become metadata.</para>
/// <para>Failures that are expected (empty, binary, too large or too deeply nested input, unknown encoding, no text)
/// are returned as an <see cref="ExtractionResult"/> with <see cref="ExtractionResult.Error"/> set, never thrown.
/// The extractor holds no mutable state and may be shared between threads.</para>
/// </remarks>
/// <example>
/// <code>
/// var extractor = new ArticleExtractor();
/// var result = extractor.Extract(html, url: "https://news.example/2025/03/04/talks");
/// if (result.Succeeded) Console.WriteLine(result.Article!.Title);
/// </code>
/// </example>
public sealed class ArticleExtractor
{
    private readonly ArticleExtractorOptions _options;

    /// <summary>Creates an extractor.</summary>
    /// <param name="options">Limits; <see cref="ArticleExtractorOptions"/> defaults when null.</param>
    public ArticleExtractor(ArticleExtractorOptions? options = null) => _options = options ?? new ArticleExtractorOptions();

    /// <summary>The options this extractor uses.</summary>
    public ArticleExtractorOptions Options => _options;

    /// <summary>Extracts an article from decoded HTML.</summary>
    /// <param name="html">The page's markup.</param>
    /// <param name="url">The address the page was fetched from, when known (used for relative links and URL dates).</param>
    /// <param name="source">What to call the input in results; defaults to <paramref name="url"/> or "(html)".</param>
    public ExtractionResult Extract(string html, string? url = null, string? source = null)
    {
        source ??= url ?? "(html)";
        if (string.IsNullOrWhiteSpace(html)) return ExtractionResult.Fail(source, "empty file");
        if (html.Length > _options.MaxPageBytes)
            return ExtractionResult.Fail(source, $"page is {html.Length / 1048576.0:0.0} MB, over the {_options.MaxPageBytes / 1048576.0:0.#} MB limit");
        return FromHtml(html, url, source, []);
    }

    /// <summary>Extracts an article from raw bytes: gzip, character encoding and HTML versus plain text are detected.</summary>
    /// <param name="bytes">The file or response body.</param>
    /// <param name="source">The input path or URL, for results and for recognizing <c>.txt</c> wire files.</param>
    /// <param name="url">The address the page was fetched from, when known.</param>
    /// <param name="contentType">The HTTP <c>Content-Type</c>, whose charset wins over the page's own declaration.</param>
    public ExtractionResult ExtractBytes(ReadOnlyMemory<byte> bytes, string source, string? url = null, string? contentType = null)
    {
        if (bytes.Length == 0) return ExtractionResult.Fail(source, "empty file");
        var (page, error) = PageDecoder.Decode(bytes, contentType, source, _options.MaxPageBytes);
        if (page is null) return ExtractionResult.Fail(source, error ?? "unreadable input");
        var warnings = new List<string>(page.Warnings);
        if (page.IsHtml) return FromHtml(page.Text, url, source, warnings);
        return FromWire(page.Text, url, source, warnings);
    }

    /// <summary>Like <see cref="ExtractBytes"/>, and an exception from a bug in extraction becomes this input's error
    /// result (with the exception named) instead of ending a batch. Cancellation and out-of-memory still throw.</summary>
    internal ExtractionResult ExtractBytesOrError(ReadOnlyMemory<byte> bytes, string source, string? url = null, string? contentType = null)
    {
        try
        {
            return ExtractBytes(bytes, source, url, contentType);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return ExtractionResult.Fail(source, $"extraction failed ({ex.GetType().Name}): {ex.Message}");
        }
    }

    private ExtractionResult FromHtml(string html, string? url, string source, List<string> warnings)
    {
        var doc = new HtmlDocument
        {
            OptionMaxNestedChildNodes = _options.MaxNestingDepth,
            OptionCheckSyntax = false,
            OptionFixNestedTags = false,
            OptionUseIdAttribute = false, // no id index: nothing looks elements up by id, and building it costs time
        };
        try
        {
            doc.LoadHtml(ScriptContent.Strip(html));
        }
        catch (Exception ex) when (ex.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
        {
            return ExtractionResult.Fail(source, $"markup nested deeper than {_options.MaxNestingDepth} levels");
        }

        var meta = MetadataExtractor.Extract(doc, url);
        var blocks = BodyExtractor.Extract(doc, meta);
        var paragraphs = blocks.Select(b => b.Text).ToList();
        string? syndicatedFrom = null, copyright = null;
        FooterLines.Take(paragraphs, ref syndicatedFrom, ref copyright, keepAtLeast: 1);
        warnings.AddRange(meta.Warnings);

        var text = string.Join("\n\n", paragraphs);
        int words = TextNormalizer.CountWords(text);
        if (words < _options.MinBodyWords) return ExtractionResult.Fail(source, "no article text found on the page");
        var subtitle = meta.Subtitle;
        var article = new Article
        {
            Id = MakeId(meta.CanonicalUrl ?? url, text),
            Source = source,
            Url = url ?? meta.CanonicalUrl,
            CanonicalUrl = meta.CanonicalUrl,
            Site = meta.Site,
            Title = meta.Title,
            Subtitle = subtitle,
            Authors = meta.Authors,
            Published = meta.Published,
            Modified = meta.Modified,
            Language = meta.Language ?? GuessLanguage(text),
            Paragraphs = paragraphs,
            Text = text,
            SyndicatedFrom = syndicatedFrom,
            Copyright = copyright,
            WordCount = words,
            Warnings = warnings.Distinct().ToList(),
        };
        return new ExtractionResult(source, article, null);
    }

    private ExtractionResult FromWire(string file, string? url, string source, List<string> warnings)
    {
        var wire = WireArticleParser.Parse(file);
        if (wire.Paragraphs.Count == 0 && wire.Title is null) return ExtractionResult.Fail(source, "no article text found in the file");
        warnings.AddRange(wire.Warnings);
        var published = wire.Published ?? DateParser.FromUrl(url);
        if (published is null && DateParser.FromUrl(source) is { } fromName)
        {
            // Wire datelines often carry no year ("JEDDAH, March 11 (Atlas Wire) -"); archives name files by date.
            published = fromName;
            warnings.Add("publication date taken from the file name");
        }
        var article = new Article
        {
            Id = MakeId(url, wire.Text),
            Source = source,
            Url = url,
            Title = wire.Title,
            Subtitle = wire.Subtitle,
            Authors = wire.Authors,
            Published = published,
            Language = GuessLanguage(wire.Text),
            Paragraphs = wire.Paragraphs,
            Text = wire.Text,
            SyndicatedFrom = wire.SyndicatedFrom,
            Copyright = wire.Copyright,
            WordCount = TextNormalizer.CountWords(wire.Text),
            Warnings = warnings.Distinct().ToList(),
        };
        return new ExtractionResult(source, article, null);
    }

    /// <summary>A stable id: the first 16 hex digits of SHA-256 of the canonical URL, else of the text.</summary>
    internal static string MakeId(string? canonicalUrl, string text)
    {
        var key = string.IsNullOrWhiteSpace(canonicalUrl) ? "text:" + text : "url:" + canonicalUrl.Trim();
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// <summary>Plain text declares no language; Cyrillic letters with Ukrainian-only letters say "uk", else "ru".</summary>
    private static string? GuessLanguage(string text)
    {
        int latin = 0, cyrillic = 0, ukrainian = 0;
        foreach (var c in text.Length > 5000 ? text[..5000] : text)
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z') latin++;
            else if (c is >= '\u0400' and <= '\u04FF') { cyrillic++; if (c is 'і' or 'ї' or 'є' or 'ґ' or 'І' or 'Ї' or 'Є' or 'Ґ') ukrainian++; }
        }
        if (cyrillic > latin) return ukrainian > cyrillic / 100 ? "uk" : "ru";
        return null;
    }
}
