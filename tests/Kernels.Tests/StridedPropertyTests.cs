using FsCheck;
using FsCheck.Xunit;
using Kernels.Tensors;
using Kernels.Tensors.Simd;
using Xunit;

namespace Kernels.Tests;

/// <summary>Properties over random shapes and strided/broadcast views: every kernel agrees with per-element indexing.</summary>
public class StridedPropertyTests
{
    private static VectorWidth WidthFor(int seed) => Reference.Widths[(seed & int.MaxValue) % Reference.Widths.Length];

    [Property(MaxTest = 300)]
    public void Generated_views_have_the_requested_shape_and_copy_faithfully(int seed)
    {
        var rng = new System.Random(seed);
        var shape = ViewGenerator.Shape(rng);
        var v = ViewGenerator.View(rng, shape);
        Assert.Equal(shape, v.Shape.ToArray());
        var c = v.Copy();
        Assert.True(c.IsContiguous);
        foreach (var idx in Reference.Indices(shape)) Assert.Equal(v[idx], c[idx]);
    }

    [Property(MaxTest = 300)]
    public void Broadcast_binary_op_matches_indexing(int seed)
    {
        var rng = new System.Random(seed);
        var shape = ViewGenerator.Shape(rng);
        // b has a suffix of the shape with some axes set to 1 (NumPy broadcasting).
        int drop = rng.Next(shape.Length + 1);
        var bShape = shape.Skip(drop).Select(d => rng.Next(3) == 0 ? 1 : d).ToArray();
        var a = ViewGenerator.View(rng, shape);
        var b = ViewGenerator.View(rng, bShape);
        using var _ = SimdPolicy.Force(WidthFor(seed));
        var z = NDArray.Subtract(a, b);
        Assert.Equal(shape, z.Shape.ToArray());
        foreach (var idx in Reference.Indices(shape))
            Assert.Equal(a[idx] - b[Reference.BroadcastIndex(idx, bShape)], z[idx]);
    }

    [Property(MaxTest = 200)]
    public void Unary_op_into_strided_destination_matches_indexing(int seed)
    {
        var rng = new System.Random(seed);
        var shape = ViewGenerator.Shape(rng);
        var x = ViewGenerator.View(rng, shape);
        var dest = ViewGenerator.View(rng, shape, allowBroadcast: false);
        using var _ = SimdPolicy.Force(WidthFor(seed));
        NDArray.Exp(x, dest);
        foreach (var idx in Reference.Indices(shape))
            Assert.True(Reference.UlpDistance(dest[idx], Math.Exp(x[idx])) <= 2);
    }

    [Property(MaxTest = 200)]
    public void Ternary_fma_with_mixed_broadcast_matches_indexing(int seed)
    {
        var rng = new System.Random(seed);
        var shape = ViewGenerator.Shape(rng, maxRank: 3);
        var cShape = shape.Select(d => rng.Next(2) == 0 ? 1 : d).ToArray();
        var a = ViewGenerator.View(rng, shape);
        var b = ViewGenerator.View(rng, shape);
        var c = ViewGenerator.View(rng, cShape);
        using var _ = SimdPolicy.Force(WidthFor(seed));
        var r = NDArray.FusedMultiplyAdd(a, b, c);
        foreach (var idx in Reference.Indices(shape))
            Assert.Equal(Math.FusedMultiplyAdd(a[idx], b[idx], c[Reference.BroadcastIndex(idx, cShape)]), r[idx]);
    }

    [Property(MaxTest = 300)]
    public void Axis_reductions_match_reference(int seed)
    {
        var rng = new System.Random(seed);
        var shape = ViewGenerator.Shape(rng);
        var x = ViewGenerator.View(rng, shape);
        var axes = Enumerable.Range(0, shape.Length).Where(_ => rng.Next(2) == 0).ToArray();
        bool keep = rng.Next(2) == 0;
        using var _ = SimdPolicy.Force(WidthFor(seed));
        var sum = NDArray.Sum(x, axes, keep);
        var all = axes.Length == 0 ? Enumerable.Range(0, shape.Length).ToArray() : axes;
        var outShape = keep ? shape.Select((d, i) => all.Contains(i) ? 1 : d).ToArray() : shape.Where((d, i) => !all.Contains(i)).ToArray();
        Assert.Equal(outShape, sum.Shape.ToArray());
        // Reference: accumulate |x| too, for the scaled error bound ε·(count)·Σ|x|.
        var refSum = new Dictionary<string, (double S, double A, double Max, long N)>();
        foreach (var idx in Reference.Indices(shape))
        {
            string key = string.Join(",", idx.Select((v, i) => all.Contains(i) ? 0 : v));
            refSum.TryGetValue(key, out var acc);
            double v = x[idx];
            refSum[key] = (acc.S + v, acc.A + Math.Abs(v), acc.N == 0 ? v : Math.Max(acc.Max, v), acc.N + 1);
        }
        var max = shape.Aggregate(1L, (p, d) => p * d) == 0 ? null : NDArray.Max(x, axes, keepDims: true);
        var sumKeep = NDArray.Sum(x, axes, keepDims: true);
        foreach (var (key, acc) in refSum)
        {
            var idx = key.Length == 0 ? [] : key.Split(',').Select(int.Parse).ToArray();
            double got = sumKeep[idx];
            Assert.True(Math.Abs(got - acc.S) <= 1e-16 * (acc.N + 1) * acc.A * 4, $"sum at {key}: {got:R} vs {acc.S:R}");
            if (max is not null) Assert.Equal(acc.Max, max[idx]);
        }
    }

}

internal static class ArrayLinq
{
    public static bool Contains(this int[] a, int v) => Array.IndexOf(a, v) >= 0;
}
