using System.Numerics;
using Kernels.Linalg;
using Kernels.Tensors;
using static Kernels.Tests.Factorizations.FactorizationChecks;

namespace Kernels.Tests.Spectral;

/// <summary>Matrix builders and scaled residual ratios for the eigen and singular value tests.</summary>
internal static class SpectralChecks
{
    public static readonly int[] Dims = [0, 1, 2, 3, 5, 8, 17, 31, 32, 33, 47, 64, 65, 100, 129];

    /// <summary>An n×n matrix in a random memory layout with the given entries.</summary>
    public static NDArray<T> InRandomLayout<T>(Random rng, double[,] values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = values.GetLength(0), n = values.GetLength(1);
        var a = Random<T>(rng, m, n);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) a[i, j] = T.CreateChecked(values[i, j]);
        return a;
    }

    public static double[,] RandomSymmetric(Random rng, int n)
    {
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) a[i, j] = a[j, i] = rng.NextDouble() * 2 - 1;
        return a;
    }

    public static double[,] RandomDense(Random rng, int m, int n)
    {
        var a = new double[m, n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) a[i, j] = rng.NextDouble() * 2 - 1;
        return a;
    }

    /// <summary>A random orthogonal n×n matrix (Q of a Gaussian-ish matrix).</summary>
    public static double[,] RandomOrthogonal(Random rng, int n)
    {
        if (n == 0) return new double[0, 0];
        var q = new QrDecomposition<double>(NDArray.FromArray(RandomDense(rng, n, n))).Q();
        return ToDouble(q);
    }

    /// <summary>Q·diag(s)·Qᵀ (or U·diag(s)·Vᵀ with distinct factors) for prescribed spectra.</summary>
    public static double[,] WithSpectrum(double[,] u, double[] s, double[,] v)
    {
        int m = u.GetLength(0), n = v.GetLength(0);
        var us = new double[m, s.Length];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < s.Length; j++) us[i, j] = u[i, j] * s[j];
        var vk = new double[n, s.Length];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < s.Length; j++) vk[i, j] = v[i, j];
        return Multiply(us, vk, transB: true);
    }

    /// <summary>‖A·V − V·diag(w)‖_F / (‖A‖_F · n · ε).</summary>
    public static double EigenResidualRatio<T>(double[,] a, double[,] v, double[] w)
    {
        int n = a.GetLength(0);
        if (n == 0) return 0;
        var av = Multiply(a, v);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < w.Length; j++) av[i, j] -= v[i, j] * w[j];
        double norm = Frobenius(a);
        double r = Frobenius(av);
        if (norm == 0) return r == 0 ? 0 : double.PositiveInfinity;
        return r / (norm * n * Eps<T>());
    }

    public static double[] Vector<T>(NDArray<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = new double[a.Shape[0]];
        for (int i = 0; i < r.Length; i++) r[i] = double.CreateChecked(a[i]);
        return r;
    }

    /// <summary>Eigenvalues of a symmetric matrix by cyclic Jacobi rotations in plain scalar code: the reference.</summary>
    public static double[] JacobiEigenvalues(double[,] a0)
    {
        int n = a0.GetLength(0);
        var a = (double[,])a0.Clone();
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++) off += a[i, j] * a[i, j];
            if (off < 1e-300) break;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++)
                {
                    if (a[p, q] == 0) continue;
                    double theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[k, p], akq = a[k, q];
                        a[k, p] = c * akp - s * akq;
                        a[k, q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[p, k], aqk = a[q, k];
                        a[p, k] = c * apk - s * aqk;
                        a[q, k] = s * apk + c * aqk;
                    }
                }
        }
        var w = new double[n];
        for (int i = 0; i < n; i++) w[i] = a[i, i];
        Array.Sort(w);
        return w;
    }
}
