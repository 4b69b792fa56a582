using System.Text.RegularExpressions;
using HtmlAgilityPack;
using Parley.Articles.Body;

namespace Parley.Articles.Metadata;

/// <summary>The dates a reader sees around the headline: a date labelled "Published", an unlabelled dateline, an
/// "Updated" date, each from the headline's own block first (just after it, then just before it) and from a wider
/// window second, plus an "Originally published on …" line anywhere in the article.</summary>
internal readonly partial record struct VisibleDates(
    ArticleDate? Labelled, ArticleDate? Plain, ArticleDate? Updated, ArticleDate? WidePlain, ArticleDate? WideUpdated, ArticleDate? OriginallyPublished)
{
    /// <summary>How many text elements before and after the headline are searched at most.</summary>
    public const int Before = 25, After = 120;

    /// <summary>The headline's own block: the byline and dateline sit within a few elements of it.</summary>
    private const int BlockBefore = 8, BlockAfter = 15;

    /// <summary>Whether any date was seen.</summary>
    public bool Any => Best is not null;

    /// <summary>The date to take when the page has no structured one: labelled "Published", else the first plain date in
    /// the headline's block (unless an "Updated" date comes first and sits clearly closer to the headline: the plain date
    /// after it is then a related post's), else an "Updated" date there,
    /// else the same two from the wider window.</summary>
    public (ArticleDate Date, bool Updated)? Best =>
        Labelled is { } l ? (l, false)
        : Plain is { } p && (Updated is null || PlainIndex < UpdatedIndex || PlainRank <= UpdatedRank + 3) ? (p, false)
        : Updated is { } u ? (u, true)
        : WidePlain is { } w ? (w, false) : WideUpdated is { } wu ? (wu, true) : null;

    private int PlainRank { get; init; }
    private int UpdatedRank { get; init; }
    private int PlainIndex { get; init; }
    private int UpdatedIndex { get; init; }

    /// <summary>Scans the text elements around the headline (<paramref name="headline"/> is its index in
    /// <paramref name="texts"/>), closest first.</summary>
    public static VisibleDates Scan(List<(HtmlNode Node, int Order)> texts, int headline)
    {
        ArticleDate? labelled = null, plain = null, updated = null, widePlain = null, wideUpdated = null, original = null;
        int plainRank = 0, updatedRank = 0, plainIndex = 0, updatedIndex = 0;
        var order = Enumerable.Range(Math.Max(0, headline - Before), Math.Min(texts.Count, headline + After + 1) - Math.Max(0, headline - Before))
            .OrderBy(i => SearchRank(i, headline));
        foreach (var i in order)
        {
            int rank = SearchRank(i, headline);
            bool block = rank < 2_000;
            if (InTable(texts[i].Node)) continue;
            // Raw text past 4,000 characters is a container or a long paragraph, never a dateline; but the container's own
            // short text can be one ("<div>20 May 2025 <div class=body>…</div></div>").
            if ((Dom.ShortText(texts[i].Node, 4_000) ?? Dom.OwnText(texts[i].Node, 160)) is not { } text) continue;
            if (original is null && OriginalLine().Match(text) is { Success: true } op
                && DateParser.FindWritten(text.Substring(op.Index + op.Length, Math.Min(40, text.Length - op.Index - op.Length))) is { } od)
                original = od;
            if (text.Length > 160) text = DatelineHead(text);
            if (text.Length > 160) text = Dom.OwnText(texts[i].Node, 160) ?? text;
            if (text.Length is < 3 or > 160) continue;
            var published = PublishedWord().Match(text);
            if (published.Success)
            {
                // The date that follows the label, not the first date of the line ("Updated May 2 · Published April 9").
                var after = text.Substring(published.Index + published.Length, Math.Min(25, text.Length - published.Index - published.Length));
                if (DateParser.FindWritten(after) is { } pd) { if (block) labelled ??= pd; else widePlain ??= pd; }
                continue;
            }
            if (DateParser.FindWritten(text) is not { } d) continue;
            // A label alone in the element before ("<span>Updated</span> <span>May 2, 2025</span>").
            var label = i > 0 && Dom.ShortText(texts[i - 1].Node, 200) is { } previous ? LabelOf(previous) : Label.None;
            if (label == Label.Published) { if (block) labelled ??= d; else widePlain ??= d; }
            else if (label == Label.Updated || UpdatedWord().IsMatch(text))
            {
                if (!block) wideUpdated ??= d;
                else if (updated is null) { updated = d; updatedRank = rank; updatedIndex = i; }
            }
            // A plain date in a long line ("Posted in … (May 2, 2025 archive)") is weaker than a bare dateline.
            else if (block && text.Length <= 40) { if (plain is null) { plain = d; plainRank = rank; plainIndex = i; } }
            else widePlain ??= d;
        }
        return new VisibleDates(labelled, plain, updated, widePlain, wideUpdated, original) { PlainRank = plainRank, UpdatedRank = updatedRank, PlainIndex = plainIndex, UpdatedIndex = updatedIndex };
    }

    private static Label LabelOf(string text)
    {
        if (text.Length is < 3 or > 24 || DateParser.FindWritten(text) is not null) return Label.None;
        return PublishedWord().IsMatch(text) ? Label.Published : UpdatedWord().IsMatch(text) ? Label.Updated : Label.None;
    }

    /// <summary>The rank of a text element at <paramref name="order"/> in the search order around the headline at
    /// <paramref name="headline"/> (lower is searched first; below 2,000 is the headline's own block): by distance,
    /// a step before the headline counting as two and a half after it (bylines and datelines mostly follow it), then the wider window after and before it.</summary>
    public static int SearchRank(int order, int headline)
    {
        int d = order - headline;
        return d >= 0 && d <= BlockAfter ? 2 * d
            : d < 0 && -d <= BlockBefore ? 5 * -d + 1
            : d > 0 ? 2_000 + d
            : 1_000_000 - d;
    }

    /// <summary>Dates in the cells of a data table are data, not the article's dateline.</summary>
    private static bool InTable(HtmlNode node)
    {
        // The cell's own text only: a page laid out in one big table cell is not a data table.
        return node.Name is "td" or "th";
    }

    private enum Label { None, Published, Updated }

    /// <summary>The dateline that opens a wire-style first paragraph ("KYIV, Ukraine, March 3, 2025 — …"): the text before
    /// the first dash within its first 100 characters, or the whole text when there is none.</summary>
    private static string DatelineHead(string text)
    {
        var head = text.AsSpan(0, Math.Min(100, text.Length));
        int dash = head.IndexOfAny('—', '–');
        if (dash < 0) dash = head.IndexOf(" - ", StringComparison.Ordinal);
        return dash > 0 ? text[..dash] : text;
    }

    [GeneratedRegex(@"\b(?:updated|modified|last\s+reviewed|reviewed|обновлено|оновлено|aktualisiert|mis\s+à\s+jour|actualizado)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UpdatedWord();

    [GeneratedRegex(@"\b(?:published|posted|опубликовано|опубліковано|veröffentlicht|publié|publicado)\b(?!\s+(?:in|under|by|to)\b)(?:\s+(?:on|at|am|le|el))?\s*:?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublishedWord();

    [GeneratedRegex(@"\b(?:originally|first)\s+(?:published|posted|appeared)\b(?:\s+(?:on|in))?\s*:?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalLine();
}
