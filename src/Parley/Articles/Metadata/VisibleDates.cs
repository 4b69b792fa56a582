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
    /// the headline's block, else an "Updated" date there, else the same two from the wider window.</summary>
    public (ArticleDate Date, bool Updated)? Best =>
        Labelled is { } l ? (l, false) : Plain is { } p ? (p, false) : Updated is { } u ? (u, true)
        : WidePlain is { } w ? (w, false) : WideUpdated is { } wu ? (wu, true) : null;

    /// <summary>Scans the text elements around the headline (<paramref name="headline"/> is its index in
    /// <paramref name="texts"/>), closest first.</summary>
    public static VisibleDates Scan(List<(HtmlNode Node, int Order)> texts, int headline)
    {
        ArticleDate? labelled = null, plain = null, updated = null, widePlain = null, wideUpdated = null, original = null;
        foreach (var (range, block) in Ranges(texts.Count, headline))
        {
            Label pending = Label.None;
            foreach (var i in range)
            {
                if (InTable(texts[i].Node)) { pending = Label.None; continue; }
                var text = Dom.Text(texts[i].Node);
                if (original is null && OriginalLine().Match(text) is { Success: true } op
                    && DateParser.FindWritten(text.Substring(op.Index + op.Length, Math.Min(40, text.Length - op.Index - op.Length))) is { } od)
                    original = od;
                if (text.Length > 160) text = DatelineHead(text);
                if (text.Length is < 3 or > 160) { pending = Label.None; continue; }
                var label = pending;
                pending = Label.None;
                var published = PublishedWord().Match(text);
                bool updatedWord = UpdatedWord().IsMatch(text);
                if (published.Success)
                {
                    // The date that follows the label, not the first date of the line ("Updated May 2 · Published April 9").
                    var after = text.Substring(published.Index + published.Length, Math.Min(25, text.Length - published.Index - published.Length));
                    if (DateParser.FindWritten(after) is { } pd) { if (block) labelled ??= pd; else widePlain ??= pd; continue; }
                    if (text.Length <= 24) { pending = Label.Published; continue; }
                }
                if (DateParser.FindWritten(text) is not { } d)
                {
                    if (updatedWord && text.Length <= 24) pending = Label.Updated;
                    continue;
                }
                if (label == Label.Published) { if (block) labelled ??= d; else widePlain ??= d; }
                else if (label == Label.Updated || (updatedWord && !published.Success)) { if (block) updated ??= d; else wideUpdated ??= d; }
                else if (block) plain ??= d;
                else widePlain ??= d;
            }
        }
        return new VisibleDates(labelled, plain, updated, widePlain, wideUpdated, original);
    }

    /// <summary>The rank of a text element at <paramref name="order"/> in the search order around the headline at
    /// <paramref name="headline"/> (lower is searched first), matching <see cref="Scan"/>.</summary>
    public static int SearchRank(int order, int headline)
    {
        int d = order - headline;
        return d >= 0 && d <= BlockAfter ? d
            : d < 0 && -d <= BlockBefore ? 1_000 - d
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

    /// <summary>The headline's block after it, then before it (closest first), then the wider window the same way.</summary>
    private static IEnumerable<(IEnumerable<int> Range, bool Block)> Ranges(int count, int headline)
    {
        int blockEnd = Math.Min(count, headline + BlockAfter + 1);
        int blockStart = Math.Max(0, headline - BlockBefore);
        yield return (Enumerable.Range(headline, Math.Max(0, blockEnd - headline)), true);
        yield return (Enumerable.Range(blockStart, headline - blockStart), true);
        int wideEnd = Math.Min(count, headline + After + 1);
        yield return (Enumerable.Range(blockEnd, Math.Max(0, wideEnd - blockEnd)), false);
        int wideStart = Math.Max(0, headline - Before);
        yield return (Enumerable.Range(wideStart, blockStart - wideStart).Reverse(), false);
    }

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
