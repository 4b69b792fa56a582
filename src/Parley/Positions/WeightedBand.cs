namespace Parley.Positions;

/// <summary>The weighted mean of stance values and its uncertainty band (see docs/positions.md).</summary>
internal static class WeightedBand
{
    /// <summary>Mean, band and Kish's effective sample size of values <paramref name="x"/> with weights <paramref name="w"/>.</summary>
    public static (double Mean, double Low, double High, double EffectiveCount) Compute(
        ReadOnlySpan<double> x, ReadOnlySpan<double> w, PositionOptions options, ulong bootstrapSeed)
    {
        double sw = 0, sw2 = 0, swx = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sw += w[i];
            sw2 += w[i] * w[i];
            swx += w[i] * x[i];
        }
        double mean = swx / sw;
        double nEff = sw * sw / sw2;
        if (x.Length < 2 || nEff <= 1 + 1e-12)
            return (mean, -1, 1, nEff);

        bool unanimous = true;
        for (int i = 1; i < x.Length && unanimous; i++) unanimous = x[i] == x[0];
        if (unanimous)
        {
            // Every statement agrees, so resampling and the sample variance both see no spread at all. Bound instead
            // the share p of statements that could disagree though none of n_eff did (exact one-sided binomial bound,
            // p = 1 − α^(1/n_eff); the "rule of three" for large n) and let that share sit at the far ends of the axis.
            double share = 1 - Math.Pow(1 - options.ConfidenceLevel, 1 / nEff);
            return (mean, mean - share * (mean + 1), mean + share * (1 - mean), nEff);
        }

        if (x.Length < options.SmallCellSize)
        {
            var (low, high) = Bootstrap(x, w, options, bootstrapSeed);
            return (mean, Math.Min(low, mean), Math.Max(high, mean), nEff);
        }

        double ss = 0;
        for (int i = 0; i < x.Length; i++) ss += w[i] * (x[i] - mean) * (x[i] - mean);
        double variance = ss / sw * nEff / (nEff - 1);
        double se = Math.Sqrt(variance / nEff);
        double half = se == 0 ? 0 : StudentT.Critical(options.ConfidenceLevel, nEff - 1) * se;
        return (mean, Math.Max(-1, mean - half), Math.Min(1, mean + half), nEff);
    }

    /// <summary>Percentile bootstrap of the weighted mean: resample the statements (with their weights) with replacement.</summary>
    internal static (double Low, double High) Bootstrap(ReadOnlySpan<double> x, ReadOnlySpan<double> w, PositionOptions options, ulong seed)
    {
        int resamples = Math.Max(100, options.BootstrapResamples);
        var random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        var means = new double[resamples];
        int n = x.Length;
        for (int b = 0; b < resamples; b++)
        {
            double sw = 0, swx = 0;
            for (int i = 0; i < n; i++)
            {
                int k = random.Next(n);
                sw += w[k];
                swx += w[k] * x[k];
            }
            means[b] = swx / sw;
        }
        Array.Sort(means);
        double alpha = 1 - options.ConfidenceLevel;
        return (Quantile(means, alpha / 2), Quantile(means, 1 - alpha / 2));
    }

    /// <summary>Linear interpolation between order statistics (Hyndman–Fan type 7, R's default).</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
