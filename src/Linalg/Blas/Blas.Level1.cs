using System.Numerics;
using System.Numerics.Tensors;

namespace Kernels.Linalg.Blas;

public static partial class Blas
{
    // Vectors are (span, increment): element i at i·inc for inc > 0, at (n−1−i)·|inc| for inc < 0 (reference BLAS).

    private static int VectorIndex(int i, int n, int inc) => inc > 0 ? i * inc : (n - 1 - i) * -inc;

    private static void CheckVector(string name, int n, int length, int inc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (inc == 0) throw new ArgumentException($"Increment of {name} must not be 0.", name);
        long needed = n == 0 ? 0 : (long)(n - 1) * Math.Abs((long)inc) + 1;
        if (length < needed)
            throw new ArgumentException($"{name} has {length} elements, but {n} elements with increment {inc} need {needed}.", name);
    }

    /// <summary><c>xᵀy = Σ xᵢ·yᵢ</c>. Contiguous vectors use <see cref="TensorPrimitives.Dot{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/>.</summary>
    public static T Dot<T>(int n, ReadOnlySpan<T> x, int incx, ReadOnlySpan<T> y, int incy) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVector("x", n, x.Length, incx);
        CheckVector("y", n, y.Length, incy);
        if (incx == 1 && incy == 1) return TensorPrimitives.Dot(x[..n], y[..n]);
        T s = T.Zero;
        for (int i = 0; i < n; i++) s += x[VectorIndex(i, n, incx)] * y[VectorIndex(i, n, incy)];
        return s;
    }

    /// <summary><c>y ← α·x + y</c>.</summary>
    public static void Axpy<T>(int n, T alpha, ReadOnlySpan<T> x, int incx, Span<T> y, int incy) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVector("x", n, x.Length, incx);
        CheckVector("y", n, y.Length, incy);
        if (n == 0 || alpha == T.Zero) return;
        MatrixArgument.ThrowIfOverlaps<T>(y, x, "y", "x");
        if (incx == 1 && incy == 1) { TensorPrimitives.MultiplyAdd(x[..n], alpha, y[..n], y[..n]); return; }
        for (int i = 0; i < n; i++) y[VectorIndex(i, n, incy)] += alpha * x[VectorIndex(i, n, incx)];
    }

    /// <summary><c>x ← α·x</c> (in place).</summary>
    public static void Scal<T>(int n, T alpha, Span<T> x, int incx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVector("x", n, x.Length, incx);
        if (incx == 1) { TensorPrimitives.Multiply(x[..n], alpha, x[..n]); return; }
        for (int i = 0; i < n; i++) x[VectorIndex(i, n, incx)] *= alpha;
    }

    /// <summary><c>Σ |xᵢ|</c>.</summary>
    public static T Asum<T>(int n, ReadOnlySpan<T> x, int incx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVector("x", n, x.Length, incx);
        if (incx == 1) return TensorPrimitives.SumOfMagnitudes(x[..n]);
        T s = T.Zero;
        for (int i = 0; i < n; i++) s += T.Abs(x[VectorIndex(i, n, incx)]);
        return s;
    }

    /// <summary>
    /// Index of the first element of largest |xᵢ| (0-based; −1 when n = 0). A NaN counts as larger than every
    /// number, and the first NaN wins, so a NaN is never hidden.
    /// </summary>
    public static int Iamax<T>(int n, ReadOnlySpan<T> x, int incx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVector("x", n, x.Length, incx);
        int best = -1;
        T bestAbs = T.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            T v = T.Abs(x[VectorIndex(i, n, incx)]);
            if (T.IsNaN(v)) return i;
            if (v > bestAbs) { bestAbs = v; best = i; }
        }
        return best;
    }

    /// <summary>
    /// <c>‖x‖₂</c> without overflow or underflow: the largest |xᵢ| scales the sum of squares (two passes), so
    /// vectors of 1e300 or 1e−300 entries get a correct norm. NaN when any entry is NaN; +∞ when any is infinite.
    /// </summary>
    public static T Nrm2<T>(int n, ReadOnlySpan<T> x, int incx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVector("x", n, x.Length, incx);
        T scale = T.Zero;
        bool nan = false;
        for (int i = 0; i < n; i++)
        {
            T v = T.Abs(x[VectorIndex(i, n, incx)]);
            if (T.IsNaN(v)) nan = true;
            else if (v > scale) scale = v;
        }
        if (nan) return T.NaN;
        if (scale == T.Zero || T.IsInfinity(scale)) return scale;
        T inv = T.One / scale, sum = T.Zero;
        if (incx == 1 && T.IsNormal(inv))
        {
            // One fused pass: ‖x/scale‖² by TensorPrimitives on chunks, no temporary array.
            Span<T> chunk = stackalloc T[256];
            for (int i0 = 0; i0 < n; i0 += chunk.Length)
            {
                int len = Math.Min(chunk.Length, n - i0);
                TensorPrimitives.Multiply(x.Slice(i0, len), inv, chunk[..len]);
                sum += TensorPrimitives.SumOfSquares<T>(chunk[..len]);
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                T v = x[VectorIndex(i, n, incx)] / scale;
                sum += v * v;
            }
        }
        return scale * T.Sqrt(sum);
    }

    /// <summary>Applies the plane rotation <c>[xᵢ; yᵢ] ← [c s; −s c]·[xᵢ; yᵢ]</c> to every pair.</summary>
    public static void Rot<T>(int n, Span<T> x, int incx, Span<T> y, int incy, T c, T s) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVector("x", n, x.Length, incx);
        CheckVector("y", n, y.Length, incy);
        if (n > 0 && x.Overlaps(y)) throw new ArgumentException("x and y overlap; a rotation updates both.", nameof(y));
        for (int i = 0; i < n; i++)
        {
            int ix = VectorIndex(i, n, incx), iy = VectorIndex(i, n, incy);
            T xi = x[ix], yi = y[iy];
            x[ix] = c * xi + s * yi;
            y[iy] = c * yi - s * xi;
        }
    }

    /// <summary>
    /// Constructs a Givens rotation with <c>[c s; −s c]·[a; b] = [r; 0]</c>, c² + s² = 1, with the reference BLAS
    /// sign convention (r has the sign of a when |a| &gt; |b|, else of b) and <c>z</c> the compact encoding of the
    /// rotation (s when |a| &gt; |b|, 1/c when c ≠ 0 otherwise, 1 when c = 0). Scaled so it neither overflows nor
    /// underflows for finite a, b.
    /// </summary>
    public static (T C, T S, T R, T Z) Rotg<T>(T a, T b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T roe = T.Abs(a) > T.Abs(b) ? a : b;
        T scale = T.Abs(a) + T.Abs(b);
        if (scale == T.Zero) return (T.One, T.Zero, T.Zero, T.Zero);
        // c and s come from the scaled (normal-range) values, so they stay accurate even when r is subnormal.
        T sa = a / scale, sb = b / scale;
        T rs = T.CopySign(T.Sqrt(sa * sa + sb * sb), roe);
        T r = scale * rs;
        T c = sa / rs, s = sb / rs;
        T z = T.Abs(a) > T.Abs(b) ? s : c != T.Zero ? T.One / c : T.One;
        return (c, s, r, z);
    }
}
