using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Kernels.Tensors.Operators;
using Kernels.Tensors.Simd;

namespace Kernels.Tensors.Drivers;

internal static partial class ElementwiseDriver
{
    /// <summary>
    /// Contiguous outputs of at least this many bytes are written with non-temporal (streaming) stores: 4 MiB,
    /// about the per-core share of a last-level cache, beyond which the output would be evicted before reuse anyway.
    /// </summary>
    /// <remarks>
    /// Every element gets exactly the bits the ordinary loop gives it, whatever the buffer's alignment: the part the
    /// widest vector covers is computed at that width (a misaligned head and the end of that part as lanes of one
    /// full vector each, both computed before anything is stored so an exact in-place call reads only original
    /// values; the aligned middle stored with non-temporal stores), and the short tail runs the ordinary loop.
    /// Strided operands stream their staged blocks out of the stack buffer. Why stream: an ordinary store to a line that is not in cache first reads the line from memory (read-for-ownership),
    /// so a bandwidth-bound <c>z = x + y</c> moves four streams of memory instead of three; a streaming store writes
    /// whole lines straight to memory. <c>TensorPrimitives</c> does the same above its own threshold.
    /// </remarks>
    public const long StreamingThresholdBytes = 4L << 20;

    /// <summary>Whether an element-wise operation producing <paramref name="n"/> contiguous elements streams its
    /// stores; decided on the whole operation, never on a thread's share, so results do not depend on the split.</summary>
    internal static bool Streams<T>(nint n) where T : unmanaged => (long)n * Unsafe.SizeOf<T>() >= StreamingThresholdBytes;

    // Streaming for contiguous rows at the widest width w (512 or 256 bits); narrower widths store ordinarily.
    private static bool CanStream<T>(nint n, VectorWidth w) where T : unmanaged =>
        w >= VectorWidth.W256 && n >= 4 * Vector512<T>.Count;

    private static void UnaryStreaming<T, TOp>(ref T x, ref T y, nint n, VectorWidth w)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IUnaryOperator<T>
    {
        nint body = w >= VectorWidth.W512
            ? StreamBody<T, UnaryAt512<T, TOp>, Vector512<T>>(ref x, ref x, ref y, n)
            : StreamBody<T, UnaryAt256<T, TOp>, Vector256<T>>(ref x, ref x, ref y, n);
        UnaryContiguous<T, TOp>(ref Unsafe.Add(ref x, body), ref Unsafe.Add(ref y, body), n - body, w);
    }

    private static void BinaryStreaming<T, TOp>(ref T x, ref T y, ref T z, nint n, VectorWidth w)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IBinaryOperator<T>
    {
        nint body = w >= VectorWidth.W512
            ? StreamBody<T, BinaryAt512<T, TOp>, Vector512<T>>(ref x, ref y, ref z, n)
            : StreamBody<T, BinaryAt256<T, TOp>, Vector256<T>>(ref x, ref y, ref z, n);
        BinaryContiguous<T, TOp>(ref Unsafe.Add(ref x, body), ref Unsafe.Add(ref y, body), ref Unsafe.Add(ref z, body), n - body, w);
    }

    // z[0, body) for body = n − n mod Count (what the widest loop covers); returns body. The caller runs the tail.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe nint StreamBody<T, TKernel, TVector>(ref T x, ref T y, ref T z, nint n)
        where T : unmanaged where TKernel : IStreamingKernel<T, TVector> where TVector : unmanaged
    {
        int c = TKernel.Count;
        nint body = n - n % c;
        fixed (T* pz = &z)
        {
            // Memory that is not even element-aligned (possible for wrapped native memory) cannot be vector-aligned:
            // leave all of it to the ordinary loop.
            if ((nuint)pz % (nuint)sizeof(T) != 0) return 0;
            TVector head = TKernel.Compute(ref x, ref y, 0), last = TKernel.Compute(ref x, ref y, body - c);
            nuint bytes = (nuint)(c * sizeof(T));
            nint start = (nint)((bytes - ((nuint)pz & (bytes - 1))) & (bytes - 1)) / sizeof(T);
            nint end = body - (body - start) % c;
            nint i = start;
            for (; i <= end - 2 * c; i += 2 * c)
            {
                TVector r0 = TKernel.Compute(ref x, ref y, i), r1 = TKernel.Compute(ref x, ref y, i + c);
                TKernel.StoreNonTemporal(r0, pz + i);
                TKernel.StoreNonTemporal(r1, pz + i + c);
            }
            for (; i < end; i += c) TKernel.StoreNonTemporal(TKernel.Compute(ref x, ref y, i), pz + i);
            for (nint k = 0; k < start; k++) pz[k] = TKernel.Lane(head, (int)k);
            for (nint k = end; k < body; k++) pz[k] = TKernel.Lane(last, (int)(k - (body - c)));
        }
        // Streaming stores are weakly ordered; another thread may read the result next.
        Interlocked.MemoryBarrier();
        return body;
    }

    // dst[0..m) = src[0..m) with the aligned middle written by streaming stores: how a staged block computed in a
    // stack buffer reaches a long contiguous output without a read-for-ownership. A copy, so it cannot change a
    // result; the caller fences once after its last block.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void CopyStreaming<T>(ref T source, ref T destination, nint m) where T : unmanaged
    {
        nint c = Vector256<T>.Count;
        fixed (T* pd = &destination)
        {
            nint start = Vector256.IsHardwareAccelerated && ((nuint)pd % (nuint)sizeof(T)) == 0 ? AlignedStart(pd) : m;
            nint i = 0;
            for (; i < Math.Min(start, m); i++) pd[i] = Unsafe.Add(ref source, i);
            for (; i <= m - c; i += c) Vector256.LoadUnsafe(ref source, (nuint)i).StoreAlignedNonTemporal(pd + i);
            for (; i < m; i++) pd[i] = Unsafe.Add(ref source, i);
        }
    }

    // Index of the first element on a 32-byte boundary (the destination is element-aligned, checked by CanStream).
    private static unsafe nint AlignedStart<T>(T* p) where T : unmanaged =>
        (nint)((32 - ((nuint)p & 31)) & 31) / sizeof(T);

    /// <summary>One register-width step of an element-wise operator, for <see cref="StreamBody"/>.</summary>
    private interface IStreamingKernel<T, TVector> where T : unmanaged where TVector : unmanaged
    {
        static abstract int Count { get; }
        static abstract TVector Compute(ref T x, ref T y, nint i);
        static abstract unsafe void StoreNonTemporal(TVector value, T* destination);
        static abstract T Lane(TVector value, int k);
    }

    private readonly struct UnaryAt512<T, TOp> : IStreamingKernel<T, Vector512<T>>
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IUnaryOperator<T>
    {
        public static int Count => Vector512<T>.Count;
        public static Vector512<T> Compute(ref T x, ref T y, nint i) => TOp.Invoke(Vector512.LoadUnsafe(ref x, (nuint)i));
        public static unsafe void StoreNonTemporal(Vector512<T> value, T* destination) => value.StoreAlignedNonTemporal(destination);
        public static T Lane(Vector512<T> value, int k) => value.GetElement(k);
    }

    private readonly struct UnaryAt256<T, TOp> : IStreamingKernel<T, Vector256<T>>
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IUnaryOperator<T>
    {
        public static int Count => Vector256<T>.Count;
        public static Vector256<T> Compute(ref T x, ref T y, nint i) => TOp.Invoke(Vector256.LoadUnsafe(ref x, (nuint)i));
        public static unsafe void StoreNonTemporal(Vector256<T> value, T* destination) => value.StoreAlignedNonTemporal(destination);
        public static T Lane(Vector256<T> value, int k) => value.GetElement(k);
    }

    private readonly struct BinaryAt512<T, TOp> : IStreamingKernel<T, Vector512<T>>
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IBinaryOperator<T>
    {
        public static int Count => Vector512<T>.Count;
        public static Vector512<T> Compute(ref T x, ref T y, nint i) => TOp.Invoke(Vector512.LoadUnsafe(ref x, (nuint)i), Vector512.LoadUnsafe(ref y, (nuint)i));
        public static unsafe void StoreNonTemporal(Vector512<T> value, T* destination) => value.StoreAlignedNonTemporal(destination);
        public static T Lane(Vector512<T> value, int k) => value.GetElement(k);
    }

    private readonly struct BinaryAt256<T, TOp> : IStreamingKernel<T, Vector256<T>>
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IBinaryOperator<T>
    {
        public static int Count => Vector256<T>.Count;
        public static Vector256<T> Compute(ref T x, ref T y, nint i) => TOp.Invoke(Vector256.LoadUnsafe(ref x, (nuint)i), Vector256.LoadUnsafe(ref y, (nuint)i));
        public static unsafe void StoreNonTemporal(Vector256<T> value, T* destination) => value.StoreAlignedNonTemporal(destination);
        public static T Lane(Vector256<T> value, int k) => value.GetElement(k);
    }
}
