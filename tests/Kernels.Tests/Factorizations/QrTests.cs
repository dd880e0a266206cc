using FsCheck.Xunit;
using Kernels.Linalg;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Factorizations;
using Kernels.Tensors;
using Xunit;
using static Kernels.Tests.Factorizations.FactorizationChecks;

namespace Kernels.Tests.Factorizations;

public class QrTests
{
    // 0, 1, sizes around the 48-column panel and the SIMD widths, and tall/wide shapes.
    private static readonly int[] Dims = [0, 1, 2, 3, 5, 7, 8, 9, 16, 17, 31, 32, 33, 47, 48, 49, 63, 64, 65, 97];

    [Property(MaxTest = 120)]
    public void Random_shapes_reconstruct_with_orthogonal_q_and_triangular_r(int seed)
    {
        var rng = new Random(seed);
        int m = Dims[rng.Next(Dims.Length)], n = Dims[rng.Next(Dims.Length)];
        if (rng.Next(2) == 0) Check<float>(rng, m, n);
        else Check<double>(rng, m, n);
    }

    [Theory]
    [InlineData(300, 70)]
    [InlineData(70, 300)]
    [InlineData(257, 257)]
    [InlineData(1000, 3)]
    public void Large_and_skinny_shapes(int m, int n)
    {
        var rng = new Random(m * 7 + n);
        Check<double>(rng, m, n);
        Check<float>(rng, m, n);
    }

    private static void Check<T>(Random rng, int m, int n) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var a = Random<T>(rng, m, n);
        var before = a.ToArray();
        var qr = new QrDecomposition<T>(a, new GemmOptions { Threads = 1 + rng.Next(2) });
        Assert.Equal(before, a.ToArray());
        var ad = ToDouble(a);
        var q = ToDouble(qr.Q());
        var r = ToDouble(qr.R());
        int k = Math.Min(m, n);
        Assert.Equal(new[] { m, k }, qr.Q().Shape.ToArray());
        Assert.Equal(new[] { k, n }, qr.R().Shape.ToArray());
        Assert.True(IsUpperTriangular(r));
        Assert.InRange(ReconstructionRatio<T>(ad, q, r), 0, Threshold);
        Assert.InRange(OrthogonalityRatio<T>(q), 0, Threshold);
        // Complete Q is m×m orthogonal and agrees with the thin one; complete R pads zero rows.
        var qFull = ToDouble(qr.Q(complete: true));
        Assert.InRange(OrthogonalityRatio<T>(qFull), 0, Threshold);
        Assert.InRange(ReconstructionRatio<T>(ad, qFull, ToDouble(qr.R(complete: true))), 0, Threshold);
        // Applying Q and Qᵀ without forming it matches the explicit product.
        var c = Random<T>(rng, m, 1 + rng.Next(5));
        var cd = ToDouble(c);
        var qc = ToDouble(qr.MultiplyQ(c));
        var expected = Multiply(qFull, cd);
        Assert.InRange(Frobenius(Subtract(qc, expected)) / (Math.Max(Frobenius(cd), 1e-300) * Math.Max(m, 1) * Eps<T>()), 0, Threshold);
        var qtc = ToDouble(qr.MultiplyQ(c, transpose: true));
        Assert.InRange(Frobenius(Subtract(qtc, Multiply(qFull, cd, transA: true))) / (Math.Max(Frobenius(cd), 1e-300) * Math.Max(m, 1) * Eps<T>()), 0, Threshold);
        var cr = Random<T>(rng, 1 + rng.Next(4), m);
        var crq = ToDouble(qr.MultiplyQ(cr, transpose: false, fromRight: true));
        Assert.InRange(Frobenius(Subtract(crq, Multiply(ToDouble(cr), qFull))) / (Math.Max(Frobenius(ToDouble(cr)), 1e-300) * Math.Max(m, 1) * Eps<T>()), 0, Threshold);
    }

    [Fact]
    public void Graded_rows_are_factored_accurately()
    {
        // Rows scaled 1e−150 … 1e+150: a column-norm based reflector must not overflow or flush to zero.
        var rng = new Random(3);
        int m = 40, n = 12;
        var a = new NDArray<double>(m, n);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) a[i, j] = (rng.NextDouble() - 0.5) * Math.Pow(10, -150 + 300.0 * i / (m - 1));
        var qr = new QrDecomposition<double>(a);
        var q = ToDouble(qr.Q());
        Assert.InRange(OrthogonalityRatio<double>(q), 0, Threshold);
        Assert.InRange(ReconstructionRatio<double>(ToDouble(a), q, ToDouble(qr.R())), 0, Threshold);
    }

    [Fact]
    public void Tiny_and_huge_scales_do_not_underflow_or_overflow()
    {
        foreach (double s in new[] { 1e-300, 1e-310, 1e300 })
        {
            var a = NDArray.RandomUniform<double>(5, -1, 1, 20, 7);
            var scaled = NDArray.Multiply(a, NDArray.Scalar(s));
            var qr = new QrDecomposition<double>(scaled);
            var q = ToDouble(qr.Q());
            Assert.InRange(OrthogonalityRatio<double>(q), 0, Threshold);
            Assert.InRange(ReconstructionRatio<double>(ToDouble(scaled), q, ToDouble(qr.R())), 0, Threshold);
        }
    }

    [Fact]
    public void Zero_and_identity_give_trivial_reflectors()
    {
        var z = new QrDecomposition<double>(new NDArray<double>(6, 4));
        Assert.All(z.Tau.ToArray(), t => Assert.Equal(0.0, t));
        Assert.All(z.R().ToArray(), v => Assert.Equal(0.0, v));
        var eye = NDArray.FromArray(new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } });
        var qr = new QrDecomposition<double>(eye);
        Assert.Equal(eye.ToArray(), qr.Q().ToArray());
    }

    [Fact]
    public void NaN_propagates_instead_of_hanging()
    {
        var a = NDArray.RandomUniform<double>(1, -1, 1, 8, 5);
        a[3, 2] = double.NaN;
        var qr = new QrDecomposition<double>(a);
        Assert.Contains(qr.R().ToArray(), double.IsNaN);
    }

    [Fact]
    public void Least_squares_matches_normal_equations_residual_orthogonality()
    {
        var rng = new Random(11);
        var a = Random<double>(rng, 50, 8);
        var b = Random<double>(rng, 50, 3);
        var x = new QrDecomposition<double>(a).Solve(b);
        // The residual is orthogonal to range(A): ‖Aᵀ(b − Ax)‖ / (‖A‖²‖x‖ + ‖A‖‖b‖) small.
        var ad = ToDouble(a);
        var res = Subtract(ToDouble(b), Multiply(ad, ToDouble(x)));
        var g = Multiply(ad, res, transA: true);
        double scale = Frobenius(ad) * (Frobenius(ad) * Frobenius(ToDouble(x)) + Frobenius(ToDouble(b)));
        Assert.InRange(Frobenius(g) / (scale * 50 * Eps<double>()), 0, Threshold);
        var vec = new QrDecomposition<double>(a).Solve(NDArray.RandomUniform<double>(2, -1, 1, 50));
        Assert.Equal(1, vec.Rank);
    }

    [Fact]
    public void Solve_rejects_bad_shapes_and_rank_deficiency()
    {
        var a = NDArray.RandomUniform<double>(1, -1, 1, 6, 3);
        var qr = new QrDecomposition<double>(a);
        var e = Assert.Throws<ArgumentException>(() => qr.Solve(new NDArray<double>(5, 2)));
        Assert.Contains("6×3", e.Message);
        Assert.Throws<InvalidOperationException>(() => new QrDecomposition<double>(new NDArray<double>(2, 5)).Solve(new NDArray<double>(2)));
        Assert.Throws<SingularMatrixException>(() => new QrDecomposition<double>(new NDArray<double>(4, 2)).Solve(new NDArray<double>(4)));
        Assert.Throws<ArgumentException>(() => new QrDecomposition<double>(new NDArray<double>(2, 2, 2)));
    }

    [Fact]
    public void Span_routines_work_in_column_major_and_check_lengths()
    {
        var rng = new Random(5);
        int m = 45, n = 20, lda = 50;
        var a = new double[lda * n];
        for (int i = 0; i < a.Length; i++) a[i] = rng.NextDouble() - 0.5;
        var original = (double[])a.Clone();
        var tau = new double[n];
        Lapack.Geqrf<double>(MatrixOrder.ColumnMajor, m, n, a, lda, tau);
        var q = (double[])a.Clone();
        Lapack.Orgqr<double>(MatrixOrder.ColumnMajor, m, n, n, q, lda, tau);
        var ad = new double[m, n];
        var qd = new double[m, n];
        var rd = new double[n, n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                ad[i, j] = original[j * lda + i];
                qd[i, j] = q[j * lda + i];
                if (i <= j) rd[i, j] = a[j * lda + i];
            }
        Assert.InRange(ReconstructionRatio<double>(ad, qd, rd), 0, Threshold);
        Assert.InRange(OrthogonalityRatio<double>(qd), 0, Threshold);
        Assert.Throws<ArgumentException>(() => Lapack.Geqrf<double>(MatrixOrder.ColumnMajor, m, n, a, lda, new double[n - 1]));
        Assert.Throws<ArgumentException>(() => Lapack.Geqrf<double>(MatrixOrder.ColumnMajor, m, n, a.AsSpan(0, 100), lda, tau));
        Assert.Throws<ArgumentException>(() => Lapack.Orgqr<double>(MatrixOrder.ColumnMajor, m, n, n + 1, q, lda, tau));
    }
}
