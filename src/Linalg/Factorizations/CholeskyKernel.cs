using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Factorizations;

/// <summary>
/// Recursive Cholesky <c>A = L·Lᵀ</c> on the lower triangle of a strided view (Gustavson's recursion, LAPACK's
/// <c>potrf2</c>): split in halves, factor A₁₁, <c>L₂₁ = A₂₁·L₁₁⁻ᵀ</c> (TRSM), <c>A₂₂ ← A₂₂ − L₂₁·L₂₁ᵀ</c>
/// (SYRK), recurse. All but O(n²·b) flops run in GEMM; there is no block size to tune.
/// </summary>
internal static unsafe class CholeskyKernel
{
    /// <summary>Below this order the unblocked row-oriented algorithm is used.</summary>
    private const int Leaf = 64;

    /// <summary>
    /// Factors in place; the strictly upper triangle is neither read nor written.
    /// </summary>
    /// <returns>0, or the order j + 1 of the leading minor that is not positive definite (its pivot was ≤ 0 or NaN);
    /// the factorization stops there.</returns>
    public static int Factor<T>(StridedMatrix<T> a, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = a.Rows;
        if (n <= Leaf) return FactorUnblocked(a);
        int n1 = n / 2, n2 = n - n1;
        int info = Factor(a.Sub(0, 0, n1, n1), options);
        if (info != 0) return info;
        var l11 = a.Sub(0, 0, n1, n1);
        var a21 = a.Sub(n1, 0, n2, n1);
        // A₂₁·L₁₁⁻ᵀ: solve L₁₁·X = A₂₁ᵀ on the transposed view of A₂₁.
        Blas.Blas.TrsmLeft(n1, n2, l11.P, l11.Rs, l11.Cs, lower: true, unit: false, a21.P, a21.Cs, a21.Rs, options);
        var a22 = a.Sub(n1, n1, n2, n2);
        Blas.Blas.SyrkCore(n2, n1, -T.One, a21.P, a21.Rs, a21.Cs, T.One, a22.P, a22.Rs, a22.Cs, lower: true, options);
        info = Factor(a22, options);
        return info == 0 ? 0 : info + n1;
    }

    private static int FactorUnblocked<T>(StridedMatrix<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = a.Rows;
        for (int j = 0; j < n; j++)
        {
            T* rowJ = a.At(j, 0);
            T d = a[j, j] - StridedVector.Dot(j, rowJ, a.Cs, rowJ, a.Cs);
            if (!(d > T.Zero))
            {
                a[j, j] = d;
                return j + 1;
            }
            T ljj = T.Sqrt(d);
            a[j, j] = ljj;
            T inv = T.One / ljj;
            for (int i = j + 1; i < n; i++)
            {
                T* rowI = a.At(i, 0);
                a[i, j] = (a[i, j] - StridedVector.Dot(j, rowI, a.Cs, rowJ, a.Cs)) * inv;
            }
        }
        return 0;
    }
}
