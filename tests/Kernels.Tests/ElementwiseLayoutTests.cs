using Kernels.Tensors;
using Kernels.Tensors.Simd;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// The element-wise driver's layout paths: strided operands staged through stack buffers (stride 2 by a vector
/// shuffle, other strides by a copy), long contiguous outputs written with streaming stores, and multi-row views
/// split over threads by row ranges. Every path must give exactly what the contiguous loop gives — the same bits,
/// whatever the stride, the buffer's alignment or the thread count — and must not touch memory outside the output.
/// </summary>
public class ElementwiseLayoutTests
{
    private static readonly int[] Strides = [2, 3, -1, -2, 7];
    private static readonly int[] Lengths = [.. Enumerable.Range(0, 40), 63, 64, 65, 255, 256, 257, 300, 511, 513, 1000];

    // A strided view of n elements at the given stride over fresh storage (negative strides walk backwards).
    private static NDArray<double> StridedView(double[] values, int stride, int seed)
    {
        int n = values.Length, span = Math.Max(1, (n - 1) * Math.Abs(stride) + 1);
        var storage = Reference.Values(span + 3, seed, specials: true);
        var view = NDArray.FromArray(storage).Slice(n == 0 ? new AxisRange(1, 1, stride)
            : stride > 0 ? new AxisRange(1, 1 + span, stride) : new AxisRange(span, 0, stride));
        Assert.Equal(n, view.Shape[0]);
        for (int i = 0; i < n; i++) view[[i]] = values[i];
        return view;
    }

    private static void AssertSameBits(ReadOnlySpan<double> want, NDArray<double> got, string what)
    {
        Assert.Equal(want.Length, got.Shape[0]);
        for (int i = 0; i < want.Length; i++)
        {
            double g = got[[i]];
            Assert.True(Reference.SameBitsOrBothNaN(g, want[i]),
                $"{what}: element {i} is {g:R}, the contiguous loop gives {want[i]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Reference.WidthData), MemberType = typeof(Reference))]
    public void Strided_operands_give_the_contiguous_result_bit_for_bit(VectorWidth width)
    {
        using var _ = SimdPolicy.Force(width);
        foreach (int stride in Strides)
            foreach (int n in Lengths)
            {
                var a = Reference.Values(n, 11 * n + stride, specials: true, scale: 20);
                var b = Reference.Values(n, 13 * n + stride, specials: true);
                var c = Reference.Values(n, 17 * n + stride, specials: true);
                var ca = NDArray.FromArray(a);
                var cb = NDArray.FromArray(b);
                var cc = NDArray.FromArray(c);
                var sa = StridedView(a, stride, n + 1);
                var sb = StridedView(b, -stride, n + 2);
                var sc = StridedView(c, stride, n + 3);
                string at = $"n={n} stride={stride} width={width}";

                AssertSameBits(NDArray.Exp(ca).AsSpan(), NDArray.Exp(sa), $"exp {at}");
                AssertSameBits(NDArray.Tanh(ca).AsSpan(), NDArray.Tanh(sa), $"tanh {at}");
                AssertSameBits(NDArray.Divide(ca, cb).AsSpan(), NDArray.Divide(sa, cb), $"div strided x {at}");
                AssertSameBits(NDArray.Maximum(ca, cb).AsSpan(), NDArray.Maximum(ca, sb), $"max strided y {at}");
                AssertSameBits(NDArray.Subtract(ca, cb).AsSpan(), NDArray.Subtract(sa, sb), $"sub both strided {at}");
                var s = NDArray.Scalar(1.25);
                AssertSameBits(NDArray.Subtract(s, ca).AsSpan(), NDArray.Subtract(s, sa), $"scalar - strided {at}");
                AssertSameBits(NDArray.Divide(ca, s).AsSpan(), NDArray.Divide(sa, s), $"strided / scalar {at}");
                AssertSameBits(NDArray.FusedMultiplyAdd(ca, cb, cc).AsSpan(), NDArray.FusedMultiplyAdd(sa, sb, sc), $"fma strided {at}");
                AssertSameBits(NDArray.FusedMultiplyAdd(ca, s, cc).AsSpan(), NDArray.FusedMultiplyAdd(sa, s, cc), $"fma strided+splat {at}");
            }
    }

    [Theory]
    [MemberData(nameof(Reference.WidthData), MemberType = typeof(Reference))]
    public void Strided_float_operands_give_the_contiguous_result_bit_for_bit(VectorWidth width)
    {
        // Float has its own stride-2 shuffle (eight lanes per 256-bit vector, four per 128-bit one).
        using var _ = SimdPolicy.Force(width);
        foreach (int stride in Strides)
            foreach (int n in Lengths)
            {
                var a = Reference.Values(n, 3 * n + stride, specials: true, scale: 20).Select(v => (float)v).ToArray();
                var b = Reference.Values(n, 9 * n + stride, specials: true).Select(v => (float)v).ToArray();
                int span = Math.Max(1, (n - 1) * Math.Abs(stride) + 1);
                var storage = Reference.Values(span + 3, n, specials: true).Select(v => (float)v).ToArray();
                var sa = NDArray.FromArray(storage).Slice(n == 0 ? new AxisRange(1, 1, stride)
                    : stride > 0 ? new AxisRange(1, 1 + span, stride) : new AxisRange(span, 0, stride));
                for (int i = 0; i < n; i++) sa[[i]] = a[i];
                var ca = NDArray.FromArray(a);
                var cb = NDArray.FromArray(b);
                string at = $"float n={n} stride={stride} width={width}";
                var pairs = new (NDArray<float> Want, NDArray<float> Got, string What)[]
                {
                    (NDArray.Exp(ca), NDArray.Exp(sa), "exp"),
                    (NDArray.Add(ca, cb), NDArray.Add(sa, cb), "add"),
                    (NDArray.Multiply(cb, ca), NDArray.Multiply(cb, sa), "mul"),
                };
                foreach (var (want, got, what) in pairs)
                    for (int i = 0; i < n; i++)
                        Assert.True(Reference.SameBitsOrBothNaN(want[[i]], got[[i]]),
                            $"{what} {at}: element {i} is {got[[i]]:R}, the contiguous loop gives {want[[i]]:R}");
            }
    }

    [Theory]
    [MemberData(nameof(Reference.WidthData), MemberType = typeof(Reference))]
    public void Strided_outputs_and_in_place_views_are_exact_and_leave_the_gaps_alone(VectorWidth width)
    {
        using var _ = SimdPolicy.Force(width);
        foreach (int stride in Strides)
            foreach (int n in Lengths)
            {
                var a = Reference.Values(n, 5 * n + stride, specials: true, scale: 20);
                var b = Reference.Values(n, 7 * n + stride, specials: true);
                string at = $"n={n} stride={stride} width={width}";
                var wantExp = NDArray.Exp(NDArray.FromArray(a)).AsSpan().ToArray();
                var wantMul = NDArray.Multiply(NDArray.FromArray(a), NDArray.FromArray(b)).AsSpan().ToArray();

                // Out of place into a strided destination: the elements between the view's elements keep their bits.
                var destination = StridedView(new double[n], stride, 99);
                double[] full = GetStorage(destination);
                double[] before = (double[])full.Clone();
                NDArray.Exp(NDArray.FromArray(a), destination);
                AssertSameBits(wantExp, destination, $"exp into strided {at}");
                AssertGapsUnchanged(before, full, destination, $"exp into strided {at}");
                NDArray.Multiply(NDArray.FromArray(a), StridedView(b, stride, 3), destination);
                AssertSameBits(wantMul, destination, $"mul into strided {at}");
                AssertGapsUnchanged(before, full, destination, $"mul into strided {at}");

                // In place on a strided view (the output aliases the input exactly).
                var inPlace = StridedView(a, stride, 5);
                NDArray.Exp(inPlace, inPlace);
                AssertSameBits(wantExp, inPlace, $"exp in place {at}");
                inPlace = StridedView(a, stride, 6);
                NDArray.Multiply(inPlace, NDArray.FromArray(b), inPlace);
                AssertSameBits(wantMul, inPlace, $"mul in place {at}");
            }
    }

    private static double[] GetStorage(NDArray<double> view) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray<double>(view.Storage, out var segment) ? segment.Array!
            : throw new InvalidOperationException("test views are array-backed");

    private static void AssertGapsUnchanged(double[] before, double[] after, NDArray<double> view, string what)
    {
        var inView = new HashSet<long>();
        long offset = view.Offset, stride = view.Strides[0];
        for (int i = 0; i < view.Shape[0]; i++) inView.Add(offset + i * stride);
        for (int k = 0; k < before.Length; k++)
            if (!inView.Contains(k))
                Assert.True(BitConverter.DoubleToInt64Bits(before[k]) == BitConverter.DoubleToInt64Bits(after[k]), $"{what}: storage element {k} outside the view changed");
    }

    [Theory]
    [MemberData(nameof(Reference.WidthData), MemberType = typeof(Reference))]
    public void Streaming_outputs_do_not_depend_on_alignment_threads_or_aliasing(VectorWidth width)
    {
        using var _ = SimdPolicy.Force(width);
        // Long enough to stream (≥ 4 MiB of output) with an odd tail; each offset moves the buffers off alignment.
        int n = (1 << 20) + 13;
        var values = NDArray.RandomUniform<float>(21, -30f, 30f, n + 8).AsSpan().ToArray();
        var others = NDArray.RandomUniform<float>(22, -2f, 2f, n + 8).AsSpan().ToArray();
        float[]? firstExp = null, firstAdd = null;
        for (int offset = 0; offset < 8; offset++)
        {
            var x = NDArray.FromArray(values).Slice(new AxisRange(offset, offset + n));
            var y = NDArray.FromArray(others).Slice(new AxisRange(7 - offset, 7 - offset + n));
            var z = NDArray.FromArray(new float[n + 8]).Slice(new AxisRange(offset, offset + n));
            var e = NDArray.Exp(x, z).AsSpan().ToArray();
            var sum = NDArray.Add(x, y).AsSpan().ToArray();
            for (int i = 0; i < n; i++)
                Assert.True(BitConverter.SingleToInt32Bits(sum[i]) == BitConverter.SingleToInt32Bits(values[offset + i] + others[7 - offset + i]),
                    $"add offset {offset} element {i} (width {width})");
            if (offset == 0)
            {
                firstExp = e;
                firstAdd = sum;
                for (int i = 0; i < n; i += 997)
                    Assert.True(Reference.UlpDistance(e[i], (float)Math.Exp(values[i])) <= 2, $"exp element {i}: {e[i]:R} vs {Math.Exp(values[i]):R}");
                Assert.True(Reference.UlpDistance(e[n - 1], (float)Math.Exp(values[n - 1])) <= 2, "exp last element");
                continue;
            }
            // Exp's vector and scalar forms may differ in the last bit, so equal bits at every offset show that
            // every element went through the same form whatever the alignment.
            for (int i = 0; i < n; i++)
                Assert.True(BitConverter.SingleToInt32Bits(e[i]) == BitConverter.SingleToInt32Bits(firstExp![i]) || values[offset + i] != values[i],
                    $"exp offset {offset} element {i} (width {width})");
        }
        // Same bits as the ordinary (non-streaming) loop: computed in pieces of 2¹⁶ elements, each far below the
        // streaming threshold and a multiple of every vector width.
        var pieces = new float[n];
        for (int p0 = 0; p0 < n; p0 += 1 << 16)
        {
            int len = Math.Min(1 << 16, n - p0);
            NDArray.Exp(NDArray.FromArray(values).Slice(new AxisRange(p0, p0 + len))).AsSpan().CopyTo(pieces.AsSpan(p0));
        }
        for (int i = 0; i < n; i++)
            Assert.True(BitConverter.SingleToInt32Bits(pieces[i]) == BitConverter.SingleToInt32Bits(firstExp![i]), $"streamed exp element {i} differs from the ordinary loop (width {width})");
        // Same bits in place, and on one thread.
        var xs = NDArray.FromArray(values).Slice(new AxisRange(3, 3 + n));
        var expected = NDArray.Exp(xs).AsSpan().ToArray();
        var copy = xs.Copy();
        NDArray.Exp(copy, copy);
        Assert.True(copy.AsSpan().SequenceEqual(expected), "exp in place differs from out of place");
        int saved = Threading.MaxThreads;
        try
        {
            Threading.MaxThreads = 1;
            Assert.True(NDArray.Exp(xs).AsSpan().SequenceEqual(expected), "exp on one thread differs");
            Assert.True(NDArray.Add(NDArray.FromArray(values).Slice(new AxisRange(0, n)), NDArray.FromArray(others).Slice(new AxisRange(7, 7 + n)))
                .AsSpan().SequenceEqual(firstAdd), "add on one thread differs");
        }
        finally { Threading.MaxThreads = saved; }
    }

    [Fact]
    public void Large_multi_row_views_split_over_threads_exactly()
    {
        // (3, 347, 2·1031) sliced to every other column: 1.07 M elements in 1041 rows of 1031, so the rows are
        // split across threads, decoded from a row index over two outer axes, and staged output is streamed.
        var wide = NDArray.RandomUniform<double>(31, -3, 3, 3, 347, 2 * 1031);
        var x = wide.Slice(AxisRange.All, AxisRange.All, new AxisRange(null, null, 2));
        var y = NDArray.RandomUniform<double>(32, -3, 3, 3, 347, 1031);
        var bias = NDArray.RandomUniform<double>(33, -3, 3, 347, 1);
        var u = NDArray.RandomUniform<double>(34, -3, 3, 1031);
        int saved = Threading.MaxThreads;
        try
        {
            foreach (int threads in new[] { 1, 2, 3 })
            {
                Threading.MaxThreads = threads;
                var sum = NDArray.Add(x, y);
                var fma = NDArray.FusedMultiplyAdd(x, bias, u);
                var ex = NDArray.Exp(x);
                var reversed = NDArray.Multiply(x.Slice(AxisRange.All, new AxisRange(null, null, -1)), y);
                for (int a = 0; a < 3; a++)
                    for (int r = 0; r < 347; r += 7)
                        for (int c = 0; c < 1031; c++)
                        {
                            double xv = x[[a, r, c]];
                            Assert.Equal(xv + y[[a, r, c]], sum[[a, r, c]]);
                            Assert.Equal(Math.FusedMultiplyAdd(xv, bias[[r, 0]], u[[c]]), fma[[a, r, c]]);
                            Assert.Equal(x[[a, 346 - r, c]] * y[[a, r, c]], reversed[[a, r, c]]);
                        }
                if (threads == 1) continue;
                Threading.MaxThreads = 1;
                Assert.True(NDArray.Exp(x).AsSpan().SequenceEqual(ex.AsSpan()), $"exp over {threads} threads differs from one thread");
            }
        }
        finally { Threading.MaxThreads = saved; }
    }
}
