using System.Numerics;
using System.Numerics.Tensors;

namespace Kernels.Linalg.Blas;

public static partial class Blas
{
    /// <summary>
    /// <c>y ← α·op(A)·x + β·y</c>, A stored m×n (op(A) is n×m when transposed). β = 0 does not read y. Rows of
    /// op(A) that are contiguous use SIMD dot products; contiguous columns use SIMD axpy updates.
    /// </summary>
    public static void Gemv<T>(MatrixOrder order, Transpose trans, int m, int n, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> x, int incx, T beta, Span<T> y, int incy) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var (rs, cs) = MatrixArgument.Strides("A", order, trans, m, n, lda, a.Length);
        var (rows, cols) = trans == Transpose.None ? (m, n) : (n, m);
        CheckVector("x", cols, x.Length, incx);
        CheckVector("y", rows, y.Length, incy);
        MatrixArgument.ThrowIfOverlaps<T>(y, a, "y", "A");
        MatrixArgument.ThrowIfOverlaps<T>(y, x, "y", "x");
        if (rows == 0) return;
        ScaleOrZero(rows, beta, y, incy);
        if (cols == 0 || alpha == T.Zero) return;
        if (cs == 1 && incx == 1)
        {
            for (int i = 0; i < rows; i++)
                y[VectorIndex(i, rows, incy)] += alpha * TensorPrimitives.Dot(a.Slice((int)(i * rs), cols), x[..cols]);
        }
        else if (rs == 1 && incy == 1)
        {
            for (int j = 0; j < cols; j++)
                TensorPrimitives.MultiplyAdd(a.Slice((int)(j * cs), rows), alpha * x[VectorIndex(j, cols, incx)], y[..rows], y[..rows]);
        }
        else
        {
            for (int i = 0; i < rows; i++)
            {
                T s = T.Zero;
                for (int j = 0; j < cols; j++) s += a[(int)(i * rs + j * cs)] * x[VectorIndex(j, cols, incx)];
                y[VectorIndex(i, rows, incy)] += alpha * s;
            }
        }
    }

    /// <summary><c>A ← α·x·yᵀ + A</c> (rank-1 update), A m×n.</summary>
    public static void Ger<T>(MatrixOrder order, int m, int n, T alpha, ReadOnlySpan<T> x, int incx, ReadOnlySpan<T> y, int incy,
        Span<T> a, int lda) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var (rs, cs) = MatrixArgument.Strides("A", order, Transpose.None, m, n, lda, a.Length);
        CheckVector("x", m, x.Length, incx);
        CheckVector("y", n, y.Length, incy);
        MatrixArgument.ThrowIfOverlaps<T>(a, x, "A", "x");
        MatrixArgument.ThrowIfOverlaps<T>(a, y, "A", "y");
        if (alpha == T.Zero) return;
        for (int i = 0; i < m; i++)
        {
            T axi = alpha * x[VectorIndex(i, m, incx)];
            if (cs == 1 && incy == 1) TensorPrimitives.MultiplyAdd(y[..n], axi, a.Slice((int)(i * rs), n), a.Slice((int)(i * rs), n));
            else for (int j = 0; j < n; j++) a[(int)(i * rs + j * cs)] += axi * y[VectorIndex(j, n, incy)];
        }
    }

    /// <summary>
    /// <c>y ← α·A·x + β·y</c> for symmetric A (n×n) of which only the <paramref name="uplo"/> triangle is read.
    /// </summary>
    public static void Symv<T>(MatrixOrder order, Triangle uplo, int n, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> x, int incx, T beta, Span<T> y, int incy) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var (rs, cs) = MatrixArgument.Strides("A", order, Transpose.None, n, n, lda, a.Length);
        CheckVector("x", n, x.Length, incx);
        CheckVector("y", n, y.Length, incy);
        MatrixArgument.ThrowIfOverlaps<T>(y, a, "y", "A");
        MatrixArgument.ThrowIfOverlaps<T>(y, x, "y", "x");
        ScaleOrZero(n, beta, y, incy);
        if (alpha == T.Zero) return;
        // Each stored a_ij (i ≠ j) contributes to y_i and y_j: one pass over the triangle.
        for (int i = 0; i < n; i++)
        {
            T xi = x[VectorIndex(i, n, incx)], s = T.Zero;
            int j0 = uplo == Triangle.Lower ? 0 : i + 1, j1 = uplo == Triangle.Lower ? i : n;
            for (int j = j0; j < j1; j++)
            {
                T aij = a[(int)(i * rs + j * cs)];
                s += aij * x[VectorIndex(j, n, incx)];
                y[VectorIndex(j, n, incy)] += alpha * aij * xi;
            }
            y[VectorIndex(i, n, incy)] += alpha * (s + a[(int)(i * rs + i * cs)] * xi);
        }
    }

    /// <summary><c>x ← op(A)·x</c> for triangular A (n×n); only the <paramref name="uplo"/> triangle is read.</summary>
    public static void Trmv<T>(MatrixOrder order, Triangle uplo, Transpose trans, Diagonal diag, int n, ReadOnlySpan<T> a, int lda,
        Span<T> x, int incx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (rs, cs, lower) = TriangularStrides(order, uplo, trans, n, lda, a.Length);
        CheckVector("x", n, x.Length, incx);
        MatrixArgument.ThrowIfOverlaps<T>(x, a, "x", "A");
        bool unit = diag == Diagonal.Unit;
        // Lower: row i needs x_0..x_i, so go from the bottom up; upper: top down.
        for (int step = 0; step < n; step++)
        {
            int i = lower ? n - 1 - step : step;
            int j0 = lower ? 0 : i + 1, j1 = lower ? i : n;
            T s = unit ? x[VectorIndex(i, n, incx)] : a[(int)(i * rs + i * cs)] * x[VectorIndex(i, n, incx)];
            for (int j = j0; j < j1; j++) s += a[(int)(i * rs + j * cs)] * x[VectorIndex(j, n, incx)];
            x[VectorIndex(i, n, incx)] = s;
        }
    }

    /// <summary>
    /// Solves <c>op(A)·x = b</c> in place (x holds b on entry) for triangular A. As in reference BLAS, singularity
    /// is not tested: a zero diagonal gives ±∞/NaN (the factorization solvers check and report it).
    /// </summary>
    public static void Trsv<T>(MatrixOrder order, Triangle uplo, Transpose trans, Diagonal diag, int n, ReadOnlySpan<T> a, int lda,
        Span<T> x, int incx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (rs, cs, lower) = TriangularStrides(order, uplo, trans, n, lda, a.Length);
        CheckVector("x", n, x.Length, incx);
        MatrixArgument.ThrowIfOverlaps<T>(x, a, "x", "A");
        bool unit = diag == Diagonal.Unit;
        for (int step = 0; step < n; step++)
        {
            int i = lower ? step : n - 1 - step;
            int j0 = lower ? 0 : i + 1, j1 = lower ? i : n;
            T s = x[VectorIndex(i, n, incx)];
            for (int j = j0; j < j1; j++) s -= a[(int)(i * rs + j * cs)] * x[VectorIndex(j, n, incx)];
            x[VectorIndex(i, n, incx)] = unit ? s : s / a[(int)(i * rs + i * cs)];
        }
    }

    /// <summary><c>y ← β·y</c>, writing zeros without reading y when β = 0 (so NaN in y does not leak).</summary>
    private static void ScaleOrZero<T>(int n, T beta, Span<T> y, int incy) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < n; i++)
        {
            ref T yi = ref y[VectorIndex(i, n, incy)];
            yi = beta == T.Zero ? T.Zero : beta * yi;
        }
    }

    /// <summary>Strides of op(A) and whether op(A) is lower triangular (transposing swaps the triangle).</summary>
    private static (nint Rs, nint Cs, bool Lower) TriangularStrides(MatrixOrder order, Triangle uplo, Transpose trans, int n, int lda, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var (rs, cs) = MatrixArgument.Strides("A", order, trans, n, n, lda, length);
        return (rs, cs, (uplo == Triangle.Lower) == (trans == Transpose.None));
    }
}
