using System.Numerics;
using Kernels.Linalg.Blas;

namespace Kernels.Linalg.Factorizations;

public static partial class Lapack
{
    /// <summary>
    /// Cholesky <c>A = L·Lᵀ</c> (<see cref="Triangle.Lower"/>) or <c>A = Uᵀ·U</c> (<see cref="Triangle.Upper"/>) of
    /// the symmetric n×n A in place (<c>potrf</c>); only the <paramref name="uplo"/> triangle is read or written.
    /// </summary>
    /// <returns>0 on success, or the order j + 1 of the first leading minor that is not positive definite (the pivot
    /// at j was ≤ 0 or NaN); the factor is then incomplete.</returns>
    public static unsafe int Potrf<T>(MatrixOrder order, Triangle uplo, int n, Span<T> a, int lda, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* pa = a)
        {
            var am = View("A", order, n, n, pa, lda, a.Length);
            // The upper triangle of A is the lower triangle of Aᵀ, and Uᵀ·U = (Lᵀ)ᵀ·Lᵀ with U = Lᵀ.
            return CholeskyKernel.Factor(uplo == Triangle.Lower ? am : am.Transposed, options);
        }
    }

    /// <summary>
    /// LU with partial pivoting <c>P·A = L·U</c> of the m×n A in place (<c>getrf</c>): L unit lower (diagonal not
    /// stored), U upper; row i was interchanged with row <c>pivots[i]</c> (0-based), i &lt; min(m, n).
    /// </summary>
    /// <returns>0, or j + 1 for the first exactly-zero pivot U_jj (the factorization completes; U is singular).</returns>
    public static unsafe int Getrf<T>(MatrixOrder order, int m, int n, Span<T> a, int lda, Span<int> pivots, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* pa = a)
        fixed (int* pp = pivots)
        {
            var am = View("A", order, m, n, pa, lda, a.Length);
            CheckLength(nameof(pivots), pivots.Length, Math.Min(m, n), "min(m, n) pivot indices");
            return LuKernel.Factor(am, pp, options);
        }
    }

    /// <summary>
    /// Solves <c>op(A)·X = B</c> with the factors of <see cref="Getrf{T}"/> (n×n), overwriting the n×nrhs B
    /// (<c>getrs</c>). Assumes the factorization reported no zero pivot.
    /// </summary>
    public static unsafe void Getrs<T>(MatrixOrder order, Transpose trans, int n, int nrhs, ReadOnlySpan<T> lu, int lda,
        ReadOnlySpan<int> pivots, Span<T> b, int ldb, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        MatrixArgument.ThrowIfOverlaps<T>(b, lu, "B", "LU");
        fixed (T* pa = lu)
        fixed (int* pp = pivots)
        fixed (T* pb = b)
        {
            var am = View("LU", order, n, n, pa, lda, lu.Length);
            var bm = View("B", order, n, nrhs, pb, ldb, b.Length);
            CheckLength(nameof(pivots), pivots.Length, n, "n pivot indices");
            LuSolve(am, pp, trans != Transpose.None, bm, options);
        }
    }

    /// <summary>
    /// Solves <c>A·X = B</c> with the Cholesky factor of <see cref="Potrf{T}"/> (n×n, the <paramref name="uplo"/>
    /// triangle), overwriting the n×nrhs B (<c>potrs</c>).
    /// </summary>
    public static unsafe void Potrs<T>(MatrixOrder order, Triangle uplo, int n, int nrhs, ReadOnlySpan<T> factor, int lda,
        Span<T> b, int ldb, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        MatrixArgument.ThrowIfOverlaps<T>(b, factor, "B", "factor");
        fixed (T* pa = factor)
        fixed (T* pb = b)
        {
            var am = View("factor", order, n, n, pa, lda, factor.Length);
            var bm = View("B", order, n, nrhs, pb, ldb, b.Length);
            CholeskySolve(uplo == Triangle.Lower ? am : am.Transposed, bm, options);
        }
    }

    internal static unsafe void LuSolve<T>(Internal.StridedMatrix<T> lu, int* pivots, bool transpose, Internal.StridedMatrix<T> b,
        GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = lu.Rows;
        if (n == 0 || b.Cols == 0) return;
        if (!transpose)
        {
            LuKernel.ApplyInterchanges(b, pivots, 0, n);
            Blas.Blas.TrsmLeft(n, b.Cols, lu.P, lu.Rs, lu.Cs, lower: true, unit: true, b.P, b.Rs, b.Cs, options);
            Blas.Blas.TrsmLeft(n, b.Cols, lu.P, lu.Rs, lu.Cs, lower: false, unit: false, b.P, b.Rs, b.Cs, options);
        }
        else
        {
            // Aᵀ = Uᵀ·Lᵀ·P: solve Uᵀ (lower), then Lᵀ (unit upper), then undo the interchanges in reverse.
            Blas.Blas.TrsmLeft(n, b.Cols, lu.P, lu.Cs, lu.Rs, lower: true, unit: false, b.P, b.Rs, b.Cs, options);
            Blas.Blas.TrsmLeft(n, b.Cols, lu.P, lu.Cs, lu.Rs, lower: false, unit: true, b.P, b.Rs, b.Cs, options);
            for (int i = n - 1; i >= 0; i--)
                if (pivots[i] != i) Internal.StridedVector.Swap(b.Cols, b.At(i, 0), b.Cs, b.At(pivots[i], 0), b.Cs);
        }
    }

    internal static unsafe void CholeskySolve<T>(Internal.StridedMatrix<T> l, Internal.StridedMatrix<T> b, GemmOptions? options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = l.Rows;
        if (n == 0 || b.Cols == 0) return;
        Blas.Blas.TrsmLeft(n, b.Cols, l.P, l.Rs, l.Cs, lower: true, unit: false, b.P, b.Rs, b.Cs, options);
        Blas.Blas.TrsmLeft(n, b.Cols, l.P, l.Cs, l.Rs, lower: false, unit: false, b.P, b.Rs, b.Cs, options);
    }
}
