using Kernels.Tensors;

namespace Kernels.Tests;

/// <summary>
/// Random strided views from a seed: rank 0–4, dimensions 0–7 (so empty and length-1 axes occur), taken from a
/// larger base array by slicing with steps (including negative), permuting axes, and broadcasting length-1 axes.
/// </summary>
internal static class ViewGenerator
{
    public static int[] Shape(System.Random rng, int maxRank = 4, int maxDim = 7)
    {
        int rank = rng.Next(maxRank + 1);
        return Enumerable.Range(0, rank).Select(_ => rng.Next(10) == 0 ? 0 : rng.Next(1, maxDim + 1)).ToArray();
    }

    /// <summary>A view of exactly <paramref name="shape"/>, usually non-contiguous, filled with random values.</summary>
    public static NDArray<double> View(System.Random rng, int[] shape, bool allowBroadcast = true)
    {
        int rank = shape.Length;
        // Choose which axes are broadcast (stored length 1), then a storage permutation and steps.
        var stored = shape.Select(d => allowBroadcast && d > 1 && rng.Next(5) == 0 ? 1 : d).ToArray();
        var perm = Enumerable.Range(0, rank).OrderBy(_ => rng.Next()).ToArray();
        var steps = Enumerable.Range(0, rank).Select(_ => rng.Next(4) switch { 0 => 2, 1 => -1, 2 => 3, _ => 1 }).ToArray();
        // Base array in permuted axis order, large enough for the steps.
        var baseShape = perm.Select(p => Math.Max(stored[p] * Math.Abs(steps[p]), stored[p])).ToArray();
        var values = Reference.Values((int)ShapeMath.ElementCount(baseShape), rng.Next(), specials: false);
        var baseArray = new NDArray<double>(values, baseShape);
        var ranges = perm.Select(p => steps[p] > 0
            ? new AxisRange(0, stored[p] * steps[p], steps[p])
            : new AxisRange(stored[p] - 1, null, -1)).ToArray();
        var sliced = baseArray.Slice(ranges);
        // Undo the permutation: result axis i is stored axis position of i.
        var inverse = new int[rank];
        for (int i = 0; i < rank; i++) inverse[perm[i]] = i;
        var view = sliced.Permute(inverse);
        return view.BroadcastTo(shape);
    }
}
