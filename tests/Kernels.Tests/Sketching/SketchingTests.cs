using Kernels.Linalg;
using Kernels.Linalg.Sketching;
using Kernels.Tensors;
using Xunit;
using static Kernels.Tests.Factorizations.FactorizationChecks;
using static Kernels.Tests.Spectral.SpectralChecks;

namespace Kernels.Tests.Sketching;

public class SketchingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(16)]
    [InlineData(64)]
    public void Fwht_matches_the_dense_sylvester_hadamard_matrix(int n)
    {
        var rng = new Random(n);
        var x = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var y = (double[])x.Clone();
        FastWalshHadamard.Transform<double>(y);
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            // H_ij = (−1)^popcount(i & j) for the Sylvester construction.
            for (int j = 0; j < n; j++) s += (System.Numerics.BitOperations.PopCount((uint)(i & j)) % 2 == 0 ? 1 : -1) * x[j];
            Assert.Equal(s, y[i], 12);
        }
        Assert.Throws<ArgumentException>(() => FastWalshHadamard.Transform<double>(new double[12]));
    }

    public static TheoryData<SketchKind> Kinds => [SketchKind.Gaussian, SketchKind.Rademacher, SketchKind.SparseSign, SketchKind.CountSketch, SketchKind.Srht];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Sketches_embed_a_subspace_and_are_reproducible(SketchKind kind)
    {
        int n = 700, d = 8, m = kind == SketchKind.CountSketch ? 400 : 160;
        var q = new QrDecomposition<double>(NDArray.FromArray(RandomDense(new Random(1), n, d))).Q();
        var s = new SketchOperator<double>(kind, m, n, seed: 42);
        var sq = s.Apply(q);
        var sigma = new SingularValueDecomposition<double>(sq, SvdMode.ValuesOnly).S.ToArray();
        // Subspace embedding: all singular values of S·Q near 1 (distortion ε ~ √(d/m) for dense sketches).
        Assert.InRange(sigma[0], 0.5, 1.5);
        Assert.InRange(sigma[^1], 0.5, 1.5);
        var again = new SketchOperator<double>(kind, m, n, seed: 42).Apply(q).ToArray();
        Assert.Equal(sq.ToArray(), again);
        var other = new SketchOperator<double>(kind, m, n, seed: 43).Apply(q).ToArray();
        Assert.NotEqual(sq.ToArray(), other);
        // Applying to a matrix equals multiplying by the explicit S; A·Sᵀ is the transpose.
        var small = new SketchOperator<double>(kind, 6, 20, seed: 7);
        var dense = ToDouble(small.ToDense());
        var a = RandomDense(new Random(3), 20, 3);
        var ref1 = Multiply(dense, a);
        var got = ToDouble(small.Apply(NDArray.FromArray(a)));
        Assert.InRange(Frobenius(Subtract(ref1, got)) / (Frobenius(ref1) * 20 * Eps<double>()), 0, Threshold);
        var right = ToDouble(small.ApplyRight(NDArray.FromArray(a).Transpose().Copy()));
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 6; j++) Assert.Equal(got[j, i], right[i, j], 12);
        Assert.Throws<ArgumentException>(() => small.Apply(new NDArray<double>(19, 2)));
    }

    [Fact]
    public void Randomized_svd_is_near_optimal_on_a_decaying_spectrum_and_exact_on_low_rank()
    {
        var rng = new Random(5);
        int m = 300, n = 200, k = 10;
        var s = Enumerable.Range(0, n).Select(i => Math.Pow(0.7, i)).ToArray();
        var a = WithSpectrum(RandomOrthogonal(rng, m), s, RandomOrthogonal(rng, n));
        var r = RandomizedSvd.Compute(NDArray.FromArray(a), k, seed: 1);
        var approx = new double[m, n];
        var u = ToDouble(r.U);
        var vt = ToDouble(r.Vt);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int t = 0; t < k; t++) sum += u[i, t] * r.S[t] * vt[t, j];
                approx[i, j] = a[i, j] - sum;
            }
        double err = new SingularValueDecomposition<double>(NDArray.FromArray(approx), SvdMode.ValuesOnly).S[0];
        // Optimal is σ_{k+1}; with power iterations the randomized error is within a small factor of it.
        Assert.InRange(err / s[k], 0.99, 1.5);
        for (int t = 0; t < k; t++) Assert.Equal(s[t], r.S[t], 8);
        Assert.True(r.ErrorEstimate >= 0 && double.IsFinite(r.ErrorEstimate));
        // Exactly rank k: recovered to rounding, and the a-posteriori estimate says so.
        var low = WithSpectrum(RandomOrthogonal(rng, 80), Enumerable.Range(0, 5).Select(i => 1.0 + i).ToArray(), RandomOrthogonal(rng, 60));
        var rl = RandomizedSvd.Compute(NDArray.FromArray(low), 5, seed: 2);
        Assert.True(rl.ErrorEstimate < 1e-10, $"estimate {rl.ErrorEstimate}");
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomizedSvd.Compute(NDArray.FromArray(low), 61));
        low[3, 4] = double.NaN;
        Assert.Contains("non-finite", Assert.Throws<ArgumentException>(() => RandomizedSvd.Compute(NDArray.FromArray(low), 5)).Message);
        Assert.Contains("non-finite", Assert.Throws<ArgumentException>(() => RandomizedSvd.Compute(NDArray.FromArray(low).Transpose(), 5)).Message);
    }
}
