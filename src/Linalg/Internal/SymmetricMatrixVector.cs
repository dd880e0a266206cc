using System.Numerics;

namespace Kernels.Linalg.Internal;

/// <summary>
/// <c>y = A·x</c> for symmetric A of which only the lower triangle (row-major, unit column stride) is read: each
/// stored a_ij (j &lt; i) feeds both <c>y_i += a_ij·x_j</c> and <c>y_j += a_ij·x_i</c>, so the matrix streams from
/// memory once and half of it is never touched (LAPACK's <c>symv</c>, the bandwidth-bound half of tridiagonal
/// reduction). Four rows share each load of x and y; their four dot products run as independent FMA chains.
/// Portable <see cref="Vector{T}"/> code: without hardware acceleration it is the scalar loop.
/// </summary>
internal static unsafe class SymmetricMatrixVector
{
    public static void Lower<T>(int n, T* a, nint ld, T* x, T* y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < n; i++) y[i] = T.Zero;
        int w = Vector<T>.Count;
        bool simd = Vector.IsHardwareAccelerated;
        int r = 0;
        for (; r + 4 <= n; r += 4)
        {
            T* a0 = a + r * ld, a1 = a0 + ld, a2 = a1 + ld, a3 = a2 + ld;
            T x0 = x[r], x1 = x[r + 1], x2 = x[r + 2], x3 = x[r + 3];
            T s0 = T.Zero, s1 = T.Zero, s2 = T.Zero, s3 = T.Zero;
            int c = 0;
            if (simd && r >= w)
            {
                Vector<T> acc0 = Vector<T>.Zero, acc1 = Vector<T>.Zero, acc2 = Vector<T>.Zero, acc3 = Vector<T>.Zero;
                Vector<T> b0 = new(x0), b1 = new(x1), b2 = new(x2), b3 = new(x3);
                for (; c <= r - w; c += w)
                {
                    var xv = Vector.Load(x + c);
                    var yv = Vector.Load(y + c);
                    var v0 = Vector.Load(a0 + c);
                    var v1 = Vector.Load(a1 + c);
                    var v2 = Vector.Load(a2 + c);
                    var v3 = Vector.Load(a3 + c);
                    acc0 = StridedVector.MulAdd(v0, xv, acc0);
                    acc1 = StridedVector.MulAdd(v1, xv, acc1);
                    acc2 = StridedVector.MulAdd(v2, xv, acc2);
                    acc3 = StridedVector.MulAdd(v3, xv, acc3);
                    yv = StridedVector.MulAdd(v0, b0, yv);
                    yv = StridedVector.MulAdd(v1, b1, yv);
                    yv = StridedVector.MulAdd(v2, b2, yv);
                    yv = StridedVector.MulAdd(v3, b3, yv);
                    Vector.Store(yv, y + c);
                }
                s0 = Vector.Sum(acc0); s1 = Vector.Sum(acc1); s2 = Vector.Sum(acc2); s3 = Vector.Sum(acc3);
            }
            for (; c < r; c++)
            {
                T xc = x[c];
                s0 += a0[c] * xc; s1 += a1[c] * xc; s2 += a2[c] * xc; s3 += a3[c] * xc;
                y[c] += a0[c] * x0 + a1[c] * x1 + a2[c] * x2 + a3[c] * x3;
            }
            // The 4×4 diagonal block, lower part.
            s0 += a0[r] * x0;
            s1 += a1[r] * x0 + a1[r + 1] * x1;
            s2 += a2[r] * x0 + a2[r + 1] * x1 + a2[r + 2] * x2;
            s3 += a3[r] * x0 + a3[r + 1] * x1 + a3[r + 2] * x2 + a3[r + 3] * x3;
            y[r] += a1[r] * x1 + a2[r] * x2 + a3[r] * x3;
            y[r + 1] += a2[r + 1] * x2 + a3[r + 1] * x3;
            y[r + 2] += a3[r + 2] * x3;
            y[r] += s0; y[r + 1] += s1; y[r + 2] += s2; y[r + 3] += s3;
        }
        for (; r < n; r++)
        {
            T* row = a + r * ld;
            T xr = x[r];
            T s = StridedVector.Dot(r, row, 1, x, 1);
            StridedVector.Axpy(r, xr, row, 1, y, 1);
            y[r] += s + row[r] * xr;
        }
    }

}
