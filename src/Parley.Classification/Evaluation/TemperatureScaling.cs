namespace Parley.Classification.Evaluation;

/// <summary>Calibrates class probabilities with one temperature: <c>p_k ∝ p_k^(1/T)</c>.</summary>
/// <remarks>
/// The temperature is fitted on out-of-fold predictions by minimising the negative log-likelihood over a grid
/// (0.25 to 4, geometric). It keeps the ranking of the classes, so accuracy and F1 are unchanged; only the
/// probabilities move toward their observed frequency of being right.
/// </remarks>
internal static class TemperatureScaling
{
    public static double Fit(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> truthIndex)
    {
        if (probabilities.Count == 0)
            return 1;
        var best = 1.0;
        var bestLoss = double.PositiveInfinity;
        for (var step = -20; step <= 20; step++)
        {
            var t = Math.Pow(2, step / 10.0);
            double loss = 0;
            for (var r = 0; r < probabilities.Count; r++)
            {
                var calibrated = Apply(probabilities[r], t);
                loss -= Math.Log(Math.Max(1e-12, truthIndex[r] < 0 ? 1e-12 : calibrated[truthIndex[r]]));
            }
            if (loss < bestLoss - 1e-9)
            {
                bestLoss = loss;
                best = t;
            }
        }
        return best;
    }

    public static float[] Apply(float[] probabilities, double temperature)
    {
        var result = new float[probabilities.Length];
        if (probabilities.Length == 0)
            return result;
        var logs = probabilities.Select(p => Math.Log(Math.Max(p, 1e-12)) / temperature).ToArray();
        var max = logs.Max();
        var sum = logs.Sum(l => Math.Exp(l - max));
        for (var k = 0; k < logs.Length; k++)
            result[k] = (float)(Math.Exp(logs[k] - max) / sum);
        return result;
    }
}
