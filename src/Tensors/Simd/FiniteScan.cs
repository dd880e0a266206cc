using System.Numerics;
using System.Runtime.InteropServices;

namespace Kernels.Tensors.Simd;

/// <summary>Finds NaN or ±∞ in a span: the input check that factorizations, solvers and transport routines share.</summary>
internal static class FiniteScan
{
    /// <summary>
    /// Index of the first NaN or ±∞ in <paramref name="span"/>, or −1. Vectorised: x − x is 0 for finite x and NaN
    /// otherwise, so whole vectors of finite values pass with one compare; the first failing vector is rescanned
    /// element by element.
    /// </summary>
    public static int FirstNonFinite<T>(ReadOnlySpan<T> span) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int start = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            var vectors = MemoryMarshal.Cast<T, Vector<T>>(span);
            int k = 0;
            while (k < vectors.Length && Vector.EqualsAll(vectors[k] - vectors[k], Vector<T>.Zero)) k++;
            start = k * Vector<T>.Count;
        }
        for (int i = start; i < span.Length; i++)
            if (!T.IsFinite(span[i])) return i;
        return -1;
    }
}
