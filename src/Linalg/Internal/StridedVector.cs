using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

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
        if (incx == 1 && incy == 1) return DotContiguous(n, x, y);
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
            AxpyContiguous(n, alpha, x, y);
            return;
        }
        for (int i = 0; i < n; i++) y[i * incy] += alpha * x[i * incx];
    }

    // The factorizations' level-2 panels call these millions of times on short rows (a panel is 8–32 wide), where a
    // library call's fixed cost would dominate; an inlined Vector<T> loop has none. Vector<T> is portable: without
    // hardware acceleration it falls to the scalar loop.

    /// <summary>a·b + c per lane: fused where the hardware has FMA, multiply-then-add elsewhere (never a slow
    /// software FMA).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<T> MulAdd<T>(Vector<T> a, Vector<T> b, Vector<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
            return Vector.MultiplyAddEstimate(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        if (typeof(T) == typeof(float))
            return Vector.MultiplyAddEstimate(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        return a * b + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AxpyContiguous<T>(int n, T alpha, T* x, T* y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<T>.Count)
        {
            var va = new Vector<T>(alpha);
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
            {
                var vy = Vector.Load(y + i);
                Vector.Store(MulAdd(Vector.Load(x + i), va, vy), y + i);
            }
        }
        for (; i < n; i++) y[i] += x[i] * alpha;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T DotContiguous<T>(int n, T* x, T* y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        T s = T.Zero;
        if (Vector.IsHardwareAccelerated && n >= Vector<T>.Count)
        {
            // Two accumulators hide the FMA latency on long vectors.
            var acc0 = Vector<T>.Zero;
            var acc1 = Vector<T>.Zero;
            int w = Vector<T>.Count;
            for (; i <= n - 2 * w; i += 2 * w)
            {
                acc0 = MulAdd(Vector.Load(x + i), Vector.Load(y + i), acc0);
                acc1 = MulAdd(Vector.Load(x + i + w), Vector.Load(y + i + w), acc1);
            }
            if (i <= n - w)
            {
                acc0 = MulAdd(Vector.Load(x + i), Vector.Load(y + i), acc0);
                i += w;
            }
            s = Vector.Sum(acc0 + acc1);
        }
        for (; i < n; i++) s += x[i] * y[i];
        return s;
    }

    /// <summary>
    /// Plane rotation (BLAS <c>rot</c>): <c>(xᵢ, yᵢ) ← (c·xᵢ + s·yᵢ, c·yᵢ − s·xᵢ)</c>. Vectorised when both strides are 1
    /// (rows of Uᵀ/Vᵀ, contiguous leaf blocks), a scalar loop otherwise (columns of row-major blocks). The sum and
    /// products are formed without fusing, so callers passing −s get bit-for-bit the mirrored convention.
    /// </summary>
    public static void Rotate<T>(int n, T* x, nint incx, T* y, nint incy, T c, T s) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = 0;
        if (incx == 1 && incy == 1 && Vector.IsHardwareAccelerated)
        {
            var vc = new Vector<T>(c);
            var vs = new Vector<T>(s);
            for (; k <= n - Vector<T>.Count; k += Vector<T>.Count)
            {
                var a = Vector.Load(x + k);
                var b = Vector.Load(y + k);
                Vector.Store(vc * a + vs * b, x + k);
                Vector.Store(vc * b - vs * a, y + k);
            }
        }
        for (; k < n; k++)
        {
            T a = x[k * incx], b = y[k * incy];
            x[k * incx] = c * a + s * b;
            y[k * incy] = c * b - s * a;
        }
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
