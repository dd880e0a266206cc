using FsCheck.Xunit;
using Kernels.Ops.Transport;
using Kernels.Tensors;
using Xunit;
using static Kernels.Tests.Transport.TransportReference;

namespace Kernels.Tests.Transport;

public class ExactAndEntropicTransportTests
{
    private static NDArray<double> Sample(Random rng, int n, double shift = 0) =>
        NDArray.FromArray(Enumerable.Range(0, n).Select(_ => shift + rng.NextDouble() * 4 - 2 + (rng.Next(5) == 0 ? 0.5 : 0)).ToArray(), n);

    [Property(MaxTest = 50)]
    public void Wasserstein_1d_agrees_with_the_pot_formula_and_the_coupling_is_optimal_and_feasible(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(1, 60), m = rng.Next(1, 60);
        // Duplicated values (ties) on purpose: every fifth draw lands on a shared grid.
        var u = Sample(rng, n); var v = Sample(rng, m, 0.7);
        bool weighted = rng.Next(2) == 0;
        var a = weighted ? Weights(rng, n) : null; var b = weighted ? Weights(rng, m) : null;
        double p = new[] { 1.0, 2.0, 1.3, 4.0 }[rng.Next(4)];
        double reference = Wasserstein1DPower(u.ToArray(), v.ToArray(), a?.ToArray(), b?.ToArray(), p);
        double cost = Wasserstein1D.Cost(u, v, a, b, p);
        // The reference accumulates weights (and uniform 1/n) by running sums: breakpoints move by O((n + m)·ε).
        double spread = Math.Pow(u.ToArray().Concat(v.ToArray()).Max() - u.ToArray().Concat(v.ToArray()).Min(), p);
        Assert.True(Math.Abs(cost - reference) <= 4 * (n + m) * 2.2e-16 * spread, $"{cost:R} vs {reference:R} (n={n}, m={m}, p={p})");

        var coupling = Wasserstein1D.Coupling(u, v, a, b, p);
        // n + m − 1 pieces in exact arithmetic; weights summing to 1 ± ε can leave one more, of rounding-size mass.
        Assert.True(coupling.Mass.Count <= n + m);
        Assert.Equal(cost, coupling.Cost, 13);
        var plan = coupling.ToDense();
        for (int i = 0; i < n; i++)
        {
            double row = Enumerable.Range(0, m).Sum(j => plan[i, j]);
            Assert.Equal(a?[i] ?? 1.0 / n, row, 13);
        }
        for (int j = 0; j < m; j++)
        {
            double col = Enumerable.Range(0, n).Sum(i => plan[i, j]);
            Assert.Equal(b?[j] ?? 1.0 / m, col, 13);
        }
        double direct = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) direct += plan[i, j] * Math.Pow(Math.Abs(u[i] - v[j]), p);
        Assert.Equal(cost, direct, 12);
    }

    [Property(MaxTest = 30)]
    public void W1_equals_the_integral_of_the_cdf_difference(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(1, 40), m = rng.Next(1, 40);
        var u = Sample(rng, n); var v = Sample(rng, m, -0.4);
        var a = Weights(rng, n); var b = Weights(rng, m);
        // W₁ = ∫|F(t) − G(t)| dt, integrated exactly between consecutive sample points.
        var points = u.ToArray().Concat(v.ToArray()).OrderBy(t => t).ToArray();
        double integral = 0;
        for (int k = 0; k + 1 < points.Length; k++)
        {
            double t = points[k];
            double f = Enumerable.Range(0, n).Where(i => u[i] <= t).Sum(i => a[i]);
            double g = Enumerable.Range(0, m).Where(j => v[j] <= t).Sum(j => b[j]);
            integral += Math.Abs(f - g) * (points[k + 1] - t);
        }
        Assert.Equal(integral, Wasserstein1D.Cost(u, v, a, b, 1), 12);
    }

    [Property(MaxTest = 20)]
    public void Float_transport_agrees_with_double_to_float_rounding(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(1, 300), m = rng.Next(1, 300);
        var u = Sample(rng, n); var v = Sample(rng, m, 0.3);
        var a = Weights(rng, n); var b = Weights(rng, m);
        var uf = NDArray.Convert<double, float>(u); var vf = NDArray.Convert<double, float>(v);
        var af = NDArray.Convert<double, float>(a); var bf = NDArray.Convert<double, float>(b);
        // Compare with double on the float-rounded samples, so only the computation's rounding is measured.
        double reference = Wasserstein1D.Cost(NDArray.Convert<float, double>(uf), NDArray.Convert<float, double>(vf), NDArray.Convert<float, double>(af), NDArray.Convert<float, double>(bf), 2);
        float cost = Wasserstein1D.Cost(uf, vf, af, bf, 2);
        Assert.True(Math.Abs(cost - reference) <= 16 * 1.2e-7 * (reference + 1e-6), $"{cost} vs {reference:R}");
        int k = Math.Min(n, 25), l = Math.Min(m, 25);
        var x = Points(rng, k, 2); var y = Points(rng, l, 2, 1, 0.5);
        var plan64 = Sinkhorn.SolvePoints(x, y, 0.5, options: new SinkhornOptions { Tolerance = 1e-7 }).Plan;
        var plan32 = Sinkhorn.SolvePoints(NDArray.Convert<double, float>(x), NDArray.Convert<double, float>(y), 0.5, options: new SinkhornOptions { Tolerance = 1e-7 }).Plan;
        double worst = plan64.ToArray().Zip(plan32.ToArray(), (p, q) => Math.Abs(p - q)).Max();
        Assert.True(worst <= 1e-5, $"float and double plans differ by {worst:G3}");
    }

    [Fact]
    public void Wasserstein_1d_rejects_bad_samples_and_weights()
    {
        var u = NDArray.FromArray(new[] { 1.0, 2.0, 3.0 }, 3);
        Assert.Throws<ArgumentException>(() => Wasserstein1D.Cost(u, new NDArray<double>(0)));
        Assert.Throws<ArgumentException>(() => Wasserstein1D.Cost(u, NDArray.Ones<double>(2, 2)));
        Assert.Throws<ArgumentException>(() => Wasserstein1D.Cost(u, NDArray.FromArray(new[] { double.NaN }, 1)));
        Assert.Throws<ArgumentException>(() => Wasserstein1D.Cost(u, u, NDArray.FromArray(new[] { 0.5, 0.6, -0.1 }, 3)));
        Assert.Throws<ArgumentException>(() => Wasserstein1D.Cost(u, u, NDArray.FromArray(new[] { 0.5, 0.6 }, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Wasserstein1D.Cost(u, u, p: 0.9));
        Assert.Equal(0.0, Wasserstein1D.Cost(u, u, p: 2));
        Assert.Equal(new[] { 1.0, 2.0, 3.0 }, u.ToArray());
    }

    private static NDArray<double> Column(NDArray<double> v) => v.Reshape(v.Shape[0], 1);

    [Property(MaxTest = 15)]
    public void Sinkhorn_plans_satisfy_both_marginals_and_are_thread_count_invariant(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(1, 40), m = rng.Next(1, 40), d = rng.Next(1, 4);
        var x = Points(rng, n, d); var y = Points(rng, m, d, 1, 0.5);
        var a = Weights(rng, n); var b = Weights(rng, m);
        double eps = new[] { 1.0, 0.3, 0.05 }[rng.Next(3)];
        var options = new SinkhornOptions { MaxIterations = 100000, Tolerance = 1e-10, Threads = 1 };
        var r = Sinkhorn.SolvePoints(x, y, eps, a, b, options);
        Assert.True(r.Converged, $"marginal error {r.MarginalError:G3} after {r.Iterations}");
        for (int i = 0; i < n; i++) Assert.True(Math.Abs(Enumerable.Range(0, m).Sum(j => r.Plan[i, j]) - a[i]) <= 1e-12);
        for (int j = 0; j < m; j++) Assert.True(Math.Abs(Enumerable.Range(0, n).Sum(i => r.Plan[i, j]) - b[j]) <= 1e-9);
        Assert.All(r.Plan.ToArray(), v => Assert.True(v >= 0));
        var two = Sinkhorn.SolvePoints(x, y, eps, a, b, new SinkhornOptions { MaxIterations = 100000, Tolerance = 1e-10, Threads = 2 });
        Assert.Equal(r.Plan.ToArray(), two.Plan.ToArray());
        // Dual optimality: P_ij = exp((f_i + g_j − M_ij)/ε) by construction.
        var cost = PairwiseDistances.SquaredEuclidean(x, y);
        Assert.Equal(Math.Exp((r.F[0] + r.G[m - 1] - cost[0, m - 1]) / eps), r.Plan[0, m - 1], 12);
    }

    [Fact]
    public void Sinkhorn_converges_to_the_exact_plan_as_epsilon_shrinks()
    {
        var rng = new Random(3);
        var u = Sample(rng, 7); var v = Sample(rng, 5, 1);
        var exact = Wasserstein1D.Coupling(u, v, p: 2);
        var exactPlan = exact.ToDense();
        double previousGap = double.PositiveInfinity;
        foreach (double eps in new[] { 1.0, 0.1, 0.01, 0.001 })
        {
            var r = Sinkhorn.SolvePoints(Column(u), Column(v), eps, options: new SinkhornOptions { MaxIterations = 200000, Tolerance = 1e-12, EpsilonScaling = true });
            Assert.True(r.Converged);
            double gap = r.Cost - exact.Cost;
            Assert.True(gap >= -1e-12, $"entropic cost {r.Cost:R} below the exact {exact.Cost:R}");
            Assert.True(gap < previousGap, $"ε = {eps}: gap {gap:G3} did not shrink from {previousGap:G3}");
            previousGap = gap;
            if (eps == 0.001)
            {
                double planError = r.Plan.ToArray().Zip(exactPlan.ToArray(), (p, q) => Math.Abs(p - q)).Max();
                Assert.True(planError < 1e-3, $"plan differs from the exact coupling by {planError:G3}");
            }
        }
    }

    [Fact]
    public void Epsilon_scaling_reaches_the_same_plan_in_fewer_iterations()
    {
        var rng = new Random(11);
        var x = Points(rng, 30, 2); var y = Points(rng, 25, 2, 1, 1);
        var plain = Sinkhorn.SolvePoints(x, y, 0.01, options: new SinkhornOptions { MaxIterations = 100000 });
        var scaled = Sinkhorn.SolvePoints(x, y, 0.01, options: new SinkhornOptions { MaxIterations = 100000, EpsilonScaling = true });
        Assert.True(plain.Converged && scaled.Converged);
        Assert.True(scaled.Iterations < plain.Iterations, $"{scaled.Iterations} vs {plain.Iterations}");
        Assert.True(plain.Plan.ToArray().Zip(scaled.Plan.ToArray(), (p, q) => Math.Abs(p - q)).Max() < 1e-7);
    }

    [Fact]
    public void Sinkhorn_reports_non_convergence_and_rejects_bad_input()
    {
        var rng = new Random(2);
        var x = Points(rng, 20, 2); var y = Points(rng, 20, 2, 1, 3);
        var r = Sinkhorn.SolvePoints(x, y, 0.001, options: new SinkhornOptions { MaxIterations = 3 });
        Assert.False(r.Converged);
        Assert.Equal(3, r.Iterations);
        Assert.True(r.MarginalError > 1e-9);
        var cost = PairwiseDistances.SquaredEuclidean(x, y);
        Assert.Throws<ArgumentOutOfRangeException>(() => Sinkhorn.Solve<double>(null, null, cost, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sinkhorn.Solve<double>(null, null, cost, double.NaN));
        Assert.Throws<ArgumentException>(() => Sinkhorn.Solve(NDArray.Full(0.1, 10), null, cost, 1));
        var bad = cost.Copy(); bad[3, 4] = double.PositiveInfinity;
        Assert.Contains("non-finite", Assert.Throws<ArgumentException>(() => Sinkhorn.Solve<double>(null, null, bad, 1)).Message);
        Assert.Throws<ArgumentException>(() => Sinkhorn.Solve<double>(null, null, NDArray.Ones<double>(3), 1));
    }

    [Property(MaxTest = 20)]
    public void Squared_distances_match_the_direct_sum(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(1, 30), m = rng.Next(1, 30), d = rng.Next(1, 9);
        var x = Points(rng, n, d); var y = Points(rng, m, d, 2, 1);
        var c = PairwiseDistances.SquaredEuclidean(x, y);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                double s = 0, scale = 0;
                for (int k = 0; k < d; k++) { double t = x[i, k] - y[j, k]; s += t * t; scale += x[i, k] * x[i, k] + y[j, k] * y[j, k]; }
                Assert.True(Math.Abs(c[i, j] - s) <= 30 * (d + 2) * 2.2e-16 * scale, $"[{i},{j}] {c[i, j]:R} vs {s:R}");
            }
        Assert.Throws<ArgumentException>(() => PairwiseDistances.SquaredEuclidean(x, Points(rng, 3, d + 1)));
    }
}
