using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Parley.Fetching.Sources;

/// <summary>
/// Reads sitemaps (<c>urlset</c>), sitemap indexes (<c>sitemapindex</c>) and Google News sitemaps, plain or gzipped.
/// </summary>
public static class SitemapReader
{
    private const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";

    /// <summary>Parses one sitemap document. Gzip is recognized by its magic bytes. Parsing never fetches.</summary>
    /// <returns>The page URLs (with <c>news:publication_date</c> or <c>lastmod</c> as their date) and, for an index,
    /// the child sitemaps to read next.</returns>
    /// <param name="content">The document, plain or gzipped.</param>
    /// <param name="baseUri">The sitemap's own address, for relative entries and messages.</param>
    /// <param name="maxBytes">Largest decompressed size read (the sitemap protocol's limit is 50 MB); a larger or
    /// gzip-bomb document is reported as a problem.</param>
    public static SitemapDocument Parse(Stream content, Uri? baseUri = null, long maxBytes = 50L * 1024 * 1024)
    {
        var stream = new LimitedStream(GzipAware(content), maxBytes);
        var pages = new List<SourceUrl>();
        var children = new List<Uri>();
        var problems = new List<string>();
        try
        {
            using var reader = XmlReader.Create(stream, SafeXml.Settings);
            string? loc = null;
            DateTimeOffset? date = null;
            bool inIndex = false;
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    switch (reader.LocalName)
                    {
                        case "sitemapindex": inIndex = true; break;
                        case "url" or "sitemap": loc = null; date = null; break;
                        case "loc" when reader.NamespaceURI != NewsNamespace:
                            loc = reader.ReadElementContentAsString().Trim();
                            continue; // already moved past the element
                        case "publication_date" when reader.NamespaceURI == NewsNamespace:
                            date = ParseDate(reader.ReadElementContentAsString());
                            continue;
                        case "lastmod":
                            var lastmod = ParseDate(reader.ReadElementContentAsString());
                            date ??= lastmod;
                            continue;
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName is "url" or "sitemap")
                {
                    var uri = loc is null ? null : Resolve(loc, baseUri);
                    if (uri is null) problems.Add($"{baseUri}: sitemap entry '{loc}' is not an http(s) URL");
                    else if (inIndex || reader.LocalName == "sitemap") children.Add(uri);
                    else pages.Add(new SourceUrl(uri, date));
                }
                reader.Read();
            }
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException)
        {
            problems.Add($"{baseUri}: not a readable sitemap ({ex.Message})");
        }
        return new SitemapDocument(new SourceListing(pages, problems), children);
    }

    // Combining with the base handles absolute and relative entries alike ("/x" alone would parse as a file path on Unix).
    private static Uri? Resolve(string loc, Uri? baseUri) =>
        baseUri is not null ? (Uri.TryCreate(baseUri, loc, out var resolved) ? UrlNormalizer.Normalize(resolved) : null)
        : UrlNormalizer.TryNormalize(loc);

    private static DateTimeOffset? ParseDate(string text) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    private static Stream GzipAware(Stream content)
    {
        var buffered = content.CanSeek ? content : CopyToMemory(content);
        Span<byte> magic = stackalloc byte[2];
        int read = buffered.Read(magic);
        buffered.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(buffered, CompressionMode.Decompress) : buffered;
    }

    private static MemoryStream CopyToMemory(Stream content)
    {
        var memory = new MemoryStream();
        content.CopyTo(memory);
        memory.Position = 0;
        return memory;
    }
}

/// <summary>One parsed sitemap: its pages and, for an index, its child sitemaps.</summary>
/// <param name="Pages">Page URLs.</param>
/// <param name="Children">Child sitemaps listed by a sitemap index.</param>
public sealed record SitemapDocument(SourceListing Pages, IReadOnlyList<Uri> Children);
