using System.Numerics;

namespace Kernels.Linalg.Internal;

/// <summary>
/// The two row-major matrix–vector products of the bandwidth-bound reductions (bidiagonalisation): <c>y = Aᵀ·x</c>
/// as a combination of rows and <c>y = A·x</c> as row dot products. Four rows at a time share every load of the
/// vector operand (and, for Aᵀx, every load and store of y), which halves the memory operations per matrix element
/// compared with one axpy or dot per row. Portable <see cref="Vector{T}"/> code.
/// </summary>
internal static unsafe class DenseMatrixVector
{
    /// <summary><c>y[0:n] = Σᵣ x[r]·A[r, 0:n]</c> over rows r &lt; m (A row-major, leading dimension ld); with
    /// <paramref name="accumulate"/> the sum is added to y instead.</summary>
    public static void TransposeTimes<T>(int m, int n, T* a, nint ld, T* x, T* y, bool accumulate = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!accumulate) new Span<T>(y, n).Clear();
        int r = 0, w = Vector<T>.Count;
        for (; r + 4 <= m; r += 4)
        {
            T* a0 = a + r * ld, a1 = a0 + ld, a2 = a1 + ld, a3 = a2 + ld;
            T x0 = x[r], x1 = x[r + 1], x2 = x[r + 2], x3 = x[r + 3];
            int c = 0;
            if (Vector.IsHardwareAccelerated)
            {
                Vector<T> b0 = new(x0), b1 = new(x1), b2 = new(x2), b3 = new(x3);
                for (; c <= n - w; c += w)
                {
                    var acc = Vector.Load(y + c);
                    acc = StridedVector.MulAdd(Vector.Load(a0 + c), b0, acc);
                    acc = StridedVector.MulAdd(Vector.Load(a1 + c), b1, acc);
                    acc = StridedVector.MulAdd(Vector.Load(a2 + c), b2, acc);
                    acc = StridedVector.MulAdd(Vector.Load(a3 + c), b3, acc);
                    Vector.Store(acc, y + c);
                }
            }
            for (; c < n; c++) y[c] += a0[c] * x0 + a1[c] * x1 + a2[c] * x2 + a3[c] * x3;
        }
        for (; r < m; r++) StridedVector.Axpy(n, x[r], a + r * ld, 1, y, 1);
    }

    /// <summary><c>y[r] = A[r, 0:n]·x</c> for rows r &lt; m.</summary>
    public static void Times<T>(int m, int n, T* a, nint ld, T* x, T* y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int r = 0, w = Vector<T>.Count;
        for (; r + 4 <= m; r += 4)
        {
            T* a0 = a + r * ld, a1 = a0 + ld, a2 = a1 + ld, a3 = a2 + ld;
            T s0 = T.Zero, s1 = T.Zero, s2 = T.Zero, s3 = T.Zero;
            int c = 0;
            if (Vector.IsHardwareAccelerated && n >= w)
            {
                Vector<T> acc0 = Vector<T>.Zero, acc1 = Vector<T>.Zero, acc2 = Vector<T>.Zero, acc3 = Vector<T>.Zero;
                for (; c <= n - w; c += w)
                {
                    var xv = Vector.Load(x + c);
                    acc0 = StridedVector.MulAdd(Vector.Load(a0 + c), xv, acc0);
                    acc1 = StridedVector.MulAdd(Vector.Load(a1 + c), xv, acc1);
                    acc2 = StridedVector.MulAdd(Vector.Load(a2 + c), xv, acc2);
                    acc3 = StridedVector.MulAdd(Vector.Load(a3 + c), xv, acc3);
                }
                s0 = Vector.Sum(acc0); s1 = Vector.Sum(acc1); s2 = Vector.Sum(acc2); s3 = Vector.Sum(acc3);
            }
            for (; c < n; c++)
            {
                T xc = x[c];
                s0 += a0[c] * xc; s1 += a1[c] * xc; s2 += a2[c] * xc; s3 += a3[c] * xc;
            }
            y[r] = s0; y[r + 1] = s1; y[r + 2] = s2; y[r + 3] = s3;
        }
        for (; r < m; r++) y[r] = StridedVector.Dot(n, a + r * ld, 1, x, 1);
    }

    /// <summary>
    /// <c>u ← A·v − α·u</c>, then <c>t = Aᵀ·u</c> (the new u), in one pass over A: rows go in blocks small enough to
    /// stay in L1 between the dot products and the combination, so a bandwidth-bound Golub–Kahan step (LSQR) reads A
    /// once instead of twice.
    /// </summary>
    public static void TimesThenTransposeTimes<T>(int m, int n, T* a, nint ld, T* v, T alpha, T* u, T* t) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // 16 rows of up to 256 doubles are 32 KB: within a 48 KB L1 with v and t alongside for typical n.
        int block = Math.Max(4, Math.Min(64, 4096 / Math.Max(n, 1)) & ~3);
        T* dots = stackalloc T[64];
        new Span<T>(t, n).Clear();
        for (int r = 0; r < m; r += block)
        {
            int rows = Math.Min(block, m - r);
            T* ar = a + r * ld;
            Times(rows, n, ar, ld, v, dots);
            for (int i = 0; i < rows; i++) u[r + i] = dots[i] - alpha * u[r + i];
            TransposeTimes(rows, n, ar, ld, u + r, t, accumulate: true);
        }
    }
}
