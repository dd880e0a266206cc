using FsCheck.Xunit;
using Kernels.Linalg;
using Kernels.Linalg.Blas;
using Kernels.Tensors;
using Xunit;
using static Kernels.Tests.Factorizations.FactorizationChecks;

namespace Kernels.Tests.Factorizations;

public class LuCholeskyTests
{
    private static readonly int[] Dims = [0, 1, 2, 3, 7, 15, 16, 17, 31, 33, 64, 65, 70, 129];

    [Property(MaxTest = 100)]
    public void Lu_reconstructs_permuted_matrix_with_bounded_multipliers(int seed)
    {
        var rng = new Random(seed);
        int m = Dims[rng.Next(Dims.Length)], n = Dims[rng.Next(Dims.Length)];
        if (rng.Next(2) == 0) CheckLu<float>(rng, m, n);
        else CheckLu<double>(rng, m, n);
    }

    private static void CheckLu<T>(Random rng, int m, int n) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var a = Random<T>(rng, m, n);
        var before = a.ToArray();
        var lu = new LuDecomposition<T>(a, new GemmOptions { Threads = 1 + rng.Next(2) });
        Assert.Equal(before, a.ToArray());
        var l = ToDouble(lu.L);
        var u = ToDouble(lu.U);
        Assert.True(IsLowerTriangular(l));
        Assert.True(IsUpperTriangular(u));
        foreach (double x in l) Assert.InRange(Math.Abs(x), 0, 1); // partial pivoting bounds |L_ij| ≤ 1
        var pa = Multiply(ToDouble(lu.P), ToDouble(a));
        Assert.InRange(ReconstructionRatio<T>(pa, l, u), 0, Threshold);
    }

    [Property(MaxTest = 60)]
    public void Solve_has_small_backward_error(int seed)
    {
        var rng = new Random(seed);
        int n = 1 + rng.Next(90), k = 1 + rng.Next(5);
        var a = Random<double>(rng, n, n);
        var b = Random<double>(rng, n, k);
        var lu = new LuDecomposition<double>(a);
        foreach (bool transpose in new[] { false, true })
        {
            var x = lu.Solve(b, transpose);
            var ad = ToDouble(a);
            var r = Subtract(ToDouble(b), Multiply(ad, ToDouble(x), transA: transpose));
            double backward = Frobenius(r) / ((Frobenius(ad) * Frobenius(ToDouble(x)) + Frobenius(ToDouble(b))) * n * Eps<double>());
            Assert.InRange(backward, 0, Threshold);
        }
    }

    [Fact]
    public void Determinant_logdet_inverse_and_condition()
    {
        var a = NDArray.FromArray(new double[,] { { 2, 1, 0 }, { 1, 3, 1 }, { 0, 1, 4 } });
        Assert.Equal(18.0, LinearAlgebra.Determinant(a), 12);
        var (sign, log) = LinearAlgebra.LogDeterminant(a);
        Assert.Equal(1.0, sign);
        Assert.Equal(Math.Log(18), log, 12);
        var swapped = NDArray.FromArray(new double[,] { { 0, 1 }, { 1, 0 } });
        Assert.Equal(-1.0, LinearAlgebra.Determinant(swapped));
        var inv = ToDouble(LinearAlgebra.Inverse(a));
        var eye = Multiply(ToDouble(a), inv);
        for (int i = 0; i < 3; i++) eye[i, i] -= 1;
        Assert.InRange(Frobenius(eye), 0, 1e-14);
        // A 200×200 diagonal of 0.01·… has det far below double's range; the scaled product keeps log exact.
        var tiny = new NDArray<double>(200, 200);
        for (int i = 0; i < 200; i++) tiny[i, i] = 1e-3;
        Assert.Equal(0.0, LinearAlgebra.Determinant(tiny));
        Assert.Equal(200 * Math.Log(1e-3), LinearAlgebra.LogDeterminant(tiny).LogAbsDeterminant, 9);
        var big = new NDArray<double>(3, 3);
        big[0, 0] = 1e200; big[1, 1] = 1e200; big[2, 2] = 1e-300;
        Assert.Equal(1e100, LinearAlgebra.Determinant(big), 1e88); // the intermediate 1e400 does not overflow
        // Hilbert matrix of order 8: κ₁ ≈ 3.4e10; the estimate is a lower bound within a small factor.
        var h = new NDArray<double>(8, 8);
        for (int i = 0; i < 8; i++) for (int j = 0; j < 8; j++) h[i, j] = 1.0 / (i + j + 1);
        double kappa = LinearAlgebra.ConditionNumber1Estimate(h);
        Assert.InRange(kappa, 3.387e10 / 3, 3.387e10 * 1.0001);
    }

    [Fact]
    public void Singular_and_non_finite_inputs_are_reported()
    {
        var s = NDArray.FromArray(new double[,] { { 1, 2 }, { 2, 4 } });
        var lu = new LuDecomposition<double>(s);
        Assert.True(lu.IsSingular);
        Assert.Equal(0.0, lu.Determinant);
        Assert.Equal((0.0, double.NegativeInfinity), lu.LogDeterminant);
        var e = Assert.Throws<SingularMatrixException>(() => lu.Solve(NDArray.FromArray(new double[] { 1, 1 })));
        Assert.Equal(1, e.Index);
        Assert.True(double.IsPositiveInfinity(LinearAlgebra.ConditionNumber1Estimate(s)));
        Assert.Throws<SingularMatrixException>(() => LinearAlgebra.Inverse(new NDArray<double>(3, 3)));
        var nan = NDArray.FromArray(new double[,] { { 1, double.NaN }, { 0, 1 } });
        Assert.Contains("non-finite", Assert.Throws<ArgumentException>(() => new LuDecomposition<double>(nan)).Message);
        Assert.Contains("square", Assert.Throws<ArgumentException>(() => LinearAlgebra.Solve(new NDArray<double>(2, 3), new NDArray<double>(2))).Message);
        Assert.Contains("3 rows", Assert.Throws<ArgumentException>(() => LinearAlgebra.Solve(NDArray.FromArray(new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }), new NDArray<double>(2))).Message);
    }

    [Property(MaxTest = 60)]
    public void Cholesky_reconstructs_spd_matrices(int seed)
    {
        var rng = new Random(seed);
        int n = Dims[rng.Next(Dims.Length)];
        if (rng.Next(2) == 0) CheckCholesky<float>(rng, n);
        else CheckCholesky<double>(rng, n);
    }

    private static void CheckCholesky<T>(Random rng, int n) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var g = Random<T>(rng, n, n);
        var spd = LinearAlgebra.MatMul(g, g.Transpose());
        for (int i = 0; i < n; i++) spd[i, i] += T.CreateChecked(n * 0.1 + 0.01);
        // The strictly upper triangle is never read: poison it.
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) spd[i, j] = T.NaN;
        var chol = new CholeskyDecomposition<T>(spd, new GemmOptions { Threads = 1 + rng.Next(2) });
        var l = ToDouble(chol.L);
        Assert.True(IsLowerTriangular(l));
        var full = ToDouble(spd);
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) full[i, j] = full[j, i];
        Assert.InRange(ReconstructionRatio<T>(full, l, Transpose(l)), 0, Threshold);
    }

    private static double[,] Transpose(double[,] a)
    {
        var t = new double[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++) for (int j = 0; j < a.GetLength(1); j++) t[j, i] = a[i, j];
        return t;
    }

    [Fact]
    public void Cholesky_names_the_failing_minor_and_solves()
    {
        var a = NDArray.FromArray(new double[,] { { 4, 0, 0 }, { 2, 5, 0 }, { 1, 1, -1 } });
        var e = Assert.Throws<NotPositiveDefiniteException>(() => new CholeskyDecomposition<double>(a));
        Assert.Equal(3, e.Order);
        Assert.Contains("order 3", e.Message);
        Assert.Contains("non-finite", Assert.Throws<ArgumentException>(() => new CholeskyDecomposition<double>(NDArray.FromArray(new double[,] { { double.PositiveInfinity } }))).Message);
        var spd = NDArray.FromArray(new double[,] { { 4, 2 }, { 2, 3 } });
        var chol = new CholeskyDecomposition<double>(spd);
        Assert.Equal(8.0, chol.Determinant, 12);
        Assert.Equal(Math.Log(8), chol.LogDeterminant, 12);
        var x = chol.Solve(NDArray.FromArray(new double[] { 2, 1 }));
        Assert.Equal(0.5, x[0], 14);
        Assert.Equal(0.0, x[1], 14);
        var big = NDArray.RandomUniform<double>(3, -1, 1, 300, 300);
        var s = LinearAlgebra.MatMul(big, big.Transpose());
        for (int i = 0; i < 300; i++) s[i, i] += 300;
        var lu = LinearAlgebra.Solve(s, NDArray.Ones<double>(300));
        var ch = new CholeskyDecomposition<double>(s).Solve(NDArray.Ones<double>(300));
        for (int i = 0; i < 300; i++) Assert.Equal(lu[i], ch[i], 1e-12);
    }

    [Fact]
    public void Span_routines_report_failures_as_info()
    {
        var a = new double[] { 1, 2, 2, 1 };
        Assert.Equal(2, Kernels.Linalg.Factorizations.Lapack.Potrf<double>(MatrixOrder.RowMajor, Triangle.Upper, 2, a, 2));
        var z = new double[] { 0, 0, 0, 1 };
        var piv = new int[2];
        Assert.Equal(1, Kernels.Linalg.Factorizations.Lapack.Getrf<double>(MatrixOrder.RowMajor, 2, 2, z, 2, piv));
        Assert.Throws<ArgumentException>(() => Kernels.Linalg.Factorizations.Lapack.Getrf<double>(MatrixOrder.RowMajor, 2, 2, z, 2, new int[1]));
    }
}
