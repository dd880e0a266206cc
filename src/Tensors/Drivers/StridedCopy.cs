using System.Runtime.CompilerServices;

namespace Kernels.Tensors.Drivers;

/// <summary>Copy and fill over arbitrary strided views, row by row, with block copies for contiguous rows.</summary>
internal static class StridedCopy
{
    public static void Copy<T>(NDArray<T> source, NDArray<T> destination) where T : unmanaged
    {
        if (source.Length == 0) return;
        if (Overlaps(source, destination) && !SameLayout(source, destination))
            source = source.Copy();
        var plan = IterationPlan.Create(source.Shape, source.StridesArray, destination.StridesArray);
        int n = plan.RowLength;
        nint ss = plan.Strides[0][^1], ds = plan.Strides[1][^1];
        ref T src = ref source.StorageBase;
        ref T dst = ref destination.StorageBase;
        var cursor = new RowCursor(plan, source.Offset, destination.Offset);
        while (cursor.MoveNext())
        {
            if (ss == 1 && ds == 1)
            {
                var from = System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref src, cursor.Offset0), n);
                from.CopyTo(System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref Unsafe.Add(ref dst, cursor.Offset1), n));
            }
            else
            {
                ref T s = ref Unsafe.Add(ref src, cursor.Offset0);
                ref T d = ref Unsafe.Add(ref dst, cursor.Offset1);
                for (nint i = 0; i < n; i++) Unsafe.Add(ref d, i * ds) = Unsafe.Add(ref s, i * ss);
            }
        }
    }

    public static void Fill<T>(NDArray<T> destination, T value) where T : unmanaged
    {
        if (destination.Length == 0) return;
        var plan = IterationPlan.Create(destination.Shape, destination.StridesArray);
        int n = plan.RowLength;
        nint ds = plan.Strides[0][^1];
        ref T dst = ref destination.StorageBase;
        var cursor = new RowCursor(plan, destination.Offset);
        while (cursor.MoveNext())
        {
            if (ds == 1) System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref Unsafe.Add(ref dst, cursor.Offset0), n).Fill(value);
            else { ref T d = ref Unsafe.Add(ref dst, cursor.Offset0); for (nint i = 0; i < n; i++) Unsafe.Add(ref d, i * ds) = value; }
        }
    }

    /// <summary>True when the storage extents of the two views share any byte.</summary>
    public static bool Overlaps<TA, TB>(NDArray<TA> a, NDArray<TB> b) where TA : unmanaged where TB : unmanaged
    {
        if (a.Length == 0 || b.Length == 0) return false;
        var (aLo, aHi) = ByteExtent(a);
        var (bLo, bHi) = ByteExtent(b);
        // Distance between the two first elements, taken from live references so a GC move cannot skew it.
        long d = Unsafe.ByteOffset(ref Unsafe.As<TA, byte>(ref a.FirstElement), ref Unsafe.As<TB, byte>(ref b.FirstElement));
        return aLo < d + bHi && d + bLo < aHi;
    }

    public static bool SameLayout<T>(NDArray<T> a, NDArray<T> b) where T : unmanaged =>
        Unsafe.AreSame(ref a.FirstElement, ref b.FirstElement) && a.Strides.SequenceEqual(b.Strides) && a.Shape.SequenceEqual(b.Shape);

    // Byte range [lo, hi) reachable from the first element.
    private static (long Lo, long Hi) ByteExtent<T>(NDArray<T> x) where T : unmanaged
    {
        long lo = 0, hi = 0;
        for (int i = 0; i < x.Rank; i++)
        {
            long span = (long)(x.Shape[i] - 1) * x.Strides[i];
            if (span >= 0) hi += span; else lo += span;
        }
        int size = Unsafe.SizeOf<T>();
        return (lo * size, (hi + 1) * size);
    }
}
