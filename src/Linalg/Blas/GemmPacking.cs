using System.Numerics;
using System.Runtime.CompilerServices;

namespace Kernels.Linalg.Blas;

/// <summary>
/// Packs blocks of op(A) and op(B) into the k-major slivers the micro-kernels read: A as MR-row slivers
/// (<c>dst[s·MR·kc + p·MR + i] = A[s·MR + i, p]</c>) and B as NR-column slivers
/// (<c>dst[s·NR·kc + p·NR + j] = B[p, s·NR + j]</c>), zero-padding the last sliver so edge tiles run the same
/// kernel. Sources have arbitrary element strides; the loop order follows whichever stride is unit.
/// </summary>
internal static unsafe class GemmPacking
{
    public static void PackA<T>(int mc, int kc, T* a, nint rsa, nint csa, T* dst, int mr)
        where T : unmanaged, INumberBase<T>
    {
        for (int i0 = 0; i0 < mc; i0 += mr)
        {
            int rows = Math.Min(mr, mc - i0);
            T* d = dst + (nint)i0 * kc;
            T* src = a + i0 * rsa;
            if (csa == 1 && rsa != 1)
            {
                for (int i = 0; i < rows; i++)
                {
                    T* row = src + i * rsa;
                    for (int p = 0; p < kc; p++) d[p * mr + i] = row[p];
                }
            }
            else if (rsa == 1 && rows == mr)
            {
                for (int p = 0; p < kc; p++) Unsafe.CopyBlockUnaligned(d + p * mr, src + p * csa, (uint)(mr * sizeof(T)));
            }
            else
            {
                for (int p = 0; p < kc; p++)
                {
                    T* col = src + p * csa;
                    for (int i = 0; i < rows; i++) d[p * mr + i] = col[i * rsa];
                }
            }
            if (rows < mr)
                for (int p = 0; p < kc; p++)
                    for (int i = rows; i < mr; i++) d[p * mr + i] = T.Zero;
        }
    }

    public static void PackB<T>(int kc, int nc, T* b, nint rsb, nint csb, T* dst, int nr, int firstSliver, int endSliver)
        where T : unmanaged, INumberBase<T>
    {
        for (int s = firstSliver; s < endSliver; s++)
        {
            int j0 = s * nr;
            int cols = Math.Min(nr, nc - j0);
            T* d = dst + (nint)j0 * kc;
            T* src = b + j0 * csb;
            if (csb == 1 && cols == nr)
            {
                for (int p = 0; p < kc; p++) Unsafe.CopyBlockUnaligned(d + p * nr, src + p * rsb, (uint)(nr * sizeof(T)));
            }
            else if (rsb == 1 && csb != 1)
            {
                for (int j = 0; j < cols; j++)
                {
                    T* col = src + j * csb;
                    for (int p = 0; p < kc; p++) d[p * nr + j] = col[p];
                }
            }
            else
            {
                for (int p = 0; p < kc; p++)
                {
                    T* row = src + p * rsb;
                    for (int j = 0; j < cols; j++) d[p * nr + j] = row[j * csb];
                }
            }
            if (cols < nr)
                for (int p = 0; p < kc; p++)
                    for (int j = cols; j < nr; j++) d[p * nr + j] = T.Zero;
        }
    }
}
