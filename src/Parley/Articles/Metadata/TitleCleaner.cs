using System.Text.RegularExpressions;
using Parley.Articles.Text;

namespace Parley.Articles.Metadata;

/// <summary>Removes " | Site", " - Site" and similar suffixes or prefixes from a headline.</summary>
internal static partial class TitleCleaner
{
    /// <summary>Cleans a title against the site name, the host name and the visible headline when known.</summary>
    public static string Clean(string title, string? site, string? host, string? headline) => Clean(title, site, host, headline, guessSite: true);

    /// <summary>Removes only the segments that name the site or the host (no guessing from the separator alone): for a
    /// visible headline, where a short segment after a pipe is as likely part of the headline.</summary>
    public static string StripSite(string headline, string? site, string? host) =>
        site is null && host is null ? TextNormalizer.Normalize(headline) : Clean(headline, site, host, null, guessSite: false);

    private static string Clean(string title, string? site, string? host, string? headline, bool guessSite)
    {
        title = TextNormalizer.Normalize(title);
        var parts = Separator().Split(title);
        if (parts.Length < 2) return host is null ? title : WithoutDomainWord(title, host);
        // The visible headline is one of the parts: take it.
        if (!string.IsNullOrEmpty(headline))
        {
            var h = Key(headline);
            foreach (var p in parts) if (Key(p) == h) return p.Trim();
        }
        var kept = new List<string>(parts);
        bool Matches(string part)
        {
            var k = Key(part);
            if (k.Length == 0) return true;
            if (site is not null && (k == Key(site) || (Key(site).Length > 3 && (k.Contains(Key(site)) || Key(site).Contains(k))))) return true;
            if (host is not null && NamesHost(k, host)) return true;
            return false;
        }
        while (kept.Count > 1 && Matches(kept[^1])) kept.RemoveAt(kept.Count - 1);
        while (kept.Count > 1 && Matches(kept[0])) kept.RemoveAt(0);
        if (guessSite && kept.Count == parts.Length && parts.Length >= 2)
        {
            // No known site name: a short last part after a pipe is the site ("… | Reuters").
            var last = parts[^1].Trim();
            var rest = string.Join(" ", parts[..^1]);
            if (title.Contains(" | ", StringComparison.Ordinal) && last.Split(' ').Length <= 4 && rest.Split(' ').Length >= 3)
                kept.RemoveAt(kept.Count - 1);
        }
        if (kept.Count == parts.Length) return title;
        // Re-join what is left with the original separators.
        int start = title.IndexOf(kept[0], StringComparison.Ordinal);
        int end = title.LastIndexOf(kept[^1], StringComparison.Ordinal) + kept[^1].Length;
        return start >= 0 && end > start ? title[start..end].Trim() : string.Join(" - ", kept).Trim();
    }

    /// <summary>A title that opens or closes with the host's domain written out and no separator ("example.com Notes on
    /// the talks") loses it.</summary>
    private static string WithoutDomainWord(string title, string host)
    {
        int first = title.IndexOf(' '), last = title.LastIndexOf(' ');
        if (first < 0) return title;
        static bool IsDomain(string word, string host) => word.Contains('.') && NamesHost(Key(word), host);
        if (IsDomain(title[..first], host)) return title[(first + 1)..].Trim();
        if (IsDomain(title[(last + 1)..], host)) return title[..last].Trim();
        return title;
    }

    /// <summary>The article title from a page's <c>&lt;title&gt;</c>: the segment the headline names, else what is left
    /// once the site name is removed, keeping the first segment when a tagline follows ("Headline | Top 10 picks").</summary>
    public static string FromTitleTag(string titleTag, string? site, string? host, string? headline)
    {
        var cleaned = Clean(titleTag, site, host, headline);
        if (headline is not null && Key(cleaned) == Key(headline)) return cleaned;
        var parts = Separator().Split(cleaned);
        if (parts.Length < 2) return cleaned;
        // A hyphen inside a headline is common ("Kyiv - Moscow talks"): only split on it when a part is short.
        var first = parts[0].Trim();
        if (first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3) return first;
        return cleaned;
    }

    /// <summary>A headline written the way a <c>&lt;title&gt;</c> is, with pipes ("Movers in Leeds 2025 | Top 19 Companies",
    /// "Opinion | Why the talks stalled"), reduced to its headline: the longest pipe-separated segment, when it has at
    /// least three words and every other segment at most five (a tagline, a section label, a count). A pipe between two
    /// long clauses is kept.</summary>
    public static string DropPipeTaglines(string headline)
    {
        if (!headline.Contains(" | ", StringComparison.Ordinal)) return headline;
        var parts = headline.Split(" | ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2) return headline;
        static int WordCount(string s) => Words(s).Length;
        var longest = parts.MaxBy(WordCount)!;
        if (WordCount(longest) < 3) return headline;
        foreach (var p in parts)
            if (!ReferenceEquals(p, longest) && WordCount(p) > 5) return headline;
        return longest;
    }

    /// <summary>A declared title that is the headline with the characters the page's encoding lost put back: where the
    /// headline shows "?" or U+FFFD inside the text ("Beginner? Guide"), the declared title has one or two other
    /// characters ("Beginner's Guide") and is otherwise the same. Null when no declared title fits.</summary>
    public static string? RepairedBy(string headline, IEnumerable<string> declared)
    {
        var trimmed = headline.TrimEnd('?', '\uFFFD', ' ');
        if (trimmed.IndexOfAny(['?', '\uFFFD']) < 0) return null;
        var pattern = "^" + string.Join(".{1,2}", trimmed.Split('?', '\uFFFD').Select(Regex.Escape)) + @"[?\uFFFD]?$";
        foreach (var d in declared)
            if (!d.Equals(headline, StringComparison.Ordinal) && Regex.IsMatch(d, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)))
                return d;
        return null;
    }

    /// <summary>Whether a title segment (as a <see cref="Key"/>) names the host: any run of the host's labels except the
    /// top-level domain alone ("github" or "gist github com" for gist.github.com, "news example" for www.news.example).</summary>
    public static bool NamesHost(string segmentKey, string host)
    {
        var compact = segmentKey.Replace(" ", "");
        if (compact.Length == 0) return false;
        var labels = host.ToLowerInvariant().Split('.', StringSplitOptions.RemoveEmptyEntries);
        int first = labels.Length > 0 && labels[0] == "www" ? 1 : 0;
        for (int i = first; i < labels.Length; i++)
        {
            var run = "";
            for (int j = i; j < labels.Length; j++)
            {
                run += labels[j].Replace("-", "");
                if (run == compact && !(i == labels.Length - 1 && labels.Length > 1)) return true;
            }
        }
        return false;
    }

    /// <summary>The words of a title, as compared: its <see cref="Key"/> split at spaces.</summary>
    private static string[] Words(string title) => Key(title).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>How far two titles agree: shared words over the words of the longer one (1 = same words).</summary>
    public static double Agreement(string a, string b)
    {
        var wa = Words(a).ToHashSet(StringComparer.Ordinal);
        var wb = Words(b).ToHashSet(StringComparer.Ordinal);
        if (wa.Count == 0 || wb.Count == 0) return 0;
        int shared = wa.Count(wb.Contains);
        return shared / (double)Math.Max(wa.Count, wb.Count);
    }

    /// <summary>Whether a title looks cut short: an ellipsis at the end, or the length at which SEO plugins cut.</summary>
    public static bool LooksTruncated(string title) =>
        title.EndsWith('…') || title.EndsWith("...", StringComparison.Ordinal) || title.Length >= 100;

    /// <summary>A comparison key: case-folded letters and digits separated by single spaces.</summary>
    public static string Key(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        bool space = false;
        foreach (var c in s.Normalize(System.Text.NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c)) { if (space && sb.Length > 0) sb.Append(' '); space = false; sb.Append(char.ToLowerInvariant(c)); }
            else space = true;
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"\s+(?:\||-|–|—|::|»|«|·|•|/)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
