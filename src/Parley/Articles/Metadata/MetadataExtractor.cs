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
        var h1s = new List<HtmlNode>();
        var authorLinks = new List<HtmlNode>();
        var shortTexts = new List<(HtmlNode Node, int Order)>();
        int h1Order = -1;
        var h1Orders = new Dictionary<HtmlNode, int>(ReferenceEqualityComparer.Instance);
        string? titleTag = null, canonical = null, htmlLang = null;
        var timeNodes = new List<(HtmlNode Node, int Order)>();
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
                        // Some site builders put the JSON-LD block in a meta tag, entity-encoded.
                        if (key.Equals("script:ld+json", StringComparison.OrdinalIgnoreCase)) { jsonLd.Add(HtmlEntity.DeEntitize(content)); continue; }
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
                    if (!Dom.IsHidden(n) && Dom.Text(n).Length > 0) { h1s.Add(n); h1Orders[n] = shortTexts.Count; if (h1Order < 0) h1Order = shortTexts.Count; }
                    break;
                case "a":
                    var href = n.GetAttributeValue("href", "");
                    if (AuthorHref().IsMatch(href) && authorLinks.Count < 20) authorLinks.Add(n);
                    break;
                case "time":
                    timeNodes.Add((n, shortTexts.Count));
                    break;
            }
            // Links are left out (menus, tag lists, author pages), except a short one with digits: a dateline linking to an archive.
            if (n.Name is not ("title" or "option" or "textarea" or "a" or "h1" or "button") && shortTexts.Count < 8000 && HasOwnText(n)
                || n.Name == "a" && shortTexts.Count < 8000 && HasOwnText(n) && IsShortWithDigit(n))
                shortTexts.Add((n, shortTexts.Count));
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

        // Title: the visible headline (an <h1> outside the page chrome that is not the site name), else the best meta title, cleaned.
        string? host = HostOf(meta.CanonicalUrl ?? url);
        var metaTitle = (article is { } a2 ? Clean(jsonLd.String(a2, "headline")) ?? Clean(jsonLd.String(a2, "name")) : null)
            ?? M("og:title", "twitter:title", "parsely-title", "dc.title", "sailthru.title", "headline");
        var siteKey = meta.Site is null ? "" : TitleCleaner.Key(meta.Site);
        if (metaTitle is not null && TitleCleaner.Key(metaTitle) == siteKey) metaTitle = null;
        var reference = metaTitle ?? titleTag;
        // The titles the page declares for itself, each without the site name: they vote on which <h1> is the headline.
        var declared = new List<string>();
        foreach (var d in new[] { metaTitle, M("og:title"), M("twitter:title"), titleTag })
            if (d is not null && TitleCleaner.Clean(d, meta.Site, host, null) is { Length: > 0 } cleaned && TitleCleaner.Key(cleaned) != siteKey)
                declared.Add(cleaned); // one entry per source, duplicates kept: two sources that agree are a vote
        HtmlNode? headlineNode = null, agreed = null;
        double bestAgreement = 0;
        foreach (var h in h1s)
        {
            var t = Dom.Text(h);
            if (t.Length is < 4 or > 300 || TitleCleaner.Key(t) == siteKey || IsGenericHeading(t)
                || (host is not null && TitleCleaner.NamesHost(TitleCleaner.Key(t), host))) continue;
            double agreement = declared.Count == 0 ? 0 : declared.Max(d => TitleCleaner.Agreement(t, d));
            if (agreement > bestAgreement) { bestAgreement = agreement; agreed = h; }
            if (headlineNode is not null) continue;
            bool chrome = InChrome(h);
            double overlap = reference is null ? 0 : Overlap(t, reference);
            if (!chrome || overlap >= 0.3) headlineNode = h;
        }
        // An <h1> that the declared titles confirm beats the first plausible one (a logo, a section name, a pull quote).
        if (agreed is not null && bestAgreement >= 0.5) headlineNode = agreed;
        else if (headlineNode is not null && bestAgreement < 0.2 && DeclaredAgree(declared))
            headlineNode = null; // <h1>s (section headings, a call to action) that share next to no words with the title the page declares twice over
        var headline = headlineNode is null ? null : Dom.Text(headlineNode);
        int firstH1 = h1Order;
        h1Order = headlineNode is null ? -1 : h1Orders[headlineNode];
        meta.Headline = headline;
        string? title = headline is null ? null : HeadlineTitle(headline, declared, meta.Site, host);
        if (title is null && metaTitle is not null)
        {
            // A structured headline cut short (SEO plugins stop at about 110 characters) gives way to a declared title it begins.
            var full = TitleCleaner.LooksTruncated(metaTitle)
                ? declared.Where(d => d.Length > metaTitle.Length && TitleCleaner.Key(d).StartsWith(TitleCleaner.Key(metaTitle.TrimEnd('.', '…', ' ')), StringComparison.Ordinal)).MaxBy(d => d.Length)
                : null;
            title = full ?? TitleCleaner.FromTitleTag(metaTitle, meta.Site, host, null);
        }
        if (title is null && titleTag is not null && TitleCleaner.Key(titleTag) != siteKey)
        {
            title = TitleCleaner.FromTitleTag(titleTag, meta.Site, host, null);
            meta.Warnings.Add("title taken from <title>");
        }
        if (title is null) meta.Warnings.Add("no title found");
        meta.Title = string.IsNullOrWhiteSpace(title) ? null : title;

        // Subtitle (dek) and description.
        meta.Description = (article is { } a3 ? Clean(jsonLd.String(a3, "description")) : null) ?? M("og:description", "description", "twitter:description");
        meta.Subtitle = article is { } a4 ? Clean(jsonLd.String(a4, "alternativeHeadline")) : null;

        // Authors.
        var rawAuthors = new List<string>();
        bool organizationAuthor = false;
        if (article is { } a5)
        {
            rawAuthors.AddRange(jsonLd.Names(a5, "author"));
            if (rawAuthors.Count == 0) rawAuthors.AddRange(jsonLd.Names(a5, "creator"));
            organizationAuthor = rawAuthors.Count > 0 && jsonLd.AuthorIsOrganization(a5);
        }
        if (organizationAuthor && VisibleByline(bylineNodes, authorLinks) is { } visible)
        {
            rawAuthors = [visible];
            meta.Warnings.Add("authors taken from the visible byline (the structured author is an organization)");
        }
        if (rawAuthors.Count == 0 && M("author", "byl", "dc.creator", "parsely-author", "sailthru.author") is { } ma
            && !ma.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            rawAuthors.Add(ma);
        if (rawAuthors.Count == 0 && metas.TryGetValue("citation_author", out var citationAuthors))
        {
            // Scholarly metadata (Highwire Press tags): one tag per author, written "Last, First".
            foreach (var c in citationAuthors)
                rawAuthors.Add(AuthorNames.FromLastFirst(TextNormalizer.Normalize(c)));
        }
        if (rawAuthors.Count == 0 && M("article:author_name", "twitter:data1") is { } mb && !mb.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            rawAuthors.Add(mb);
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
        if (rawAuthors.Count == 0 && VisibleByline(bylineNodes, authorLinks) is { } byline)
        {
            rawAuthors.Add(byline);
            meta.Warnings.Add("authors taken from the visible byline");
        }
        if (rawAuthors.Count == 0)
        {
            // A label ("Written by", "Author") followed by the name in the next element.
            for (int i = 0; i + 1 < shortTexts.Count && rawAuthors.Count == 0; i++)
            {
                var label = Dom.Text(shortTexts[i].Node);
                if (label.Length > 20 || !AuthorLabel().IsMatch(label)) continue;
                var next = Dom.Text(shortTexts[i + 1].Node);
                var names = AuthorNames.Clean([next]);
                if (next.Length < 80 && names.Count > 0 && names.All(LooksLikeName))
                {
                    rawAuthors.Add(next);
                    meta.Warnings.Add("authors taken from a labelled byline");
                }
            }
        }
        if (rawAuthors.Count == 0)
        {
            // A "By Jane Doe" line near the headline.
            int from = Math.Max(0, (h1Order >= 0 ? h1Order : firstH1) - 10);
            foreach (var (node, _) in shortTexts.Skip(from).Take(60))
            {
                var t = Dom.Text(node);
                if (t.Length is < 5 or > 100 || !ByLine().IsMatch(t)) continue;
                if (AuthorNames.Clean([t]).Count > 0) { rawAuthors.Add(t); meta.Warnings.Add("authors taken from a 'By' line"); break; }
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
        if (meta.Published is null) meta.Published = DateParser.Parse(jsonLd.AnyDatePublished());
        if (meta.Published is null)
            foreach (var (k, v) in metas)
                if ((k.Contains("publish", StringComparison.OrdinalIgnoreCase) || k.EndsWith("date", StringComparison.OrdinalIgnoreCase)) && !k.Contains("modif", StringComparison.OrdinalIgnoreCase)
                    && !k.Contains("updat", StringComparison.OrdinalIgnoreCase) && DateParser.Parse(v[0]) is { } d)
                { meta.Published = d; break; }
        if (h1Order < 0 && meta.Title is not null)
        {
            // No <h1>: anchor on the element that shows the title.
            var key = TitleCleaner.Key(meta.Title);
            int limit = meta.Title.Length * 2 + 200;
            h1Order = shortTexts.FindIndex(t => Dom.ShortText(t.Node, limit) is { } shown && TitleCleaner.Key(shown) == key);
            if (h1Order < 0) h1Order = firstH1;
        }
        var seenDates = h1Order >= 0 ? VisibleDates.Scan(shortTexts, h1Order) : default;
        if (seenDates.OriginallyPublished is { } original && meta.Published?.Day != original.Day)
        {
            meta.Published = original;
            meta.Warnings.Add("publication date taken from an 'originally published' line");
        }
        else if (meta.Published is { } structured && seenDates.Labelled is { } labelled && !SameDayInSomeZone(structured, labelled))
        {
            // A day apart can be a time zone showing the same instant; a day on which that instant falls nowhere is a different date.
            // The page labels its date "Published …" beside the headline: what readers are told wins over a template's field.
            meta.Published = labelled;
            meta.Warnings.Add("publication date taken from the visible 'Published' label (the structured date differs)");
        }
        else if (meta.Published is { } restamped && seenDates.Plain is { } dateline && dateline.Day < restamped.Day && !SameDayInSomeZone(restamped, dateline))
        {
            // A dateline beside the headline that is older than the structured date: migrations and templates re-stamp the
            // structured field, the page keeps showing the day the article first appeared.
            meta.Published = dateline;
            meta.Warnings.Add("publication date taken from the visible dateline (older than the structured date)");
        }
        if (meta.Published is null)
        {
            // <time datetime>, closest to the headline first (a sidebar of recent posts often comes before the article):
            // one marked as published, else one not marked as updated; only when no dateline is visible near the
            // headline, the first marked one anywhere, else the first one anywhere that is not marked as updated.
            static bool NotUpdated((HtmlNode Node, int Order) t) =>
                Dom.Hints(t.Node) is var hints && !hints.Contains("modif") && !hints.Contains("updat") && !(t.Node.ParentNode is { } p && Dom.Hints(p).Contains("updat"));
            // In the order the visible dates are searched: the headline's block after it, then before it, then the wider window.
            var candidates = timeNodes.Where(t => DateOf(t.Node) is not null)
                .OrderBy(t => h1Order < 0 ? t.Order : VisibleDates.SearchRank(t.Order, h1Order)).ToList();
            bool Near((HtmlNode Node, int Order) t) => h1Order >= 0 && t.Order >= h1Order - VisibleDates.Before && t.Order <= h1Order + VisibleDates.After;
            static bool Marked((HtmlNode Node, int Order) t) => t.Node.Attributes["pubdate"] is not null || Dom.Hints(t.Node).Contains("publish");
            (HtmlNode Node, int Order)? pick =
                candidates.FirstOrDefault(t => Near(t) && Marked(t)) is { Node: not null } markedNear ? markedNear
                : candidates.FirstOrDefault(t => Near(t) && NotUpdated(t)) is { Node: not null } near ? near
                : h1Order >= 0 && (seenDates.Labelled ?? seenDates.Plain) is not null ? null
                : candidates.FirstOrDefault(Marked) is { Node: not null } marked ? marked
                : candidates.FirstOrDefault(NotUpdated) is { Node: not null } first ? first : null;
            if (pick is { } chosen && DateOf(chosen.Node) is { } d)
            {
                meta.Published = d;
                meta.Warnings.Add("publication date taken from a <time> element");
            }
        }
        if (meta.Published is null && seenDates.Best is { } seen)
        {
            meta.Published = seen.Date;
            meta.Warnings.Add(seen.Updated ? "publication date taken from a visible 'updated' date" : "publication date taken from the visible dateline");
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
        if (meta.Published is null && BylineDate(bylineNodes.Concat(authorLinks)) is { } bylineDate)
        {
            meta.Published = bylineDate;
            meta.Warnings.Add("publication date taken from the byline block");
        }
        if (meta.Published is { HasOffset: true } utc && utc.Value.Offset == TimeSpan.Zero)
        {
            // The same instant written with the publisher's own offset elsewhere on the page gives the local day.
            foreach (var (node, _) in timeNodes)
                if (DateParser.Parse(node.GetAttributeValue("datetime", null)) is { HasOffset: true } local && local.Value.Offset != TimeSpan.Zero
                    && (local.Value - utc.Value).Duration() <= TimeSpan.FromHours(1))
                {
                    meta.Published = new ArticleDate(utc.Value.ToOffset(local.Value.Offset), true, true);
                    break;
                }
        }
        var urlDate = DateParser.FromUrl(url ?? meta.CanonicalUrl);
        if (meta.Published is { } p0 && urlDate is { } u0 && p0.Day != u0.Day && p0.Day.Day <= 12
            && p0.Day.Year == u0.Day.Year && p0.Day.Month == u0.Day.Day && p0.Day.Day == u0.Day.Month)
        {
            // "03/10/2023" read month-first where the address says 3 October: the address settles the order.
            meta.Published = u0;
            meta.Warnings.Add("day and month order taken from the date in the URL");
        }
        if (meta.Published is null && urlDate is { } ud)
        {
            meta.Published = ud;
            meta.Warnings.Add("publication date taken from the URL");
        }
        if (meta.Published is null && meta.Modified is { } onlyDate)
        {
            // A page that states only when it was last modified: that is the one date it gives itself.
            meta.Published = onlyDate;
            meta.Warnings.Add("publication date taken from the modified date (the page gives no other)");
        }
        if (meta.Published is null) meta.Warnings.Add("no publication date found");

        // Language.
        var lang = htmlLang ?? M("og:locale", "content-language", "language", "dc.language") ?? (article is { } a8 ? jsonLd.String(a8, "inLanguage") : null);
        meta.Language = NormalizeLanguage(lang);

        if (article is { } a9 && Clean(jsonLd.String(a9, "articleBody")) is { } body && body.Length > 200) meta.ArticleBody = jsonLd.String(a9, "articleBody");
        return meta;
    }

    /// <summary>Whether a visible day can be the structured date seen from some time zone: within a day of it, and, when the
    /// structured date is an instant with an offset, a day on which that instant falls somewhere between UTC−12 and UTC+14
    /// (so 22:00Z on the 19th is never the 18th anywhere).</summary>
    internal static bool SameDayInSomeZone(ArticleDate structured, ArticleDate visible)
    {
        if (Math.Abs(visible.Day.DayNumber - structured.Day.DayNumber) > 1) return false;
        if (!structured.HasOffset) return true;
        var utc = structured.Value.UtcDateTime;
        return visible.Day >= DateOnly.FromDateTime(utc.AddHours(-12)) && visible.Day <= DateOnly.FromDateTime(utc.AddHours(14));
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

    private static bool HasOwnText(HtmlNode n)
    {
        for (var c = n.FirstChild; c is not null; c = c.NextSibling)
            if (c.NodeType == HtmlNodeType.Text && !string.IsNullOrWhiteSpace(((HtmlTextNode)c).Text)) return true;
        return false;
    }

    private static bool DeclaredAgree(List<string> declared)
    {
        for (int i = 0; i < declared.Count; i++)
            for (int j = i + 1; j < declared.Count; j++)
                if (TitleCleaner.Agreement(declared[i], declared[j]) >= 0.8) return true;
        return false;
    }

    private static bool IsShortWithDigit(HtmlNode a)
    {
        var t = a.InnerText;
        return t.Length <= 60 && t.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
    }

    private static bool InChrome(HtmlNode n)
    {
        for (var p = n.ParentNode; p is not null; p = p.ParentNode)
        {
            // <main> holds the content, and the classes of <body> and <html> describe the page's layout ("has-sidebar", "menu-slide-left").
            if (p.Name is "main" or "body" or "html") return false;
            if (p.Name is "nav" or "footer" or "aside") return true;
            if (p.Name == "header" && p.ParentNode is { } pp && !Dom.Descendants(pp).Any(d => d.Name == "p" && d.ParentNode != p)) return true;
            if (p.Name == "a") return true;
            var hints = Dom.Hints(p);
            if (hints.Length > 0 && ChromeHint().IsMatch(hints)) return true;
        }
        return false;
    }

    /// <summary>A date in the small block that holds the author's name ("Written by Jane Doe · April 8, 2024"), wherever it
    /// sits on the page (author boxes often come after the article): the byline element, else its parent or grandparent
    /// while that stays short. A date marked as an update is not taken.</summary>
    private static ArticleDate? BylineDate(IEnumerable<HtmlNode> bylines)
    {
        foreach (var n in bylines)
        {
            var block = n;
            for (int up = 0; up < 3 && block is not null && block.NodeType == HtmlNodeType.Element; up++, block = block.ParentNode)
            {
                if (SpacedText(block, 300) is not { } text) break;
                if (DateParser.FindWritten(text) is not { } d) continue;
                if (text.Contains("updat", StringComparison.OrdinalIgnoreCase) || text.Contains("modif", StringComparison.OrdinalIgnoreCase)) break;
                return d;
            }
        }
        return null;
    }

    /// <summary>The text nodes under a node joined by spaces (so "<c>&lt;p&gt;Jane Doe&lt;/p&gt;&lt;small&gt;May 2, 2025</c>" does not
    /// run the name into the month), or null past <paramref name="maxChars"/>.</summary>
    private static string? SpacedText(HtmlNode root, int maxChars)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var n in Dom.Descendants(root))
        {
            if (n.NodeType != HtmlNodeType.Text || n.ParentNode is { } p && Dom.NonContent.Contains(p.Name)) continue;
            sb.Append(((HtmlTextNode)n).Text).Append(' ');
            if (sb.Length > maxChars) return null;
        }
        return TextNormalizer.Normalize(sb.ToString());
    }

    private static ArticleDate? DateOf(HtmlNode time) =>
        DateParser.Parse(time.GetAttributeValue("datetime", null)) ?? DateParser.FindWritten(Dom.Text(time));

    /// <summary>The title from the visible headline: the site name and short pipe-separated taglines removed, and a declared
    /// title taken instead when the headline is that title plus a date, a section label ("Blog: …") or bare numbers.</summary>
    private static string HeadlineTitle(string headline, List<string> declared, string? site, string? host)
    {
        var title = TitleCleaner.DropPipeTaglines(TitleCleaner.StripSite(headline, site, host));
        if (TitleCleaner.RepairedBy(title, declared) is { } repaired) return repaired;
        var key = TitleCleaner.Key(title);
        foreach (var d in declared)
        {
            var dk = TitleCleaner.Key(d);
            if (dk.Split(' ').Length < 3 || key.Length <= dk.Length) continue;
            string? extra = key.StartsWith(dk + " ", StringComparison.Ordinal) ? key[(dk.Length + 1)..]
                : key.EndsWith(" " + dk, StringComparison.Ordinal) ? key[..(key.Length - dk.Length - 1)] : null;
            if (extra is null) continue;
            bool label = key.EndsWith(" " + dk, StringComparison.Ordinal) && extra.Split(' ').Length <= 2
                && title.IndexOf(':') is > 0 and var colon && TitleCleaner.Key(title[..colon]) == extra;
            bool trailingNumbers = key.StartsWith(dk + " ", StringComparison.Ordinal) && extra.All(c => char.IsDigit(c) || c == ' ');
            if (label || trailingNumbers || DateParser.FindWritten(extra) is not null) return d;
        }
        // The reverse: a declared title that is the headline plus a year or a count ("8 Recent trends …", "… in 2025").
        if (key.Split(' ').Length >= 3)
            foreach (var d in declared)
            {
                var dk = TitleCleaner.Key(d);
                if (dk.Length <= key.Length) continue;
                string? extra = dk.StartsWith(key + " ", StringComparison.Ordinal) ? dk[(key.Length + 1)..]
                    : dk.EndsWith(" " + key, StringComparison.Ordinal) ? dk[..(dk.Length - key.Length - 1)] : null;
                if (extra is not null && YearOrCount().IsMatch(extra)) return d;
            }
        return title;
    }

    private static bool IsGenericHeading(string t) => GenericHeading().IsMatch(t);

    private static double Overlap(string a, string b)
    {
        var wa = TitleCleaner.Key(a).Split(' ').ToHashSet();
        var wb = TitleCleaner.Key(b).Split(' ').ToHashSet();
        if (wa.Count == 0 || wb.Count == 0) return 0;
        return wa.Intersect(wb).Count() / (double)wa.Union(wb).Count();
    }

    private static string? VisibleByline(List<HtmlNode> bylineNodes, List<HtmlNode> authorLinks)
    {
        foreach (var n in bylineNodes.Concat(authorLinks))
        {
            var t = Dom.Text(n);
            if (t.Length is < 3 or > 120) continue;
            var names = AuthorNames.Clean([t]);
            if (names.Count > 0 && names.All(LooksLikeName)) return t;
        }
        return null;
    }

    /// <summary>Capitalized words, none of them site furniture ("Member Login", "View profile").</summary>
    private static bool LooksLikeName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 1 or > 5) return false;
        foreach (var w in words)
        {
            if (NotAName().IsMatch(w)) return false;
            if (!char.IsUpper(w[0]) && w is not ("van" or "der" or "de" or "la" or "von" or "bin" or "da" or "di" or "del" or "le")) return false;
        }
        return true;
    }

    [GeneratedRegex(@"^\s*(?:written\s+by|posted\s+by|by|authors?|author\s+name|автор|автори|autor|auteur)\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorLabel();

    [GeneratedRegex(@"^(?:login|log|sign|signin|member|members|subscribe|account|menu|home|contact|about|profile|view|all|posts|articles|more|follow|share|search|blog|news|help|support|privacy|terms|author|authors)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAName();

    [GeneratedRegex(@"/(?:author|authors|writer|writers|by|people|staff|profile|profiles|contributor|contributors|journalist|team)/[^/?#]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorHref();

    [GeneratedRegex(@"^(?:by|written by|posted by|words by|von|par|por|автор:?)\s+\p{Lu}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByLine();

    /// <summary>Page chrome by class or id; an article's own header ("entry-header", "story-header") is not chrome.</summary>
    [GeneratedRegex(@"(?:^|[\s_\-])(?<!(?:entry|post|article|story|single|content)[_\-]+)(?:header|masthead|logo|site-?title|site-?name|brand|navbar|menu|modal|popup|sidebar|widget|footer)(?=$|[\s_\-\d])", RegexOptions.CultureInvariant)]
    private static partial Regex ChromeHint();

    [GeneratedRegex(@"^(?:(?:in|for|of) )?\d{1,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex YearOrCount();

    [GeneratedRegex(@"^(?:menu|search|navigation|related|comments?|share|subscribe|newsletter|main menu|site navigation|you are here|(?:our |the |latest )?(?:blog|news|articles|insights|stories))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GenericHeading();

    [GeneratedRegex(@"(?:^|[\s_\-])(?:date|dateline|time|timestamp|published|pubdate|posted|meta|byline|article-info|post-info|entry-date|story-date)", RegexOptions.CultureInvariant)]
    private static partial Regex DateHint();
}
