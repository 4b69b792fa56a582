namespace Parley.Classification.Evaluation;

/// <summary>Assigns rows to cross-validation folds so that all rows of a group (an article) share one fold.</summary>
/// <remarks>
/// Groups are placed largest first, each into the fold with the fewest rows so far (ties: lowest fold number);
/// groups of equal size are ordered by name, so the assignment depends only on the data. Rows without a group
/// are their own group. With fewer groups than folds, the fold count drops to the number of groups.
/// </remarks>
internal static class GroupedFolds
{
    /// <summary>The fold number (0-based) of each row.</summary>
    public static int[] Assign(IReadOnlyList<string?> groups, int folds)
    {
        var keys = groups.Select((g, i) => string.IsNullOrEmpty(g) ? $"\u0000row:{i}" : g).ToArray();
        var bySize = keys.GroupBy(k => k, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Size: g.Count()))
            .OrderByDescending(g => g.Size).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
        var count = Math.Max(1, Math.Min(folds, bySize.Length));
        var load = new int[count];
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, size) in bySize)
        {
            var target = 0;
            for (var f = 1; f < count; f++)
                if (load[f] < load[target])
                    target = f;
            foldOf[key] = target;
            load[target] += size;
        }
        return keys.Select(k => foldOf[k]).ToArray();
    }
}
