using FsCheck.Xunit;
using Kernels.Linalg;
using Kernels.Tensors;
using Xunit;
using static Kernels.Tests.Factorizations.FactorizationChecks;

namespace Kernels.Tests.Factorizations;

public class OrthogonalToolkitTests
{
    private static readonly int[] Dims = [0, 1, 2, 3, 5, 8, 17, 32, 33, 47];

    [Property(MaxTest = 60)]
    public void Lq_reconstructs_with_orthonormal_rows(int seed)
    {
        var rng = new Random(seed);
        int m = Dims[rng.Next(Dims.Length)], n = Dims[rng.Next(Dims.Length)];
        var a = Random<double>(rng, m, n);
        var lq = new LqDecomposition<double>(a);
        var l = ToDouble(lq.L);
        var q = ToDouble(lq.Q());
        Assert.True(IsLowerTriangular(l));
        Assert.InRange(ReconstructionRatio<double>(ToDouble(a), l, q), 0, Threshold);
        Assert.InRange(OrthogonalityRatio<double>(q, rows: true), 0, Threshold);
        Assert.InRange(OrthogonalityRatio<double>(ToDouble(lq.Q(complete: true)), rows: true), 0, Threshold);
        if (m <= n && m > 0)
        {
            // Minimum-norm solution: A·x = b exactly and x ⟂ null(A) (x in the row space: x = Aᵀy).
            var b = Random<double>(rng, m, 2);
            var x = ToDouble(lq.Solve(b));
            var r = Subtract(ToDouble(b), Multiply(ToDouble(a), x));
            Assert.InRange(Frobenius(r) / ((Frobenius(ToDouble(a)) * Frobenius(x) + Frobenius(ToDouble(b))) * n * Eps<double>()), 0, Threshold);
        }
    }

    [Fact]
    public void Pivoted_qr_reveals_rank_and_orders_the_diagonal()
    {
        var rng = new Random(2);
        // Rank 5 product of 30×5 and 5×12 factors.
        var a = LinearAlgebra.MatMul(Random<double>(rng, 30, 5), Random<double>(rng, 5, 12));
        var pqr = new PivotedQrDecomposition<double>(a);
        Assert.Equal(5, pqr.Rank());
        var d = pqr.RDiagonalMagnitudes();
        for (int i = 1; i < d.Length; i++) Assert.True(d[i] <= d[i - 1] * (1 + 1e-12));
        var ap = Multiply(ToDouble(a), ToDouble(pqr.P));
        Assert.InRange(ReconstructionRatio<double>(ap, ToDouble(pqr.Q()), ToDouble(pqr.R())), 0, Threshold);
        Assert.InRange(OrthogonalityRatio<double>(ToDouble(pqr.Q(complete: true))), 0, Threshold);
        Assert.Equal(0, new PivotedQrDecomposition<double>(new NDArray<double>(4, 3)).Rank());
    }

    [Fact]
    public void Kahan_matrix_factors_stably()
    {
        // Kahan's matrix: column pivoting does not reveal its near rank deficiency, but the factorization must still
        // reconstruct A and keep Q orthogonal; the diagonal must be non-increasing.
        int n = 60;
        double theta = 1.2, s = Math.Sin(theta), c = Math.Cos(theta);
        var k = new NDArray<double>(n, n);
        for (int i = 0; i < n; i++)
        {
            double si = Math.Pow(s, i);
            k[i, i] = si * (1 + 1e-10 * (n - i)); // the usual perturbation keeps pivoting in natural order
            for (int j = i + 1; j < n; j++) k[i, j] = -c * si;
        }
        var pqr = new PivotedQrDecomposition<double>(k);
        var ap = Multiply(ToDouble(k), ToDouble(pqr.P));
        Assert.InRange(ReconstructionRatio<double>(ap, ToDouble(pqr.Q()), ToDouble(pqr.R())), 0, Threshold);
        var d = pqr.RDiagonalMagnitudes();
        for (int i = 1; i < d.Length; i++) Assert.True(d[i] <= d[i - 1] * (1 + 1e-12));
    }

    [Fact]
    public void Lstsq_gives_minimum_norm_solutions_for_rank_deficient_problems()
    {
        var rng = new Random(4);
        var a = LinearAlgebra.MatMul(Random<double>(rng, 20, 3), Random<double>(rng, 3, 8)); // rank 3, 20×8
        var b = Random<double>(rng, 20, 2);
        var result = LinearAlgebra.Lstsq(a, b);
        Assert.Equal(3, result.Rank);
        Assert.Equal(0, result.ResidualSumOfSquares.Shape[0]);
        // Normal equations hold (residual ⟂ range A) and x lies in the row space (x ⟂ null A): compare with the
        // pseudo-inverse identities A⁺A x = x and Aᵀ(Ax − b) = 0.
        var ad = ToDouble(a);
        var x = ToDouble(result.Solution);
        var g = Multiply(ad, Subtract(Multiply(ad, x), ToDouble(b)), transA: true);
        Assert.InRange(Frobenius(g) / (Frobenius(ad) * Frobenius(ad) * Frobenius(x) * 20 * Eps<double>() + Frobenius(ad) * Frobenius(ToDouble(b)) * 20 * Eps<double>()), 0, Threshold * 10);
        var pinv = ToDouble(new CompleteOrthogonalDecomposition<double>(a).PseudoInverse());
        var x2 = Multiply(pinv, ToDouble(b));
        Assert.InRange(Frobenius(Subtract(x, x2)) / Frobenius(x), 0, 1e-10);
        // Full-rank tall: residual sums of squares are reported.
        var full = LinearAlgebra.Lstsq(Random<double>(rng, 10, 3), NDArray.RandomUniform<double>(1, -1, 1, 10));
        Assert.Equal(3, full.Rank);
        Assert.Equal(1, full.ResidualSumOfSquares.Shape[0]);
        Assert.Equal(1, full.Solution.Rank);
    }

    [Fact]
    public void Householder_product_matches_explicit_reflections_and_low_rank_projectors()
    {
        var rng = new Random(6);
        int m = 9, n = 9, k = 4;
        var v = Random<double>(rng, m, n);
        var tau = NDArray.FromArray(new[] { 1.2, 0.0, 1.9, 0.7 });
        var q = ToDouble(LinearAlgebra.HouseholderProduct(v, tau.Slice(new AxisRange(0, k)), columns: m));
        // Explicit H₀H₁H₂H₃ from unit-diagonal vectors.
        var expected = new double[m, m];
        for (int i = 0; i < m; i++) expected[i, i] = 1;
        for (int j = 0; j < k; j++)
        {
            var h = new double[m, m];
            var vec = new double[m];
            vec[j] = 1;
            for (int i = j + 1; i < m; i++) vec[i] = v[i, j];
            for (int r = 0; r < m; r++) for (int c = 0; c < m; c++) h[r, c] = (r == c ? 1 : 0) - tau[j] * vec[r] * vec[c];
            expected = Multiply(expected, h);
        }
        Assert.InRange(Frobenius(Subtract(q, expected)), 0, 1e-13);
        var thin = LinearAlgebra.HouseholderProduct(v.Slice(AxisRange.All, new AxisRange(0, 6)), tau);
        Assert.Equal(new[] { m, 6 }, thin.Shape.ToArray());
        var x = Random<double>(rng, m, 3);
        var qx = ToDouble(LinearAlgebra.ApplyHouseholderProduct(v.Slice(AxisRange.All, new AxisRange(0, k)), tau, x));
        Assert.InRange(Frobenius(Subtract(qx, Multiply(expected, ToDouble(x)))), 0, 1e-13);
        var qtx = ToDouble(LinearAlgebra.ApplyHouseholderProduct(v.Slice(AxisRange.All, new AxisRange(0, k)), tau, x, transpose: true));
        Assert.InRange(Frobenius(Subtract(qtx, Multiply(expected, ToDouble(x), transA: true))), 0, 1e-13);
        Assert.Contains("m ≥ n ≥ k", Assert.Throws<ArgumentException>(() => LinearAlgebra.HouseholderProduct(new NDArray<double>(3, 4), new NDArray<double>(2))).Message);
        // Batched (torch semantics): each matrix of the batch equals its own product.
        var vb = NDArray.RandomUniform<double>(9, -1, 1, 2, 3, 7, 5);
        var tb = NDArray.RandomUniform<double>(10, 0.5, 1.5, 2, 3, 4);
        var qb = LinearAlgebra.HouseholderProduct(vb, tb);
        Assert.Equal(new[] { 2, 3, 7, 5 }, qb.Shape.ToArray());
        var one = LinearAlgebra.HouseholderProduct(vb.Slice(new AxisRange(1, 2), new AxisRange(2, 3)).Squeeze(0).Squeeze(0),
            tb.Slice(new AxisRange(1, 2), new AxisRange(2, 3)).Squeeze(0).Squeeze(0));
        Assert.Equal(one.ToArray(), qb.Slice(new AxisRange(1, 2), new AxisRange(2, 3)).Squeeze(0).Squeeze(0).ToArray());
        Assert.Contains("batch", Assert.Throws<ArgumentException>(() => LinearAlgebra.HouseholderProduct(vb, new NDArray<double>(3, 2, 4))).Message);
    }

    [Theory]
    [InlineData(2000, 40, 1)]
    [InlineData(2000, 40, 7)]
    [InlineData(640, 64, 10)]
    [InlineData(50, 50, 1)]
    public void Tsqr_reconstructs_and_is_orthogonal(int m, int n, int blocks)
    {
        var rng = new Random(m + n + blocks);
        var a = Random<double>(rng, m, n);
        var (q, r) = TallSkinnyQr.Tsqr(a, blocks);
        Assert.True(IsUpperTriangular(ToDouble(r)));
        Assert.InRange(ReconstructionRatio<double>(ToDouble(a), ToDouble(q!), ToDouble(r)), 0, Threshold);
        Assert.InRange(OrthogonalityRatio<double>(ToDouble(q!)), 0, Threshold);
        // R agrees with Householder QR's up to row signs.
        var r0 = ToDouble(new QrDecomposition<double>(a).R());
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++) Assert.Equal(Math.Abs(r0[i, j]), Math.Abs(r[i, j]), 1e-9 * Math.Max(1, Math.Abs(r0[i, i])));
        var again = TallSkinnyQr.Tsqr(a, blocks);
        Assert.Equal(q!.ToArray(), again.Q!.ToArray()); // reproducible
    }

    [Fact]
    public void CholeskyQr2_is_orthogonal_when_well_conditioned_and_refuses_otherwise()
    {
        var rng = new Random(8);
        var a = Random<double>(rng, 3000, 30);
        var (q, r) = TallSkinnyQr.CholeskyQr2(a);
        Assert.InRange(ReconstructionRatio<double>(ToDouble(a), ToDouble(q), ToDouble(r)), 0, Threshold);
        Assert.InRange(OrthogonalityRatio<double>(ToDouble(q)), 0, Threshold);
        var rf = ToDouble(r);
        for (int i = 0; i < 30; i++) Assert.True(rf[i, i] > 0);
        var bad = a.Copy();
        for (int i = 0; i < 3000; i++) bad[i, 29] = bad[i, 28] * (1 + 1e-15); // κ ≈ 1e15
        Assert.ThrowsAny<ArithmeticException>(() => TallSkinnyQr.CholeskyQr2(bad));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(40)]
    public void Cayley_and_skew_exponential_are_orthogonal(int n)
    {
        var rng = new Random(n);
        var g = Random<double>(rng, n, n);
        var skew = NDArray.Subtract(g, g.Transpose().Copy());
        var q = OrthogonalMaps.Cayley(skew);
        Assert.InRange(OrthogonalityRatio<double>(ToDouble(q)), 0, Threshold);
        var back = ToDouble(OrthogonalMaps.InverseCayley(q));
        Assert.InRange(Frobenius(Subtract(back, ToDouble(skew))) / Math.Max(Frobenius(ToDouble(skew)), 1e-300), 0, 1e-10);
        var scaled = NDArray.Multiply(skew, NDArray.Scalar(3.0));
        var e = OrthogonalMaps.SkewExponential(scaled);
        Assert.InRange(OrthogonalityRatio<double>(ToDouble(e)), 0, Threshold);
        var nonSkew = g.Copy();
        if (n > 1) Assert.Contains("skew", Assert.Throws<ArgumentException>(() => OrthogonalMaps.Cayley(nonSkew)).Message);
    }

    [Fact]
    public void Skew_exponential_of_a_plane_generator_is_the_rotation()
    {
        double t = 2.5;
        var a = NDArray.FromArray(new double[,] { { 0, -t }, { t, 0 } });
        var r = OrthogonalMaps.SkewExponential(a);
        Assert.Equal(Math.Cos(t), r[0, 0], 14);
        Assert.Equal(-Math.Sin(t), r[0, 1], 14);
        Assert.Equal(Math.Sin(t), r[1, 0], 14);
        var e = MatrixFunctions.Exp(NDArray.FromArray(new double[,] { { 1, 1 }, { 0, 1 } }));
        Assert.Equal(Math.E, e[0, 0], 13);
        Assert.Equal(Math.E, e[0, 1], 13);
    }

    [Theory]
    [InlineData(7, 7)]
    [InlineData(30, 6)]
    public void Polar_factor_is_orthogonal_and_procrustes_recovers_rotations(int m, int n)
    {
        var rng = new Random(m * n);
        var a = Random<double>(rng, m, n);
        var (u, h) = OrthogonalMaps.Polar(a);
        var hd = ToDouble(h);
        Assert.InRange(OrthogonalityRatio<double>(ToDouble(u)), 0, Threshold);
        Assert.InRange(ReconstructionRatio<double>(ToDouble(a), ToDouble(u), hd), 0, Threshold * 10);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) Assert.Equal(hd[i, j], hd[j, i]);
        Assert.True(new CholeskyDecomposition<double>(h).Determinant > 0); // H is positive definite
        // Procrustes: B = Ω·X for a random orthogonal Ω is solved exactly.
        var omega = new QrDecomposition<double>(Random<double>(rng, 5, 5)).Q();
        var x = Random<double>(rng, 5, 40);
        var b = LinearAlgebra.MatMul(omega, x);
        var found = ToDouble(OrthogonalMaps.Procrustes(x, b));
        Assert.InRange(Frobenius(Subtract(found, ToDouble(omega))), 0, 1e-12);
        Assert.Throws<SingularMatrixException>(() => OrthogonalMaps.Polar(new NDArray<double>(3, 3)));
    }
}
