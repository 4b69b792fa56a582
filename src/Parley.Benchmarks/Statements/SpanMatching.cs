namespace Parley.Benchmarks.Statements;

/// <summary>One-to-one matching of content extents, largest overlap first; a pair matches when the overlap is at
/// least half the length of the shorter extent (the PolNeAR benchmark's rule, also used for the demo gold).</summary>
internal static class SpanMatching
{
    /// <summary>Returns (gold index, predicted index) pairs.</summary>
    public static List<(int Gold, int Predicted)> Match(IReadOnlyList<(int Start, int End)> gold, IReadOnlyList<(int Start, int End)> predicted)
    {
        var pairs = new List<(int Overlap, int Gold, int Predicted)>();
        for (int g = 0; g < gold.Count; g++)
            for (int p = 0; p < predicted.Count; p++)
            {
                int overlap = Math.Min(gold[g].End, predicted[p].End) - Math.Max(gold[g].Start, predicted[p].Start);
                if (overlap <= 0) continue;
                int shorter = Math.Min(gold[g].End - gold[g].Start, predicted[p].End - predicted[p].Start);
                if (2 * overlap >= shorter) pairs.Add((overlap, g, p));
            }
        // Largest overlap first; ties in reading order so the result is deterministic.
        pairs.Sort((a, b) => b.Overlap != a.Overlap ? b.Overlap.CompareTo(a.Overlap)
            : a.Gold != b.Gold ? a.Gold.CompareTo(b.Gold) : a.Predicted.CompareTo(b.Predicted));
        var usedGold = new HashSet<int>();
        var usedPredicted = new HashSet<int>();
        var matches = new List<(int, int)>();
        foreach (var (_, g, p) in pairs)
            if (!usedGold.Contains(g) && !usedPredicted.Contains(p))
            {
                usedGold.Add(g);
                usedPredicted.Add(p);
                matches.Add((g, p));
            }
        return matches;
    }

    /// <summary>Where a predicted text sits: at its offsets when they slice it out, else its occurrence nearest to
    /// <paramref name="start"/>, else the offsets as given.</summary>
    public static (int Start, int End) Locate(string text, string content, int start, int end)
    {
        if (start >= 0 && end <= text.Length && start <= end && string.CompareOrdinal(text, start, content, 0, Math.Max(end - start, content.Length)) == 0
            && end - start == content.Length)
            return (start, end);
        if (content.Length == 0) return (Math.Clamp(start, 0, text.Length), Math.Clamp(end, 0, text.Length));
        int best = -1;
        for (int i = text.IndexOf(content, StringComparison.Ordinal); i >= 0; i = text.IndexOf(content, i + 1, StringComparison.Ordinal))
            if (best < 0 || Math.Abs(i - start) < Math.Abs(best - start)) best = i;
        return best >= 0 ? (best, best + content.Length) : (Math.Clamp(start, 0, text.Length), Math.Clamp(end, 0, text.Length));
    }
}

/// <summary>Precision, recall and F1 from counts.</summary>
public readonly record struct PrecisionRecall(int Matched, int Predicted, int Gold)
{
    /// <summary>Matched / predicted (1 when nothing was predicted).</summary>
    public double Precision => Predicted == 0 ? 1 : (double)Matched / Predicted;

    /// <summary>Matched / gold (1 when there is no gold).</summary>
    public double Recall => Gold == 0 ? 1 : (double)Matched / Gold;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Adds two counts.</summary>
    public static PrecisionRecall operator +(PrecisionRecall a, PrecisionRecall b) =>
        new(a.Matched + b.Matched, a.Predicted + b.Predicted, a.Gold + b.Gold);

    /// <inheritdoc />
    public override string ToString() => $"P {Precision:0.000}  R {Recall:0.000}  F1 {F1:0.000}  ({Matched} matched, {Predicted} predicted, {Gold} gold)";
}
