using FsCheck.Xunit;
using Kernels.Linalg;
using Kernels.Linalg.Sketching;
using Kernels.Linalg.Solvers;
using Kernels.Tensors;
using Xunit;
using static Kernels.Tests.Factorizations.FactorizationChecks;
using static Kernels.Tests.Spectral.SpectralChecks;

namespace Kernels.Tests.Sketching;

public class RandomizedEigenAndTraceTests
{
    /// <summary>‖A − V·diag(λ)·Vᵀ‖₂ (largest singular value of the difference).</summary>
    private static double ApproximationError(double[,] a, RandomizedEigenResult<double> r)
    {
        int n = a.GetLength(0), k = r.Values.Shape[0];
        var v = ToDouble(r.Vectors);
        var diff = (double[,])a.Clone();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int t = 0; t < k; t++) diff[i, j] -= v[i, t] * r.Values[t] * v[j, t];
        return new SingularValueDecomposition<double>(NDArray.FromArray(diff), SvdMode.ValuesOnly).S[0];
    }

    [Fact]
    public void Nystrom_is_exact_on_low_rank_psd_and_near_optimal_on_decaying_spectra()
    {
        var rng = new Random(2);
        int n = 150;
        var q = RandomOrthogonal(rng, n);
        var lowRank = WithSpectrum(q, Enumerable.Range(0, n).Select(i => i < 6 ? 10.0 - i : 0).ToArray(), q);
        var exact = RandomizedEigen.Nystrom(NDArray.FromArray(lowRank), 6, seed: 3);
        for (int t = 0; t < 6; t++) Assert.Equal(10.0 - t, exact.Values[t], 9);
        Assert.True(ApproximationError(lowRank, exact) <= 1e-9);
        Assert.InRange(OrthogonalityRatio<double>(ToDouble(exact.Vectors)), 0, Threshold);

        var lambda = Enumerable.Range(0, n).Select(i => Math.Pow(0.8, i)).ToArray();
        var decaying = WithSpectrum(q, lambda, q);
        var approx = RandomizedEigen.Nystrom(NDArray.FromArray(decaying), 10, oversampling: 10, powerIterations: 2, seed: 4);
        // The optimal rank-10 error is λ₁₁; Nyström with oversampling and power steps comes within a small factor.
        Assert.InRange(ApproximationError(decaying, approx) / lambda[10], 0.99, 2.0);
        for (int t = 0; t < 10; t++) Assert.True(approx.Values[t] <= lambda[t] * (1 + 1e-10) && approx.Values[t] >= 0.9 * lambda[t], $"λ{t}");
        // Negative definite input is not PSD: reported, not approximated silently.
        var negative = WithSpectrum(q, lambda.Select(v => -v).ToArray(), q);
        Assert.Contains("positive semidefinite", Assert.Throws<ArgumentException>(() => RandomizedEigen.Nystrom(NDArray.FromArray(negative), 5)).Message);
        Assert.Throws<ArgumentException>(() => RandomizedEigen.Nystrom(new NDArray<double>(4, 5), 2));
    }

    [Fact]
    public void Symmetric_rayleigh_ritz_finds_the_largest_magnitude_eigenpairs_of_indefinite_matrices()
    {
        var rng = new Random(5);
        int n = 120;
        var q = RandomOrthogonal(rng, n);
        var lambda = Enumerable.Range(0, n).Select(i => (i % 2 == 0 ? 1 : -1) * (i < 8 ? 20.0 - i : 1e-3 * Math.Pow(0.5, i))).ToArray();
        var a = WithSpectrum(q, lambda, q);
        var r = RandomizedEigen.Symmetric(NDArray.FromArray(a), 8, seed: 6);
        var expected = lambda.Take(8).OrderByDescending(Math.Abs).ToArray();
        for (int t = 0; t < 8; t++) Assert.Equal(expected[t], r.Values[t], 8);
        Assert.True(ApproximationError(a, r) <= 2e-3);
    }

    [Fact]
    public void Lu_and_qr_normalizers_give_the_same_randomized_svd_accuracy()
    {
        var rng = new Random(8);
        int m = 200, n = 150, k = 8;
        var s = Enumerable.Range(0, n).Select(i => Math.Pow(0.75, i)).ToArray();
        var a = NDArray.FromArray(WithSpectrum(RandomOrthogonal(rng, m), s, RandomOrthogonal(rng, n)));
        foreach (var normalizer in new[] { PowerIterationNormalizer.QR, PowerIterationNormalizer.LU, PowerIterationNormalizer.Auto })
        {
            var r = RandomizedSvd.Compute(a, k, powerIterations: 4, seed: 1, normalizer: normalizer);
            for (int t = 0; t < k; t++) Assert.True(Math.Abs(s[t] - r.S[t]) <= 1e-9 * s[0], $"{normalizer}: σ{t} {r.S[t]} vs {s[t]}");
        }
        // Without normalisation the columns collapse onto the top singular vector as iterations grow: fine for ≤ 2
        // (scikit-learn's "auto" rule), visibly worse for many.
        var one = RandomizedSvd.Compute(a, k, powerIterations: 1, seed: 1, normalizer: PowerIterationNormalizer.None);
        Assert.True(Math.Abs(s[0] - one.S[0]) <= 1e-6 * s[0]);
    }

    [Fact]
    public void Trace_estimators_are_exact_where_theory_says_and_unbiased_otherwise()
    {
        // Rademacher ωᵀ·D·ω = tr D exactly for diagonal D; the diagonal estimator is exact too.
        var d = Enumerable.Range(0, 37).Select(i => 1.0 + i).ToArray();
        var diagonal = new DelegateOperator<double>(37, 37, (x, y) => { for (int i = 0; i < 37; i++) y[i] = d[i] * x[i]; });
        Assert.Equal(d.Sum(), TraceEstimation.Hutchinson(diagonal, 3, seed: 1).Value, 10);
        Assert.Equal(d, TraceEstimation.Diagonal(diagonal, 2, seed: 1));
        // Hutch++ is exact on a rank-k matrix when m/3 ≥ k (the top subspace captures all of it).
        var rng = new Random(3);
        int n = 90;
        var q = RandomOrthogonal(rng, n);
        var lowRank = WithSpectrum(q, Enumerable.Range(0, n).Select(i => i < 5 ? 3.0 + i : 0).ToArray(), q);
        var op = new DenseOperator<double>(NDArray.FromArray(lowRank));
        Assert.Equal(25.0, TraceEstimation.HutchPlusPlus(op, 18, seed: 2).Value, 9);
        // A dense SPD matrix: Hutchinson within 5 standard errors; Hutch++ closer for the same number of products.
        var lambda = Enumerable.Range(0, n).Select(i => Math.Pow(0.9, i)).ToArray();
        var spd = new DenseOperator<double>(NDArray.FromArray(WithSpectrum(q, lambda, q)));
        double trace = lambda.Sum();
        var h = TraceEstimation.Hutchinson(spd, 60, seed: 4);
        Assert.InRange(h.Value, trace - 5 * h.StandardError, trace + 5 * h.StandardError);
        // Over 40 seeds both are unbiased and Hutch++ has the smaller spread (measured rms 0.15 vs 0.36 at 60 products).
        double biasH = 0, biasP = 0, msH = 0, msP = 0;
        for (ulong seed = 0; seed < 40; seed++)
        {
            double eh = TraceEstimation.Hutchinson(spd, 60, seed).Value - trace, ep = TraceEstimation.HutchPlusPlus(spd, 60, seed).Value - trace;
            biasH += eh / 40; biasP += ep / 40; msH += eh * eh / 40; msP += ep * ep / 40;
        }
        Assert.True(Math.Sqrt(msP) < 0.7 * Math.Sqrt(msH), $"rms Hutch++ {Math.Sqrt(msP):E2} vs Hutchinson {Math.Sqrt(msH):E2}");
        Assert.True(Math.Abs(biasP) < 0.1 && Math.Abs(biasH) < 0.2, $"bias {biasP:E2} / {biasH:E2}");
        // Reproducible from the seed; bad input reported.
        Assert.Equal(h, TraceEstimation.Hutchinson(spd, 60, seed: 4));
        Assert.Throws<ArgumentException>(() => TraceEstimation.Hutchinson(new DelegateOperator<double>(3, 4, (x, y) => { }), 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => TraceEstimation.HutchPlusPlus(spd, 2));
    }

    [Property(MaxTest = 20)]
    public void Hutchinson_on_any_diagonal_operator_is_exact(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(1, 70);
        var d = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
        var op = new DelegateOperator<double>(n, n, (x, y) => { for (int i = 0; i < n; i++) y[i] = d[i] * x[i]; });
        Assert.Equal(d.Sum(), TraceEstimation.Hutchinson(op, 1 + rng.Next(4), (ulong)seed).Value, 10);
    }
}
