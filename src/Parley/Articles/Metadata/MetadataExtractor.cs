using System.Text.RegularExpressions;
using HtmlAgilityPack;
using Parley.Articles.Body;
using Parley.Articles.Text;

namespace Parley.Articles.Metadata;

/// <summary>
/// The metadata cascade: JSON-LD, then OpenGraph and article:*, Twitter cards, plain meta tags, itemprop,
/// <c>time datetime</c>, then visible bylines and datelines, then the URL.
/// </summary>
internal static partial class MetadataExtractor
{
    public static PageMetadata Extract(HtmlDocument doc, string? url)
    {
        var meta = new PageMetadata();
        var root = doc.DocumentNode;
        var metas = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        using var jsonLd = new JsonLd();
        HtmlNode? firstH1 = null;
        string? titleTag = null, canonical = null, htmlLang = null;
        var timeNodes = new List<HtmlNode>();
        var itemprops = new List<HtmlNode>();
        var bylineNodes = new List<HtmlNode>();

        foreach (var n in Dom.Descendants(root))
        {
            if (n.NodeType != HtmlNodeType.Element) continue;
            switch (n.Name)
            {
                case "meta":
                    var key = n.GetAttributeValue("property", null) ?? n.GetAttributeValue("name", null) ?? n.GetAttributeValue("itemprop", null);
                    var content = n.GetAttributeValue("content", null);
                    if (key is not null && !string.IsNullOrWhiteSpace(content))
                    {
                        if (!metas.TryGetValue(key.Trim(), out var list)) metas[key.Trim()] = list = [];
                        list.Add(content);
                    }
                    continue;
                case "script":
                    if (n.GetAttributeValue("type", "").Contains("ld+json", StringComparison.OrdinalIgnoreCase)) jsonLd.Add(n.InnerHtml);
                    continue;
                case "title":
                    titleTag ??= Dom.Text(n);
                    continue;
                case "link":
                    if (n.GetAttributeValue("rel", "").Equals("canonical", StringComparison.OrdinalIgnoreCase)) canonical ??= n.GetAttributeValue("href", null);
                    continue;
                case "html":
                    htmlLang ??= n.GetAttributeValue("lang", null) ?? n.GetAttributeValue("xml:lang", null);
                    break;
                case "h1":
                    if (firstH1 is null && !Dom.IsHidden(n) && Dom.Text(n).Length > 0) firstH1 = n;
                    break;
                case "time":
                    timeNodes.Add(n);
                    break;
            }
            if (n.HasAttributes)
            {
                if (n.Attributes["itemprop"] is not null && n.Name != "meta") itemprops.Add(n);
                var hints = Dom.Hints(n);
                if ((hints.Contains("byline") || hints.Contains("author") || n.GetAttributeValue("rel", "") == "author") && bylineNodes.Count < 30)
                    bylineNodes.Add(n);
            }
        }

        string? M(params string[] keys)
        {
            foreach (var k in keys)
                if (metas.TryGetValue(k, out var v))
                    foreach (var x in v) { var t = TextNormalizer.Normalize(x); if (t.Length > 0) return t; }
            return null;
        }

        var article = jsonLd.Article();
        var page = jsonLd.WebPage();

        // Site and canonical address.
        meta.Site = M("og:site_name", "application-name", "publisher", "twitter:app:name:iphone")
            ?? (article is { } a0 ? jsonLd.Publisher(a0) : null) ?? jsonLd.SiteName();
        if (meta.Site is not null) meta.Site = TextNormalizer.Normalize(meta.Site);
        canonical ??= M("og:url") ?? (article is { } a1 ? jsonLd.String(a1, "url") : null);
        meta.CanonicalUrl = AbsoluteUrl(canonical, url);

        // Title: the visible headline when a meta title agrees with it, otherwise the best meta title, cleaned.
        var headline = firstH1 is null ? null : Dom.Text(firstH1);
        meta.Headline = headline;
        string? host = HostOf(meta.CanonicalUrl ?? url);
        var metaTitle = (article is { } a2 ? Clean(jsonLd.String(a2, "headline")) ?? Clean(jsonLd.String(a2, "name")) : null)
            ?? M("og:title", "twitter:title", "parsely-title", "dc.title", "sailthru.title", "headline");
        string? title = null;
        if (headline is not null && headline.Length is > 3 and < 300)
        {
            var hk = TitleCleaner.Key(headline);
            foreach (var cand in new[] { metaTitle, titleTag })
            {
                if (cand is null) continue;
                var ck = TitleCleaner.Key(cand);
                if (ck == hk || (hk.Length > 10 && ck.Contains(hk, StringComparison.Ordinal))) { title = headline; break; }
            }
        }
        if (title is null && metaTitle is not null) title = TitleCleaner.Clean(metaTitle, meta.Site, host, headline);
        if (title is null && titleTag is not null)
        {
            title = TitleCleaner.Clean(titleTag, meta.Site, host, headline);
            meta.Warnings.Add("title taken from <title>");
        }
        if (title is null && headline is not null) title = headline;
        if (title is null) meta.Warnings.Add("no title found");
        meta.Title = string.IsNullOrWhiteSpace(title) ? null : title;

        // Subtitle (dek) and description.
        meta.Description = (article is { } a3 ? Clean(jsonLd.String(a3, "description")) : null) ?? M("og:description", "description", "twitter:description");
        meta.Subtitle = article is { } a4 ? Clean(jsonLd.String(a4, "alternativeHeadline")) : null;

        // Authors.
        var rawAuthors = new List<string>();
        if (article is { } a5) { rawAuthors.AddRange(jsonLd.Names(a5, "author")); if (rawAuthors.Count == 0) rawAuthors.AddRange(jsonLd.Names(a5, "creator")); }
        if (rawAuthors.Count == 0 && M("author", "byl", "dc.creator", "parsely-author", "sailthru.author", "citation_author", "article:author_name", "twitter:data1") is { } ma
            && !ma.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            rawAuthors.Add(ma);
        if (rawAuthors.Count == 0)
        {
            foreach (var n in itemprops)
            {
                if (!n.GetAttributeValue("itemprop", "").Contains("author", StringComparison.OrdinalIgnoreCase)) continue;
                var nameNode = Dom.Descendants(n).FirstOrDefault(d => d.NodeType == HtmlNodeType.Element && d.GetAttributeValue("itemprop", "") == "name");
                var t = nameNode is not null ? nameNode.GetAttributeValue("content", null) ?? Dom.Text(nameNode) : Dom.Text(n);
                if (t.Length is > 0 and < 120) rawAuthors.Add(t);
            }
        }
        if (rawAuthors.Count == 0)
        {
            foreach (var n in bylineNodes)
            {
                var t = Dom.Text(n);
                if (t.Length is < 3 or > 120) continue;
                var cleaned = AuthorNames.Clean([t]);
                if (cleaned.Count > 0) { rawAuthors.Add(t); meta.Warnings.Add("authors taken from the visible byline"); break; }
            }
        }
        meta.Authors = AuthorNames.Clean(rawAuthors);
        if (meta.Authors.Count == 0) meta.Warnings.Add("no author found");

        // Dates: published and modified kept apart.
        meta.Published = (article is { } a6 ? DateParser.Parse(jsonLd.String(a6, "datePublished")) ?? DateParser.Parse(jsonLd.String(a6, "dateCreated")) : null)
            ?? DateParser.Parse(M("article:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate", "publish-date", "publish_date",
                "article.published", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date", "dcterms.date", "dcterms.created", "date", "citation_publication_date",
                "citation_date", "article_date_original", "originalpublicationdate", "cxenseparse:recs:publishtime", "published_time", "release_date"));
        meta.Modified = (article is { } a7 ? DateParser.Parse(jsonLd.String(a7, "dateModified")) : null)
            ?? DateParser.Parse(M("article:modified_time", "og:updated_time", "dateModified", "last-modified", "dcterms.modified", "lastmod"));
        if (meta.Published is null)
        {
            foreach (var n in itemprops)
                if (n.GetAttributeValue("itemprop", "").Contains("datePublished", StringComparison.OrdinalIgnoreCase)
                    && DateParser.Parse(n.GetAttributeValue("datetime", null) ?? n.GetAttributeValue("content", null) ?? Dom.Text(n)) is { } d)
                { meta.Published = d; break; }
        }
        if (meta.Published is null && page is { } pg) meta.Published = DateParser.Parse(jsonLd.String(pg, "datePublished"));
        if (meta.Published is null)
        {
            // <time datetime>: the one marked as published, else the first one that is not marked as updated.
            HtmlNode? pick = timeNodes.FirstOrDefault(t => t.Attributes["pubdate"] is not null || Dom.Hints(t).Contains("publish"))
                ?? timeNodes.FirstOrDefault(t => !Dom.Hints(t).Contains("modif") && !Dom.Hints(t).Contains("updat") && !(t.ParentNode is { } p && Dom.Hints(p).Contains("updat")));
            if (pick is not null && (DateParser.Parse(pick.GetAttributeValue("datetime", null)) ?? DateParser.FindWritten(Dom.Text(pick))) is { } d)
            {
                meta.Published = d;
                meta.Warnings.Add("publication date taken from a <time> element");
            }
        }
        if (meta.Published is null)
        {
            foreach (var n in Dom.Descendants(root))
            {
                if (n.NodeType != HtmlNodeType.Element || n.Name is "script" or "style" or "head") continue;
                var hints = Dom.Hints(n);
                if (hints.Length == 0 || !DateHint().IsMatch(hints) || hints.Contains("update") || hints.Contains("modified")) continue;
                var t = Dom.Text(n);
                if (t.Length is < 6 or > 200) continue;
                if (DateParser.FindWritten(t) is { } d) { meta.Published = d; meta.Warnings.Add("publication date taken from the visible dateline"); break; }
            }
        }
        if (meta.Published is null && DateParser.FromUrl(url ?? meta.CanonicalUrl) is { } ud)
        {
            meta.Published = ud;
            meta.Warnings.Add("publication date taken from the URL");
        }
        if (meta.Published is null) meta.Warnings.Add("no publication date found");

        // Language.
        var lang = htmlLang ?? M("og:locale", "content-language", "language", "dc.language") ?? (article is { } a8 ? jsonLd.String(a8, "inLanguage") : null);
        meta.Language = NormalizeLanguage(lang);

        if (article is { } a9 && Clean(jsonLd.String(a9, "articleBody")) is { } body && body.Length > 200) meta.ArticleBody = jsonLd.String(a9, "articleBody");
        return meta;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : TextNormalizer.Normalize(s) is { Length: > 0 } t ? t : null;

    internal static string? NormalizeLanguage(string? lang)
    {
        if (string.IsNullOrWhiteSpace(lang)) return null;
        var t = lang.Trim().Replace('_', '-');
        var parts = t.Split('-');
        if (parts[0].Length is < 2 or > 3 || !parts[0].All(char.IsAsciiLetter)) return null;
        return parts.Length > 1 && parts[1].Length == 2 ? $"{parts[0].ToLowerInvariant()}-{parts[1].ToUpperInvariant()}" : parts[0].ToLowerInvariant();
    }

    internal static string? AbsoluteUrl(string? href, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        href = href.Trim();
        if (Uri.TryCreate(href, UriKind.Absolute, out var abs) && (abs.Scheme == Uri.UriSchemeHttp || abs.Scheme == Uri.UriSchemeHttps)) return abs.ToString();
        if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && Uri.TryCreate(b, href, out var rel)) return rel.ToString();
        return null;
    }

    internal static string? HostOf(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : null;

    [GeneratedRegex(@"(?:^|[\s_\-])(?:date|dateline|time|timestamp|published|pubdate|posted|meta|byline|article-info|post-info|entry-date|story-date)", RegexOptions.CultureInvariant)]
    private static partial Regex DateHint();
}
