namespace Parley.Positions;

/// <summary>Student's t distribution for real (non-integer) degrees of freedom, as Kish's effective sample size needs.</summary>
internal static class StudentT
{
    /// <summary>The two-sided critical value: the t with P(|T| ≤ t) = <paramref name="level"/>.</summary>
    public static double Critical(double level, double degreesOfFreedom) =>
        Quantile(0.5 + level / 2, degreesOfFreedom);

    /// <summary>The p-quantile (p ≥ 0.5) of the t distribution, by bisection on the CDF (accurate to about 1e-12).</summary>
    public static double Quantile(double p, double df)
    {
        if (p is < 0.5 or >= 1) throw new ArgumentOutOfRangeException(nameof(p), p, "Only upper quantiles are needed.");
        if (!(df > 0)) throw new ArgumentOutOfRangeException(nameof(df), df, "Degrees of freedom must be positive.");
        double lo = 0, hi = 1;
        while (Cdf(hi, df) < p) { lo = hi; hi *= 2; if (hi > 1e12) return double.PositiveInfinity; }
        for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.Max(1, hi); i++)
        {
            double mid = (lo + hi) / 2;
            if (Cdf(mid, df) < p) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /// <summary>P(T ≤ t).</summary>
    public static double Cdf(double t, double df)
    {
        double x = df / (df + t * t);
        double tail = 0.5 * RegularizedIncompleteBeta(df / 2, 0.5, x);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>I_x(a, b), by the continued fraction of Numerical Recipes (modified Lentz).</summary>
    internal static double RegularizedIncompleteBeta(double a, double b, double x)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x));
        return x < (a + 1) / (a + b + 2)
            ? front * BetaContinuedFraction(a, b, x) / a
            : 1 - front * BetaContinuedFraction(b, a, 1 - x) / b;
    }

    private static double BetaContinuedFraction(double a, double b, double x)
    {
        const double tiny = 1e-300;
        double qab = a + b, qap = a + 1, qam = a - 1;
        double c = 1, d = 1 - qab * x / qap;
        if (Math.Abs(d) < tiny) d = tiny;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 300; m++)
        {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d; if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + aa / c; if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d; h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d; if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + aa / c; if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.Abs(del - 1) < 1e-15) break;
        }
        return h;
    }

    /// <summary>ln Γ(x), Lanczos approximation (g = 7, n = 9), good to about 1e-15 for x &gt; 0.</summary>
    internal static double LogGamma(double x)
    {
        ReadOnlySpan<double> g =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        x -= 1;
        double sum = g[0];
        for (int i = 1; i < 9; i++) sum += g[i] / (x + i);
        double t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
