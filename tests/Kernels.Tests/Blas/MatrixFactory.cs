using System.Numerics;
using Kernels.Tensors;

namespace Kernels.Tests.Blas;

/// <summary>Random matrices in every memory layout GEMM must accept, and a scaled-ratio reference check.</summary>
internal static class MatrixFactory
{
    public enum Layout { RowMajor, ColumnMajor, Padded, EveryOther, ReversedRows }

    public static readonly Layout[] Layouts = Enum.GetValues<Layout>();

    /// <summary>A rows×cols view in <paramref name="layout"/> with entries uniform in [−1, 1).</summary>
    public static NDArray<T> Create<T>(Random rng, int rows, int cols, Layout layout) where T : unmanaged, IFloatingPointIeee754<T>
    {
        NDArray<T> view = layout switch
        {
            Layout.RowMajor => new NDArray<T>(rows, cols),
            Layout.ColumnMajor => new NDArray<T>(cols, rows).Transpose(),
            Layout.Padded => new NDArray<T>(rows + 1, cols + 3).Slice(new AxisRange(1, rows + 1), new AxisRange(2, cols + 2)),
            Layout.EveryOther => new NDArray<T>(2 * rows + 1, 2 * cols + 1).Slice(new AxisRange(1, null, 2), new AxisRange(0, 2 * cols, 2)),
            _ => new NDArray<T>(rows, cols).Slice(new AxisRange(null, null, -1), AxisRange.All),
        };
        if (view.Shape[0] != rows || view.Shape[1] != cols) throw new InvalidOperationException("factory shape bug");
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                view[i, j] = T.CreateChecked(rng.NextDouble() * 2 - 1);
        return view;
    }

    /// <summary>
    /// Largest componentwise error of <paramref name="c"/> against α·A·B + β·C₀ evaluated in double, divided by
    /// its rounding bound (k + 4)·ε·(|α|·(|A||B|)ᵢⱼ + |β|·|C₀ᵢⱼ|). A correct GEMM stays below 1 by the standard
    /// error analysis (plus two roundings for α and β); any indexing bug gives ratios of order 1/ε.
    /// </summary>
    public static double ErrorRatio<T>(T alpha, NDArray<T> a, NDArray<T> b, T beta, double[,] c0, NDArray<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1];
        double eps = typeof(T) == typeof(float) ? Math.Pow(2, -24) : Math.Pow(2, -53);
        double al = double.CreateChecked(alpha), be = double.CreateChecked(beta);
        double worst = 0;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                // Dot2 (Ogita–Rump–Oishi): TwoProduct by FMA and TwoSum, so the reference is accurate to ~u even
                // for double inputs and cannot hide an error of the kernel's own size.
                double sum = 0, comp = 0, abs = 0;
                for (int p = 0; p < k; p++)
                {
                    double x = double.CreateChecked(a[i, p]), y = double.CreateChecked(b[p, j]);
                    double prod = x * y, prodErr = Math.FusedMultiplyAdd(x, y, -prod);
                    double t = sum + prod, z = t - sum;
                    comp += (sum - (t - z)) + (prod - z) + prodErr;
                    sum = t;
                    abs += Math.Abs(prod);
                }
                sum += comp;
                double expected = al * sum + (be == 0 ? 0 : be * c0[i, j]);
                double bound = (k + 4) * eps * (Math.Abs(al) * abs + (be == 0 ? 0 : Math.Abs(be) * Math.Abs(c0[i, j])));
                double err = Math.Abs(double.CreateChecked(c[i, j]) - expected);
                if (double.IsNaN(err)) return double.PositiveInfinity;
                double ratio = bound == 0 ? (err == 0 ? 0 : double.PositiveInfinity) : err / bound;
                worst = Math.Max(worst, ratio);
            }
        return worst;
    }

    public static double[,] Snapshot<T>(NDArray<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = new double[c.Shape[0], c.Shape[1]];
        for (int i = 0; i < c.Shape[0]; i++)
            for (int j = 0; j < c.Shape[1]; j++) s[i, j] = double.CreateChecked(c[i, j]);
        return s;
    }
}
