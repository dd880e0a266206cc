using System.Numerics;
using System.Runtime.CompilerServices;
using Kernels.Tensors.Drivers;
using Kernels.Tensors.Operators;
using Kernels.Tensors.Simd;

namespace Kernels.Tensors;

public static partial class NDArray
{
    /// <summary>
    /// r = ⊕ map(x) over <paramref name="axes"/> (all axes when empty) for operator structs. When the reduced axes
    /// include the unit-stride axis, each output reduces contiguous runs with the vector loop (pairwise blocks);
    /// otherwise whole slices are accumulated element-wise into the output, which vectorises over the kept
    /// contiguous axis (then the order along the reduced axis is sequential).
    /// </summary>
    public static NDArray<T> Reduce<T, TMap, TAgg>(NDArray<T> x, ReadOnlySpan<int> axes, bool keepDims = false)
        where T : unmanaged, IFloatingPointIeee754<T> where TMap : IUnaryOperator<T> where TAgg : IAggregationOperator<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        EnsureArithmetic<T>();
        int rank = x.Rank;
        var reduced = ShapeMath.NormalizeAxes(axes, rank, allWhenEmpty: true);
        var isReduced = new bool[rank];
        foreach (var a in reduced) isReduced[a] = true;
        var kept = Enumerable.Range(0, rank).Where(i => !isReduced[i]).ToArray();
        var keepShape = x.ShapeArray.Select((d, i) => isReduced[i] ? 1 : d).ToArray();
        var result = new NDArray<T>(keepShape);
        var w = SimdPolicy.Current;

        var keptShape = kept.Select(i => x.Shape[i]).ToArray();
        var keptStrides = kept.Select(i => x.Strides[i]).ToArray();
        var redShape = reduced.Select(i => x.Shape[i]).ToArray();
        var redStrides = reduced.Select(i => x.Strides[i]).ToArray();
        bool unitStrideReduced = reduced.Any(i => x.Strides[i] == 1 && x.Shape[i] > 1);
        bool unitStrideKept = kept.Any(i => x.Strides[i] == 1 && x.Shape[i] > 1);

        if (!unitStrideReduced && unitStrideKept)
        {
            // Accumulate slices: result = identity; for each reduced index r: result = result ⊕ map(x[..., r, ...]).
            var acc = result.Reshape(keptShape.Length == 0 ? [1] : keptShape);
            acc.Fill(TAgg.Identity);
            var redPlan = IterationPlan.PerElement(redShape, redStrides);
            var cursor = new RowCursor(redPlan, x.Offset);
            var slicePlan = IterationPlan.Create(acc.Shape, keptStrides.Length == 0 ? [0] : keptStrides, acc.StridesArray);
            nint n = slicePlan.RowLength, sx = slicePlan.Strides[0][^1], sa = slicePlan.Strides[1][^1];
            while (cursor.MoveNext())
            {
                var rows = new RowCursor(slicePlan, cursor.Offset0, acc.Offset);
                while (rows.MoveNext())
                {
                    ref T dst = ref Unsafe.Add(ref acc.StorageBase, rows.Offset1);
                    ElementwiseDriver.Binary<T, MapAccumulateOperator<T, TMap, TAgg>>(ref dst, sa, ref Unsafe.Add(ref x.StorageBase, rows.Offset0), sx, ref dst, sa, n, w);
                }
            }
        }
        else
        {
            // One reduction per output element over its (coalesced) reduced block.
            var blockPlan = IterationPlan.Create(redShape.Length == 0 ? [1] : redShape, redStrides.Length == 0 ? [0] : redStrides);
            nint rn = blockPlan.RowLength, rs = blockPlan.Strides[0][^1];
            var outPlan = IterationPlan.PerElement(keptShape, keptStrides);
            var outer = new RowCursor(outPlan, x.Offset);
            var dst = result.AsSpan();
            int j = 0;
            while (outer.MoveNext())
            {
                T acc = TAgg.Identity;
                var rows = new RowCursor(blockPlan, outer.Offset0);
                while (rows.MoveNext())
                    acc = TAgg.Invoke(acc, ReductionDriver.Reduce<T, TMap, TAgg>(ref Unsafe.Add(ref x.StorageBase, rows.Offset0), rs, rn, w));
                dst[j++] = acc;
            }
        }
        return keepDims ? result : result.Reshape(keptShape);
    }

    private static T ReduceAll<T, TMap, TAgg>(NDArray<T> x)
        where T : unmanaged, IFloatingPointIeee754<T> where TMap : IUnaryOperator<T> where TAgg : IAggregationOperator<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        EnsureArithmetic<T>();
        if (x.TryGetSpan(out var span))
            return ReductionDriver.Reduce<T, TMap, TAgg>(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(span), 1, span.Length, SimdPolicy.Current);
        return Reduce<T, TMap, TAgg>(x, ReadOnlySpan<int>.Empty).AsSpan()[0];
    }

    private static void RequireNonEmpty<T>(NDArray<T> x, ReadOnlySpan<int> axes, string operation) where T : unmanaged
    {
        var all = ShapeMath.NormalizeAxes(axes, x.Rank, allWhenEmpty: true);
        foreach (var a in all)
            if (x.Shape[a] == 0)
                throw new ArgumentException($"{operation} of an empty axis has no identity (shape {x.ShapeString}, axis {a}).");
        if (x.Length == 0 && all.Length == 0) throw new ArgumentException($"{operation} of an empty array (shape {x.ShapeString}).");
    }

    /// <summary>Σ x over all elements (pairwise over blocks; 0 for an empty array).</summary>
    public static T Sum<T>(NDArray<T> x) where T : unmanaged, IFloatingPointIeee754<T> => ReduceAll<T, IdentityOperator<T>, AddOperator<T>>(x);
    /// <summary>Σ x over <paramref name="axes"/>.</summary>
    public static NDArray<T> Sum<T>(NDArray<T> x, ReadOnlySpan<int> axes, bool keepDims = false) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduce<T, IdentityOperator<T>, AddOperator<T>>(x, axes, keepDims);

    /// <summary>max x over all elements (NaN if any is NaN).</summary>
    /// <exception cref="ArgumentException">The array is empty.</exception>
    public static T Max<T>(NDArray<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireNonEmpty(x, ReadOnlySpan<int>.Empty, "Max");
        return ReduceAll<T, IdentityOperator<T>, MaxOperator<T>>(x);
    }
    /// <summary>max x over <paramref name="axes"/>.</summary>
    public static NDArray<T> Max<T>(NDArray<T> x, ReadOnlySpan<int> axes, bool keepDims = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireNonEmpty(x, axes, "Max");
        return Reduce<T, IdentityOperator<T>, MaxOperator<T>>(x, axes, keepDims);
    }

    /// <summary>min x over all elements (NaN if any is NaN).</summary>
    public static T Min<T>(NDArray<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireNonEmpty(x, ReadOnlySpan<int>.Empty, "Min");
        return ReduceAll<T, IdentityOperator<T>, MinOperator<T>>(x);
    }
    /// <summary>min x over <paramref name="axes"/>.</summary>
    public static NDArray<T> Min<T>(NDArray<T> x, ReadOnlySpan<int> axes, bool keepDims = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireNonEmpty(x, axes, "Min");
        return Reduce<T, IdentityOperator<T>, MinOperator<T>>(x, axes, keepDims);
    }

    /// <summary>Σx / n over all elements (NaN for an empty array, as NumPy).</summary>
    public static T Mean<T>(NDArray<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Sum(x) / T.CreateTruncating(x.Length);
    /// <summary>Σx / n over <paramref name="axes"/>.</summary>
    public static NDArray<T> Mean<T>(NDArray<T> x, ReadOnlySpan<int> axes, bool keepDims = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = Sum(x, axes, keepDims);
        long count = CountOver(x, axes);
        return Divide(s, Scalar(T.CreateTruncating(count)), s);
    }

    private static long CountOver<T>(NDArray<T> x, ReadOnlySpan<int> axes) where T : unmanaged
    {
        long count = 1;
        foreach (var a in ShapeMath.NormalizeAxes(axes, x.Rank, allWhenEmpty: true)) count *= x.Shape[a];
        return count;
    }

    /// <summary>
    /// Σ(x − mean)² / (n − ddof) over <paramref name="axes"/>, two-pass (mean first) so it does not cancel
    /// catastrophically; NaN when n ≤ ddof.
    /// </summary>
    public static NDArray<T> Variance<T>(NDArray<T> x, ReadOnlySpan<int> axes, int ddof = 0, bool keepDims = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ddof);
        var m = Mean(x, axes, keepDims: true);
        var dev = Subtract(x, m);
        var ss = Reduce<T, SquareOperator<T>, AddOperator<T>>(dev, axes, keepDims);
        long n = CountOver(x, axes);
        T denom = n > ddof ? T.CreateTruncating(n - ddof) : T.Zero;
        return Divide(ss, Scalar(denom), ss);
    }

    /// <summary>Variance over all elements.</summary>
    public static T Variance<T>(NDArray<T> x, int ddof = 0) where T : unmanaged, IFloatingPointIeee754<T> => Variance(x, ReadOnlySpan<int>.Empty, ddof).AsSpan()[0];

    /// <summary>
    /// ‖x‖₂ = √Σx² over <paramref name="axes"/>, overflow- and underflow-safe: one pass when Σx² lands in the
    /// safe range, otherwise max|x|·√Σ(x/max|x|)². NaN if any element is NaN; +∞ if any is infinite.
    /// </summary>
    public static NDArray<T> Norm2<T>(NDArray<T> x, ReadOnlySpan<int> axes, bool keepDims = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var ss = Reduce<T, SquareOperator<T>, AddOperator<T>>(x, axes, keepDims: true);
        T safeLow = T.CreateTruncating(SafeMinSquare<T>());
        bool safe = true;
        // Σx² is trustworthy when finite and far enough above the underflow range (a zero may hide underflowed
        // non-zeros, so it goes to the rescaled path, which returns exactly 0 for all-zero slices).
        foreach (var v in ss.AsSpan()) safe &= T.IsNaN(v) || (T.IsFinite(v) && v >= safeLow);
        NDArray<T> r;
        if (safe) r = Sqrt(ss, ss);
        else
        {
            var amax = Reduce<T, AbsOperator<T>, MaxOperator<T>>(x, axes, keepDims: true);
            var scaled = Divide(x, amax);
            var s2 = Reduce<T, SquareOperator<T>, AddOperator<T>>(scaled, axes, keepDims: true);
            r = Multiply(amax, Sqrt(s2, s2));
            var rs = r.AsSpan();
            var am = amax.AsSpan();
            for (int i = 0; i < rs.Length; i++)
            {
                if (am[i] == T.Zero) rs[i] = T.Zero;                       // 0/0 above
                else if (T.IsPositiveInfinity(am[i])) rs[i] = am[i];      // ∞/∞ above
            }
        }
        return keepDims ? r : DropReduced(r, x, axes);
    }

    /// <summary>‖x‖₂ over all elements, overflow- and underflow-safe.</summary>
    public static T Norm2<T>(NDArray<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Norm2(x, ReadOnlySpan<int>.Empty).AsSpan()[0];

    // A keepDims result reshaped to drop the reduced axes.
    private static NDArray<T> DropReduced<T>(NDArray<T> r, NDArray<T> x, ReadOnlySpan<int> axes) where T : unmanaged
    {
        var all = ShapeMath.NormalizeAxes(axes, x.Rank, true);
        var shape = new List<int>();
        for (int i = 0; i < x.Rank; i++) if (Array.IndexOf(all, i) < 0) shape.Add(x.Shape[i]);
        return r.Reshape(shape.ToArray());
    }

    // Below this, Σx² may have lost digits to underflow: (smallest normal / ε).
    private static double SafeMinSquare<T>() => typeof(T) == typeof(float) ? 1.1754943508222875e-38 / 1.1920928955078125e-07 : 2.2250738585072014e-308 / 2.220446049250313e-16;

    /// <summary>Σ xᵢ·yᵢ for two 1-D arrays of equal length (FMA, pairwise over blocks).</summary>
    /// <exception cref="ArgumentException">Not 1-D or lengths differ.</exception>
    public static T Dot<T>(NDArray<T> x, NDArray<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        EnsureArithmetic<T>();
        if (x.Rank != 1 || y.Rank != 1 || x.Shape[0] != y.Shape[0])
            throw new ArgumentException($"Dot needs two 1-D arrays of equal length; got shapes {x.ShapeString} and {y.ShapeString}.");
        return ReductionDriver.Dot(ref x.FirstElement, x.Strides.Length == 0 ? 1 : x.Strides[0], ref y.FirstElement, y.Strides[0], x.Shape[0], SimdPolicy.Current);
    }

    /// <summary>Σ x·y over <paramref name="axes"/> after broadcasting x and y (a batched dot product).</summary>
    public static NDArray<T> Dot<T>(NDArray<T> x, NDArray<T> y, ReadOnlySpan<int> axes, bool keepDims = false) where T : unmanaged, IFloatingPointIeee754<T> =>
        Sum(Multiply(x, y), axes, keepDims);

    /// <summary>
    /// log Σ eˣ over <paramref name="axes"/>, shifted by the maximum so it neither overflows nor underflows.
    /// −∞ for all −∞ (or empty) slices, +∞ if any +∞, NaN if any NaN.
    /// </summary>
    public static NDArray<T> LogSumExp<T>(NDArray<T> x, ReadOnlySpan<int> axes, bool keepDims = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var m = FiniteShift(x, axes);
        var e = Exp(Subtract(x, m));
        var s = Sum(e, axes, keepDims: true);
        var r = Add(Log(s, s), m, s);
        return keepDims ? r : DropReduced(r, x, axes);
    }

    /// <summary>log Σ eˣ over all elements.</summary>
    public static T LogSumExp<T>(NDArray<T> x) where T : unmanaged, IFloatingPointIeee754<T> => LogSumExp(x, ReadOnlySpan<int>.Empty).AsSpan()[0];

    /// <summary>
    /// softmax along <paramref name="axis"/>: e^{x − max} / Σ e^{x − max}. Slices of all −∞ give NaN (0/0), as in
    /// PyTorch; a +∞ entry gives NaN in its slice.
    /// </summary>
    public static NDArray<T> Softmax<T>(NDArray<T> x, int axis, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        int a = ShapeMath.NormalizeAxis(axis, x.Rank);
        var m = FiniteShift(x, [a]);
        var y = Subtract(x, m, destination);
        Exp(y, y);
        var s = Sum(y, [a], keepDims: true);
        return Divide(y, s, y);
    }

    /// <summary>log-softmax along <paramref name="axis"/>: x − logsumexp(x).</summary>
    public static NDArray<T> LogSoftmax<T>(NDArray<T> x, int axis) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        int a = ShapeMath.NormalizeAxis(axis, x.Rank);
        return Subtract(x, LogSumExp(x, [a], keepDims: true));
    }

    // max over axes (keepDims), with non-finite maxima replaced by 0 so the shifted exponent is well defined.
    private static NDArray<T> FiniteShift<T>(NDArray<T> x, ReadOnlySpan<int> axes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool anyEmpty = false;
        foreach (var a in ShapeMath.NormalizeAxes(axes, x.Rank, true)) anyEmpty |= x.Shape[a] == 0;
        var m = anyEmpty ? Reduce<T, IdentityOperator<T>, MaxOperator<T>>(x, axes, keepDims: true) : Max(x, axes, keepDims: true);
        var s = m.AsSpan();
        for (int i = 0; i < s.Length; i++) if (!T.IsFinite(s[i])) s[i] = T.Zero;
        return m;
    }

    /// <summary>Index of the first maximum of the flattened array (C order); the first NaN if any.</summary>
    /// <exception cref="ArgumentException">The array is empty.</exception>
    public static long ArgMax<T>(NDArray<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireNonEmpty(x, ReadOnlySpan<int>.Empty, "ArgMax");
        var flat = x.Contiguous().AsSpan();
        return ArgMaxStrided(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(flat), 1, flat.Length);
    }

    /// <summary>Index along <paramref name="axis"/> of the first maximum of each slice (first NaN if any).</summary>
    public static NDArray<long> ArgMax<T>(NDArray<T> x, int axis, bool keepDims = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        int a = ShapeMath.NormalizeAxis(axis, x.Rank);
        RequireNonEmpty(x, [a], "ArgMax");
        var perm = Enumerable.Range(0, x.Rank).Where(i => i != a).Append(a).ToArray();
        var moved = x.Permute(perm);
        var outShape = perm[..^1].Select(i => x.Shape[i]).ToArray();
        var result = new NDArray<long>(outShape);
        var dst = result.AsSpan();
        var plan = IterationPlan.PerElement(outShape, moved.StridesArray[..^1]);
        var c = new RowCursor(plan, moved.Offset);
        int j = 0, n = x.Shape[a];
        nint stride = x.Strides[a];
        while (c.MoveNext())
            dst[j++] = ArgMaxStrided(ref Unsafe.Add(ref moved.StorageBase, c.Offset0), stride, n);
        if (!keepDims) return result;
        return result.Unsqueeze(a);
    }

    private static long ArgMaxStrided<T>(ref T first, nint stride, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T best = first;
        long index = 0;
        if (T.IsNaN(best)) return 0;
        for (int i = 1; i < n; i++)
        {
            T v = Unsafe.Add(ref first, i * stride);
            if (T.IsNaN(v)) return i;
            if (v > best) { best = v; index = i; }
        }
        return index;
    }
}
