using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Kernels.Tensors.Operators;
using Kernels.Tensors.Simd;

namespace Kernels.Tensors.Drivers;

internal static partial class ElementwiseDriver
{
    /// <summary>Bytes per staged block and operand, on the stack: 1024 float or 512 double elements — a multiple of
    /// every vector width, so each block's elements meet the same vector/scalar split as in one contiguous loop, and
    /// the staged result equals the contiguous one bit for bit.</summary>
    private const int StageBytes = 4096;

    private static int StageLength<T>() where T : unmanaged => StageBytes / Unsafe.SizeOf<T>();

    // The staged loops are optimised at once (AggressiveOptimization): methods with stackalloc get no on-stack
    // replacement, so at tier 0 their per-element copy loops would run unoptimised until tiering caught up.
    // Why staging: a strided (non-unit, non-zero) operand cannot be loaded as a vector, and running the whole row
    // through the scalar operator costs 3–6× the contiguous time per element (and uses the scalar form of
    // transcendental operators, so a strided result would differ from a contiguous one). Copying a block of each
    // strided operand into a contiguous stack buffer is a cheap load/store loop; the operator then runs through the
    // same vector loops as contiguous rows, and a strided output is scattered back from a buffer. Operands that are already contiguous are used in place, and an output
    // that exactly aliases an input stays correct because each block is read completely before it is written.

    // Copies m elements at stride s into the buffer (s != 1), or returns the operand itself (s == 1).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T Stage<T>(ref T p, nint s, nint m, Span<T> buffer) where T : unmanaged
    {
        if (s == 1) return ref p;
        ref T b = ref buffer[0];
        nint i = s == 2 ? StageEvenElements(ref p, m, ref b) : 0;
        for (; i < m; i++) Unsafe.Add(ref b, i) = Unsafe.Add(ref p, i * s);
        return ref b;
    }

    // Stride 2 (every other column; the real parts of interleaved complex data) is the common strided view: two
    // contiguous loads and one even-lane shuffle per vector instead of a scalar copy per element. The last vector
    // is left to the scalar loop, because a full load there would read one element past the view's last one.
    // Returns how many elements were staged. A pure copy, so the width does not change any result.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static nint StageEvenElements<T>(ref T p, nint m, ref T b) where T : unmanaged
    {
        nint i = 0;
        if (typeof(T) == typeof(float))
        {
            ref float pf = ref Unsafe.As<T, float>(ref p);
            ref float bf = ref Unsafe.As<T, float>(ref b);
            if (Vector256.IsHardwareAccelerated)
            {
                var even = Vector256.Create(0, 2, 4, 6, 0, 2, 4, 6);
                for (; i < m - 8; i += 8)
                {
                    var lo = Vector256.Shuffle(Vector256.LoadUnsafe(ref pf, (nuint)(2 * i)), even);
                    var hi = Vector256.Shuffle(Vector256.LoadUnsafe(ref pf, (nuint)(2 * i + 8)), even);
                    Vector256.Create(lo.GetLower(), hi.GetLower()).StoreUnsafe(ref bf, (nuint)i);
                }
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                var even = Vector128.Create(0, 2, 0, 2);
                for (; i < m - 4; i += 4)
                {
                    var lo = Vector128.Shuffle(Vector128.LoadUnsafe(ref pf, (nuint)(2 * i)), even);
                    var hi = Vector128.Shuffle(Vector128.LoadUnsafe(ref pf, (nuint)(2 * i + 4)), even);
                    Vector128.Create(lo.GetLower(), hi.GetLower()).StoreUnsafe(ref bf, (nuint)i);
                }
            }
        }
        else if (typeof(T) == typeof(double) && Vector256.IsHardwareAccelerated)
        {
            ref double pd = ref Unsafe.As<T, double>(ref p);
            ref double bd = ref Unsafe.As<T, double>(ref b);
            var even = Vector256.Create(0L, 2, 0, 2);
            for (; i < m - 4; i += 4)
            {
                var lo = Vector256.Shuffle(Vector256.LoadUnsafe(ref pd, (nuint)(2 * i)), even);
                var hi = Vector256.Shuffle(Vector256.LoadUnsafe(ref pd, (nuint)(2 * i + 4)), even);
                Vector256.Create(lo.GetLower(), hi.GetLower()).StoreUnsafe(ref bd, (nuint)i);
            }
        }
        return i;
    }

    // Writes a block computed in the buffer to the output: scattered at stride sz, or (sz == 1, a long output)
    // copied with streaming stores.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Unstage<T>(ref T z, nint sz, nint m, Span<T> buffer) where T : unmanaged
    {
        ref T b = ref buffer[0];
        if (sz == 1) { CopyStreaming(ref b, ref z, m); return; }
        for (nint i = 0; i < m; i++) Unsafe.Add(ref z, i * sz) = Unsafe.Add(ref b, i);
    }

    [SkipLocalsInit, MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UnaryStaged<T, TOp>(ref T x, nint sx, ref T y, nint sy, nint n, VectorWidth w, bool stream)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IUnaryOperator<T>
    {
        Span<T> bx = stackalloc T[StageLength<T>()], by = stackalloc T[StageLength<T>()];
        bool viaBuffer = sy != 1 || stream;
        for (nint i0 = 0; i0 < n; i0 += StageLength<T>())
        {
            nint m = Math.Min(StageLength<T>(), n - i0);
            ref T px = ref Stage(ref Unsafe.Add(ref x, i0 * sx), sx, m, bx);
            UnaryContiguous<T, TOp>(ref px, ref viaBuffer ? ref by[0] : ref Unsafe.Add(ref y, i0), m, w);
            if (viaBuffer) Unstage(ref Unsafe.Add(ref y, i0 * sy), sy, m, by);
        }
        if (viaBuffer && sy == 1) Interlocked.MemoryBarrier();
    }

    [SkipLocalsInit, MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BinaryStaged<T, TOp>(ref T x, nint sx, ref T y, nint sy, ref T z, nint sz, nint n, VectorWidth w, bool stream)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IBinaryOperator<T>
    {
        Span<T> bx = stackalloc T[StageLength<T>()], by = stackalloc T[StageLength<T>()], bz = stackalloc T[StageLength<T>()];
        bool viaBuffer = sz != 1 || stream;
        for (nint i0 = 0; i0 < n; i0 += StageLength<T>())
        {
            nint m = Math.Min(StageLength<T>(), n - i0);
            ref T pz = ref viaBuffer ? ref bz[0] : ref Unsafe.Add(ref z, i0);
            if (sx == 0)
                BinaryScalarVector<T, TOp>(x, ref Stage(ref Unsafe.Add(ref y, i0 * sy), sy, m, by), ref pz, m, w, scalarIsLeft: true);
            else if (sy == 0)
                BinaryScalarVector<T, TOp>(y, ref Stage(ref Unsafe.Add(ref x, i0 * sx), sx, m, bx), ref pz, m, w, scalarIsLeft: false);
            else
                BinaryContiguous<T, TOp>(ref Stage(ref Unsafe.Add(ref x, i0 * sx), sx, m, bx), ref Stage(ref Unsafe.Add(ref y, i0 * sy), sy, m, by),
                    ref pz, m, w);
            if (viaBuffer) Unstage(ref Unsafe.Add(ref z, i0 * sz), sz, m, bz);
        }
        if (viaBuffer && sz == 1) Interlocked.MemoryBarrier();
    }

    [SkipLocalsInit, MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TernaryStaged<T, TOp>(ref T x, nint sx, ref T y, nint sy, ref T u, nint su, ref T z, nint sz, nint n, VectorWidth w, bool stream)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : ITernaryOperator<T>
    {
        bool viaBuffer = sz != 1 || stream;
        Span<T> bx = stackalloc T[StageLength<T>()], by = stackalloc T[StageLength<T>()], bu = stackalloc T[StageLength<T>()], bz = stackalloc T[StageLength<T>()];
        // After staging, every operand has stride 1, or stays a broadcast (stride 0, read as a splat).
        nint tx = sx == 0 ? 0 : 1, ty = sy == 0 ? 0 : 1, tu = su == 0 ? 0 : 1;
        for (nint i0 = 0; i0 < n; i0 += StageLength<T>())
        {
            nint m = Math.Min(StageLength<T>(), n - i0);
            ref T px = ref sx == 0 ? ref x : ref Stage(ref Unsafe.Add(ref x, i0 * sx), sx, m, bx);
            ref T py = ref sy == 0 ? ref y : ref Stage(ref Unsafe.Add(ref y, i0 * sy), sy, m, by);
            ref T pu = ref su == 0 ? ref u : ref Stage(ref Unsafe.Add(ref u, i0 * su), su, m, bu);
            ref T pz = ref viaBuffer ? ref bz[0] : ref Unsafe.Add(ref z, i0);
            TernaryUnitOrBroadcast<T, TOp>(ref px, tx, ref py, ty, ref pu, tu, ref pz, m, w);
            if (viaBuffer) Unstage(ref Unsafe.Add(ref z, i0 * sz), sz, m, bz);
        }
        if (viaBuffer && sz == 1) Interlocked.MemoryBarrier();
    }
}
