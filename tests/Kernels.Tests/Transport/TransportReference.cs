using Kernels.Tensors;

namespace Kernels.Tests.Transport;

/// <summary>Plain scalar references for the transport tests, written the way POT states them.</summary>
internal static class TransportReference
{
    /// <summary>
    /// POT's <c>wasserstein_1d</c> literally: sort both samples, cumulative weights, breakpoints = sorted union of
    /// the cumulative weights, quantiles by left <c>searchsorted</c> (clipped), Σ Δq·|F⁻¹ − G⁻¹|ᵖ.
    /// </summary>
    public static double Wasserstein1DPower(double[] u, double[] v, double[]? a, double[]? b, double p)
    {
        int n = u.Length, m = v.Length;
        a ??= Enumerable.Repeat(1.0 / n, n).ToArray();
        b ??= Enumerable.Repeat(1.0 / m, m).ToArray();
        var iu = Enumerable.Range(0, n).OrderBy(i => u[i]).ToArray();
        var iv = Enumerable.Range(0, m).OrderBy(i => v[i]).ToArray();
        var su = iu.Select(i => u[i]).ToArray();
        var sv = iv.Select(i => v[i]).ToArray();
        var cu = Cumsum(iu.Select(i => a[i]).ToArray());
        var cv = Cumsum(iv.Select(i => b[i]).ToArray());
        var qs = cu.Concat(cv).OrderBy(q => q).ToArray();
        double total = 0, previous = 0;
        foreach (var q in qs)
        {
            double x = su[Math.Min(SearchLeft(cu, q), n - 1)];
            double y = sv[Math.Min(SearchLeft(cv, q), m - 1)];
            total += (q - previous) * Math.Pow(Math.Abs(x - y), p);
            previous = q;
        }
        return total;
    }

    private static double[] Cumsum(double[] w)
    {
        var c = new double[w.Length];
        double s = 0;
        for (int i = 0; i < w.Length; i++) c[i] = s += w[i];
        return c;
    }

    private static int SearchLeft(double[] sorted, double q)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (sorted[mid] < q) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Column k of X·Θ as a plain array.</summary>
    public static double[] Project(double[,] x, double[,] theta, int k)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        var r = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) r[i] += x[i, j] * theta[j, k];
        return r;
    }

    /// <summary>((1/P)·Σ_k W_pᵖ(X·θ_k, Y·θ_k))^{1/p} from the scalar 1-D reference.</summary>
    public static double SlicedDistance(double[,] x, double[,] y, double[,] theta, double[]? a, double[]? b, double p)
    {
        int count = theta.GetLength(1);
        double sum = 0;
        for (int k = 0; k < count; k++) sum += Wasserstein1DPower(Project(x, theta, k), Project(y, theta, k), a, b, p);
        return Math.Pow(sum / count, 1 / p);
    }

    public static double[,] ToMatrix(NDArray<double> x)
    {
        var r = new double[x.Shape[0], x.Shape[1]];
        for (int i = 0; i < x.Shape[0]; i++)
            for (int j = 0; j < x.Shape[1]; j++) r[i, j] = x[i, j];
        return r;
    }

    public static NDArray<double> Points(Random rng, int rows, int cols, double scale = 1, double shift = 0)
    {
        var data = new double[rows * cols];
        for (int i = 0; i < data.Length; i++) data[i] = shift + scale * (rng.NextDouble() * 2 - 1 + rng.NextDouble());
        return NDArray.FromArray(data, rows, cols);
    }

    public static NDArray<double> Weights(Random rng, int count)
    {
        var w = Enumerable.Range(0, count).Select(_ => rng.NextDouble() + 0.05).ToArray();
        double s = w.Sum();
        return NDArray.FromArray(w.Select(v => v / s).ToArray(), count);
    }
}
