using System.Numerics;
using System.Numerics.Tensors;

namespace Kernels.Linalg.Internal;

/// <summary>
/// Level-1 operations on element-strided vectors behind raw pointers, used inside the factorizations. Unit strides go
/// to <see cref="TensorPrimitives"/> (SIMD); other strides run a scalar loop.
/// </summary>
internal static unsafe class StridedVector
{
    /// <summary><c>Σ xᵢ·yᵢ</c>.</summary>
    public static T Dot<T>(int n, T* x, nint incx, T* y, nint incy) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n <= 0) return T.Zero;
        if (incx == 1 && incy == 1) return TensorPrimitives.Dot(new ReadOnlySpan<T>(x, n), new ReadOnlySpan<T>(y, n));
        T s = T.Zero;
        for (int i = 0; i < n; i++) s += x[i * incx] * y[i * incy];
        return s;
    }

    /// <summary><c>y ← y + α·x</c>.</summary>
    public static void Axpy<T>(int n, T alpha, T* x, nint incx, T* y, nint incy) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n <= 0 || alpha == T.Zero) return;
        if (incx == 1 && incy == 1)
        {
            var ys = new Span<T>(y, n);
            TensorPrimitives.MultiplyAdd(new ReadOnlySpan<T>(x, n), alpha, ys, ys);
            return;
        }
        for (int i = 0; i < n; i++) y[i * incy] += alpha * x[i * incx];
    }

    /// <summary><c>x ← α·x</c>.</summary>
    public static void Scale<T>(int n, T alpha, T* x, nint incx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n <= 0 || alpha == T.One) return;
        if (incx == 1)
        {
            var xs = new Span<T>(x, n);
            TensorPrimitives.Multiply(xs, alpha, xs);
            return;
        }
        for (int i = 0; i < n; i++) x[i * incx] *= alpha;
    }

    /// <summary>
    /// <c>‖x‖₂</c> without overflow or harmful underflow: the squares are summed after dividing by max |xᵢ|, so any
    /// finite input gives a finite, accurate result. A NaN anywhere gives NaN; an infinity gives +∞.
    /// </summary>
    public static T Nrm2<T>(int n, T* x, nint incx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T scale = T.Zero;
        for (int i = 0; i < n; i++)
        {
            T v = T.Abs(x[i * incx]);
            if (T.IsNaN(v)) return v;
            if (v > scale) scale = v;
        }
        if (scale == T.Zero || T.IsInfinity(scale)) return scale;
        T inv = T.One / scale;
        T sum = T.Zero;
        if (T.IsNormal(inv) && incx == 1)
        {
            // Fast path: a contiguous SIMD sum of squares on the scaled copy, chunked through the stack.
            Span<T> chunk = stackalloc T[256];
            for (int i0 = 0; i0 < n; i0 += chunk.Length)
            {
                int len = Math.Min(chunk.Length, n - i0);
                TensorPrimitives.Multiply(new ReadOnlySpan<T>(x + i0, len), inv, chunk[..len]);
                sum += TensorPrimitives.SumOfSquares<T>(chunk[..len]);
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                T v = x[i * incx] / scale;
                sum += v * v;
            }
        }
        return scale * T.Sqrt(sum);
    }

    /// <summary>Swaps x and y.</summary>
    public static void Swap<T>(int n, T* x, nint incx, T* y, nint incy) where T : unmanaged
    {
        if (incx == 1 && incy == 1)
        {
            // Block copies through the stack move whole cache lines at memcpy speed.
            Span<T> tmp = stackalloc T[128];
            for (int i0 = 0; i0 < n; i0 += tmp.Length)
            {
                int len = Math.Min(tmp.Length, n - i0);
                var xs = new Span<T>(x + i0, len);
                var ys = new Span<T>(y + i0, len);
                xs.CopyTo(tmp);
                ys.CopyTo(xs);
                tmp[..len].CopyTo(ys);
            }
            return;
        }
        for (int i = 0; i < n; i++) (x[i * incx], y[i * incy]) = (y[i * incy], x[i * incx]);
    }
}
