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
        Apply(probabilities, temperature, result);
        return result;
    }

    /// <summary>Writes the calibrated probabilities into <paramref name="result"/> (no allocation for up to 64 classes).</summary>
    public static void Apply(ReadOnlySpan<float> probabilities, double temperature, Span<float> result)
    {
        if (probabilities.Length == 0)
            return;
        Span<double> logs = probabilities.Length <= 64 ? stackalloc double[probabilities.Length] : new double[probabilities.Length];
        for (var k = 0; k < logs.Length; k++)
            logs[k] = Math.Log(Math.Max(probabilities[k], 1e-12)) / temperature;
        Softmax(logs, result);
    }

    /// <summary>Writes <c>softmax(z)</c> into <paramref name="result"/>, shifted by the maximum for stability.</summary>
    internal static void Softmax(ReadOnlySpan<double> z, Span<float> result)
    {
        var max = double.NegativeInfinity;
        foreach (var v in z)
            max = Math.Max(max, v);
        double sum = 0;
        foreach (var v in z)
            sum += Math.Exp(v - max);
        for (var k = 0; k < z.Length; k++)
            result[k] = (float)(Math.Exp(z[k] - max) / sum);
    }
}
