using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Kernels.Tensors.Operators;
using Kernels.Tensors.Simd;

namespace Kernels.Tensors.Drivers;

/// <summary>
/// The one vectorised loop for element-wise operators over a row: widest chosen width first, unrolled four times,
/// then narrower widths for the tail, then scalar. No alignment-dependent split of the work, so a result never
/// depends on where the buffer happens to start. Output may alias an input only exactly (same start, same stride).
/// Row shapes handled: all operands contiguous; one input broadcast (stride 0) against contiguous others; strided
/// operands are staged through small stack buffers (see <c>ElementwiseDriver.Staged.cs</c>); long contiguous
/// outputs are written with streaming stores (see <c>ElementwiseDriver.Streaming.cs</c>).
/// </summary>
internal static partial class ElementwiseDriver
{
    // ---------------- unary ----------------

    /// <summary>y[i·sy] = f(x[i·sx]) for one row; <paramref name="stream"/>: the caller decided (by
    /// <see cref="Streams{T}"/> of the whole operation, never of a thread's share) that a contiguous output is
    /// written with streaming stores. Callers that read the output back at once (reduction accumulators) pass false.</summary>
    public static void Unary<T, TOp>(ref T x, nint sx, ref T y, nint sy, nint n, VectorWidth w, bool stream = false)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IUnaryOperator<T>
    {
        if (sx == 0 && sy == 1) { FillContiguous(ref y, n, TOp.Invoke(x)); return; }
        stream &= sy == 1;
        if (sx == 1 && sy == 1)
        {
            if (stream && TOp.Vectorizable && CanStream<T>(n, w)) UnaryStreaming<T, TOp>(ref x, ref y, n, w);
            else UnaryContiguous<T, TOp>(ref x, ref y, n, w);
            return;
        }
        if (sx != 0 && ((TOp.Vectorizable && w > VectorWidth.Scalar) || stream)) { UnaryStaged<T, TOp>(ref x, sx, ref y, sy, n, w, stream); return; }
        for (nint i = 0; i < n; i++) Unsafe.Add(ref y, i * sy) = TOp.Invoke(Unsafe.Add(ref x, i * sx));
    }

    /// <summary>y[i] = f(x[i]) over contiguous rows, ordinary stores.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void UnaryContiguous<T, TOp>(ref T x, ref T y, nint n, VectorWidth w)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IUnaryOperator<T>
    {
        nint i = 0;
        if (TOp.Vectorizable)
        {
            if (w >= VectorWidth.W512)
            {
                nint c = Vector512<T>.Count;
                for (; i <= n - 4 * c; i += 4 * c)
                {
                    var a0 = Vector512.LoadUnsafe(ref x, (nuint)i);
                    var a1 = Vector512.LoadUnsafe(ref x, (nuint)(i + c));
                    var a2 = Vector512.LoadUnsafe(ref x, (nuint)(i + 2 * c));
                    var a3 = Vector512.LoadUnsafe(ref x, (nuint)(i + 3 * c));
                    TOp.Invoke(a0).StoreUnsafe(ref y, (nuint)i);
                    TOp.Invoke(a1).StoreUnsafe(ref y, (nuint)(i + c));
                    TOp.Invoke(a2).StoreUnsafe(ref y, (nuint)(i + 2 * c));
                    TOp.Invoke(a3).StoreUnsafe(ref y, (nuint)(i + 3 * c));
                }
                for (; i <= n - c; i += c) TOp.Invoke(Vector512.LoadUnsafe(ref x, (nuint)i)).StoreUnsafe(ref y, (nuint)i);
            }
            if (w >= VectorWidth.W256)
            {
                nint c = Vector256<T>.Count;
                for (; i <= n - 4 * c; i += 4 * c)
                {
                    var a0 = Vector256.LoadUnsafe(ref x, (nuint)i);
                    var a1 = Vector256.LoadUnsafe(ref x, (nuint)(i + c));
                    var a2 = Vector256.LoadUnsafe(ref x, (nuint)(i + 2 * c));
                    var a3 = Vector256.LoadUnsafe(ref x, (nuint)(i + 3 * c));
                    TOp.Invoke(a0).StoreUnsafe(ref y, (nuint)i);
                    TOp.Invoke(a1).StoreUnsafe(ref y, (nuint)(i + c));
                    TOp.Invoke(a2).StoreUnsafe(ref y, (nuint)(i + 2 * c));
                    TOp.Invoke(a3).StoreUnsafe(ref y, (nuint)(i + 3 * c));
                }
                for (; i <= n - c; i += c) TOp.Invoke(Vector256.LoadUnsafe(ref x, (nuint)i)).StoreUnsafe(ref y, (nuint)i);
            }
            if (w >= VectorWidth.W128)
            {
                nint c = Vector128<T>.Count;
                for (; i <= n - 4 * c; i += 4 * c)
                {
                    var a0 = Vector128.LoadUnsafe(ref x, (nuint)i);
                    var a1 = Vector128.LoadUnsafe(ref x, (nuint)(i + c));
                    var a2 = Vector128.LoadUnsafe(ref x, (nuint)(i + 2 * c));
                    var a3 = Vector128.LoadUnsafe(ref x, (nuint)(i + 3 * c));
                    TOp.Invoke(a0).StoreUnsafe(ref y, (nuint)i);
                    TOp.Invoke(a1).StoreUnsafe(ref y, (nuint)(i + c));
                    TOp.Invoke(a2).StoreUnsafe(ref y, (nuint)(i + 2 * c));
                    TOp.Invoke(a3).StoreUnsafe(ref y, (nuint)(i + 3 * c));
                }
                for (; i <= n - c; i += c) TOp.Invoke(Vector128.LoadUnsafe(ref x, (nuint)i)).StoreUnsafe(ref y, (nuint)i);
            }
        }
        for (; i < n; i++) Unsafe.Add(ref y, i) = TOp.Invoke(Unsafe.Add(ref x, i));
    }

    // ---------------- binary ----------------

    /// <summary>z[i·sz] = f(x[i·sx], y[i·sy]) for one row; <paramref name="stream"/> as in
    /// <see cref="Unary{T, TOp}"/>.</summary>
    public static void Binary<T, TOp>(ref T x, nint sx, ref T y, nint sy, ref T z, nint sz, nint n, VectorWidth w, bool stream = false)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IBinaryOperator<T>
    {
        if (sz == 1)
        {
            if (stream && sx == 1 && sy == 1 && CanStream<T>(n, w)) { BinaryStreaming<T, TOp>(ref x, ref y, ref z, n, w); return; }
            if (!stream || (sx == 1 && sy == 1))
            {
                if (sx == 1 && sy == 1) { BinaryContiguous<T, TOp>(ref x, ref y, ref z, n, w); return; }
                if (sx == 0 && sy == 1) { BinaryScalarVector<T, TOp>(x, ref y, ref z, n, w, scalarIsLeft: true); return; }
                if (sx == 1 && sy == 0) { BinaryScalarVector<T, TOp>(y, ref x, ref z, n, w, scalarIsLeft: false); return; }
            }
            if ((sx | sy) != 0) { BinaryStaged<T, TOp>(ref x, sx, ref y, sy, ref z, sz, n, w, stream); return; }
        }
        else if ((sx | sy) != 0 && w > VectorWidth.Scalar) { BinaryStaged<T, TOp>(ref x, sx, ref y, sy, ref z, sz, n, w, stream: false); return; }
        for (nint i = 0; i < n; i++)
            Unsafe.Add(ref z, i * sz) = TOp.Invoke(Unsafe.Add(ref x, i * sx), Unsafe.Add(ref y, i * sy));
    }

    /// <summary>z[i] = f(x[i], y[i]) over contiguous rows, ordinary stores.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void BinaryContiguous<T, TOp>(ref T x, ref T y, ref T z, nint n, VectorWidth w)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IBinaryOperator<T>
    {
        nint i = 0;
        if (w >= VectorWidth.W512)
        {
            nint c = Vector512<T>.Count;
            for (; i <= n - 4 * c; i += 4 * c)
            {
                var r0 = TOp.Invoke(Vector512.LoadUnsafe(ref x, (nuint)i), Vector512.LoadUnsafe(ref y, (nuint)i));
                var r1 = TOp.Invoke(Vector512.LoadUnsafe(ref x, (nuint)(i + c)), Vector512.LoadUnsafe(ref y, (nuint)(i + c)));
                var r2 = TOp.Invoke(Vector512.LoadUnsafe(ref x, (nuint)(i + 2 * c)), Vector512.LoadUnsafe(ref y, (nuint)(i + 2 * c)));
                var r3 = TOp.Invoke(Vector512.LoadUnsafe(ref x, (nuint)(i + 3 * c)), Vector512.LoadUnsafe(ref y, (nuint)(i + 3 * c)));
                r0.StoreUnsafe(ref z, (nuint)i); r1.StoreUnsafe(ref z, (nuint)(i + c));
                r2.StoreUnsafe(ref z, (nuint)(i + 2 * c)); r3.StoreUnsafe(ref z, (nuint)(i + 3 * c));
            }
            for (; i <= n - c; i += c)
                TOp.Invoke(Vector512.LoadUnsafe(ref x, (nuint)i), Vector512.LoadUnsafe(ref y, (nuint)i)).StoreUnsafe(ref z, (nuint)i);
        }
        if (w >= VectorWidth.W256)
        {
            nint c = Vector256<T>.Count;
            for (; i <= n - 4 * c; i += 4 * c)
            {
                var r0 = TOp.Invoke(Vector256.LoadUnsafe(ref x, (nuint)i), Vector256.LoadUnsafe(ref y, (nuint)i));
                var r1 = TOp.Invoke(Vector256.LoadUnsafe(ref x, (nuint)(i + c)), Vector256.LoadUnsafe(ref y, (nuint)(i + c)));
                var r2 = TOp.Invoke(Vector256.LoadUnsafe(ref x, (nuint)(i + 2 * c)), Vector256.LoadUnsafe(ref y, (nuint)(i + 2 * c)));
                var r3 = TOp.Invoke(Vector256.LoadUnsafe(ref x, (nuint)(i + 3 * c)), Vector256.LoadUnsafe(ref y, (nuint)(i + 3 * c)));
                r0.StoreUnsafe(ref z, (nuint)i); r1.StoreUnsafe(ref z, (nuint)(i + c));
                r2.StoreUnsafe(ref z, (nuint)(i + 2 * c)); r3.StoreUnsafe(ref z, (nuint)(i + 3 * c));
            }
            for (; i <= n - c; i += c)
                TOp.Invoke(Vector256.LoadUnsafe(ref x, (nuint)i), Vector256.LoadUnsafe(ref y, (nuint)i)).StoreUnsafe(ref z, (nuint)i);
        }
        if (w >= VectorWidth.W128)
        {
            nint c = Vector128<T>.Count;
            for (; i <= n - 4 * c; i += 4 * c)
            {
                var r0 = TOp.Invoke(Vector128.LoadUnsafe(ref x, (nuint)i), Vector128.LoadUnsafe(ref y, (nuint)i));
                var r1 = TOp.Invoke(Vector128.LoadUnsafe(ref x, (nuint)(i + c)), Vector128.LoadUnsafe(ref y, (nuint)(i + c)));
                var r2 = TOp.Invoke(Vector128.LoadUnsafe(ref x, (nuint)(i + 2 * c)), Vector128.LoadUnsafe(ref y, (nuint)(i + 2 * c)));
                var r3 = TOp.Invoke(Vector128.LoadUnsafe(ref x, (nuint)(i + 3 * c)), Vector128.LoadUnsafe(ref y, (nuint)(i + 3 * c)));
                r0.StoreUnsafe(ref z, (nuint)i); r1.StoreUnsafe(ref z, (nuint)(i + c));
                r2.StoreUnsafe(ref z, (nuint)(i + 2 * c)); r3.StoreUnsafe(ref z, (nuint)(i + 3 * c));
            }
            for (; i <= n - c; i += c)
                TOp.Invoke(Vector128.LoadUnsafe(ref x, (nuint)i), Vector128.LoadUnsafe(ref y, (nuint)i)).StoreUnsafe(ref z, (nuint)i);
        }
        for (; i < n; i++) Unsafe.Add(ref z, i) = TOp.Invoke(Unsafe.Add(ref x, i), Unsafe.Add(ref y, i));
    }

    // One operand is a broadcast scalar s: z = op(s, v) when scalarIsLeft, else z = op(v, s).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BinaryScalarVector<T, TOp>(T s, ref T v, ref T z, nint n, VectorWidth w, bool scalarIsLeft)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IBinaryOperator<T>
    {
        nint i = 0;
        if (w >= VectorWidth.W512)
        {
            nint c = Vector512<T>.Count;
            var sv = Vector512.Create(s);
            for (; i <= n - c; i += c)
            {
                var a = Vector512.LoadUnsafe(ref v, (nuint)i);
                (scalarIsLeft ? TOp.Invoke(sv, a) : TOp.Invoke(a, sv)).StoreUnsafe(ref z, (nuint)i);
            }
        }
        if (w >= VectorWidth.W256)
        {
            nint c = Vector256<T>.Count;
            var sv = Vector256.Create(s);
            for (; i <= n - 2 * c; i += 2 * c)
            {
                var a0 = Vector256.LoadUnsafe(ref v, (nuint)i);
                var a1 = Vector256.LoadUnsafe(ref v, (nuint)(i + c));
                (scalarIsLeft ? TOp.Invoke(sv, a0) : TOp.Invoke(a0, sv)).StoreUnsafe(ref z, (nuint)i);
                (scalarIsLeft ? TOp.Invoke(sv, a1) : TOp.Invoke(a1, sv)).StoreUnsafe(ref z, (nuint)(i + c));
            }
            for (; i <= n - c; i += c)
            {
                var a = Vector256.LoadUnsafe(ref v, (nuint)i);
                (scalarIsLeft ? TOp.Invoke(sv, a) : TOp.Invoke(a, sv)).StoreUnsafe(ref z, (nuint)i);
            }
        }
        if (w >= VectorWidth.W128)
        {
            nint c = Vector128<T>.Count;
            var sv = Vector128.Create(s);
            for (; i <= n - c; i += c)
            {
                var a = Vector128.LoadUnsafe(ref v, (nuint)i);
                (scalarIsLeft ? TOp.Invoke(sv, a) : TOp.Invoke(a, sv)).StoreUnsafe(ref z, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            T a = Unsafe.Add(ref v, i);
            Unsafe.Add(ref z, i) = scalarIsLeft ? TOp.Invoke(s, a) : TOp.Invoke(a, s);
        }
    }

    // ---------------- ternary ----------------

    /// <summary>z[i·sz] = f(x[i·sx], y[i·sy], u[i·su]) for one row; <paramref name="stream"/> as in
    /// <see cref="Unary{T, TOp}"/>.</summary>
    public static void Ternary<T, TOp>(ref T x, nint sx, ref T y, nint sy, ref T u, nint su, ref T z, nint sz, nint n, VectorWidth w, bool stream = false)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : ITernaryOperator<T>
    {
        stream &= sz == 1;
        if (!stream && sz == 1 && (sx | 1) == 1 && (sy | 1) == 1 && (su | 1) == 1) { TernaryUnitOrBroadcast<T, TOp>(ref x, sx, ref y, sy, ref u, su, ref z, n, w); return; }
        if (w > VectorWidth.Scalar || stream) { TernaryStaged<T, TOp>(ref x, sx, ref y, sy, ref u, su, ref z, sz, n, w, stream); return; }
        for (nint i = 0; i < n; i++)
            Unsafe.Add(ref z, i * sz) = TOp.Invoke(Unsafe.Add(ref x, i * sx), Unsafe.Add(ref y, i * sy), Unsafe.Add(ref u, i * su));
    }

    // Every operand contiguous (stride 1) or broadcast (stride 0) against a contiguous output. Broadcast operands
    // are loaded as a splat, so every such mix is vectorised.
    private static void TernaryUnitOrBroadcast<T, TOp>(ref T x, nint sx, ref T y, nint sy, ref T u, nint su, ref T z, nint n, VectorWidth w)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : ITernaryOperator<T>
    {
        nint i = 0;
        if (w >= VectorWidth.W256)
        {
            nint c = Vector256<T>.Count;
            for (; i <= n - c; i += c)
                TOp.Invoke(Load256(ref x, sx, i), Load256(ref y, sy, i), Load256(ref u, su, i)).StoreUnsafe(ref z, (nuint)i);
        }
        if (w >= VectorWidth.W128)
        {
            nint c = Vector128<T>.Count;
            for (; i <= n - c; i += c)
                TOp.Invoke(Load128(ref x, sx, i), Load128(ref y, sy, i), Load128(ref u, su, i)).StoreUnsafe(ref z, (nuint)i);
        }
        for (; i < n; i++)
            Unsafe.Add(ref z, i) = TOp.Invoke(Unsafe.Add(ref x, i * sx), Unsafe.Add(ref y, i * sy), Unsafe.Add(ref u, i * su));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Load256<T>(ref T p, nint stride, nint i) where T : unmanaged =>
        stride == 0 ? Vector256.Create(p) : Vector256.LoadUnsafe(ref p, (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<T> Load128<T>(ref T p, nint stride, nint i) where T : unmanaged =>
        stride == 0 ? Vector128.Create(p) : Vector128.LoadUnsafe(ref p, (nuint)i);

    public static void FillContiguous<T>(ref T y, nint n, T value) where T : unmanaged
    {
        for (nint i = 0; i < n; i++) Unsafe.Add(ref y, i) = value;
    }
}
