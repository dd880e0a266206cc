using System.Numerics;
using Kernels.Tensors;

namespace Kernels.Linalg.Fourier;

/// <summary>Convolutions computed through the FFT.</summary>
public static class FftConvolution
{
    /// <summary>
    /// Causal convolution along the last axis: y[…, t] = Σ_{s ≤ t} k[…, s]·u[…, t − s] for t &lt; L, computed as
    /// irfft(rfft(u, 2L)·rfft(k, 2L))[:L] (zero padding to 2L makes the circular convolution linear). Leading axes
    /// broadcast (e.g. u (B, D, L) with k (D, L)); O(L log L) per row instead of O(L²). Computed in double.
    /// </summary>
    /// <exception cref="ArgumentException">The last axes differ in length, or the leading axes do not broadcast.</exception>
    public static NDArray<T> Causal<T>(NDArray<T> u, NDArray<T> k) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(k);
        if (u.Rank == 0 || k.Rank == 0) throw new ArgumentException("Causal convolution needs arrays with a time axis (rank ≥ 1).");
        int length = u.Shape[^1];
        if (k.Shape[^1] != length)
            throw new ArgumentException($"The signal {u.ShapeString} and the kernel {k.ShapeString} must have the same length along the last axis.", nameof(k));
        var shape = ShapeMath.BroadcastShapes(u.Shape, k.Shape);
        var ub = u.BroadcastTo(shape).Contiguous().AsSpan();
        var kb = k.BroadcastTo(shape).Contiguous().AsSpan();
        var result = new NDArray<T>(shape);
        var y = result.AsSpan();
        if (length == 0) return result;
        int padded = 2 * length;
        int half = length + 1;
        var a = new double[padded];
        var b = new double[padded];
        var fa = new Complex[half];
        var fb = new Complex[half];
        var work = new Complex[padded];
        int rows = y.Length / length;
        for (int r = 0; r < rows; r++)
        {
            Array.Clear(a);
            Array.Clear(b);
            for (int t = 0; t < length; t++)
            {
                a[t] = double.CreateTruncating(ub[r * length + t]);
                b[t] = double.CreateTruncating(kb[r * length + t]);
            }
            // Real transforms of length 2L: one complex FFT of length L each (padded is even).
            Fft.RealForward(a, fa, work);
            Fft.RealForward(b, fb, work);
            for (int i = 0; i < half; i++) fa[i] *= fb[i];
            if (padded >= 4)
            {
                Fft.RealInverse(fa, a, work);
                for (int t = 0; t < length; t++) y[r * length + t] = T.CreateTruncating(a[t] / padded);
            }
            else
            {
                // L = 1: y = k₀·u₀.
                y[r] = T.CreateTruncating(fa[0].Real / 2 + fa[1].Real / 2);
            }
        }
        return result;
    }
}
