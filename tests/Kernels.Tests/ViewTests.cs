using Kernels.Tensors;
using Kernels.Tensors.Interop;
using Xunit;

namespace Kernels.Tests;

/// <summary>View semantics: slicing like Python, reshape as view or copy, broadcasting, squeeze, errors that name shapes.</summary>
public class ViewTests
{
    private static NDArray<double> Iota(params int[] shape) =>
        NDArray.FromArray(Enumerable.Range(0, (int)ShapeMath.ElementCount(shape)).Select(i => (double)i).ToArray(), shape);

    [Fact]
    public void Slicing_follows_python_semantics_and_shares_storage()
    {
        var a = Iota(10);
        Assert.Equal([2.0, 4, 6], a.Slice(new AxisRange(2, 8, 2)).ToArray());
        Assert.Equal([9.0, 8, 7, 6, 5, 4, 3, 2, 1, 0], a.Slice(new AxisRange(null, null, -1)).ToArray());
        Assert.Equal([8.0, 5, 2], a.Slice(new AxisRange(-2, null, -3)).ToArray());
        Assert.Equal([1.0, 2, 3, 4, 5, 6, 7, 8], a.Slice(1..^1).ToArray());
        Assert.Empty(a.Slice(new AxisRange(5, 2, 1)).ToArray());
        Assert.Equal([0.0, 1, 2], a.Slice(new AxisRange(-100, 3, 1)).ToArray()); // clamped like Python
        var m = Iota(3, 4);
        var col = m.Slice(AxisRange.All, 2);
        Assert.Equal([3], col.Shape.ToArray());
        Assert.Equal([2.0, 6, 10], col.ToArray());
        col[1] = -1;
        Assert.Equal(-1, m[1, 2]); // a view, not a copy
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Slice(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Slice(new AxisRange(0, 2, 0)));
        Assert.Throws<ArgumentException>(() => m.Slice(0, 0, 0));
    }

    [Fact]
    public void Reshape_is_a_view_when_strides_allow_and_a_copy_otherwise()
    {
        var m = Iota(4, 6);
        var r = m.Reshape(2, -1, 3);
        Assert.Equal([2, 4, 3], r.Shape.ToArray());
        r[0, 0, 0] = 100;
        Assert.Equal(100, m[0, 0]);
        // Every other row of a contiguous matrix reshapes to 1-D per row group only with a copy.
        var t = m.Transpose();
        Assert.False(t.TryReshapeView([24], out _));
        var flat = t.Reshape(24);
        Assert.Equal(t.ToArray(), flat.ToArray());
        flat[0] = -5;
        Assert.Equal(100, m[0, 0]); // copied
        // A column slice with step: merged axes (2,3) → 6 stay expressible as a view.
        var s = Iota(4, 2, 3).Slice(new AxisRange(0, 4, 2));
        Assert.True(s.TryReshapeView([2, 6], out var v));
        Assert.Equal(s.ToArray(), v!.ToArray());
        var ex = Assert.Throws<ArgumentException>(() => m.Reshape(5, 5));
        Assert.Contains("(4, 6)", ex.Message);
        Assert.Throws<ArgumentException>(() => m.Reshape(-1, -1));
    }

    [Fact]
    public void Broadcast_squeeze_unsqueeze_permute()
    {
        var v = Iota(3);
        var b = v.BroadcastTo(2, 3);
        Assert.Equal([0, 1], b.Strides.ToArray().Select(s => (int)s).ToArray());
        Assert.Equal([0.0, 1, 2, 0, 1, 2], b.ToArray());
        var ex = Assert.Throws<ArgumentException>(() => Iota(2, 3).BroadcastTo(3, 3));
        Assert.Contains("(2, 3)", ex.Message);
        Assert.Contains("(3, 3)", ex.Message);
        var u = v.Unsqueeze(0).Unsqueeze(-1);
        Assert.Equal([1, 3, 1], u.Shape.ToArray());
        Assert.Equal([3], u.Squeeze().Shape.ToArray());
        Assert.Throws<ArgumentException>(() => u.Squeeze(1));
        var p = Iota(2, 3, 4).Permute(2, 0, 1);
        Assert.Equal([4, 2, 3], p.Shape.ToArray());
        Assert.Equal(Iota(2, 3, 4)[1, 2, 3], p[3, 1, 2]);
        Assert.Throws<ArgumentException>(() => Iota(2, 3).Permute(0, 0));
        Assert.Equal(Iota(2, 3)[1, 2], Iota(2, 3).SwapAxes(0, 1)[2, 1]);
    }

    [Fact]
    public void Bad_shapes_give_clear_errors_and_leave_buffers_untouched()
    {
        var a = Iota(2, 3);
        var b = Iota(4);
        var before = a.ToArray();
        var dest = NDArray.Full(7.0, 2, 3);
        var ex = Assert.Throws<ArgumentException>(() => NDArray.Add(a, b, dest));
        Assert.Contains("(2, 3)", ex.Message);
        Assert.Contains("(4,)", ex.Message);
        Assert.All(dest.ToArray(), v => Assert.Equal(7.0, v));
        Assert.Equal(before, a.ToArray());
        var wrongDest = new NDArray<double>(3, 2);
        Assert.Contains("(3, 2)", Assert.Throws<ArgumentException>(() => NDArray.Add(a, a, wrongDest)).Message);
        Assert.Throws<ArgumentException>(() => NDArray.Exp(a, Iota(3).BroadcastTo(2, 3)));
        Assert.Throws<ArgumentException>(() => new NDArray<double>(new double[5], [2, 3]));
        Assert.Throws<ArgumentException>(() => new NDArray<double>(new double[6], [2, 3], [3, 2]));
        Assert.Throws<ArgumentException>(() => NDArray.FromArray(new double[5], 2, 3));
        Assert.Throws<ArgumentException>(() => new NDArray<float>(int.MaxValue, int.MaxValue, int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => a[2, 0]);
        Assert.Throws<ArgumentException>(() => a[0]);
    }

    [Fact]
    public void In_place_and_overlapping_destinations_are_safe()
    {
        var a = Iota(8);
        NDArray.Add(a, a, a); // exact alias: in place
        Assert.Equal(Enumerable.Range(0, 8).Select(i => 2.0 * i).ToArray(), a.ToArray());
        // Output is the reversed view of the input: must behave as if the input were read first.
        var b = Iota(8);
        NDArray.Negate(b, b.Slice(new AxisRange(null, null, -1)));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => -(7.0 - i)).ToArray(), b.ToArray());
        var c = Iota(9);
        c.Slice(new AxisRange(1, 9, 1)).CopyTo(c.Slice(new AxisRange(0, 8, 1)));
        Assert.Equal([1.0, 2, 3, 4, 5, 6, 7, 8, 8], c.ToArray());
    }

    [Fact]
    public void TensorSpan_interop_is_zero_copy_one_way_and_copies_back()
    {
        var m = Iota(3, 4).Transpose();
        var ts = m.AsTensorSpan();
        Assert.Equal(2, ts.Rank);
        Assert.Equal(4, ts.Lengths[0]);
        ts[[1, 2]] = -9; // writes through
        Assert.Equal(-9, m[1, 2]);
        var back = ts.ToNDArray();
        Assert.True(back.IsContiguous);
        Assert.Equal(m.ToArray(), back.ToArray());
        var reversed = Iota(5).Slice(new AxisRange(null, null, -1));
        Assert.Throws<NotSupportedException>(() => reversed.AsTensorSpan());
        var bcast = Iota(3).BroadcastTo(2, 3).AsReadOnlyTensorSpan();
        Assert.Equal(Iota(3).BroadcastTo(2, 3).ToArray(), bcast.ToNDArray().ToArray());
    }

    [Fact]
    public void Conversions_round_to_nearest_even()
    {
        var f = NDArray.FromArray([1.0f, 1.00390625f, 1.01171875f, 3.4e38f, float.NaN, -0.0f, 65520f]);
        var bf = NDArray.Convert<float, BFloat16>(f).ToArray();
        Assert.Equal(1.0f, (float)bf[0]);
        Assert.Equal(1.0f, (float)bf[1]);          // halfway → even (1.0)
        Assert.Equal(1.015625f, (float)bf[2]);     // halfway → even (…0100 → …1000)
        Assert.True(float.IsNaN((float)bf[4]));
        Assert.Equal(BitConverter.SingleToInt32Bits(-0.0f), BitConverter.SingleToInt32Bits((float)bf[5]));
        var h = NDArray.Convert<float, Half>(f).ToArray();
        Assert.Equal(Half.PositiveInfinity, h[6]);  // 65520 rounds up past Half.MaxValue
        var back = NDArray.Convert<Half, double>(NDArray.FromArray(h));
        Assert.Equal(1.0, back[0]);
    }

    [Fact]
    public void Random_fills_are_reproducible_and_well_distributed()
    {
        var a = NDArray.RandomNormal(42UL, 0.0, 1.0, 100_001);
        var b = NDArray.RandomNormal(42UL, 0.0, 1.0, 100_001);
        Assert.Equal(a.ToArray(), b.ToArray());
        var c = NDArray.RandomNormal(43UL, 0.0, 1.0, 100_001);
        Assert.NotEqual(a.ToArray(), c.ToArray());
        double n = a.Length;
        Assert.True(Math.Abs(NDArray.Mean(a)) < 5 / Math.Sqrt(n));
        Assert.True(Math.Abs(NDArray.Variance(a) - 1) < 5 * Math.Sqrt(2 / n));
        var u = NDArray.RandomUniform(7UL, -2f, 3f, 1000, 100);
        Assert.True(NDArray.Min(u) >= -2f && NDArray.Max(u) <= 3f);
        Assert.True(Math.Abs(NDArray.Mean(u) - 0.5f) < 5 * 5 / Math.Sqrt(12 * 100_000.0));
        // Element j depends only on (seed, j): a prefix of a longer fill is the shorter fill.
        var shortFill = NDArray.RandomUniform(9UL, 0.0, 1.0, 10).ToArray();
        var longFill = NDArray.RandomUniform(9UL, 0.0, 1.0, 1000).ToArray();
        Assert.Equal(shortFill, longFill.Take(10).ToArray());
        Assert.Throws<ArgumentException>(() => NDArray.RandomUniform(1UL, 1.0, 0.0, 3));
    }
}
