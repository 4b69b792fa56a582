using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Parley.Benchmarks.Extraction;

/// <summary>One page's shingle counts, normalized so that tp + fp + fn = 1 (or all zero).</summary>
internal readonly record struct PageScore(double TruePositive, double FalsePositive, double FalseNegative, bool Exact);

/// <summary>Corpus figures of the article-extraction-benchmark metric.</summary>
internal sealed record BodyScore(double Precision, double Recall, double F1, double Accuracy, int Pages);

/// <summary>
/// The article-extraction-benchmark's own body metric: token 4-gram shingle multisets per page,
/// per-page tp/fp/fn normalized, corpus precision and recall as means, F1 from them.
/// </summary>
/// <remarks>
/// Tokens are Unicode word runs <c>[\p{L}\p{N}_]+</c> (Python's <c>\w+</c>), case kept. A text of 1 to 3 tokens
/// gives one short shingle; an empty text gives none. Precision is averaged over pages with a non-empty
/// prediction, recall over pages with a non-empty truth.
/// </remarks>
internal static partial class ShingleMetric
{
    [GeneratedRegex(@"[\p{L}\p{N}_]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    public static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text)) return tokens;
        foreach (Match m in Word().Matches(text)) tokens.Add(m.Value);
        return tokens;
    }

    private static Dictionary<string, int> Shingles(List<string> tokens, int n = 4)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0) return counts;
        int count = Math.Max(1, tokens.Count - n + 1);
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            sb.Clear();
            for (int j = i; j < Math.Min(i + n, tokens.Count); j++) sb.Append(tokens[j]).Append('\u0001');
            var key = sb.ToString();
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    public static PageScore Score(string? truth, string? predicted)
    {
        var trueTokens = Tokens(truth);
        var predTokens = Tokens(predicted);
        var t = Shingles(trueTokens);
        var p = Shingles(predTokens);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (key, tc) in t)
        {
            int pc = p.GetValueOrDefault(key);
            tp += Math.Min(tc, pc);
            fn += Math.Max(0, tc - pc);
        }
        foreach (var (key, pc) in p)
            fp += Math.Max(0, pc - t.GetValueOrDefault(key));
        double sum = tp + fp + fn;
        if (sum > 0) { tp /= sum; fp /= sum; fn /= sum; }
        return new PageScore(tp, fp, fn, trueTokens.SequenceEqual(predTokens, StringComparer.Ordinal));
    }

    public static BodyScore Aggregate(IReadOnlyCollection<PageScore> pages)
    {
        var precisions = new List<double>();
        var recalls = new List<double>();
        foreach (var s in pages)
        {
            bool perfect = s.FalsePositive == 0 && s.FalseNegative == 0;
            if (s.TruePositive + s.FalsePositive > 0) precisions.Add(perfect ? 1 : s.TruePositive / (s.TruePositive + s.FalsePositive));
            if (s.TruePositive + s.FalseNegative > 0) recalls.Add(perfect ? 1 : s.TruePositive / (s.TruePositive + s.FalseNegative));
        }
        double p = precisions.Count == 0 ? 0 : precisions.Average();
        double r = recalls.Count == 0 ? 0 : recalls.Average();
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        double acc = pages.Count == 0 ? 0 : pages.Count(s => s.Exact) / (double)pages.Count;
        return new BodyScore(p, r, f1, acc, pages.Count);
    }

    /// <summary>Title normalization of the WCXB scorer: NFKC, case fold, plain quotes and dashes, collapsed whitespace.</summary>
    public static string NormalizeTitle(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var s = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (var c in s)
        {
            char o = c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ => c,
            };
            if (char.IsWhiteSpace(o)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(o);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"\s*(?:,|;|&|\||\band\b)\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AuthorSeparator();

    [GeneratedRegex(@"^\s*by\b[:\s]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LeadingBy();

    /// <summary>The WCXB author comparison: the sets of normalized names are equal.</summary>
    public static bool AuthorsMatch(string truth, string? predicted)
    {
        static HashSet<string> Names(string? s)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            if (string.IsNullOrWhiteSpace(s)) return set;
            s = LeadingBy().Replace(s, "");
            foreach (var part in AuthorSeparator().Split(s))
            {
                var n = NormalizeTitle(LeadingBy().Replace(part, ""));
                if (n.Length > 0) set.Add(n);
            }
            return set;
        }
        var t = Names(truth);
        var p = Names(predicted);
        return t.Count > 0 && t.SetEquals(p);
    }

    /// <summary>The WCXB date comparison: the first YYYY-MM-DD of the prediction is the truth's day.</summary>
    public static bool DateMatches(string truth, string? predicted)
    {
        if (predicted is null) return false;
        var m = Regex.Match(predicted, @"\d{4}-\d{2}-\d{2}");
        return m.Success && string.Equals(m.Value, truth.Trim(), StringComparison.Ordinal);
    }

    internal static string Format(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
