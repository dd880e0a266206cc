using System.Numerics;
using Kernels.Tensors;

namespace Kernels.Tests.Factorizations;

/// <summary>
/// LAPACK-style test ratios, evaluated in double: each is a residual divided by what backward-stable rounding
/// allows (‖A‖·dimension·ε), so a correct factorization gives O(1) and any indexing bug gives ~1/ε.
/// </summary>
internal static class FactorizationChecks
{
    public const double Threshold = 30;

    public static double Eps<T>() => typeof(T) == typeof(float) ? Math.Pow(2, -23) : Math.Pow(2, -52);

    public static double[,] ToDouble<T>(NDArray<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Rank == 1)
        {
            var v = new double[a.Shape[0], 1];
            for (int i = 0; i < a.Shape[0]; i++) v[i, 0] = double.CreateChecked(a[i]);
            return v;
        }
        var d = new double[a.Shape[0], a.Shape[1]];
        for (int i = 0; i < a.Shape[0]; i++)
            for (int j = 0; j < a.Shape[1]; j++) d[i, j] = double.CreateChecked(a[i, j]);
        return d;
    }

    public static double[,] Multiply(double[,] a, double[,] b, bool transA = false, bool transB = false)
    {
        int m = transA ? a.GetLength(1) : a.GetLength(0), k = transA ? a.GetLength(0) : a.GetLength(1);
        int n = transB ? b.GetLength(0) : b.GetLength(1);
        if ((transB ? b.GetLength(1) : b.GetLength(0)) != k) throw new ArgumentException("test multiply shape");
        var c = new double[m, n];
        for (int i = 0; i < m; i++)
            for (int p = 0; p < k; p++)
            {
                double x = transA ? a[p, i] : a[i, p];
                if (x == 0) continue;
                for (int j = 0; j < n; j++) c[i, j] += x * (transB ? b[j, p] : b[p, j]);
            }
        return c;
    }

    public static double Frobenius(double[,] a)
    {
        double scale = 0, sum = 1;
        foreach (double v in a)
        {
            double x = Math.Abs(v);
            if (x == 0) continue;
            if (scale < x) { sum = 1 + sum * (scale / x) * (scale / x); scale = x; }
            else sum += (x / scale) * (x / scale);
        }
        return scale * Math.Sqrt(sum);
    }

    public static double[,] Subtract(double[,] a, double[,] b)
    {
        var c = new double[a.GetLength(0), a.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) c[i, j] = a[i, j] - b[i, j];
        return c;
    }

    /// <summary>‖A − B·C‖_F / (‖A‖_F · max(m, n, k) · ε), 0 for an empty or zero A reproduced exactly.</summary>
    public static double ReconstructionRatio<T>(double[,] a, double[,] b, double[,] c)
    {
        var r = Frobenius(Subtract(a, Multiply(b, c)));
        double norm = Frobenius(a);
        int dim = Math.Max(1, Math.Max(a.GetLength(0), Math.Max(a.GetLength(1), b.GetLength(1))));
        if (norm == 0) return r == 0 ? 0 : double.PositiveInfinity;
        return r / (norm * dim * Eps<T>());
    }

    /// <summary>‖QᵀQ − I‖_F / (cols · ε) for the columns of Q (or rows when <paramref name="rows"/>).</summary>
    public static double OrthogonalityRatio<T>(double[,] q, bool rows = false)
    {
        var g = rows ? Multiply(q, q, transB: true) : Multiply(q, q, transA: true);
        int n = g.GetLength(0);
        for (int i = 0; i < n; i++) g[i, i] -= 1;
        return Frobenius(g) / (Math.Max(n, 1) * Eps<T>());
    }

    public static bool IsUpperTriangular(double[,] r)
    {
        for (int i = 0; i < r.GetLength(0); i++)
            for (int j = 0; j < Math.Min(i, r.GetLength(1)); j++)
                if (r[i, j] != 0) return false;
        return true;
    }

    public static bool IsLowerTriangular(double[,] l)
    {
        for (int i = 0; i < l.GetLength(0); i++)
            for (int j = i + 1; j < l.GetLength(1); j++)
                if (l[i, j] != 0) return false;
        return true;
    }

    /// <summary>Random m×n in a random layout (row-major, column-major, padded, strided, reversed rows).</summary>
    public static NDArray<T> Random<T>(Random rng, int m, int n) where T : unmanaged, IFloatingPointIeee754<T> =>
        Blas.MatrixFactory.Create<T>(rng, m, n, Blas.MatrixFactory.Layouts[rng.Next(Blas.MatrixFactory.Layouts.Length)]);
}
