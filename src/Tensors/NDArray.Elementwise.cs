using System.Numerics;
using System.Runtime.CompilerServices;
using Kernels.Tensors.Drivers;
using Kernels.Tensors.Operators;
using Kernels.Tensors.Simd;

namespace Kernels.Tensors;

/// <summary>
/// NumPy-style functions over <see cref="NDArray{T}"/>: creation, element-wise math with broadcasting, reductions.
/// Every function accepts any strided or broadcast view. Functions with a <c>destination</c> parameter write into
/// it (it must have the result shape and no broadcast axes; it may be exactly one of the inputs for in-place use)
/// and return it; otherwise they allocate the result. Arithmetic is defined for <see cref="float"/> and
/// <see cref="double"/>.
/// <para>NaN handling: NaN propagates through every element-wise function and through min/max (IEEE 754-2019
/// maximum/minimum, not NumPy's fmax); argmax returns the first NaN's index.</para>
/// </summary>
public static partial class NDArray
{
    internal static void EnsureArithmetic<T>()
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
            throw new NotSupportedException($"Arithmetic is implemented for float and double, not {typeof(T).Name}; convert with NDArray.Convert first.");
    }

    private static NDArray<T> PrepareDestination<T>(NDArray<T>? destination, ReadOnlySpan<int> shape) where T : unmanaged
    {
        if (destination is null) return new NDArray<T>(shape);
        if (!destination.Shape.SequenceEqual(shape))
            throw new ArgumentException($"Destination has shape {destination.ShapeString} but the result has shape {ShapeMath.Format(shape)}.", nameof(destination));
        for (int i = 0; i < destination.Rank; i++)
            if (destination.Strides[i] == 0 && destination.Shape[i] > 1)
                throw new ArgumentException($"Destination of shape {destination.ShapeString} is a broadcast view (axis {i} has stride 0); it cannot be written element-wise.", nameof(destination));
        return destination;
    }

    // An input that shares storage with the destination but is not laid out identically would be overwritten
    // while still being read; give it a private copy first.
    private static NDArray<T> Detach<T>(NDArray<T> input, NDArray<T> destination) where T : unmanaged =>
        StridedCopy.Overlaps(input, destination) && !StridedCopy.SameLayout(input, destination) ? input.Copy() : input;

    /// <summary>y = f(x) for an operator struct <typeparamref name="TOp"/>.</summary>
    public static NDArray<T> Map<T, TOp>(NDArray<T> x, NDArray<T>? destination = null)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IUnaryOperator<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        EnsureArithmetic<T>();
        var y = PrepareDestination(destination, x.Shape);
        x = Detach(x, y);
        var plan = IterationPlan.Create(x.Shape, x.StridesArray, y.StridesArray);
        var w = SimdPolicy.Current;
        nint n = plan.RowLength, sx = plan.Strides[0][^1], sy = plan.Strides[1][^1];
        // Streaming stores are decided on the whole output, so a result never depends on how the work is split.
        bool stream = ElementwiseDriver.Streams<T>((nint)Math.Min(plan.RowCount * n, nint.MaxValue));
        if (plan.RowCount == 1 && sx == 1 && sy == 1 && Threading.For(n) > 1)
        {
            ParallelContiguous(n, w, x, y, (xx, yy, start, len, width) =>
                ElementwiseDriver.Unary<T, TOp>(ref Unsafe.Add(ref xx.FirstElement, start), 1, ref Unsafe.Add(ref yy.FirstElement, start), 1, len, width, stream));
            return y;
        }
        ForRowRanges(plan, (first, count) =>
        {
            var c = RowCursor.Range(plan, first, count, x.Offset, y.Offset);
            while (c.MoveNext())
                ElementwiseDriver.Unary<T, TOp>(ref Unsafe.Add(ref x.StorageBase, c.Offset0), sx, ref Unsafe.Add(ref y.StorageBase, c.Offset1), sy, n, w, stream);
        });
        return y;
    }

    /// <summary>z = f(x, y) with NumPy broadcasting, for an operator struct <typeparamref name="TOp"/>.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static NDArray<T> Zip<T, TOp>(NDArray<T> x, NDArray<T> y, NDArray<T>? destination = null)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IBinaryOperator<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        EnsureArithmetic<T>();
        var shape = ShapeMath.BroadcastShapes(x.Shape, y.Shape);
        var z = PrepareDestination(destination, shape);
        x = Detach(x, z).BroadcastTo(shape);
        y = Detach(y, z).BroadcastTo(shape);
        var plan = IterationPlan.Create(shape, x.StridesArray, y.StridesArray, z.StridesArray);
        var w = SimdPolicy.Current;
        nint n = plan.RowLength, sx = plan.Strides[0][^1], sy = plan.Strides[1][^1], sz = plan.Strides[2][^1];
        // Streaming stores are decided on the whole output, so a result never depends on how the work is split.
        bool stream = ElementwiseDriver.Streams<T>((nint)Math.Min(plan.RowCount * n, nint.MaxValue));
        if (plan.RowCount == 1 && sx == 1 && sy == 1 && sz == 1 && Threading.For(n) > 1)
        {
            ParallelContiguous(n, w, x, y, z, (xx, yy, zz, start, len, width) =>
                ElementwiseDriver.Binary<T, TOp>(ref Unsafe.Add(ref xx.FirstElement, start), 1, ref Unsafe.Add(ref yy.FirstElement, start), 1,
                    ref Unsafe.Add(ref zz.FirstElement, start), 1, len, width, stream));
            return z;
        }
        ForRowRanges(plan, (first, count) =>
        {
            var c = RowCursor.Range(plan, first, count, x.Offset, y.Offset, z.Offset);
            while (c.MoveNext())
                ElementwiseDriver.Binary<T, TOp>(ref Unsafe.Add(ref x.StorageBase, c.Offset0), sx, ref Unsafe.Add(ref y.StorageBase, c.Offset1), sy,
                    ref Unsafe.Add(ref z.StorageBase, c.Offset2), sz, n, w, stream);
        });
        return z;
    }

    /// <summary>w = f(x, y, u) with NumPy broadcasting, for an operator struct <typeparamref name="TOp"/>.</summary>
    public static NDArray<T> Zip<T, TOp>(NDArray<T> x, NDArray<T> y, NDArray<T> u, NDArray<T>? destination = null)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : ITernaryOperator<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(u);
        EnsureArithmetic<T>();
        var shape = ShapeMath.BroadcastShapes(ShapeMath.BroadcastShapes(x.Shape, y.Shape), u.Shape);
        var z = PrepareDestination(destination, shape);
        x = Detach(x, z).BroadcastTo(shape);
        y = Detach(y, z).BroadcastTo(shape);
        u = Detach(u, z).BroadcastTo(shape);
        var plan = IterationPlan.Create(shape, x.StridesArray, y.StridesArray, u.StridesArray, z.StridesArray);
        var w = SimdPolicy.Current;
        nint n = plan.RowLength;
        nint sx = plan.Strides[0][^1], sy = plan.Strides[1][^1], su = plan.Strides[2][^1], sz = plan.Strides[3][^1];
        bool stream = ElementwiseDriver.Streams<T>((nint)Math.Min(plan.RowCount * n, nint.MaxValue));
        ForRowRanges(plan, (first, count) =>
        {
            var c = RowCursor.Range(plan, first, count, x.Offset, y.Offset, u.Offset, z.Offset);
            while (c.MoveNext())
                ElementwiseDriver.Ternary<T, TOp>(ref Unsafe.Add(ref x.StorageBase, c.Offset0), sx, ref Unsafe.Add(ref y.StorageBase, c.Offset1), sy,
                    ref Unsafe.Add(ref u.StorageBase, c.Offset2), su, ref Unsafe.Add(ref z.StorageBase, c.Offset3), sz, n, w, stream);
        });
        return z;
    }

    // Rows of a multi-row plan (strided, broadcast or sliced views) split into contiguous ranges of rows, one per
    // thread; each row is computed exactly as in the serial loop, so the result is independent of the thread count.
    private static void ForRowRanges(IterationPlan plan, Action<long, long> rows)
    {
        long total = plan.RowCount * plan.RowLength;
        int threads = plan.RowCount > 1 ? (int)Math.Min(Threading.For(total), plan.RowCount) : 1;
        if (threads <= 1) { rows(0, plan.RowCount); return; }
        long per = (plan.RowCount + threads - 1) / threads;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            long first = t * per;
            if (first < plan.RowCount) rows(first, Math.Min(per, plan.RowCount - first));
        });
    }

    private delegate void ChunkKernel2<T>(NDArray<T> x, NDArray<T> y, nint start, nint length, VectorWidth w) where T : unmanaged;
    private delegate void ChunkKernel3<T>(NDArray<T> x, NDArray<T> y, NDArray<T> z, nint start, nint length, VectorWidth w) where T : unmanaged;

    // Contiguous work split into equal chunks aligned to 4096 elements; each element is computed exactly as in
    // the serial loop, so the result is independent of the thread count.
    private static void ParallelContiguous<T>(nint n, VectorWidth w, NDArray<T> x, NDArray<T> y, ChunkKernel2<T> kernel) where T : unmanaged
    {
        int threads = Threading.For(n);
        nint chunk = ((n + threads - 1) / threads + 4095) & ~(nint)4095;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            nint start = t * chunk;
            if (start < n) kernel(x, y, start, Math.Min(chunk, n - start), w);
        });
    }

    private static void ParallelContiguous<T>(nint n, VectorWidth w, NDArray<T> x, NDArray<T> y, NDArray<T> z, ChunkKernel3<T> kernel) where T : unmanaged
    {
        int threads = Threading.For(n);
        nint chunk = ((n + threads - 1) / threads + 4095) & ~(nint)4095;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            nint start = t * chunk;
            if (start < n) kernel(x, y, z, start, Math.Min(chunk, n - start), w);
        });
    }

    /// <summary>x + y.</summary>
    public static NDArray<T> Add<T>(NDArray<T> x, NDArray<T> y, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Zip<T, AddOperator<T>>(x, y, destination);
    /// <summary>x − y.</summary>
    public static NDArray<T> Subtract<T>(NDArray<T> x, NDArray<T> y, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Zip<T, SubtractOperator<T>>(x, y, destination);
    /// <summary>x · y.</summary>
    public static NDArray<T> Multiply<T>(NDArray<T> x, NDArray<T> y, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Zip<T, MultiplyOperator<T>>(x, y, destination);
    /// <summary>x / y.</summary>
    public static NDArray<T> Divide<T>(NDArray<T> x, NDArray<T> y, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Zip<T, DivideOperator<T>>(x, y, destination);
    /// <summary>max(x, y), NaN-propagating.</summary>
    public static NDArray<T> Maximum<T>(NDArray<T> x, NDArray<T> y, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Zip<T, MaxOperator<T>>(x, y, destination);
    /// <summary>min(x, y), NaN-propagating.</summary>
    public static NDArray<T> Minimum<T>(NDArray<T> x, NDArray<T> y, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Zip<T, MinOperator<T>>(x, y, destination);
    /// <summary>x · y + z, one rounding.</summary>
    public static NDArray<T> FusedMultiplyAdd<T>(NDArray<T> x, NDArray<T> y, NDArray<T> z, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Zip<T, FusedMultiplyAddOperator<T>>(x, y, z, destination);
    /// <summary>min(max(x, lo), hi).</summary>
    public static NDArray<T> Clamp<T>(NDArray<T> x, NDArray<T> lo, NDArray<T> hi, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Zip<T, ClampOperator<T>>(x, lo, hi, destination);
    /// <summary>min(max(x, lo), hi) with scalar bounds.</summary>
    /// <exception cref="ArgumentException">lo &gt; hi or a bound is NaN.</exception>
    public static NDArray<T> Clamp<T>(NDArray<T> x, T lo, T hi, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(lo <= hi)) throw new ArgumentException($"Clamp bounds must satisfy lo <= hi; got lo={lo}, hi={hi}.");
        return Zip<T, ClampOperator<T>>(x, Scalar(lo), Scalar(hi), destination);
    }
    /// <summary>−x.</summary>
    public static NDArray<T> Negate<T>(NDArray<T> x, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Map<T, NegateOperator<T>>(x, destination);
    /// <summary>|x|.</summary>
    public static NDArray<T> Abs<T>(NDArray<T> x, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Map<T, AbsOperator<T>>(x, destination);
    /// <summary>√x.</summary>
    public static NDArray<T> Sqrt<T>(NDArray<T> x, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Map<T, SqrtOperator<T>>(x, destination);
    /// <summary>x².</summary>
    public static NDArray<T> Square<T>(NDArray<T> x, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Map<T, SquareOperator<T>>(x, destination);
    /// <summary>eˣ.</summary>
    public static NDArray<T> Exp<T>(NDArray<T> x, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Map<T, ExpOperator<T>>(x, destination);
    /// <summary>ln x.</summary>
    public static NDArray<T> Log<T>(NDArray<T> x, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Map<T, LogOperator<T>>(x, destination);
    /// <summary>tanh x.</summary>
    public static NDArray<T> Tanh<T>(NDArray<T> x, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Map<T, TanhOperator<T>>(x, destination);
    /// <summary>σ(x) = 1/(1 + e⁻ˣ).</summary>
    public static NDArray<T> Sigmoid<T>(NDArray<T> x, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Map<T, SigmoidOperator<T>>(x, destination);
    /// <summary>ln(1 + eˣ).</summary>
    public static NDArray<T> Softplus<T>(NDArray<T> x, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Map<T, SoftplusOperator<T>>(x, destination);
    /// <summary>x·σ(x).</summary>
    public static NDArray<T> Silu<T>(NDArray<T> x, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Map<T, SiluOperator<T>>(x, destination);
    /// <summary>x·Φ(x) (exact GELU, erf form).</summary>
    public static NDArray<T> Gelu<T>(NDArray<T> x, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Map<T, GeluOperator<T>>(x, destination);
    /// <summary>GELU, tanh approximation.</summary>
    public static NDArray<T> GeluTanh<T>(NDArray<T> x, NDArray<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> => Map<T, GeluTanhOperator<T>>(x, destination);
}
