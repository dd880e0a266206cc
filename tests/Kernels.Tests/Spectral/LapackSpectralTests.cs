using Kernels.Linalg;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Factorizations;
using Kernels.Tensors;
using Xunit;
using static Kernels.Tests.Factorizations.FactorizationChecks;
using static Kernels.Tests.Spectral.SpectralChecks;

namespace Kernels.Tests.Spectral;

public class LapackSpectralTests
{
    private static double[] Store(double[,] a, MatrixOrder order, int ld)
    {
        int m = a.GetLength(0), n = a.GetLength(1);
        var s = new double[Math.Max(order == MatrixOrder.RowMajor ? m * ld : n * ld, 1)];
        Array.Fill(s, double.NaN); // padding must never be read
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) s[order == MatrixOrder.RowMajor ? i * ld + j : j * ld + i] = a[i, j];
        return s;
    }

    private static double[,] Load(double[] s, MatrixOrder order, int m, int n, int ld)
    {
        var a = new double[m, n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) a[i, j] = s[order == MatrixOrder.RowMajor ? i * ld + j : j * ld + i];
        return a;
    }

    [Theory]
    [InlineData(MatrixOrder.RowMajor, Triangle.Lower)]
    [InlineData(MatrixOrder.ColumnMajor, Triangle.Upper)]
    public void Syevd_matches_the_decomposition(MatrixOrder order, Triangle uplo)
    {
        var rng = new Random(1);
        int n = 45, ld = 50;
        var a = RandomSymmetric(rng, n);
        var store = Store(a, order, ld);
        var w = new double[n];
        Lapack.Syevd(order, uplo, true, n, store, ld, w);
        var v = Load(store, order, n, n, ld);
        Assert.InRange(EigenResidualRatio<double>(a, v, w), 0, Threshold);
        Assert.InRange(OrthogonalityRatio<double>(v), 0, Threshold);
        var reference = new SymmetricEigenDecomposition<double>(NDArray.FromArray(a)).Values.ToArray();
        Assert.Equal(reference, w);
    }

    [Theory]
    [InlineData(MatrixOrder.RowMajor, 30, 20, SvdMode.Thin)]
    [InlineData(MatrixOrder.ColumnMajor, 20, 30, SvdMode.Full)]
    [InlineData(MatrixOrder.RowMajor, 25, 25, SvdMode.ValuesOnly)]
    public void Gesdd_reconstructs(MatrixOrder order, int m, int n, SvdMode mode)
    {
        var rng = new Random(m * n);
        var a = RandomDense(rng, m, n);
        int k = Math.Min(m, n), uc = mode == SvdMode.Full ? m : k, vr = mode == SvdMode.Full ? n : k;
        int lda = (order == MatrixOrder.RowMajor ? n : m) + 3;
        var store = Store(a, order, lda);
        var before = (double[])store.Clone();
        var s = new double[k];
        int ldu = (order == MatrixOrder.RowMajor ? uc : m) + 1, ldv = (order == MatrixOrder.RowMajor ? n : vr) + 2;
        var u = mode == SvdMode.ValuesOnly ? [] : new double[(order == MatrixOrder.RowMajor ? m : uc) * ldu];
        var vt = mode == SvdMode.ValuesOnly ? [] : new double[(order == MatrixOrder.RowMajor ? vr : n) * ldv];
        Lapack.Gesdd<double>(order, mode, m, n, store, lda, s, u, ldu, vt, ldv);
        Assert.Equal(before, store);
        var reference = new SingularValueDecomposition<double>(NDArray.FromArray(a), SvdMode.ValuesOnly).S.ToArray();
        for (int i = 0; i < k; i++) Assert.InRange(Math.Abs(s[i] - reference[i]) / (reference[0] * m * Eps<double>()), 0, Threshold);
        if (mode == SvdMode.ValuesOnly) return;
        var um = Load(u, order, m, uc, ldu);
        var vm = Load(vt, order, vr, n, ldv);
        var us = new double[m, k];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < k; j++) us[i, j] = um[i, j] * s[j];
        var vk = new double[k, n];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < n; j++) vk[i, j] = vm[i, j];
        Assert.InRange(ReconstructionRatio<double>(a, us, vk), 0, Threshold);
        Assert.InRange(OrthogonalityRatio<double>(um), 0, Threshold);
        Assert.InRange(OrthogonalityRatio<double>(vm, rows: true), 0, Threshold);
    }

    [Fact]
    public void Span_routines_reject_bad_lengths_and_non_finite_values()
    {
        var w = new double[3];
        Assert.Throws<ArgumentException>(() => Lapack.Syevd(MatrixOrder.RowMajor, Triangle.Lower, false, 3, new double[8], 3, w));
        var a = new double[] { 1, 0, double.NaN, 1 };
        Assert.Throws<ArgumentException>(() => Lapack.Syevd(MatrixOrder.RowMajor, Triangle.Lower, false, 2, a, 2, w));
        Assert.Throws<ArgumentException>(() => Lapack.Gesdd<double>(MatrixOrder.RowMajor, SvdMode.ValuesOnly, 2, 2, a, 2, new double[2], [], 1, [], 1));
    }
}
