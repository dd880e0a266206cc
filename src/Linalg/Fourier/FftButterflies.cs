using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Kernels.Tensors.Simd;

namespace Kernels.Linalg.Fourier;

/// <summary>
/// The radix-2 and radix-4 decimation-in-time butterflies over the r blocks of m outputs of one level:
/// radix 2: (a, b·w) → (a + b·w, a − b·w); radix 4: a_q·w_q, then (s02 + s13, d02 − i·d13, s02 − s13, d02 + i·d13)
/// with s/d the sums and differences of the pairs (0, 2) and (1, 3).
/// </summary>
/// <remarks>
/// With 256-bit vectors two consecutive k are done at once: a <see cref="Vector256{T}"/> of doubles holds two complex
/// numbers (re, im, re, im); a complex product is re·w + im·swap(w)·(−1, 1, −1, 1) from two shuffles, and −i·z is a
/// swap and a sign flip. The scalar loop finishes odd m and is the whole path below 256-bit width. Both paths compute
/// the same formulas (one product may round differently where the vector form uses a fused multiply-add).
/// </remarks>
internal static class FftButterflies
{
    public static void Radix2(Span<Complex> output, ReadOnlySpan<Complex> tw, int m)
    {
        int k = 0;
        if (m >= 2 && SimdPolicy.Current >= VectorWidth.W256)
        {
            var o = MemoryMarshal.Cast<Complex, double>(output);
            var w = MemoryMarshal.Cast<Complex, double>(tw);
            ref double o0 = ref MemoryMarshal.GetReference(o);
            ref double w0 = ref MemoryMarshal.GetReference(w);
            for (; k + 2 <= m; k += 2)
            {
                var a = Vector256.LoadUnsafe(ref o0, (nuint)(2 * k));
                var b = Multiply(Vector256.LoadUnsafe(ref o0, (nuint)(2 * (m + k))), Vector256.LoadUnsafe(ref w0, (nuint)(2 * (m + k))));
                (a + b).StoreUnsafe(ref o0, (nuint)(2 * k));
                (a - b).StoreUnsafe(ref o0, (nuint)(2 * (m + k)));
            }
        }
        for (; k < m; k++)
        {
            Complex a = output[k], b = output[m + k] * tw[m + k];
            output[k] = a + b;
            output[m + k] = a - b;
        }
    }

    public static void Radix4(Span<Complex> output, ReadOnlySpan<Complex> tw, int m)
    {
        int k = 0;
        if (m >= 2 && SimdPolicy.Current >= VectorWidth.W256)
        {
            var o = MemoryMarshal.Cast<Complex, double>(output);
            var w = MemoryMarshal.Cast<Complex, double>(tw);
            ref double o0 = ref MemoryMarshal.GetReference(o);
            ref double w0 = ref MemoryMarshal.GetReference(w);
            for (; k + 2 <= m; k += 2)
            {
                nuint i0 = (nuint)(2 * k), i1 = (nuint)(2 * (m + k)), i2 = (nuint)(2 * (2 * m + k)), i3 = (nuint)(2 * (3 * m + k));
                var a0 = Vector256.LoadUnsafe(ref o0, i0);
                var a1 = Multiply(Vector256.LoadUnsafe(ref o0, i1), Vector256.LoadUnsafe(ref w0, i1));
                var a2 = Multiply(Vector256.LoadUnsafe(ref o0, i2), Vector256.LoadUnsafe(ref w0, i2));
                var a3 = Multiply(Vector256.LoadUnsafe(ref o0, i3), Vector256.LoadUnsafe(ref w0, i3));
                Vector256<double> s02 = a0 + a2, d02 = a0 - a2, s13 = a1 + a3, d13 = a1 - a3;
                var md13 = MinusI(d13);
                (s02 + s13).StoreUnsafe(ref o0, i0);
                (d02 + md13).StoreUnsafe(ref o0, i1);
                (s02 - s13).StoreUnsafe(ref o0, i2);
                (d02 - md13).StoreUnsafe(ref o0, i3);
            }
        }
        for (; k < m; k++)
        {
            Complex a0 = output[k], a1 = output[m + k] * tw[m + k], a2 = output[2 * m + k] * tw[2 * m + k], a3 = output[3 * m + k] * tw[3 * m + k];
            Complex s02 = a0 + a2, d02 = a0 - a2, s13 = a1 + a3, d13 = a1 - a3;
            // −i·d13 for the forward transform.
            var md13 = new Complex(d13.Imaginary, -d13.Real);
            output[k] = s02 + s13;
            output[m + k] = d02 + md13;
            output[2 * m + k] = s02 - s13;
            output[3 * m + k] = d02 - md13;
        }
    }

    /// <summary>Two complex products (x₀·w₀, x₁·w₁) on interleaved (re, im) pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Multiply(Vector256<double> x, Vector256<double> w)
    {
        var re = Vector256.Shuffle(x, Vector256.Create(0L, 0, 2, 2));      // (xr, xr)
        var im = Vector256.Shuffle(x, Vector256.Create(1L, 1, 3, 3));      // (xi, xi)
        var swapped = Vector256.Shuffle(w, Vector256.Create(1L, 0, 3, 2)); // (wi, wr)
        // (xr·wr − xi·wi, xr·wi + xi·wr)
        return Vector256.FusedMultiplyAdd(re, w, im * swapped * Vector256.Create(-1.0, 1.0, -1.0, 1.0));
    }

    /// <summary>−i·z for two complex numbers: (re, im) → (im, −re).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> MinusI(Vector256<double> z) =>
        Vector256.Shuffle(z, Vector256.Create(1L, 0, 3, 2)) * Vector256.Create(1.0, -1.0, 1.0, -1.0);
}
