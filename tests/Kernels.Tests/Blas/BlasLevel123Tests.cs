using Kernels.Linalg.Blas;
using Xunit;
using B = Kernels.Linalg.Blas.Blas;

namespace Kernels.Tests.Blas;

/// <summary>Level 1, 2 and the blocked level-3 routines against dense scalar references, every option combination.</summary>
public class BlasLevel123Tests
{
    private const double Eps = 1.1102230246251565e-16;

    private static double[] Rand(Random rng, int n) => Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();

    /// <summary>Dense element (i, j) of a matrix stored in <paramref name="order"/>.</summary>
    private static double At(double[] x, MatrixOrder order, int ld, int i, int j) => order == MatrixOrder.RowMajor ? x[i * ld + j] : x[i + j * ld];

    private static ref double Ref(double[] x, MatrixOrder order, int ld, int i, int j) => ref order == MatrixOrder.RowMajor ? ref x[i * ld + j] : ref x[i + j * ld];

    [Theory]
    [InlineData(0)] [InlineData(1)] [InlineData(7)] [InlineData(64)] [InlineData(1001)]
    public void Level1_matches_scalar_loops_for_positive_and_negative_increments(int n)
    {
        var rng = new Random(n);
        foreach (var (incx, incy) in new[] { (1, 1), (2, 3), (-1, 2), (3, -2) })
        {
            var x = Rand(rng, Math.Max(1, n * Math.Abs(incx)));
            var y = Rand(rng, Math.Max(1, n * Math.Abs(incy)));
            double X(int i) => x[incx > 0 ? i * incx : (n - 1 - i) * -incx];
            double Y(double[] v, int i) => v[incy > 0 ? i * incy : (n - 1 - i) * -incy];
            double dot = 0, asum = 0, ss = 0, absDot = 0;
            for (int i = 0; i < n; i++) { dot += X(i) * Y(y, i); absDot += Math.Abs(X(i) * Y(y, i)); asum += Math.Abs(X(i)); ss += X(i) * X(i); }
            Assert.True(Math.Abs(B.Dot(n, x, incx, y, incy) - dot) <= 2 * n * Eps * absDot + 1e-300);
            Assert.True(Math.Abs(B.Asum(n, x, incx) - asum) <= 2 * n * Eps * asum);
            Assert.True(Math.Abs(B.Nrm2(n, x, incx) - Math.Sqrt(ss)) <= 2 * n * Eps * Math.Sqrt(ss));
            int iamax = B.Iamax(n, x, incx);
            if (n == 0) Assert.Equal(-1, iamax);
            else Assert.Equal(Enumerable.Range(0, n).Select(i => Math.Abs(X(i))).Max(), Math.Abs(X(iamax)));
            var y2 = (double[])y.Clone();
            B.Axpy(n, 0.5, x, incx, y2, incy);
            for (int i = 0; i < n; i++) Assert.Equal(Y(y, i) + 0.5 * X(i), Y(y2, i), 15);
            var x2 = (double[])x.Clone();
            var y3 = (double[])y.Clone();
            B.Rot(n, x2, incx, y3, incy, 0.6, 0.8);
            for (int i = 0; i < n; i++)
            {
                double xi = x2[incx > 0 ? i * incx : (n - 1 - i) * -incx];
                Assert.Equal(0.6 * X(i) + 0.8 * Y(y, i), xi, 14);
                Assert.Equal(0.6 * Y(y, i) - 0.8 * X(i), Y(y3, i), 14);
            }
        }
    }

    [Fact]
    public void Nrm2_neither_overflows_nor_underflows_and_propagates_NaN()
    {
        Assert.Equal(5e300, B.Nrm2(2, [3e300, 4e300], 1), 1e287);
        Assert.Equal(5e-300, B.Nrm2(2, [3e-300, -4e-300], 1), 1e-313);
        Assert.Equal(5e30f, B.Nrm2(2, [3e30f, 4e30f], 1), 1e24f);
        Assert.True(double.IsNaN(B.Nrm2(3, [1.0, double.NaN, double.PositiveInfinity], 1)));
        Assert.Equal(double.PositiveInfinity, B.Nrm2(2, [1.0, double.NegativeInfinity], 1));
        Assert.Equal(0.0, B.Nrm2(3, new double[3], 1));
        Assert.Equal(1, B.Iamax(3, [1.0, double.NaN, 5.0], 1));
    }

    [Theory]
    [InlineData(3.0, 4.0)] [InlineData(-4.0, 3.0)] [InlineData(0.0, 2.0)] [InlineData(0.0, 0.0)] [InlineData(1e300, 1e300)] [InlineData(1e-310, -2e-310)]
    public void Rotg_zeroes_the_second_component(double a, double b)
    {
        var (c, s, r, _) = B.Rotg(a, b);
        Assert.Equal(1.0, c * c + s * s, 14);
        double scale = Math.Max(Math.Abs(a), Math.Abs(b));
        if (scale == 0) { Assert.Equal(0.0, r); return; }
        Assert.True(Math.Abs(c * a + s * b - r) <= 4 * Eps * scale);
        Assert.True(Math.Abs(-s * a + c * b) <= 4 * Eps * scale);
        Assert.Equal(Math.Sign(Math.Abs(a) > Math.Abs(b) ? a : b), Math.Sign(r));
    }

    [Theory]
    [InlineData(MatrixOrder.RowMajor)] [InlineData(MatrixOrder.ColumnMajor)]
    public void Gemv_ger_symv_match_dense_references(MatrixOrder order)
    {
        var rng = new Random(1);
        const int m = 37, n = 23;
        int lda = (order == MatrixOrder.RowMajor ? n : m) + 2;
        var a = Rand(rng, lda * (order == MatrixOrder.RowMajor ? m : n));
        foreach (var trans in new[] { Transpose.None, Transpose.Transpose })
            foreach (var (incx, incy) in new[] { (1, 1), (2, -1) })
            {
                int rows = trans == Transpose.None ? m : n, cols = trans == Transpose.None ? n : m;
                var x = Rand(rng, cols * Math.Abs(incx));
                var y = Rand(rng, rows * Math.Abs(incy));
                var y0 = (double[])y.Clone();
                B.Gemv(order, trans, m, n, 1.5, a, lda, x, incx, -0.5, y, incy);
                for (int i = 0; i < rows; i++)
                {
                    double s = 0, abs = 0;
                    for (int j = 0; j < cols; j++)
                    {
                        double aij = trans == Transpose.None ? At(a, order, lda, i, j) : At(a, order, lda, j, i);
                        double xj = x[incx > 0 ? j * incx : (cols - 1 - j) * -incx];
                        s += aij * xj; abs += Math.Abs(aij * xj);
                    }
                    int iy = incy > 0 ? i * incy : (rows - 1 - i) * -incy;
                    Assert.True(Math.Abs(y[iy] - (1.5 * s - 0.5 * y0[iy])) <= 4 * (cols + 2) * Eps * (1.5 * abs + 0.5 * Math.Abs(y0[iy])));
                }
            }
        var gx = Rand(rng, m);
        var gy = Rand(rng, n);
        var a2 = (double[])a.Clone();
        B.Ger(order, m, n, 2.0, gx, 1, gy, 1, a2, lda);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) Assert.Equal(At(a, order, lda, i, j) + 2.0 * gx[i] * gy[j], At(a2, order, lda, i, j), 14);
        // symv reads only one triangle: poison the other.
        foreach (var uplo in new[] { Triangle.Upper, Triangle.Lower })
        {
            int ns = 19, ld = ns + 1;
            var s = Rand(rng, ld * ns);
            for (int i = 0; i < ns; i++)
                for (int j = 0; j < ns; j++)
                    if (uplo == Triangle.Upper ? i > j : i < j) Ref(s, order, ld, i, j) = double.NaN;
            double Sym(int i, int j) => uplo == Triangle.Upper ? At(s, order, ld, Math.Min(i, j), Math.Max(i, j)) : At(s, order, ld, Math.Max(i, j), Math.Min(i, j));
            var x = Rand(rng, ns);
            var y = new double[ns];
            B.Symv(order, uplo, ns, 1.0, s, ld, x, 1, 0.0, y, 1);
            for (int i = 0; i < ns; i++)
                Assert.Equal(Enumerable.Range(0, ns).Sum(j => Sym(i, j) * x[j]), y[i], 13);
        }
    }

    public static IEnumerable<object[]> TriangularCases =>
        from order in new[] { MatrixOrder.RowMajor, MatrixOrder.ColumnMajor }
        from uplo in new[] { Triangle.Upper, Triangle.Lower }
        from trans in new[] { Transpose.None, Transpose.Transpose }
        from diag in new[] { Diagonal.NonUnit, Diagonal.Unit }
        select new object[] { order, uplo, trans, diag };

    /// <summary>A well-conditioned triangular matrix with NaN in the unused triangle (and diagonal when unit).</summary>
    private static double[] Triangular(Random rng, MatrixOrder order, Triangle uplo, Diagonal diag, int n, int ld)
    {
        var a = Rand(rng, ld * n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                ref double e = ref Ref(a, order, ld, i, j);
                if (uplo == Triangle.Upper ? i > j : i < j) e = double.NaN;
                else if (i == j) e = diag == Diagonal.Unit ? double.NaN : 2 + rng.NextDouble();
                else e /= Math.Sqrt(n);
            }
        return a;
    }

    private static double OpA(double[] a, MatrixOrder order, Triangle uplo, Transpose trans, Diagonal diag, int ld, int i, int j)
    {
        if (trans == Transpose.Transpose) (i, j) = (j, i);
        if (i == j) return diag == Diagonal.Unit ? 1 : At(a, order, ld, i, i);
        return (uplo == Triangle.Upper ? i < j : i > j) ? At(a, order, ld, i, j) : 0;
    }

    [Theory]
    [MemberData(nameof(TriangularCases))]
    public void Trmv_and_trsv_match_dense_references(MatrixOrder order, Triangle uplo, Transpose trans, Diagonal diag)
    {
        var rng = new Random(2);
        const int n = 29, ld = 31;
        var a = Triangular(rng, order, uplo, diag, n, ld);
        var x = Rand(rng, 2 * n);
        var y = (double[])x.Clone();
        B.Trmv(order, uplo, trans, diag, n, a, ld, y, 2);
        for (int i = 0; i < n; i++)
            Assert.Equal(Enumerable.Range(0, n).Sum(j => OpA(a, order, uplo, trans, diag, ld, i, j) * x[2 * j]), y[2 * i], 13);
        B.Trsv(order, uplo, trans, diag, n, a, ld, y, 2);
        for (int i = 0; i < n; i++) Assert.Equal(x[2 * i], y[2 * i], 12);
    }

    [Theory]
    [MemberData(nameof(TriangularCases))]
    public void Blocked_trsm_and_trmm_match_dense_references_on_both_sides(MatrixOrder order, Triangle uplo, Transpose trans, Diagonal diag)
    {
        var rng = new Random(3);
        foreach (var side in new[] { Side.Left, Side.Right })
        {
            // Sizes cross the level-3 block (96) so the GEMM updates run.
            int m = side == Side.Left ? 203 : 17, n = side == Side.Left ? 13 : 150;
            int na = side == Side.Left ? m : n, lda = na + 3, ldb = (order == MatrixOrder.RowMajor ? n : m) + 1;
            var a = Triangular(rng, order, uplo, diag, na, lda);
            var b = Rand(rng, ldb * (order == MatrixOrder.RowMajor ? m : n));
            var product = (double[])b.Clone();
            B.Trmm(order, side, uplo, trans, diag, m, n, 0.5, a, lda, product, ldb);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    double s = 0;
                    if (side == Side.Left) for (int p = 0; p < m; p++) s += OpA(a, order, uplo, trans, diag, lda, i, p) * At(b, order, ldb, p, j);
                    else for (int p = 0; p < n; p++) s += At(b, order, ldb, i, p) * OpA(a, order, uplo, trans, diag, lda, p, j);
                    Assert.True(Math.Abs(At(product, order, ldb, i, j) - 0.5 * s) <= 1e-13 * Math.Sqrt(na), $"trmm {side} ({i},{j})");
                }
            // Solving with the product recovers 0.5·0.5⁻¹·B scaled: op(A)·X = 2·product ⇒ X = B.
            B.Trsm(order, side, uplo, trans, diag, m, n, 2.0, a, lda, product, ldb);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                    Assert.True(Math.Abs(At(product, order, ldb, i, j) - At(b, order, ldb, i, j)) <= 1e-12, $"trsm {side} ({i},{j})");
        }
    }

    [Theory]
    [InlineData(MatrixOrder.RowMajor, Triangle.Lower, Transpose.None)]
    [InlineData(MatrixOrder.RowMajor, Triangle.Upper, Transpose.Transpose)]
    [InlineData(MatrixOrder.ColumnMajor, Triangle.Upper, Transpose.None)]
    [InlineData(MatrixOrder.ColumnMajor, Triangle.Lower, Transpose.Transpose)]
    public void Syrk_updates_only_its_triangle(MatrixOrder order, Triangle uplo, Transpose trans)
    {
        var rng = new Random(4);
        const int n = 211, k = 37;
        var (ar, ac) = trans == Transpose.None ? (n, k) : (k, n);
        int lda = (order == MatrixOrder.RowMajor ? ac : ar) + 1, ldc = n + 2;
        var a = Rand(rng, lda * (order == MatrixOrder.RowMajor ? ar : ac));
        var c = Rand(rng, ldc * n);
        var c0 = (double[])c.Clone();
        B.Syrk(order, uplo, trans, n, k, 1.5, a, lda, 0.5, c, ldc);
        double Op(int i, int p) => trans == Transpose.None ? At(a, order, lda, i, p) : At(a, order, lda, p, i);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                bool inTriangle = uplo == Triangle.Upper ? i <= j : i >= j;
                if (!inTriangle) { Assert.Equal(At(c0, order, ldc, i, j), At(c, order, ldc, i, j)); continue; }
                double s = 0;
                for (int p = 0; p < k; p++) s += Op(i, p) * Op(j, p);
                Assert.True(Math.Abs(At(c, order, ldc, i, j) - (1.5 * s + 0.5 * At(c0, order, ldc, i, j))) <= 4 * (k + 2) * Eps * (1.5 * k + 1));
            }
    }

    [Fact]
    public void Level_1_2_3_bad_input_gets_clear_errors()
    {
        Assert.Contains("increment 2", Assert.Throws<ArgumentException>(() => B.Dot(5, new double[5], 2, new double[5], 1)).Message);
        Assert.Throws<ArgumentException>(() => B.Dot(5, new double[5], 0, new double[5], 1));
        Assert.Throws<ArgumentException>(() => B.Gemv(MatrixOrder.RowMajor, Transpose.None, 3, 3, 1.0, new double[8], 3, new double[3], 1, 0.0, new double[3], 1));
        var buf = new double[10];
        Assert.Contains("overlaps", Assert.Throws<ArgumentException>(() => B.Axpy(4, 1.0, buf.AsSpan(0, 4), 1, buf.AsSpan(2, 4), 1)).Message);
        Assert.Throws<ArgumentException>(() => B.Trsm(MatrixOrder.RowMajor, Side.Left, Triangle.Lower, Transpose.None, Diagonal.NonUnit, 4, 2, 1.0, new double[15], 4, new double[8], 2));
    }
}
