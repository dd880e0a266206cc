namespace Kernels.Tensors.Operators;

/// <summary>
/// erf and erfc in double precision: Maclaurin series for |x| &lt; 2 and Lentz's continued fraction for
/// erfc(x), x ≥ 2; erfc(−x) = 2 − erfc(x). Relative error of erfc below about 1e−13 everywhere (the series
/// near |x| = 2 loses a few digits to cancellation in 1 − erf); erf accurate to about 1e−16 absolute.
/// </summary>
public static class ErrorFunction
{
    private const double TwoOverSqrtPi = 1.1283791670955126;
    private const double InvSqrtPi = 0.5641895835477563;

    /// <summary>erf(x) = 2/√π ∫₀ˣ e^{−t²} dt.</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return x;
        double a = Math.Abs(x);
        if (a < 2) return Series(x);
        return Math.CopySign(1 - ContinuedFraction(a), x);
    }

    /// <summary>erfc(x) = 1 − erf(x), without cancellation for large positive x.</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x < 0) return 2 - Erfc(-x);
        if (x < 2) return 1 - Series(x);
        if (x > 27.3) return 0; // below the smallest subnormal
        return ContinuedFraction(x);
    }

    // erf(x) = 2/√π Σ (−1)ⁿ x^{2n+1} / (n!(2n+1))
    private static double Series(double x)
    {
        double x2 = x * x, term = x, sum = x;
        for (int n = 1; n < 100; n++)
        {
            term *= -x2 / n;
            double add = term / (2 * n + 1);
            sum += add;
            if (Math.Abs(add) < 1e-17 * Math.Abs(sum)) break;
        }
        return TwoOverSqrtPi * sum;
    }

    // erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), modified Lentz.
    private static double ContinuedFraction(double x)
    {
        const double tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (int n = 1; n < 500; n++)
        {
            double an = n * 0.5;
            d = x + an * d; if (d == 0) d = tiny; d = 1 / d;
            c = x + an / c; if (c == 0) c = tiny;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return Math.Exp(-x * x) * InvSqrtPi / f;
    }
}
