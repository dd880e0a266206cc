using FsCheck.Xunit;
using Kernels.Ops.Transport;
using Kernels.Tensors;
using Xunit;
using static Kernels.Tests.Transport.TransportReference;

namespace Kernels.Tests.Transport;

public class SlicedWassersteinTests
{
    private const double Eps = 2.220446049250313e-16;

    private static (NDArray<double> X, NDArray<double> Y, NDArray<double> Theta) Problem(Random rng, int maxN = 70, int maxD = 6, int maxP = 9)
    {
        int n = rng.Next(1, maxN), m = rng.Next(1, maxN), d = rng.Next(1, maxD), count = rng.Next(1, maxP);
        return (Points(rng, n, d), Points(rng, m, d, 1.5, 0.3), SlicedWasserstein.RandomProjections<double>(d, count, (ulong)rng.Next()));
    }

    /// <summary>|W_pᵖ − reference| / (p·Mᵖ·(d + 4)·ε), M bounding |u − v| on that direction: must stay below 30.</summary>
    private static void AssertCostsMatchReference(NDArray<double> x, NDArray<double> y, NDArray<double> theta, double[]? a, double[]? b, double p, NDArray<double> costs)
    {
        var xm = ToMatrix(x); var ym = ToMatrix(y); var tm = ToMatrix(theta);
        int d = x.Shape[1];
        for (int k = 0; k < theta.Shape[1]; k++)
        {
            var u = Project(xm, tm, k); var v = Project(ym, tm, k);
            double reference = Wasserstein1DPower(u, v, a, b, p);
            double bound = u.Max(Math.Abs) + v.Max(Math.Abs) + double.Epsilon;
            double ratio = Math.Abs(costs[k] - reference) / (p * Math.Pow(bound, p) * (d + 4) * Eps);
            Assert.True(ratio < 30, $"direction {k}: {costs[k]:R} vs {reference:R} (ratio {ratio:G3}, p = {p})");
        }
    }

    [Property(MaxTest = 40)]
    public void Agrees_with_the_scalar_reference_over_random_shapes_weights_and_exponents(int seed)
    {
        var rng = new Random(seed);
        var (x, y, theta) = Problem(rng);
        double p = new[] { 1.0, 2.0, 1.5, 3.0 }[rng.Next(4)];
        bool weighted = rng.Next(2) == 0;
        var a = weighted ? Weights(rng, x.Shape[0]) : null;
        var b = weighted ? Weights(rng, y.Shape[0]) : null;
        var r = SlicedWasserstein.Compute(x, y, new() { Projections = theta, P = p, SourceWeights = a, TargetWeights = b });
        AssertCostsMatchReference(x, y, theta, a?.ToArray(), b?.ToArray(), p, r.ProjectedCosts);
        double mean = r.ProjectedCosts.ToArray().Average();
        Assert.Equal(Math.Pow(mean, 1 / p), r.Distance, 14);
    }

    [Property(MaxTest = 25)]
    public void Equal_sizes_hit_the_vectorised_path_and_agree_with_the_reference(int seed)
    {
        var rng = new Random(seed);
        // Every SIMD remainder: n from 1 to 70, the same for both clouds.
        int n = rng.Next(1, 70), d = rng.Next(1, 5);
        var x = Points(rng, n, d); var y = Points(rng, n, d, 0.5, 1);
        var theta = SlicedWasserstein.RandomProjections<double>(d, 7, 1);
        foreach (double p in new[] { 1.0, 2.0, 2.5 })
            AssertCostsMatchReference(x, y, theta, null, null, p, SlicedWasserstein.Compute(x, y, new() { Projections = theta, P = p }).ProjectedCosts);
    }

    [Property(MaxTest = 20)]
    public void Identity_symmetry_and_row_permutation_invariance(int seed)
    {
        var rng = new Random(seed);
        var (x, y, theta) = Problem(rng);
        var options = new SlicedWassersteinOptions<double> { Projections = theta };
        Assert.Equal(0.0, SlicedWasserstein.Compute(x, x, options).Distance);
        double xy = SlicedWasserstein.Compute(x, y, options).Distance;
        double yx = SlicedWasserstein.Compute(y, x, options).Distance;
        Assert.True(Math.Abs(xy - yx) <= 8 * Eps * xy, $"{xy:R} vs {yx:R}");
        int n = x.Shape[0], d = x.Shape[1];
        var order = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToArray();
        var shuffled = new NDArray<double>(n, d);
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) shuffled[i, j] = x[order[i], j];
        double permuted = SlicedWasserstein.Compute(shuffled, y, options).Distance;
        Assert.True(Math.Abs(permuted - xy) <= 8 * Eps * xy, $"{permuted:R} vs {xy:R}");
    }

    [Property(MaxTest = 20)]
    public void Translation_adds_the_projected_mean_term_and_scaling_scales(int seed)
    {
        var rng = new Random(seed);
        var (x, y, theta) = Problem(rng);
        int n = x.Shape[0], m = y.Shape[0], d = x.Shape[1], count = theta.Shape[1];
        var t = Enumerable.Range(0, d).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
        var shifted = new NDArray<double>(n, d);
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) shifted[i, j] = x[i, j] + t[j];
        var options = new SlicedWassersteinOptions<double> { Projections = theta };
        var baseCosts = SlicedWasserstein.Compute(x, y, options).ProjectedCosts;
        var moved = SlicedWasserstein.Compute(shifted, y, options).ProjectedCosts;
        // W₂²(u + s, v) = W₂²(u, v) + 2·s·(ū − v̄) + s² on every direction, s = θ·t.
        for (int k = 0; k < count; k++)
        {
            double s = 0, mx = 0, my = 0;
            for (int j = 0; j < d; j++)
            {
                s += theta[j, k] * t[j];
                double cx = 0, cy = 0;
                for (int i = 0; i < n; i++) cx += x[i, j];
                for (int i = 0; i < m; i++) cy += y[i, j];
                mx += theta[j, k] * cx / n;
                my += theta[j, k] * cy / m;
            }
            double expected = baseCosts[k] + 2 * s * (mx - my) + s * s;
            double scale = baseCosts[k] + s * s + 2 * Math.Abs(s) * (Math.Abs(mx) + Math.Abs(my)) + 1;
            Assert.True(Math.Abs(moved[k] - expected) <= 200 * (n + m + d) * Eps * scale, $"direction {k}: {moved[k]:R} vs {expected:R}");
        }
        double c = -(0.25 + rng.NextDouble() * 3);
        var sx = new NDArray<double>(n, d); var sy = new NDArray<double>(m, d);
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) sx[i, j] = c * x[i, j];
        for (int i = 0; i < m; i++) for (int j = 0; j < d; j++) sy[i, j] = c * y[i, j];
        foreach (double p in new[] { 1.0, 2.0, 3.0 })
        {
            var o = new SlicedWassersteinOptions<double> { Projections = theta, P = p };
            double plain = SlicedWasserstein.Compute(x, y, o).Distance, scaled = SlicedWasserstein.Compute(sx, sy, o).Distance;
            Assert.True(Math.Abs(scaled - Math.Abs(c) * plain) <= 64 * (d + 4) * Eps * Math.Abs(c) * (plain + 1), $"p={p}: {scaled:R} vs {Math.Abs(c) * plain:R}");
        }
    }

    [Property(MaxTest = 15)]
    public void Equal_weights_equal_the_unweighted_distance_and_one_dimension_is_exact_transport(int seed)
    {
        var rng = new Random(seed);
        var (x, y, theta) = Problem(rng);
        int n = x.Shape[0], m = y.Shape[0];
        var a = NDArray.Full(1.0 / n, n); var b = NDArray.Full(1.0 / m, m);
        double plain = SlicedWasserstein.Compute(x, y, new() { Projections = theta }).Distance;
        double weighted = SlicedWasserstein.Compute(x, y, new() { Projections = theta, SourceWeights = a, TargetWeights = b }).Distance;
        // Explicit 1/n weights are summed (breakpoints off by O(n·ε)); uniform breakpoints are formed exactly.
        Assert.True(Math.Abs(plain - weighted) <= 4 * (n + m) * Eps * (plain + 1e-300), $"{plain:R} vs {weighted:R}");

        var u = x.Slice(AxisRange.All, new AxisRange(0, 1));
        var v = y.Slice(AxisRange.All, new AxisRange(0, 1));
        var one = NDArray.Ones<double>(1, 1);
        foreach (double p in new[] { 1.0, 2.0 })
        {
            double sw = SlicedWasserstein.Compute(u, v, new() { Projections = one, P = p }).Distance;
            double w = Wasserstein1D.Distance(u.Squeeze(1).Contiguous(), v.Squeeze(1).Contiguous(), p: p);
            Assert.Equal(w, sw, 13);
        }
    }

    [Property(MaxTest = 12)]
    public void Gradient_matches_central_differences(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(2, 25), d = rng.Next(1, 5);
        // Equal sizes unweighted take the fused fast path; the rest the quantile merge.
        bool equal = rng.Next(2) == 0;
        int m = equal ? n : rng.Next(2, 25);
        var x = Points(rng, n, d); var y = Points(rng, m, d, 1.2, 0.4);
        var theta = SlicedWasserstein.RandomProjections<double>(d, 5, (ulong)seed);
        double p = new[] { 2.0, 1.5, 3.0, 1.0 }[rng.Next(4)];
        bool weighted = !equal && rng.Next(2) == 0;
        var options = new SlicedWassersteinOptions<double>
        {
            Projections = theta, P = p, ComputeGradient = true,
            SourceWeights = weighted ? Weights(rng, n) : null, TargetWeights = weighted ? Weights(rng, m) : null,
        };
        var g = SlicedWasserstein.Compute(x, y, options).Gradient!;
        var plain = new SlicedWassersteinOptions<double> { Projections = theta, P = p, SourceWeights = options.SourceWeights, TargetWeights = options.TargetWeights };
        const double h = 1e-6;
        double gnorm = Math.Sqrt(g.ToArray().Sum(v => v * v)) + 1e-12;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
            {
                double keep = x[i, j];
                x[i, j] = keep + h; double up = SlicedWasserstein.Compute(x, y, plain).Distance;
                x[i, j] = keep - h; double down = SlicedWasserstein.Compute(x, y, plain).Distance;
                x[i, j] = keep;
                double fd = (up - down) / (2 * h);
                // Kinks (a projected tie changing order within ±h) are measure-zero; the tolerance is relative to ‖∇‖.
                Assert.True(Math.Abs(fd - g[i, j]) <= 1e-5 * gnorm, $"∂/∂x[{i},{j}]: analytic {g[i, j]:R}, finite difference {fd:R}");
            }
    }

    [Property(MaxTest = 20)]
    public void Fast_path_gradient_equals_the_merge_path_with_explicit_equal_weights(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(1, 80), d = rng.Next(1, 5);
        var x = Points(rng, n, d); var y = Points(rng, n, d, 0.8, -0.3);
        var theta = SlicedWasserstein.RandomProjections<double>(d, 6, (ulong)seed);
        var w = NDArray.Full(1.0 / n, n);
        foreach (double p in new[] { 1.0, 2.0, 2.5 })
        {
            var fast = SlicedWasserstein.Compute(x, y, new() { Projections = theta, P = p, ComputeGradient = true });
            var merged = SlicedWasserstein.Compute(x, y, new() { Projections = theta, P = p, ComputeGradient = true, SourceWeights = w, TargetWeights = w });
            double scale = fast.Gradient!.ToArray().Max(Math.Abs) + 1e-300;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < d; j++)
                    Assert.True(Math.Abs(fast.Gradient[i, j] - merged.Gradient![i, j]) <= 8 * n * Eps * scale, $"p={p} [{i},{j}]: {fast.Gradient[i, j]:R} vs {merged.Gradient[i, j]:R}");
        }
    }

    [Fact]
    public void Results_are_bit_identical_for_any_thread_count_and_strided_inputs_match_copies()
    {
        var rng = new Random(5);
        var x = Points(rng, 3000, 7); var y = Points(rng, 2500, 7, 1, 0.5);
        var theta = SlicedWasserstein.RandomProjections<double>(7, 150, 9);
        var one = SlicedWasserstein.Compute(x, y, new() { Projections = theta, ComputeGradient = true, Threads = 1 });
        var two = SlicedWasserstein.Compute(x, y, new() { Projections = theta, ComputeGradient = true, Threads = 2 });
        Assert.Equal(one.Distance, two.Distance);
        Assert.Equal(one.ProjectedCosts.ToArray(), two.ProjectedCosts.ToArray());
        Assert.Equal(one.Gradient!.ToArray(), two.Gradient!.ToArray());

        // X stored transposed and with a column step: a strided view, used without a copy by the GEMM.
        var wide = new NDArray<double>(14, 3000);
        for (int i = 0; i < 3000; i++) for (int j = 0; j < 7; j++) wide[2 * j, i] = x[i, j];
        var view = wide.Slice(new AxisRange(0, 14, 2), AxisRange.All).Transpose();
        var strided = SlicedWasserstein.Compute(view, y, new() { Projections = theta });
        Assert.True(Math.Abs(strided.Distance - one.Distance) <= 16 * Eps * one.Distance);
    }

    [Fact]
    public void Float_agrees_with_double_and_seeded_directions_are_reproducible_unit_vectors()
    {
        var rng = new Random(8);
        var x = Points(rng, 513, 5); var y = Points(rng, 300, 5, 2, -1);
        var theta = SlicedWasserstein.RandomProjections<double>(5, 40, 77);
        Assert.Equal(theta.ToArray(), SlicedWasserstein.RandomProjections<double>(5, 40, 77).ToArray());
        Assert.NotEqual(theta.ToArray(), SlicedWasserstein.RandomProjections<double>(5, 40, 78).ToArray());
        for (int k = 0; k < 40; k++)
            Assert.Equal(1.0, Math.Sqrt(Enumerable.Range(0, 5).Sum(j => theta[j, k] * theta[j, k])), 14);
        double d64 = SlicedWasserstein.Compute(x, y, new() { ProjectionCount = 40, Seed = 77 }).Distance;
        float d32 = SlicedWasserstein.Compute(NDArray.Convert<double, float>(x), NDArray.Convert<double, float>(y), new() { ProjectionCount = 40, Seed = 77 }).Distance;
        Assert.True(Math.Abs(d32 - d64) <= 64 * 1.2e-7 * d64, $"{d32} vs {d64}");
    }

    [Fact]
    public void Bad_input_is_rejected_with_the_shapes_named()
    {
        var x = NDArray.Ones<double>(5, 3);
        var e = Assert.Throws<ArgumentException>(() => SlicedWasserstein.Compute(x, NDArray.Ones<double>(4, 2)));
        Assert.Contains("(5, 3)", e.Message.Replace("×", ", "), StringComparison.Ordinal);
        var nan = NDArray.Ones<double>(4, 3); nan[2, 1] = double.NaN;
        Assert.Contains("non-finite", Assert.Throws<ArgumentException>(() => SlicedWasserstein.Compute(x, nan)).Message);
        var inf = NDArray.Ones<double>(4, 3); inf[0, 0] = double.PositiveInfinity;
        Assert.Throws<ArgumentException>(() => SlicedWasserstein.Compute(inf, x));
        Assert.Contains("at least 1", Assert.Throws<ArgumentException>(() => SlicedWasserstein.Compute(x, x, new() { ProjectionCount = 0 })).Message);
        Assert.Throws<ArgumentException>(() => SlicedWasserstein.Compute(x, x, new() { Projections = new NDArray<double>(3, 0) }));
        Assert.Throws<ArgumentException>(() => SlicedWasserstein.Compute(x, x, new() { Projections = NDArray.Ones<double>(2, 4) }));
        Assert.Contains("non-negative", Assert.Throws<ArgumentException>(() =>
            SlicedWasserstein.Compute(x, x, new() { SourceWeights = NDArray.FromArray(new[] { 0.5, 0.5, 0.5, -0.5, 0.0 }, 5) })).Message);
        Assert.Contains("sum to 1", Assert.Throws<ArgumentException>(() =>
            SlicedWasserstein.Compute(x, x, new() { TargetWeights = NDArray.Full(0.3, 5) })).Message);
        Assert.Throws<ArgumentException>(() => SlicedWasserstein.Compute(x, x, new() { TargetWeights = NDArray.Full(0.25, 4) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SlicedWasserstein.Compute(x, x, new() { P = 0.5 }));
        Assert.Throws<ArgumentException>(() => SlicedWasserstein.Compute(new NDArray<double>(0, 3), x));
        // Inputs untouched.
        Assert.All(x.ToArray(), v => Assert.Equal(1.0, v));
    }

    [Property(MaxTest = 10)]
    public void Max_sliced_is_at_least_every_sampled_direction_and_finds_the_stretched_axis(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(20, 80), d = rng.Next(2, 5);
        var x = Points(rng, n, d);
        var y = new NDArray<double>(n, d);
        // Y differs from X only along axis 0 (stretched ×3): the maximising direction is ±e₀.
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) y[i, j] = j == 0 ? 3 * x[i, j] : x[i, j];
        var options = new SlicedWassersteinOptions<double> { ProjectionCount = 20, Seed = (ulong)seed };
        var r = MaxSlicedWasserstein.Compute(x, y, options);
        var sampled = SlicedWasserstein.Compute(x, y, options).ProjectedCosts.ToArray().Max();
        Assert.True(r.Distance >= Math.Sqrt(sampled) * (1 - 1e-12));
        Assert.Equal(Math.Sqrt(sampled), r.SampledDistance, 12);
        Assert.True(Math.Abs(r.Direction[0]) > 0.999, $"direction {string.Join(", ", r.Direction.ToArray())}");
        var e0 = new NDArray<double>(d, 1); e0[0, 0] = 1;
        double best = SlicedWasserstein.Compute(x, y, new() { Projections = e0 }).Distance;
        Assert.True(r.Distance >= best * (1 - 1e-6), $"{r.Distance:R} vs W along e₀ {best:R}");
    }
}
