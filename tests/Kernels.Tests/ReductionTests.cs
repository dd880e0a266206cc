using Kernels.Tensors;
using Kernels.Tensors.Simd;
using Xunit;

namespace Kernels.Tests;

/// <summary>Full reductions for every length 0..256 under every width, and the hard inputs of each reduction.</summary>
public class ReductionTests
{
    private static readonly int[] Lengths = [.. Enumerable.Range(0, 257), 4095, 4096, 4097, 100_003];

    [Theory]
    [MemberData(nameof(Reference.WidthData), MemberType = typeof(Reference))]
    public void Sum_dot_min_max_match_reference_for_every_length(VectorWidth width)
    {
        using var _ = SimdPolicy.Force(width);
        foreach (int n in Lengths)
        {
            var v = Reference.Values(n, n, specials: false);
            var u = Reference.Values(n, n + 1, specials: false);
            var x = NDArray.FromArray(v);
            double exact = 0, abs = 0, dot = 0, dabs = 0;
            for (int i = 0; i < n; i++) { exact += v[i]; abs += Math.Abs(v[i]); dot += v[i] * u[i]; dabs += Math.Abs(v[i] * u[i]); }
            // Scaled ratio: |error| / (ε · Σ|x| · (block accumulation depth + log₂ n)) must stay below 1.
            double depth = 64 + Math.Log2(n + 1);
            Assert.True(Math.Abs(NDArray.Sum(x) - exact) <= 2.3e-16 * abs * depth, $"sum n={n}");
            Assert.True(Math.Abs(NDArray.Dot(x, NDArray.FromArray(u)) - dot) <= 2.3e-16 * dabs * depth, $"dot n={n}");
            if (n > 0)
            {
                Assert.Equal(v.Max(), NDArray.Max(x));
                Assert.Equal(v.Min(), NDArray.Min(x));
                Assert.Equal(Array.IndexOf(v, v.Max()), NDArray.ArgMax(x));
            }
            var f = NDArray.FromArray(v.Select(d => (float)d).ToArray());
            double fexact = 0, fabs = 0;
            foreach (var d in f.AsSpan()) { fexact += d; fabs += Math.Abs(d); }
            Assert.True(Math.Abs(NDArray.Sum(f) - fexact) <= 1.2e-7 * fabs * depth, $"float sum n={n}");
        }
    }

    [Theory]
    [MemberData(nameof(Reference.WidthData), MemberType = typeof(Reference))]
    public void Reductions_propagate_nan(VectorWidth width)
    {
        using var _ = SimdPolicy.Force(width);
        for (int n = 1; n < 100; n++)
        {
            var v = Reference.Values(n, n, specials: false);
            v[n / 2] = double.NaN;
            var x = NDArray.FromArray(v);
            Assert.True(double.IsNaN(NDArray.Sum(x)));
            Assert.True(double.IsNaN(NDArray.Max(x)));
            Assert.True(double.IsNaN(NDArray.Min(x)));
            Assert.Equal(n / 2, NDArray.ArgMax(x));
            Assert.True(double.IsNaN(NDArray.Norm2(x)));
        }
    }

    [Fact]
    public void Sum_is_bit_reproducible_and_pairwise_accurate()
    {
        // 1 + many tiny values: naive sequential float summation loses them all; blocked pairwise keeps them.
        var v = new float[1 << 20];
        v.AsSpan().Fill(1e-4f);
        var x = NDArray.FromArray(v);
        float s1 = NDArray.Sum(x), s2 = NDArray.Sum(x);
        Assert.Equal(BitConverter.SingleToInt32Bits(s1), BitConverter.SingleToInt32Bits(s2));
        Assert.True(Math.Abs(s1 - 104.8576) < 104.8576 * 1e-5, $"{s1}");
        Threading.MaxThreads = 1;
        float s3 = NDArray.Sum(x);
        Threading.MaxThreads = Environment.ProcessorCount;
        Assert.Equal(s1, s3);
    }

    [Fact]
    public void Norm2_neither_overflows_nor_underflows()
    {
        Assert.Equal(5e300, NDArray.Norm2(NDArray.FromArray([3e300, 4e300])), 1e288);
        Assert.Equal(5e-300, NDArray.Norm2(NDArray.FromArray([3e-300, 4e-300])), 1e-312);
        Assert.Equal(5e30f, NDArray.Norm2(NDArray.FromArray([3e30f, 4e30f])), 1e24f);
        Assert.Equal(5e-30f, NDArray.Norm2(NDArray.FromArray([3e-30f, 4e-30f])), 1e-36f);
        Assert.Equal(0.0, NDArray.Norm2(NDArray.FromArray(new double[7])));
        Assert.Equal(double.PositiveInfinity, NDArray.Norm2(NDArray.FromArray([1.0, double.NegativeInfinity])));
        // Per-axis: mixed huge and ordinary rows.
        var m = NDArray.FromArray(new[] { 3e200, 4e200, 3.0, 4.0, 0, 0 }, 3, 2);
        var r = NDArray.Norm2(m, [1]).AsSpan();
        Assert.Equal(5e200, r[0], 5e188);
        Assert.Equal(5.0, r[1], 14);
        Assert.Equal(0.0, r[2]);
        Assert.Equal(0.0, NDArray.Norm2(NDArray.FromArray(new[] { 1e-320, 0.0 })) - 1e-320, 1e-323);
    }

    [Fact]
    public void Variance_is_two_pass_stable_under_a_large_offset()
    {
        // Values 1e9 + {0,1,2,3}: the naive E[x²] − E[x]² formula returns garbage here.
        var x = NDArray.FromArray([1e9, 1e9 + 1, 1e9 + 2, 1e9 + 3]);
        Assert.Equal(1.25, NDArray.Variance(x), 12);
        Assert.Equal(5.0 / 3, NDArray.Variance(x, ddof: 1), 12);
        Assert.True(double.IsNaN(NDArray.Variance(NDArray.FromArray([1.0]), ddof: 1)));
        var m = NDArray.FromArray(new[] { 1.0, 2, 3, 4, 5, 6 }, 2, 3);
        Assert.Equal([2.25, 2.25, 2.25], NDArray.Variance(m, [0]).ToArray());
        Assert.All(NDArray.Variance(m, [1]).ToArray(), v => Assert.Equal(2.0 / 3, v, 14));
    }

    [Fact]
    public void LogSumExp_and_softmax_are_stable_for_huge_and_infinite_inputs()
    {
        var x = NDArray.FromArray([1000.0, 1000.0, -1000.0]);
        Assert.Equal(1000 + Math.Log(2), NDArray.LogSumExp(x), 12);
        var s = NDArray.Softmax(x, 0).AsSpan();
        Assert.Equal(0.5, s[0], 15);
        Assert.Equal(0.0, s[2]);
        Assert.Equal(double.NegativeInfinity, NDArray.LogSumExp(NDArray.FromArray([double.NegativeInfinity, double.NegativeInfinity])));
        Assert.Equal(double.PositiveInfinity, NDArray.LogSumExp(NDArray.FromArray([1.0, double.PositiveInfinity])));
        Assert.True(double.IsNaN(NDArray.LogSumExp(NDArray.FromArray([1.0, double.NaN]))));
        // Softmax rows sum to 1 and are shift-invariant, along either axis of a strided view.
        var rng = new System.Random(5);
        var m = NDArray.FromArray(Reference.Values(7 * 33, 9, specials: false, scale: 50), 7, 33).Transpose();
        foreach (int axis in new[] { 0, 1, -1 })
        {
            var p = NDArray.Softmax(m, axis);
            var sums = NDArray.Sum(p, [axis]).AsSpan();
            foreach (var v in sums) Assert.True(Math.Abs(v - 1) < 1e-14);
            var shifted = NDArray.Softmax(NDArray.Add(m, NDArray.Scalar(123.0)), axis);
            foreach (var idx in Reference.Indices(p.Shape.ToArray())) Assert.True(Math.Abs(p[idx] - shifted[idx]) < 1e-13);
            var lsm = NDArray.LogSoftmax(m, axis);
            foreach (var idx in Reference.Indices(p.Shape.ToArray())) Assert.True(Math.Abs(Math.Exp(lsm[idx]) - p[idx]) < 1e-13);
        }
        GC.KeepAlive(rng);
    }

    [Fact]
    public void Empty_reductions_follow_numpy()
    {
        var e = new NDArray<double>(0, 3);
        Assert.Equal(0.0, NDArray.Sum(e));
        Assert.True(double.IsNaN(NDArray.Mean(e)));
        Assert.Equal([0.0, 0, 0], NDArray.Sum(e, [0]).ToArray());
        Assert.Empty(NDArray.Sum(e, [1]).ToArray());
        var ex = Assert.Throws<ArgumentException>(() => NDArray.Max(e, [0]));
        Assert.Contains("(0, 3)", ex.Message);
        Assert.Throws<ArgumentException>(() => NDArray.ArgMax(e));
    }

    [Fact]
    public void ArgMax_along_axis_returns_first_maximum()
    {
        var m = NDArray.FromArray(new[] { 1.0, 5, 5, 9, 2, 9, 0, 0, double.NaN, 1, 7, 7 }, 3, 4);
        Assert.Equal([2L, 1, 2, 0], NDArray.ArgMax(m, 0).ToArray());
        Assert.Equal([3L, 1, 0], NDArray.ArgMax(m, 1).ToArray());
        Assert.Equal([3L, 1, 0], NDArray.ArgMax(m, -1).ToArray());
        Assert.Equal([3, 1], NDArray.ArgMax(m, 1, keepDims: true).Shape.ToArray());
    }
}
