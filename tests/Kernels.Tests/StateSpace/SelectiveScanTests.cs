using FsCheck.Xunit;
using Kernels.Ops.StateSpace;
using Kernels.Tensors;
using Kernels.Tensors.Simd;
using Xunit;

namespace Kernels.Tests.StateSpace;

public class SelectiveScanTests
{
    /// <summary>A random problem: every optional operand switched by the shape draw.</summary>
    private sealed record Case(int Batch, int Length, int Channels, int State, int GroupsB, int GroupsC,
        bool HasD, bool HasZ, bool HasBias, bool Softplus, bool HasH0, bool Reverse, int Seed)
    {
        public double[] U = [], Delta = [], A = [], B = [], C = [], D = [], Z = [], Bias = [], H0 = [];

        public Case Fill()
        {
            var rng = new Random(Seed);
            double[] Draw(int n, double lo, double hi) => Enumerable.Range(0, n).Select(_ => lo + (hi - lo) * rng.NextDouble()).ToArray();
            int bld = Batch * Length * Channels;
            U = Draw(bld, -1, 1);
            // Without the softplus the steps must stay ≥ 0 under finite-difference nudges.
            Delta = Softplus ? Draw(bld, -2, 1) : Draw(bld, 0.05, 0.5);
            A = Draw(Channels * State, -2.5, -0.1);
            B = Draw(Batch * GroupsB * Length * State, -1, 1);
            C = Draw(Batch * GroupsC * Length * State, -1, 1);
            D = HasD ? Draw(Channels, -1, 1) : [];
            Z = HasZ ? Draw(bld, -3, 3) : [];
            Bias = HasBias ? Draw(Channels, Softplus ? -1 : 0, 0.2) : [];
            H0 = HasH0 ? Draw(Batch * Channels * State, -1, 1) : [];
            return this;
        }

        public int[] Projection(int groups) => groups == 1 ? [Batch, Length, State] : [Batch, groups, Length, State];

        public SelectiveScanInputs<T> Inputs<T>() where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
        {
            NDArray<T> Make(double[] v, params int[] shape) => NDArray.FromArray(v.Select(T.CreateChecked).ToArray(), shape);
            return new SelectiveScanInputs<T>
            {
                U = Make(U, Batch, Length, Channels), Delta = Make(Delta, Batch, Length, Channels), A = Make(A, Channels, State),
                B = Make(B, Projection(GroupsB)), C = Make(C, Projection(GroupsC)),
                D = HasD ? Make(D, Channels) : null, Z = HasZ ? Make(Z, Batch, Length, Channels) : null,
                DeltaBias = HasBias ? Make(Bias, Channels) : null, DeltaSoftplus = Softplus,
                InitialState = HasH0 ? Make(H0, Batch, Channels, State) : null, Reverse = Reverse,
            };
        }

        private int Row(int groups, int b, int d, int t) => ((b * groups + d * groups / Channels) * Length + t) * State;

        /// <summary>
        /// The plain sequential recurrence in double, element by element; also the magnitude bound M (the same
        /// recurrence on absolute values) that scales the tolerance.
        /// </summary>
        public (double[] Y, double[] Final, double[] Magnitude) Reference()
        {
            var y = new double[Batch * Length * Channels];
            var magnitude = new double[y.Length];
            var final = new double[Batch * Channels * State];
            for (int b = 0; b < Batch; b++)
                for (int d = 0; d < Channels; d++)
                {
                    var h = new double[State];
                    var hm = new double[State];
                    for (int n = 0; n < State; n++) hm[n] = Math.Abs(h[n] = HasH0 ? H0[(b * Channels + d) * State + n] : 0);
                    for (int s = 0; s < Length; s++)
                    {
                        int t = Reverse ? Length - 1 - s : s;
                        int at = (b * Length + t) * Channels + d;
                        double dt = Delta[at] + (HasBias ? Bias[d] : 0);
                        if (Softplus) dt = Math.Max(dt, 0) + Math.Log(1 + Math.Exp(-Math.Abs(dt)));
                        double acc = 0, accM = 0;
                        for (int n = 0; n < State; n++)
                        {
                            double decay = Math.Exp(dt * A[d * State + n]);
                            double drive = dt * U[at] * B[Row(GroupsB, b, d, t) + n];
                            h[n] = decay * h[n] + drive;
                            hm[n] = decay * hm[n] + Math.Abs(drive);
                            acc += C[Row(GroupsC, b, d, t) + n] * h[n];
                            accM += Math.Abs(C[Row(GroupsC, b, d, t) + n]) * hm[n];
                        }
                        if (HasD) { acc += D[d] * U[at]; accM += Math.Abs(D[d] * U[at]); }
                        if (HasZ)
                        {
                            double gate = Z[at] / (1 + Math.Exp(-Z[at]));
                            acc *= gate;
                            accM *= Math.Max(1, Math.Abs(gate));
                        }
                        y[at] = acc;
                        magnitude[at] = accM + Math.Abs(acc);
                    }
                    for (int n = 0; n < State; n++) final[(b * Channels + d) * State + n] = h[n];
                }
            return (y, final, magnitude);
        }
    }

    private static Case Draw(int seed, bool small = false)
    {
        var rng = new Random(seed);
        int channels = small ? rng.Next(1, 6) : rng.Next(0, 4) == 0 ? rng.Next(0, 3) : rng.Next(1, 140);
        int Divisor() { if (channels == 0) return 1; var ds = Enumerable.Range(1, channels).Where(g => channels % g == 0).ToArray(); return ds[rng.Next(ds.Length)]; }
        return new Case(
            Batch: rng.Next(0, 8) == 0 ? 0 : rng.Next(1, small ? 3 : 4),
            Length: small ? rng.Next(1, 6) : rng.Next(0, 8) == 0 ? rng.Next(0, 2) : rng.Next(1, 90),
            Channels: channels, State: small ? rng.Next(1, 4) : rng.Next(0, 6) == 0 ? rng.Next(0, 2) : rng.Next(1, 20),
            GroupsB: rng.Next(2) == 0 ? 1 : Divisor(), GroupsC: rng.Next(2) == 0 ? 1 : Divisor(),
            HasD: rng.Next(2) == 0, HasZ: rng.Next(2) == 0, HasBias: rng.Next(2) == 0, Softplus: rng.Next(2) == 0,
            HasH0: rng.Next(2) == 0, Reverse: rng.Next(2) == 0, Seed: seed).Fill();
    }

    private static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, ReadOnlySpan<double> magnitude, double bound, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(actual[i] - expected[i]);
            Assert.True(error <= bound * magnitude[i], $"{what}[{i}]: {actual[i]:R} vs {expected[i]:R}, error/(M·ε·(L+N+8)) = {error / (bound * magnitude[i]) * 32:G3} > 32");
        }
    }

    [Property(MaxTest = 60)]
    public void Forward_matches_the_sequential_reference_at_every_width(int seed)
    {
        var c = Draw(seed);
        var (y, final, magnitude) = c.Reference();
        var finalMagnitude = final.Select(v => 1 + Math.Abs(v)).ToArray();
        foreach (var width in Reference.Widths)
        {
            using var _ = SimdPolicy.Force(width);
            // Exp, softplus and SiLU are correct to a few ulp; the error of a step's decay compounds over the
            // steps, so the bound is ε·(L + N + 8) times the magnitude of the same recurrence on |values|.
            var d = SelectiveScan.Forward(c.Inputs<double>());
            double boundD = 32 * (c.Length + c.State + 8) * 2.220446049250313e-16;
            AssertClose(y, d.Y.ToArray(), magnitude, boundD, $"{width} double y");
            AssertClose(final, d.FinalState.ToArray(), finalMagnitude.Select((m, i) => m * (c.Length + 1)).ToArray(), boundD, $"{width} double final");
            var f = SelectiveScan.Forward(c.Inputs<float>());
            // float inputs are the double ones rounded: that representation error is inside the same bound.
            double boundF = 32 * (c.Length + c.State + 8) * 1.1920929e-7;
            AssertClose(y, f.Y.ToArray().Select(v => (double)v).ToArray(), magnitude, boundF, $"{width} float y");
        }
    }

    /// <summary>Loss L = Σ y ⊙ W + Σ final ⊙ V for fixed random W, V, evaluated with the double reference.</summary>
    private static double Loss(Case c, double[] w, double[] v)
    {
        var (y, final, _) = c.Reference();
        double loss = 0;
        for (int i = 0; i < y.Length; i++) loss += y[i] * w[i];
        for (int i = 0; i < final.Length; i++) loss += final[i] * v[i];
        return loss;
    }

    [Property(MaxTest = 25)]
    public void Backward_matches_central_finite_differences_in_double(int seed)
    {
        var c = Draw(seed, small: true);
        var rng = new Random(seed ^ 0x5eed);
        var w = Enumerable.Range(0, c.Batch * c.Length * c.Channels).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var v = Enumerable.Range(0, c.Batch * c.Channels * c.State).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var grads = SelectiveScan.Backward(c.Inputs<double>(), NDArray.FromArray(w, c.Batch, c.Length, c.Channels),
            NDArray.FromArray(v, c.Batch, c.Channels, c.State));
        void Check(string name, double[] x, NDArray<double>? gradient)
        {
            Assert.NotNull(gradient);
            var g = gradient!.ToArray();
            Assert.Equal(x.Length, g.Length);
            for (int i = 0; i < x.Length; i++)
            {
                double keep = x[i], h = 1e-6 * Math.Max(1, Math.Abs(keep));
                x[i] = keep + h; double up = Loss(c, w, v);
                x[i] = keep - h; double down = Loss(c, w, v);
                x[i] = keep;
                double fd = (up - down) / (2 * h);
                Assert.True(Math.Abs(g[i] - fd) <= 2e-6 * (1 + Math.Abs(fd)), $"∂{name}[{i}] = {g[i]:R}, finite difference {fd:R} ({c})");
            }
        }
        Check("u", c.U, grads.U);
        Check("Δ", c.Delta, grads.Delta);
        Check("A", c.A, grads.A);
        Check("B", c.B, grads.B);
        Check("C", c.C, grads.C);
        if (c.HasD) Check("D", c.D, grads.D); else Assert.Null(grads.D);
        if (c.HasZ) Check("z", c.Z, grads.Z); else Assert.Null(grads.Z);
        if (c.HasBias) Check("bias", c.Bias, grads.DeltaBias); else Assert.Null(grads.DeltaBias);
        if (c.HasH0) Check("h₀", c.H0, grads.InitialState); else Assert.Null(grads.InitialState);
    }

    [Property(MaxTest = 15)]
    public void Gradients_do_not_depend_on_threads_chunking_or_layout_and_agree_across_widths(int seed)
    {
        var c = Draw(seed);
        var rng = new Random(seed);
        var dy = NDArray.FromArray(Enumerable.Range(0, c.Batch * c.Length * c.Channels).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray(), c.Batch, c.Length, c.Channels);
        var inputs = c.Inputs<float>();
        var reference = SelectiveScan.Backward(inputs, dy, options: new SelectiveScanOptions { Threads = 1, RecomputeChunk = 1 });
        foreach (var options in new[] { new SelectiveScanOptions { Threads = 2 }, new SelectiveScanOptions { Threads = 3, RecomputeChunk = 7 } })
        {
            var other = SelectiveScan.Backward(inputs, dy, options: options);
            Assert.Equal(reference.U.ToArray(), other.U.ToArray());
            Assert.Equal(reference.Delta.ToArray(), other.Delta.ToArray());
            Assert.Equal(reference.A.ToArray(), other.A.ToArray());
            Assert.Equal(reference.B.ToArray(), other.B.ToArray());
            Assert.Equal(reference.C.ToArray(), other.C.ToArray());
            Assert.Equal(reference.D?.ToArray(), other.D?.ToArray());
            Assert.Equal(reference.Z?.ToArray(), other.Z?.ToArray());
            Assert.Equal(reference.DeltaBias?.ToArray(), other.DeltaBias?.ToArray());
            Assert.Equal(reference.InitialState?.ToArray(), other.InitialState?.ToArray());
        }
        // Every width computes the same gradients to float rounding (scaled by the double gradient's size).
        var exact = SelectiveScan.Backward(c.Inputs<double>(), NDArray.FromArray(dy.ToArray().Select(x => (double)x).ToArray(), c.Batch, c.Length, c.Channels));
        foreach (var width in Reference.Widths)
        {
            using var _ = SimdPolicy.Force(width);
            var g = SelectiveScan.Backward(inputs, dy);
            void Near(string name, NDArray<float>? actual, NDArray<double>? expected)
            {
                if (expected is null) { Assert.Null(actual); return; }
                var e = expected.ToArray();
                var a = actual!.ToArray();
                double scale = e.Length == 0 ? 0 : e.Max(Math.Abs);
                for (int i = 0; i < e.Length; i++)
                    Assert.True(Math.Abs(a[i] - e[i]) <= 64 * (c.Length + c.State + 8) * 1.19e-7 * (scale + 1e-30), $"{width} ∂{name}[{i}]: {a[i]} vs {e[i]}");
            }
            Near("u", g.U, exact.U); Near("Δ", g.Delta, exact.Delta); Near("A", g.A, exact.A); Near("B", g.B, exact.B); Near("C", g.C, exact.C);
            Near("D", g.D, exact.D); Near("z", g.Z, exact.Z); Near("bias", g.DeltaBias, exact.DeltaBias);
        }
    }

    [Fact]
    public void Strided_views_give_the_contiguous_result_and_inputs_are_unchanged()
    {
        var c = new Case(2, 33, 19, 5, 1, 1, true, true, true, true, true, false, 7).Fill();
        var inputs = c.Inputs<float>();
        // u as every other channel of a wider array, B as a transposed view.
        var wide = new NDArray<float>(c.Batch, c.Length, 2 * c.Channels);
        inputs.U.CopyTo(wide.Slice(AxisRange.All, AxisRange.All, new AxisRange(0, null, 2)));
        var bT = inputs.B.Permute(0, 2, 1).Copy().Permute(0, 2, 1);
        var strided = new SelectiveScanInputs<float>
        {
            U = wide.Slice(AxisRange.All, AxisRange.All, new AxisRange(0, null, 2)), Delta = inputs.Delta, A = inputs.A, B = bT, C = inputs.C,
            D = inputs.D, Z = inputs.Z, DeltaBias = inputs.DeltaBias, DeltaSoftplus = true, InitialState = inputs.InitialState,
        };
        Assert.False(strided.U.IsContiguous);
        Assert.False(strided.B.IsContiguous);
        var before = inputs.U.ToArray();
        var expected = SelectiveScan.Forward(inputs);
        var actual = SelectiveScan.Forward(strided);
        Assert.Equal(expected.Y.ToArray(), actual.Y.ToArray());
        Assert.Equal(expected.FinalState.ToArray(), actual.FinalState.ToArray());
        var dy = NDArray.Ones<float>(c.Batch, c.Length, c.Channels);
        Assert.Equal(SelectiveScan.Backward(inputs, dy).B.ToArray(), SelectiveScan.Backward(strided, dy).B.ToArray());
        Assert.Equal(before, inputs.U.ToArray());
    }

    [Fact]
    public void Long_float_scan_stays_within_the_scaled_bound_and_threads_give_identical_bits()
    {
        var c = new Case(2, 3000, 70, 16, 1, 2, true, true, true, true, false, true, 11).Fill();
        var (y, _, magnitude) = c.Reference();
        var inputs = c.Inputs<float>();
        var one = SelectiveScan.Forward(inputs, new SelectiveScanOptions { Threads = 1 });
        var two = SelectiveScan.Forward(inputs, new SelectiveScanOptions { Threads = 2 });
        Assert.Equal(one.Y.ToArray(), two.Y.ToArray());
        AssertClose(y, one.Y.ToArray().Select(v => (double)v).ToArray(), magnitude, 32 * (c.Length + c.State + 8) * 1.1920929e-7, "y");
    }

    [Fact]
    public void Bad_inputs_are_named()
    {
        var c = new Case(2, 4, 6, 3, 1, 1, false, false, false, false, false, false, 1).Fill();
        var good = c.Inputs<double>();
        string Fails(SelectiveScanInputs<double> x) => Assert.Throws<ArgumentException>(() => SelectiveScan.Forward(x)).Message;

        Assert.Contains("Δ must be (2, 4, 6)", Fails(new SelectiveScanInputs<double> { U = good.U, Delta = NDArray.Ones<double>(2, 5, 6), A = good.A, B = good.B, C = good.C }));
        Assert.Contains("A must be (channels, state)", Fails(new SelectiveScanInputs<double> { U = good.U, Delta = good.Delta, A = NDArray.Ones<double>(5, 3), B = good.B, C = good.C }));
        Assert.Contains("groups dividing the 6 channels", Fails(new SelectiveScanInputs<double> { U = good.U, Delta = good.Delta, A = good.A, B = NDArray.Ones<double>(2, 4, 4, 3), C = good.C }));
        Assert.Contains("C must be", Fails(new SelectiveScanInputs<double> { U = good.U, Delta = good.Delta, A = good.A, B = good.B, C = NDArray.Ones<double>(2, 4, 2) }));
        Assert.Contains("D must be (6,)", Fails(new SelectiveScanInputs<double> { U = good.U, Delta = good.Delta, A = good.A, B = good.B, C = good.C, D = NDArray.Ones<double>(5) }));
        Assert.Contains("u must be (batch, length, channels)", Fails(new SelectiveScanInputs<double> { U = NDArray.Ones<double>(4, 6), Delta = good.Delta, A = good.A, B = good.B, C = good.C }));

        var negative = good.Delta.Copy();
        negative[1, 2, 3] = -0.25;
        string message = Fails(new SelectiveScanInputs<double> { U = good.U, Delta = negative, A = good.A, B = good.B, C = good.C });
        Assert.Contains("(batch 1, time 2, channel 3)", message);
        Assert.Contains("softplus", message);
        // The same Δ is fine under the softplus.
        SelectiveScan.Forward(new SelectiveScanInputs<double> { U = good.U, Delta = negative, A = good.A, B = good.B, C = good.C, DeltaSoftplus = true });

        var nan = good.U.Copy();
        nan[0, 3, 5] = double.NaN;
        Assert.Contains("u (2, 4, 6) holds a non-finite value", Fails(new SelectiveScanInputs<double> { U = nan, Delta = good.Delta, A = good.A, B = good.B, C = good.C }));
        var inf = good.A.Copy();
        inf[2, 1] = double.PositiveInfinity;
        Assert.Contains("A (6, 3) holds a non-finite value", Fails(new SelectiveScanInputs<double> { U = good.U, Delta = good.Delta, A = inf, B = good.B, C = good.C }));

        Assert.Contains("∂y must be (2, 4, 6)", Assert.Throws<ArgumentException>(() => SelectiveScan.Backward(good, NDArray.Ones<double>(2, 4, 5))).Message);
        Assert.Contains("∂(final state) must be (2, 6, 3)", Assert.Throws<ArgumentException>(() => SelectiveScan.Backward(good, NDArray.Ones<double>(2, 4, 6), NDArray.Ones<double>(2, 6))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => SelectiveScan.Backward(good, NDArray.Ones<double>(2, 4, 6), options: new SelectiveScanOptions { RecomputeChunk = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SelectiveScan.Forward(good, new SelectiveScanOptions { Threads = 0 }));
    }

    [Fact]
    public void Empty_dimensions_give_empty_or_initial_results()
    {
        // Length 0: y is empty and the final state is h₀; ∂h₀ is ∂(final state).
        var c = new Case(2, 0, 5, 3, 1, 1, true, true, true, true, true, false, 3).Fill();
        var r = SelectiveScan.Forward(c.Inputs<double>());
        Assert.Equal([2, 0, 5], r.Y.Shape.ToArray());
        Assert.Equal(c.H0, r.FinalState.ToArray());
        var dFinal = NDArray.FromArray(Enumerable.Range(0, 30).Select(i => (double)i).ToArray(), 2, 5, 3);
        var g = SelectiveScan.Backward(c.Inputs<double>(), new NDArray<double>(2, 0, 5), dFinal);
        Assert.Equal(dFinal.ToArray(), g.InitialState!.ToArray());
        Assert.All(g.A.ToArray(), x => Assert.Equal(0.0, x));
        // State size 0: y = D ⊙ u gated.
        var s = new Case(1, 4, 3, 0, 1, 1, true, false, false, true, false, false, 4).Fill();
        var y = SelectiveScan.Forward(s.Inputs<double>()).Y.ToArray();
        for (int i = 0; i < y.Length; i++) Assert.Equal(s.D[i % 3] * s.U[i], y[i], 15);
    }

    [Property(MaxTest = 15)]
    public void Kept_checkpoints_give_bit_identical_gradients(int seed)
    {
        var c = Draw(seed);
        var inputs = c.Inputs<double>();
        var rng = new Random(seed);
        var dy = NDArray.FromArray(Enumerable.Range(0, c.Batch * c.Length * c.Channels).Select(_ => rng.NextDouble() - 0.5).ToArray(), c.Batch, c.Length, c.Channels);
        foreach (int? chunk in new int?[] { null, 1, 5 })
        {
            var options = new SelectiveScanOptions { RecomputeChunk = chunk, KeepCheckpoints = true };
            var forward = SelectiveScan.Forward(inputs, options);
            Assert.NotNull(forward.Checkpoints);
            // Keeping checkpoints does not change the forward result.
            Assert.Equal(SelectiveScan.Forward(inputs).Y.ToArray(), forward.Y.ToArray());
            var kept = SelectiveScan.Backward(inputs, dy, checkpoints: forward.Checkpoints);
            var recomputed = SelectiveScan.Backward(inputs, dy, options: new SelectiveScanOptions { RecomputeChunk = chunk });
            Assert.Equal(recomputed.U.ToArray(), kept.U.ToArray());
            Assert.Equal(recomputed.Delta.ToArray(), kept.Delta.ToArray());
            Assert.Equal(recomputed.A.ToArray(), kept.A.ToArray());
            Assert.Equal(recomputed.B.ToArray(), kept.B.ToArray());
            Assert.Equal(recomputed.C.ToArray(), kept.C.ToArray());
            Assert.Equal(recomputed.InitialState?.ToArray(), kept.InitialState?.ToArray());
        }
        Assert.Null(SelectiveScan.Forward(inputs).Checkpoints);
    }

    [Fact]
    public void Checkpoints_from_another_problem_are_rejected()
    {
        var c = new Case(2, 9, 6, 3, 1, 1, false, false, false, true, false, false, 5).Fill();
        var other = new Case(2, 10, 6, 3, 1, 1, false, false, false, true, false, false, 5).Fill();
        var kept = SelectiveScan.Forward(other.Inputs<double>(), new SelectiveScanOptions { KeepCheckpoints = true }).Checkpoints;
        var message = Assert.Throws<ArgumentException>(() => SelectiveScan.Backward(c.Inputs<double>(), NDArray.Ones<double>(2, 9, 6), checkpoints: kept)).Message;
        Assert.Contains("length 10", message);
        Assert.Contains("length 9", message);
        var reversed = new Case(2, 9, 6, 3, 1, 1, false, false, false, true, false, true, 5).Fill();
        var keptReverse = SelectiveScan.Forward(reversed.Inputs<double>(), new SelectiveScanOptions { KeepCheckpoints = true }).Checkpoints;
        Assert.Contains("reverse", Assert.Throws<ArgumentException>(() => SelectiveScan.Backward(c.Inputs<double>(), NDArray.Ones<double>(2, 9, 6), checkpoints: keptReverse)).Message);
    }
}
