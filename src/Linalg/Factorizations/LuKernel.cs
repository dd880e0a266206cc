using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Factorizations;

/// <summary>
/// Recursive LU with partial pivoting <c>P·A = L·U</c> on a strided view (Toledo's recursion, LAPACK's
/// <c>getrf2</c>): factor the left half of the columns, swap and solve the right half's top
/// (<c>U₁₂ = L₁₁⁻¹·A₁₂</c>, TRSM), update <c>A₂₂ ← A₂₂ − L₂₁·U₁₂</c> (GEMM), recurse on A₂₂ and swap its pivots
/// back into L₂₁. Row interchanges are whole-row swaps, contiguous for row-major storage.
/// </summary>
internal static unsafe class LuKernel
{
    private const int Leaf = 16;

    /// <summary>
    /// Factors the m×n A in place: L (unit diagonal, not stored) below the diagonal, U on and above it;
    /// <c>pivots[i]</c> is the row interchanged with row i (0-based, as in LAPACK's ipiv minus one).
    /// </summary>
    /// <returns>0, or j + 1 for the first exactly-zero pivot U_jj (the factorization is completed; U is singular).</returns>
    public static int Factor<T>(StridedMatrix<T> a, int* pivots, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = a.Rows, n = a.Cols, k = Math.Min(m, n);
        if (k == 0) return 0;
        if (n <= Leaf || m == 1) return FactorLeaf(a, pivots);
        int n1 = k / 2, n2 = n - n1;
        int info = Factor(a.Sub(0, 0, m, n1), pivots, options);
        var right = a.Sub(0, n1, m, n2);
        ApplyInterchanges(right, pivots, 0, n1);
        var l11 = a.Sub(0, 0, n1, n1);
        var a12 = a.Sub(0, n1, n1, n2);
        Blas.Blas.TrsmLeft(n1, n2, l11.P, l11.Rs, l11.Cs, lower: true, unit: true, a12.P, a12.Rs, a12.Cs, options);
        var a21 = a.Sub(n1, 0, m - n1, n1);
        var a22 = a.Sub(n1, n1, m - n1, n2);
        StridedMatrix<T>.Gemm(-T.One, a21, a12, T.One, a22, options);
        int info2 = Factor(a22, pivots + n1, options);
        if (info == 0 && info2 != 0) info = info2 + n1;
        int k2 = Math.Min(m - n1, n2);
        for (int i = n1; i < n1 + k2; i++) pivots[i] += n1;
        ApplyInterchanges(a.Sub(0, 0, m, n1), pivots, n1, n1 + k2);
        return info;
    }

    /// <summary>Swaps row i with row pivots[i] for i in [from, to), in order (LAPACK's <c>laswp</c>).</summary>
    public static void ApplyInterchanges<T>(StridedMatrix<T> a, int* pivots, int from, int to) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = from; i < to; i++)
        {
            int p = pivots[i];
            if (p != i) StridedVector.Swap(a.Cols, a.At(i, 0), a.Cs, a.At(p, 0), a.Cs);
        }
    }

    /// <summary>
    /// The unblocked leaf on a unit-stride column copy when A's columns are strided (row-major storage): the pivot
    /// search and the column updates then stream contiguous memory instead of touching one page per element, and
    /// the copies cost one pass each way.
    /// </summary>
    private static int FactorLeaf<T>(StridedMatrix<T> a, int* pivots) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Rs == 1 || a.Rows < 64) return FactorUnblocked(a, pivots);
        using var scratch = new Scratch<T>(a.Rows * a.Cols);
        var columns = new StridedMatrix<T>(scratch.Pointer, a.Rows, a.Cols, 1, a.Rows);
        a.CopyTo(columns);
        int info = FactorUnblocked(columns, pivots);
        columns.CopyTo(a);
        return info;
    }

    private static int FactorUnblocked<T>(StridedMatrix<T> a, int* pivots) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = a.Rows, n = a.Cols, k = Math.Min(m, n), info = 0;
        T sfmin = Precision<T>.SafeMinimum;
        for (int j = 0; j < k; j++)
        {
            // Pivot: largest magnitude in column j at or below the diagonal; a NaN is taken at once, so it propagates.
            int p = j;
            T best = T.Abs(a[j, j]);
            for (int i = j + 1; i < m && !T.IsNaN(best); i++)
            {
                T v = T.Abs(a[i, j]);
                if (v > best || T.IsNaN(v)) { best = v; p = i; }
            }
            pivots[j] = p;
            if (p != j) StridedVector.Swap(n, a.At(j, 0), a.Cs, a.At(p, 0), a.Cs);
            T pivot = a[j, j];
            if (pivot == T.Zero)
            {
                if (info == 0) info = j + 1;
                continue;
            }
            if (a.Rs == 1)
            {
                // Column storage: scale the column, then one contiguous axpy per trailing column.
                T* col = a.At(j + 1, j);
                int below = m - j - 1;
                if (T.Abs(pivot) >= sfmin) StridedVector.Scale(below, T.One / pivot, col, 1);
                else for (int i = 0; i < below; i++) col[i] /= pivot;
                for (int c = j + 1; c < n; c++) StridedVector.Axpy(below, -a[j, c], col, 1, a.At(j + 1, c), 1);
                continue;
            }
            // Scale the column below the pivot and apply the rank-1 update row by row in one pass: each row is
            // touched once, and the short rows of a leaf panel are done inline rather than through a library call.
            bool reciprocal = T.Abs(pivot) >= sfmin;
            T inv = T.One / pivot;
            int len = n - j - 1;
            T* pivotRow = a.At(j, j + 1);
            for (int i = j + 1; i < m; i++)
            {
                T l = reciprocal ? a[i, j] * inv : a[i, j] / pivot;
                a[i, j] = l;
                if (l == T.Zero) continue;
                T* row = a.At(i, j + 1);
                if (a.Cs == 1 && len < 32)
                    for (int c = 0; c < len; c++) row[c] -= l * pivotRow[c];
                else StridedVector.Axpy(len, -l, pivotRow, a.Cs, row, a.Cs);
            }
        }
        return info;
    }
}
