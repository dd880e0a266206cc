using Kernels.Tensors;
using Kernels.Tensors.Operators;
using Kernels.Tensors.Simd;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// Every element-wise kernel against a plain scalar reference, for every length 0..256 (all SIMD remainders of
/// every width) plus larger odd lengths, under every vector width, with ±0, subnormals, ±Inf and NaN mixed in.
/// </summary>
public class ElementwiseTests
{
    private static readonly int[] Lengths = [.. Enumerable.Range(0, 257), 1000, 4097, 65537];

    public sealed record UnaryCase(string Name, Func<NDArray<double>, NDArray<double>> D, Func<NDArray<float>, NDArray<float>> F,
        Func<double, double> Ref, long DoubleUlps, long FloatUlps);

    // Reference functions are evaluated in double; for float targets that reference is rounded once.
    private static readonly UnaryCase[] Unary =
    [
        new("neg", x => NDArray.Negate(x), x => NDArray.Negate(x), v => -v, 0, 0),
        new("abs", x => NDArray.Abs(x), x => NDArray.Abs(x), Math.Abs, 0, 0),
        new("sqrt", x => NDArray.Sqrt(x), x => NDArray.Sqrt(x), Math.Sqrt, 0, 0),
        new("exp", x => NDArray.Exp(x), x => NDArray.Exp(x), Math.Exp, 4, 2),
        new("log", x => NDArray.Log(x), x => NDArray.Log(x), Math.Log, 4, 2),
        new("tanh", x => NDArray.Tanh(x), x => NDArray.Tanh(x), Math.Tanh, 8, 8),
        new("sigmoid", x => NDArray.Sigmoid(x), x => NDArray.Sigmoid(x), v => v >= 0 ? 1 / (1 + Math.Exp(-v)) : Math.Exp(v) / (1 + Math.Exp(v)), 8, 8),
        new("softplus", x => NDArray.Softplus(x), x => NDArray.Softplus(x), v => Math.Max(v, 0) + Log1pRef(Math.Exp(-Math.Abs(v))), 8, 8),
        new("silu", x => NDArray.Silu(x), x => NDArray.Silu(x), v => v * (v >= 0 ? 1 / (1 + Math.Exp(-v)) : Math.Exp(v) / (1 + Math.Exp(v))), 8, 8),
        new("gelu-tanh", x => NDArray.GeluTanh(x), x => NDArray.GeluTanh(x),
            v => v * SigmoidRef(2 * Math.Sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)), 16, 128), // float tail: the ~3ε relative error of the cubic argument z (|z| up to ~30 here) is amplified by |z|
    ];

    // log1p by a series for tiny t (independent of the library's Kahan form).
    // log1p by its alternating series for t < 0.5 (independent of the library's Kahan form).
    private static double Log1pRef(double t)
    {
        if (!(t < 0.5)) return Math.Log(1 + t);
        double term = t, sum = 0;
        for (int k = 1; k < 200 && term != 0; k++, term *= -t) sum += term / k;
        return sum;
    }

    private static double SigmoidRef(double v) => v >= 0 ? 1 / (1 + Math.Exp(-v)) : Math.Exp(v) / (1 + Math.Exp(v));

    public static IEnumerable<object[]> UnaryCases() =>
        from c in Unary from w in Reference.Widths select new object[] { c.Name, w };

    [Theory]
    [MemberData(nameof(UnaryCases))]
    public void Unary_matches_scalar_reference_for_every_length(string name, VectorWidth width)
    {
        var c = Unary.Single(u => u.Name == name);
        using var _ = SimdPolicy.Force(width);
        foreach (int n in Lengths)
        {
            // Moderate magnitudes for the transcendental checks; specials mixed in.
            var values = Reference.Values(n, seed: n * 31 + name.Length, specials: true, scale: name is "gelu-tanh" ? 6 : 20);
            if (name is "log" or "sqrt") for (int i = 0; i < n; i++) if (i % 3 == 0) values[i] = Math.Abs(values[i]);
            var d = c.D(NDArray.FromArray(values));
            var f = c.F(NDArray.FromArray(values.Select(v => (float)v).ToArray()));
            var ds = d.AsSpan();
            var fs = f.AsSpan();
            for (int i = 0; i < n; i++)
            {
                double rd = c.Ref(values[i]);
                Assert.True(Close(ds[i], rd, c.DoubleUlps, 1e-300), $"{name} double n={n} i={i} x={values[i]:R}: got {ds[i]:R}, want {rd:R} (width {width})");
                float xf = (float)values[i];
                float rf = (float)c.Ref(xf);
                Assert.True(Close(fs[i], rf, c.FloatUlps, 1e-37f), $"{name} float n={n} i={i} x={xf:R}: got {fs[i]:R}, want {rf:R} (width {width})");
            }
        }
    }

    public static IEnumerable<object[]> UnaryNames() => Unary.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(UnaryNames))]
    public void Unary_gives_the_same_bits_at_every_width_and_length(string name)
    {
        // Every operator's scalar path takes the same steps as its lanes (exp and log are ours, not the BCL's), so
        // the bits must not depend on the width, nor on whether an element falls in a vector body or a tail.
        var c = Unary.Single(u => u.Name == name);
        foreach (int n in (int[])[1, 7, 33, 255, 4097])
        {
            var values = Reference.Values(n, seed: n * 7 + name.Length, specials: true, scale: name is "gelu-tanh" ? 6 : 40);
            if (name is "log" or "sqrt") for (int i = 0; i < n; i++) if (i % 3 == 0) values[i] = Math.Abs(values[i]);
            var floats = values.Select(v => (float)v).ToArray();
            double[] wantD; float[] wantF;
            using (SimdPolicy.Force(VectorWidth.Scalar))
            {
                wantD = c.D(NDArray.FromArray(values)).AsSpan().ToArray();
                wantF = c.F(NDArray.FromArray(floats)).AsSpan().ToArray();
            }
            foreach (var width in new[] { VectorWidth.W128, VectorWidth.W256, VectorWidth.W512 })
            {
                using var _ = SimdPolicy.Force(width);
                var d = c.D(NDArray.FromArray(values)).AsSpan();
                var f = c.F(NDArray.FromArray(floats)).AsSpan();
                for (int i = 0; i < n; i++)
                {
                    Assert.True(Reference.SameBitsOrBothNaN(d[i], wantD[i]),
                        $"{name} double n={n} i={i} x={values[i]:R}: {width} gives {d[i]:R}, scalar {wantD[i]:R}");
                    Assert.True(Reference.SameBitsOrBothNaN(f[i], wantF[i]),
                        $"{name} float n={n} i={i} x={floats[i]:R}: {width} gives {f[i]:R}, scalar {wantF[i]:R}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(UnaryNames))]
    public void A_lane_does_not_depend_on_its_neighbours(string name)
    {
        // The BCL's vector exp, inlined in our loop, gave tanh(0.48853890061776095) a different last bit when
        // another lane of the same vector held a NaN. Put every special value beside ordinary ones, at every width.
        var c = Unary.Single(u => u.Name == name);
        double[] specials = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -4.9e-320, 1e300, 700, -750, 0.0];
        double[] ordinary = [0.48853890061776095, -0.9771, 3.25, -0.3, 1e-5, 17.5];
        foreach (var width in Reference.Widths)
        {
            using var _ = SimdPolicy.Force(width);
            foreach (double x in ordinary)
            {
                var plain = Enumerable.Repeat(x, 64).ToArray();
                double wantD = c.D(NDArray.FromArray(plain)).AsSpan()[0];
                float wantF = c.F(NDArray.FromArray(plain.Select(v => (float)v).ToArray())).AsSpan()[0];
                foreach (double special in specials)
                {
                    var mixed = (double[])plain.Clone();
                    for (int i = 1; i < mixed.Length; i += 2) mixed[i] = special;
                    var d = c.D(NDArray.FromArray(mixed)).AsSpan();
                    var f = c.F(NDArray.FromArray(mixed.Select(v => (float)v).ToArray())).AsSpan();
                    for (int i = 0; i < mixed.Length; i += 2)
                    {
                        Assert.True(BitConverter.DoubleToInt64Bits(d[i]) == BitConverter.DoubleToInt64Bits(wantD),
                            $"{name}({x:R}) double at {width} is {d[i]:R} beside {special:R}, {wantD:R} alone");
                        Assert.True(BitConverter.SingleToInt32Bits(f[i]) == BitConverter.SingleToInt32Bits(wantF),
                            $"{name}({x:R}) float at {width} is {f[i]:R} beside {special:R}, {wantF:R} alone");
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Reference.WidthData), MemberType = typeof(Reference))]
    public void Exp_and_log_are_within_two_ulps_over_their_whole_range(VectorWidth width)
    {
        // exp from below the smallest subnormal result to past overflow; log from the smallest subnormal to the
        // largest finite value — geometric sweeps, so every binade and both ends of the reduction interval are hit.
        using var _ = SimdPolicy.Force(width);
        var expArgs = new List<double>();
        for (double v = 1e-9; v < 760; v *= 1.0003) { expArgs.Add(v); expArgs.Add(-v); }
        var logArgs = new List<double>();
        for (double v = double.Epsilon; v < double.MaxValue / 1.002; v = Math.Max(v * 1.002, double.BitIncrement(v))) logArgs.Add(v);
        for (int i = -3000; i <= 3000; i++) logArgs.Add(1 + i * 1e-7);
        var floatLogArgs = new List<float>();
        for (float v = float.Epsilon; v < float.MaxValue / 1.0005f; v = MathF.Max(v * 1.0005f, float.BitIncrement(v))) floatLogArgs.Add(v);
        var (worstExpD, atExpD) = Worst(expArgs.ToArray(), a => NDArray.Exp(NDArray.FromArray(a)).AsSpan().ToArray(), Math.Exp);
        var (worstLogD, atLogD) = Worst(logArgs.ToArray(), a => NDArray.Log(NDArray.FromArray(a)).AsSpan().ToArray(), Math.Log);
        var expF = expArgs.Where(v => Math.Abs(v) < 110).Select(v => (float)v).ToArray();
        var gotExpF = NDArray.Exp(NDArray.FromArray(expF)).AsSpan().ToArray();
        var gotLogF = NDArray.Log(NDArray.FromArray(floatLogArgs.ToArray())).AsSpan().ToArray();
        long worstExpF = 0, worstLogF = 0;
        for (int i = 0; i < expF.Length; i++) worstExpF = Math.Max(worstExpF, Reference.UlpDistance(gotExpF[i], (float)Math.Exp(expF[i])));
        for (int i = 0; i < gotLogF.Length; i++) worstLogF = Math.Max(worstLogF, Reference.UlpDistance(gotLogF[i], (float)Math.Log(floatLogArgs[i])));
        Assert.True(worstExpD <= 2 && worstLogD <= 2 && worstExpF <= 2 && worstLogF <= 2,
            $"worst error at {width}: exp {worstExpD} ulp (x={atExpD:R}), log {worstLogD} ulp (x={atLogD:R}) in double; exp {worstExpF}, log {worstLogF} ulp in float");

        static (long Worst, double At) Worst(double[] args, Func<double[], double[]> f, Func<double, double> reference)
        {
            var got = f(args);
            long worst = 0; double at = 0;
            for (int i = 0; i < args.Length; i++)
            {
                long u = Reference.UlpDistance(got[i], reference(args[i]));
                if (u > worst) (worst, at) = (u, args[i]);
            }
            return (worst, at);
        }
    }

    [Theory]
    [MemberData(nameof(Reference.WidthData), MemberType = typeof(Reference))]
    public void Tanh_is_accurate_on_both_sides_of_the_series_switch(VectorWidth width)
    {
        // tanh's vector form takes expm1(−2|x|) from a Taylor series for |x| ≤ 0.25 and from exp − 1 beyond: sweep
        // densely across the switch, down to tiny arguments and up to where tanh rounds to ±1.
        using var _ = SimdPolicy.Force(width);
        var xs = new List<double>();
        for (double v = 1e-12; v < 20; v *= 1.0007) xs.Add(v);
        for (int i = -2000; i <= 2000; i++) xs.Add(0.25 + i * 1e-6);
        var values = xs.SelectMany(v => new[] { v, -v }).ToArray();
        var d = NDArray.Tanh(NDArray.FromArray(values)).AsSpan();
        var f = NDArray.Tanh(NDArray.FromArray(values.Select(v => (float)v).ToArray())).AsSpan();
        long worstD = 0, worstF = 0;
        for (int i = 0; i < values.Length; i++)
        {
            worstD = Math.Max(worstD, Reference.UlpDistance(d[i], Math.Tanh(values[i])));
            float xf = (float)values[i];
            worstF = Math.Max(worstF, Reference.UlpDistance(f[i], (float)Math.Tanh(xf)));
        }
        Assert.True(worstD <= 8 && worstF <= 8, $"tanh worst error {worstD} ulp (double), {worstF} ulp (float) at width {width}");
    }

    private static bool Close(double got, double want, long ulps, double absFloor) =>
        Reference.UlpDistance(got, want) <= ulps || Math.Abs(got - want) <= absFloor
        || (double.IsNaN(want) && double.IsNaN(got));

    private static bool Close(float got, float want, long ulps, float absFloor) =>
        Reference.UlpDistance(got, want) <= ulps || Math.Abs(got - want) <= absFloor;

    public sealed record BinaryCase(string Name, Func<NDArray<double>, NDArray<double>, NDArray<double>> D, Func<double, double, double> Ref);

    private static readonly BinaryCase[] Binary =
    [
        new("add", (a, b) => NDArray.Add(a, b), (a, b) => a + b),
        new("sub", (a, b) => NDArray.Subtract(a, b), (a, b) => a - b),
        new("mul", (a, b) => NDArray.Multiply(a, b), (a, b) => a * b),
        new("div", (a, b) => NDArray.Divide(a, b), (a, b) => a / b),
        new("max", (a, b) => NDArray.Maximum(a, b), Math.Max),
        new("min", (a, b) => NDArray.Minimum(a, b), Math.Min),
    ];

    public static IEnumerable<object[]> BinaryCases() =>
        from c in Binary from w in Reference.Widths select new object[] { c.Name, w };

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void Binary_is_bit_exact_against_scalar_for_every_length(string name, VectorWidth width)
    {
        var c = Binary.Single(u => u.Name == name);
        using var _ = SimdPolicy.Force(width);
        foreach (int n in Lengths)
        {
            var a = Reference.Values(n, n, specials: true);
            var b = Reference.Values(n, n + 7, specials: true);
            var z = c.D(NDArray.FromArray(a), NDArray.FromArray(b)).AsSpan();
            for (int i = 0; i < n; i++)
            {
                double want = c.Ref(a[i], b[i]);
                Assert.True(Reference.SameBitsOrBothNaN(z[i], want),
                    $"{name} n={n} i={i}: {a[i]:R} op {b[i]:R} = {z[i]:R}, want {want:R} (width {width})");
            }
            // Scalar broadcast on either side takes the splat loop.
            var s = NDArray.Scalar(b.Length > 0 ? b[0] : 1.5);
            var left = c.D(s, NDArray.FromArray(a)).AsSpan();
            var right = c.D(NDArray.FromArray(a), s).AsSpan();
            for (int i = 0; i < n; i++)
            {
                double sv = s[[]];
                Assert.Equal(c.Ref(sv, a[i]), left[i]);
                Assert.Equal(c.Ref(a[i], sv), right[i]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Reference.WidthData), MemberType = typeof(Reference))]
    public void Fma_rounds_once_and_clamp_bounds(VectorWidth width)
    {
        using var _ = SimdPolicy.Force(width);
        foreach (int n in Lengths.Take(80))
        {
            var a = Reference.Values(n, 3 * n, specials: false);
            var b = Reference.Values(n, 5 * n, specials: false);
            var c = Reference.Values(n, 7 * n, specials: true);
            var r = NDArray.FusedMultiplyAdd(NDArray.FromArray(a), NDArray.FromArray(b), NDArray.FromArray(c)).AsSpan();
            for (int i = 0; i < n; i++) Assert.Equal(Math.FusedMultiplyAdd(a[i], b[i], c[i]), r[i]);
            var cl = NDArray.Clamp(NDArray.FromArray(c), -1.0, 2.0).AsSpan();
            for (int i = 0; i < n; i++)
                if (double.IsNaN(c[i])) Assert.True(double.IsNaN(cl[i]));
                else Assert.Equal(Math.Min(Math.Max(c[i], -1), 2), cl[i]);
        }
        // The classic FMA witness: (1 + 2⁻²⁷)(1 − 2⁻²⁷) − 1 = −2⁻⁵⁴ exactly only with one rounding.
        double e = Math.Pow(2, -27);
        var w = NDArray.FusedMultiplyAdd(NDArray.Full(1 + e, 9), NDArray.Full(1 - e, 9), NDArray.Full(-1.0, 9)).AsSpan();
        foreach (var v in w) Assert.Equal(-Math.Pow(2, -54), v);
    }

    [Fact]
    public void Exact_gelu_matches_erfc_reference_values()
    {
        (double X, double Gelu)[] cases = [(-6, -5.919525870226207e-09), (-3, -0.004049694094890287), (-1, -0.15865525393145707),
            (-0.1, -0.0460172162722971), (1e-05, 5.00003989422804e-06), (0.5, 0.34573123063700656), (2, 1.9544997361036416), (10, 10.0)];
        var g = NDArray.Gelu(NDArray.FromArray(cases.Select(c => c.X).ToArray())).AsSpan();
        for (int i = 0; i < cases.Length; i++)
            Assert.True(Math.Abs(g[i] - cases[i].Gelu) <= 1e-13 * Math.Abs(cases[i].Gelu), $"gelu({cases[i].X}) = {g[i]:R}, want {cases[i].Gelu:R}");
        (double X, double Erfc)[] erfc = [(0.1, 0.8875370839817152), (1, 0.15729920705028513), (1.9, 0.0072095707647425325),
            (2, 0.004677734981047265), (2.5, 0.0004069520174449589), (5, 1.5374597944280351e-12), (10, 2.088487583762545e-45)];
        foreach (var (x, want) in erfc)
        {
            Assert.True(Math.Abs(ErrorFunction.Erfc(x) - want) <= 1e-13 * want, $"erfc({x}) = {ErrorFunction.Erfc(x):R}, want {want:R}");
            Assert.True(Math.Abs(ErrorFunction.Erfc(-x) - (2 - want)) <= 4e-16 * 2);
        }
        Assert.True(double.IsNaN(NDArray.Gelu(NDArray.FromArray([double.NaN])).AsSpan()[0]));
    }

    [Fact]
    public void Tiny_arguments_keep_relative_accuracy()
    {
        // tanh x ≈ x and softplus(−40) ≈ e^{−40} with full relative accuracy: the cancellation-free forms at work.
        var t = NDArray.Tanh(NDArray.FromArray([1e-8, -1e-300, 1e-20])).AsSpan();
        Assert.True(Reference.UlpDistance(t[0], Math.Tanh(1e-8)) <= 2);
        Assert.Equal(-1e-300, t[1]);
        Assert.Equal(1e-20, t[2]);
        var sp = NDArray.Softplus(NDArray.FromArray([-40.0, 40.0, double.NegativeInfinity, double.PositiveInfinity])).AsSpan();
        Assert.True(Reference.UlpDistance(sp[0], Math.Exp(-40)) <= 4, $"{sp[0]:R}");
        Assert.Equal(40.0, sp[1], 14);
        Assert.Equal(0.0, sp[2]);
        Assert.Equal(double.PositiveInfinity, sp[3]);
        var sg = NDArray.Sigmoid(NDArray.FromArray([-700.0])).AsSpan();
        Assert.True(Reference.UlpDistance(sg[0], Math.Exp(-700)) <= 4);
    }

    [Fact]
    public void Half_storage_is_rejected_for_arithmetic_with_a_clear_message()
    {
        var h = new NDArray<Half>(3);
        var e = Assert.Throws<NotSupportedException>(() => NDArray.Exp(h));
        Assert.Contains("float and double", e.Message);
    }
}
