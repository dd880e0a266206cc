using System.Numerics;
using FsCheck.Xunit;
using Kernels.Linalg.Fourier;
using Kernels.Ops.StateSpace;
using Kernels.Tensors;
using Xunit;

namespace Kernels.Tests.StateSpace;

public class HippoAndSsmKernelTests
{
    private const double Eps = 2.220446049250313e-16;

    [Fact]
    public void Hippo_matrices_match_their_closed_forms()
    {
        const int n = 9;
        var (legs, bs) = Hippo.Transition(HippoKind.LegS, n);
        var (legt, bt) = Hippo.Transition(HippoKind.LegT, n);
        var (lagt, bl) = Hippo.Transition(HippoKind.LagT, n);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(Math.Sqrt(2 * i + 1), bs[i], 15);
            Assert.Equal(0.5 * Math.Sqrt(2 * i + 1), bt[i], 15);
            Assert.Equal(1.0, bl[i]);
            for (int j = 0; j < n; j++)
            {
                double r = Math.Sqrt((2.0 * i + 1) * (2.0 * j + 1));
                Assert.Equal(i > j ? -r : i == j ? -(i + 1) : 0, legs[i, j], 14);
                Assert.Equal(-0.5 * r * (i >= j ? 1 : Math.Pow(-1, i - j)), legt[i, j], 14);
                Assert.Equal(i == j ? -0.5 : i > j ? -1 : 0, lagt[i, j]);
            }
        }
        // LegS is lower triangular with eigenvalues −1, −2, …, −N.
        for (int i = 0; i < n; i++) Assert.Equal(-(i + 1), legs[i, i]);
    }

    [Fact]
    public void Fourier_hippo_is_a_rotation_generator_minus_a_rank_one_term()
    {
        const int n = 8;
        var (a, b) = Hippo.Transition(HippoKind.FouT, n);
        Assert.Equal(new[] { 1, 0, Math.Sqrt(2), 0, Math.Sqrt(2), 0, Math.Sqrt(2), 0 }, b.ToArray());
        // A + bbᵀ is skew-symmetric with π·f couplings between each cos/sin pair (2f, 2f + 1).
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double s = a[i, j] + b[i] * b[j], t = a[j, i] + b[j] * b[i];
                Assert.Equal(-t, s, 13);
            }
        Assert.Equal(Math.PI, a[3, 2] + b[3] * b[2], 13);     // frequency 1 couples states 2 and 3
        Assert.Equal(2 * Math.PI, a[5, 4] + b[5] * b[4], 13); // frequency 2 couples states 4 and 5
        Assert.Equal(0, a[2, 1] + b[2] * b[1], 13);           // no coupling across pairs
        Assert.Equal(0, a[1, 0] + b[1] * b[0], 13);           // frequency 0: nothing rotates
        Assert.Throws<ArgumentOutOfRangeException>(() => Hippo.Transition(HippoKind.FouT, 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hippo.Transition(HippoKind.LegS, 0));
    }

    [Fact]
    public void S4d_initialisations_and_timescales()
    {
        var lin = Hippo.S4DLin(4);
        Assert.Equal(new Complex(-0.5, 3 * Math.PI), lin[3]);
        var inv = Hippo.S4DInv(4);
        Assert.Equal(new Complex(-0.5, 4 / Math.PI * (4 / 7.0 - 1)), inv[3]);
        var dt = Hippo.Timescales(4000, 1e-3, 1e-1, 7);
        Assert.All(dt, d => Assert.InRange(d, 1e-3, 1e-1));
        double meanLog = dt.Average(Math.Log);
        Assert.InRange(meanLog, Math.Log(1e-2) - 0.1, Math.Log(1e-2) + 0.1); // log-uniform: mean at the log midpoint
        Assert.Equal(dt, Hippo.Timescales(4000, 1e-3, 1e-1, 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hippo.Timescales(3, 0, 1, 0));
    }

    [Property(MaxTest = 20)]
    public void Diagonal_discretisation_equals_the_dense_one_on_a_diagonal_matrix(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(1, 8);
        var diag = Enumerable.Range(0, n).Select(_ => -rng.NextDouble() * 3 - (rng.Next(4) == 0 ? 0 : 0.01)).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        double delta = 0.01 + rng.NextDouble();
        var a = new NDArray<double>(n, n);
        for (int i = 0; i < n; i++) a[i, i] = diag[i];
        foreach (var method in new[] { DiscretizationMethod.ZeroOrderHold, DiscretizationMethod.Bilinear, DiscretizationMethod.ForwardEuler })
        {
            var (ad, bd) = Discretization.Diagonal(diag.Select(v => new Complex(v, 0)).ToArray(), b.Select(v => new Complex(v, 0)).ToArray(), delta, method);
            var (aDense, bDense) = Discretization.Dense(a, NDArray.FromArray(b, n), delta, method);
            for (int i = 0; i < n; i++)
            {
                Assert.True(Math.Abs(ad[i].Real - aDense[i, i]) <= 64 * Eps, $"{method} Ā[{i}]");
                Assert.True(Math.Abs(bd[i].Real - bDense[i]) <= 64 * Eps * (1 + Math.Abs(bDense[i])), $"{method} B̄[{i}]: {bd[i].Real:R} vs {bDense[i]:R}");
            }
        }
    }

    [Fact]
    public void Zero_order_hold_handles_a_zero_eigenvalue_and_is_exact_for_constant_input()
    {
        var (ad, bd) = Discretization.Diagonal([Complex.Zero, new Complex(-2, 1)], [Complex.One, Complex.One], 0.5, DiscretizationMethod.ZeroOrderHold);
        Assert.Equal(Complex.One, ad[0]);
        Assert.Equal(0.5, bd[0].Real, 15);                      // integrator: B̄ = Δ·B
        var exact = (Complex.Exp(new Complex(-1, 0.5)) - 1) / new Complex(-2, 1);
        Assert.True((bd[1] - exact).Magnitude < 1e-15);
        Assert.Throws<ArgumentException>(() => Discretization.Diagonal([Complex.One], [Complex.One, Complex.One], 0.1, DiscretizationMethod.Bilinear));
        Assert.Throws<ArgumentException>(() => Discretization.Diagonal([Complex.One], [Complex.One], -0.1, DiscretizationMethod.Bilinear));
        Assert.Throws<ArgumentException>(() => Discretization.Diagonal([new Complex(double.NaN, 0)], [Complex.One], 0.1, DiscretizationMethod.Bilinear));
    }

    [Property(MaxTest = 15)]
    public void Convolution_mode_equals_recurrent_mode_for_diagonal_and_dense_systems(int seed)
    {
        var rng = new Random(seed);
        int n = 2 * rng.Next(1, 9), length = rng.Next(1, 300);
        var u = Enumerable.Range(0, length).Select(_ => rng.NextDouble() - 0.5).ToArray();
        double delta = Hippo.Timescales(1, 1e-3, 1e-1, (ulong)seed)[0];

        var a = rng.Next(2) == 0 ? Hippo.S4DLin(n) : Hippo.S4DInv(n);
        var c = Enumerable.Range(0, n).Select(_ => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5)).ToArray();
        var (ad, bd) = Discretization.Diagonal(a, Enumerable.Repeat(Complex.One, n).ToArray(), delta, DiscretizationMethod.ZeroOrderHold);
        var kernel = SsmKernel.Diagonal(ad, bd, c, length);
        var conv = FftConvolution.Causal(NDArray.FromArray(u, length), NDArray.FromArray(kernel, length)).ToArray();
        var rec = SsmKernel.RunDiagonal(ad, bd, c, u);
        double scale = u.Sum(Math.Abs) * kernel.Max(Math.Abs) + 1e-300;
        for (int k = 0; k < length; k++) Assert.True(Math.Abs(conv[k] - rec[k]) <= 1e3 * Eps * scale, $"diagonal y[{k}] {conv[k]:R} vs {rec[k]:R}");

        var kind = new[] { HippoKind.LegS, HippoKind.LegT, HippoKind.LagT, HippoKind.FouT }[rng.Next(4)];
        var (A, B) = Hippo.Transition(kind, n);
        var (Ad, Bd) = Discretization.Dense(A, B, delta, rng.Next(2) == 0 ? DiscretizationMethod.Bilinear : DiscretizationMethod.ZeroOrderHold);
        var C = NDArray.FromArray(Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray(), n);
        var denseKernel = SsmKernel.Dense(Ad, Bd, C, length);
        var denseConv = FftConvolution.Causal(NDArray.FromArray(u, length), NDArray.FromArray(denseKernel, length)).ToArray();
        var denseRec = SsmKernel.RunDense(Ad, Bd, C, u);
        double denseScale = u.Sum(Math.Abs) * denseKernel.Max(Math.Abs) + 1e-300;
        for (int k = 0; k < length; k++) Assert.True(Math.Abs(denseConv[k] - denseRec[k]) <= 1e3 * Eps * denseScale * n, $"{kind} y[{k}] {denseConv[k]:R} vs {denseRec[k]:R}");
    }

    [Fact]
    public void Legs_first_state_tracks_a_constant_input()
    {
        // LegS is lower triangular, so its first state obeys x₀′ = A₀₀·x₀ + B₀·u = −x₀ + u on its own: under a constant
        // input the discretised recurrence (ZOH is exact for constant u) must relax to x₀ = u.
        var (A, B) = Hippo.Transition(HippoKind.LegS, 6);
        var (Ad, Bd) = Discretization.Dense(A, B, 0.05, DiscretizationMethod.ZeroOrderHold);
        var e0 = NDArray.FromArray(new[] { 1.0, 0, 0, 0, 0, 0 }, 6);
        var y = SsmKernel.RunDense(Ad, Bd, e0, Enumerable.Repeat(1.0, 2000).ToArray());
        Assert.Equal(1.0, y[^1], 10);
    }

    [Theory]
    [InlineData(DiscretizationMethod.Bilinear)]
    [InlineData(DiscretizationMethod.ZeroOrderHold)]
    public void Legs_coefficients_reconstruct_a_polynomial_input(DiscretizationMethod method)
    {
        // HiPPO-LegS: c′(t) = (1/t)(A·c + B·f(t)) keeps c(t) the coefficients of the projection of f on [0, t] onto
        // the scaled Legendre basis √(2n+1)·P_n(2s/t − 1). On log-spaced times t_{k+1} = r·t_k the 1/t scaling is a
        // constant step Δ = ln r in log-time, so one discretisation (Ā, B̄) serves every step. A polynomial of degree
        // < N lies in the span: reconstruction from c(1) must return f on all of [0, 1], up to the O(Δ²) error of the
        // discretisation (and the start, where c(t₀) = f(0)·e₀ is exact to O(t₀)).
        const int n = 16, steps = 6000;
        const double t0 = 1e-4;
        static double F(double s) => 1 + 2 * s - 3 * s * s + 0.5 * s * s * s;
        var (a, b) = Hippo.Transition(HippoKind.LegS, n);
        double delta = Math.Log(1 / t0) / steps;
        var (ad, bd) = Discretization.Dense(a, b, delta, method);
        var c = new double[n];
        c[0] = F(0);
        var am = ad.Contiguous().AsSpan().ToArray();
        var bv = bd.ToArray();
        var next = new double[n];
        for (int k = 0; k < steps; k++)
        {
            double tMid = t0 * Math.Exp((k + 0.5) * delta);     // the input held over the step (its log-time midpoint)
            for (int i = 0; i < n; i++)
            {
                double v = bv[i] * F(tMid);
                for (int j = 0; j < n; j++) v += am[i * n + j] * c[j];
                next[i] = v;
            }
            (c, next) = (next, c);
        }
        double worst = 0;
        for (int q = 0; q <= 200; q++)
        {
            double s = q / 200.0, x = 2 * s - 1;
            // Legendre recurrence: P₀ = 1, P₁ = x, (m+1)P_{m+1} = (2m+1)x·P_m − m·P_{m−1}.
            double p0 = 1, p1 = x, g = c[0] + c[1] * Math.Sqrt(3) * x;
            for (int m = 1; m + 1 < n; m++)
            {
                double p2 = ((2 * m + 1) * x * p1 - m * p0) / (m + 1);
                g += c[m + 1] * Math.Sqrt(2 * m + 3) * p2;
                (p0, p1) = (p1, p2);
            }
            worst = Math.Max(worst, Math.Abs(g - F(s)));
        }
        // Bilinear is symmetric in the step: global error O(Δ²) (Δ ≈ 1.5·10⁻³, Δ² ≈ 2.3·10⁻⁶, |f| ≤ 1.5). ZOH with the
        // input held at the midpoint weights the step's end more (e^{A(Δ−s)}), so its error is O(Δ·|f′|).
        double bound = method == DiscretizationMethod.Bilinear ? 20 * delta * delta * 1.5 : 0.2 * delta;
        Assert.True(worst < bound, $"{method}: max |f − reconstruction| = {worst:E2} (Δ = {delta:E2}, bound {bound:E2})");
        // The coefficients of degree ≥ 4 must vanish to the same order.
        for (int m = 4; m < n; m++) Assert.True(Math.Abs(c[m]) < bound, $"c[{m}] = {c[m]:E2}");
    }
}
