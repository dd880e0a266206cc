using System.Numerics;
using Kernels.Ops.StateSpace;
using Kernels.Tensors;
using Xunit;

namespace Kernels.Tests.StateSpace;

public class DiagonalizationTests
{
    private const double Eps = 2.220446049250313e-16;

    /// <summary>max |K_diag − K_dense| / max |K_dense| for the ZOH kernels (Δ = 0.01, L = 1000) with C_n = 1/(n+1).</summary>
    private static double KernelError(int n, DiagonalizedSsm d)
    {
        var (a, b) = Hippo.Transition(HippoKind.LegS, n);
        var c = Enumerable.Range(0, n).Select(i => 1.0 / (i + 1)).ToArray();
        var (ad, bd) = Discretization.Dense(a, b, 0.01, DiscretizationMethod.ZeroOrderHold);
        var k = SsmKernel.Dense(ad, bd, NDArray.FromArray(c, n), 1000);
        var (abar, bbar) = Discretization.Diagonal(d.Lambda, d.BTilde, 0.01, DiscretizationMethod.ZeroOrderHold);
        var kd = SsmKernel.Diagonal(abar, bbar, d.ProjectOutput(c), 1000);
        return k.Zip(kd, (p, q) => Math.Abs(p - q)).Max() / k.Max(Math.Abs);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    public void Perturbing_legs_before_diagonalising_brings_the_condition_number_down_and_keeps_the_kernel(int n)
    {
        var (a, b) = Hippo.Transition(HippoKind.LegS, n);
        var plain = PerturbThenDiagonalize.Diagonalize(a, b, 0);
        // Measured here: κ₂(V) ≈ 5·10¹⁵ (n = 32), 10¹⁶ (n = 64); the diagonal kernel is off by 10¹⁰ and more.
        Assert.True(plain.EigenvectorCondition > 1e13, $"plain κ₂(V) = {plain.EigenvectorCondition:E2}");
        Assert.True(KernelError(n, plain) > 1, "the plain diagonalisation should be useless");
        var ptd = PerturbThenDiagonalize.Diagonalize(a, b, 1e-6, seed: 1);
        // ≈ 5·10⁵ / 3·10⁶: ten orders lower, and the kernel within O(ε) of the original.
        Assert.True(ptd.EigenvectorCondition < 1e8, $"PTD κ₂(V) = {ptd.EigenvectorCondition:E2}");
        Assert.True(ptd.IsStable);
        double small = KernelError(n, ptd);
        Assert.True(small < 1e-3, $"PTD kernel error {small:E2}");
        // The kernel moves linearly with ε: a 100× larger perturbation moves it 10–1000× more, and κ keeps falling.
        var larger = PerturbThenDiagonalize.Diagonalize(a, b, 1e-4, seed: 1);
        double ratio = KernelError(n, larger) / small;
        Assert.InRange(ratio, 10, 1000);
        Assert.True(larger.EigenvectorCondition < ptd.EigenvectorCondition);
        Assert.Equal(1e-4, larger.RelativePerturbation);
    }

    [Fact]
    public void A_normal_matrix_diagonalises_without_perturbation_to_rounding()
    {
        // FouT-like rotation generator without its rank-one term: normal, κ₂(V) = 1.
        int n = 8;
        var a = new NDArray<double>(n, n);
        for (int k = 0; k < n; k += 2) { a[k, k] = -0.5; a[k + 1, k + 1] = -0.5; a[k, k + 1] = -(k + 1); a[k + 1, k] = k + 1; }
        var b = NDArray.FromArray(Enumerable.Range(0, n).Select(i => 1.0 + i).ToArray(), n);
        var d = PerturbThenDiagonalize.Diagonalize(a, b, 0);
        Assert.True(d.EigenvectorCondition < 1 + 100 * n * Eps, $"{d.EigenvectorCondition}");
        // V·B̃ = B.
        var v = d.V.AsSpan();
        for (int i = 0; i < n; i++)
        {
            Complex sum = Complex.Zero;
            for (int j = 0; j < n; j++) sum += v[i * n + j] * d.BTilde[j];
            Assert.True(Complex.Abs(sum - b[i]) < 30 * n * Eps * 8, $"(V·B̃)[{i}] = {sum}");
        }
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        var (a, b) = Hippo.Transition(HippoKind.LegS, 4);
        Assert.Contains("square", Assert.Throws<ArgumentException>(() => PerturbThenDiagonalize.Diagonalize(NDArray.Ones<double>(3, 4), b, 0)).Message);
        Assert.Contains("vector of 4", Assert.Throws<ArgumentException>(() => PerturbThenDiagonalize.Diagonalize(a, NDArray.Ones<double>(3), 0)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => PerturbThenDiagonalize.Diagonalize(a, b, -1e-3));
        Assert.Throws<ArgumentOutOfRangeException>(() => PerturbThenDiagonalize.Diagonalize(a, b, double.NaN));
        Assert.Throws<ArgumentException>(() => new DiagonalizedSsm([], new NDArray<Complex>(0, 0), [], 0, 1).ProjectOutput([1.0]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public void Legs_normal_and_diagonal_plus_low_rank_forms_reconstruct_a(int n)
    {
        var (a, b) = Hippo.Transition(HippoKind.LegS, n);
        var (s, p) = LegSLowRankForms.NormalPlusLowRank(n);
        double normA = Math.Sqrt(a.ToArray().Sum(x => x * x));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                Assert.True(Math.Abs(s[i, j] - p[i] * p[j] - a[i, j]) <= 4 * Eps * normA, $"S − PPᵀ ≠ A at ({i},{j})");
                // S = −½I + skew-symmetric, hence normal.
                Assert.True(Math.Abs(s[i, j] + s[j, i] - (i == j ? -1 : 0)) <= 4 * Eps * normA, $"S + Sᵀ ≠ −I at ({i},{j})");
            }
        var (lambda, pTilde, bTilde, v) = LegSLowRankForms.DiagonalPlusLowRank(n);
        Assert.All(lambda, l => Assert.True(Math.Abs(l.Real + 0.5) <= 30 * n * Eps * normA, $"Re λ = {l.Real}"));
        var vs = v.AsSpan();
        double worstOrth = 0, worstRecon = 0, worstB = 0;
        for (int i = 0; i < n; i++)
        {
            Complex vb = Complex.Zero;
            for (int j = 0; j < n; j++)
            {
                Complex gram = Complex.Zero, recon = Complex.Zero;
                for (int k = 0; k < n; k++)
                {
                    gram += Complex.Conjugate(vs[k * n + i]) * vs[k * n + j];
                    // (V (Λ − P̃P̃ᴴ) Vᴴ)_ij = Σ_k Σ_l V_ik (Λ_k δ_kl − P̃_k conj(P̃_l)) conj(V_jl)
                    recon += vs[i * n + k] * lambda[k] * Complex.Conjugate(vs[j * n + k]);
                }
                Complex vp = Complex.Zero, pv = Complex.Zero;
                for (int k = 0; k < n; k++) { vp += vs[i * n + k] * pTilde[k]; pv += vs[j * n + k] * pTilde[k]; }
                recon -= vp * Complex.Conjugate(pv);
                worstOrth = Math.Max(worstOrth, Complex.Abs(gram - (i == j ? 1 : 0)));
                worstRecon = Math.Max(worstRecon, Complex.Abs(recon - a[i, j]));
                vb += vs[i * n + j] * bTilde[j];
            }
            worstB = Math.Max(worstB, Complex.Abs(vb - b[i]));
        }
        // LAPACK-style ratios: ‖VᴴV − I‖/(nε) and ‖V(Λ − P̃P̃ᴴ)Vᴴ − A‖/(‖A‖nε) below 30.
        Assert.True(worstOrth / (n * Eps) < 30, $"‖VᴴV − I‖/(nε) = {worstOrth / (n * Eps):G3}");
        Assert.True(worstRecon / (normA * n * Eps) < 30, $"reconstruction ratio {worstRecon / (normA * n * Eps):G3}");
        Assert.True(worstB / (normA * n * Eps) < 30, $"V·B̃ − B ratio {worstB / (normA * n * Eps):G3}");
    }
}
