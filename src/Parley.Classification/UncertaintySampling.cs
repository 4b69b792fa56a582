namespace Parley.Classification;

/// <summary>Picks the predictions a model is least sure of: the ones an analyst should label next.</summary>
/// <remarks>Margin sampling: the smaller the gap between the two most probable labels, the less sure the model.
/// Ties keep input order, so the choice is stable.</remarks>
public static class UncertaintySampling
{
    /// <summary>The indexes of the <paramref name="count"/> least certain predictions, least certain first.</summary>
    public static IReadOnlyList<int> LeastCertain(IReadOnlyList<TextPrediction> predictions, int count) =>
        predictions.Select((p, i) => (p.Margin, i))
            .OrderBy(p => p.Margin).ThenBy(p => p.i)
            .Take(Math.Max(0, count))
            .Select(p => p.i)
            .ToArray();
}
