using System.Numerics;

namespace Kernels.Linalg.Blas;

/// <summary>
/// Basic Linear Algebra Subprograms over spans, in pure C#: levels 1–3 with CBLAS conventions (order, transposes,
/// leading dimensions). Level-3 routines run in the blocked GEMM driver with per-ISA micro-kernels.
/// </summary>
public static partial class Blas
{
    /// <summary>
    /// <c>C ← α·op(A)·op(B) + β·C</c> with op(A) m×k, op(B) k×n, C m×n, stored in <paramref name="order"/> with
    /// leading dimensions. When β = 0, C is not read (NaN in C does not propagate); when α = 0 or k = 0, A and B are
    /// not read. Allocation-free with <see cref="GemmOptions.Workspace"/>. Results are bit-identical for any thread
    /// count; they differ between kernel sets (FMA vs. separate multiply-add, different k blocking) by rounding.
    /// </summary>
    /// <exception cref="ArgumentException">A leading dimension or span is too small, or C overlaps A or B.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    public static unsafe void Gemm<T>(MatrixOrder order, Transpose transA, Transpose transB, int m, int n, int k,
        T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc,
        GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var (ar, ac) = MatrixArgument.Stored(transA, m, k);
        var (br, bc) = MatrixArgument.Stored(transB, k, n);
        var (rsa, csa) = MatrixArgument.Strides("A", order, transA, ar, ac, lda, a.Length);
        var (rsb, csb) = MatrixArgument.Strides("B", order, transB, br, bc, ldb, b.Length);
        var (rsc, csc) = MatrixArgument.Strides("C", order, Transpose.None, m, n, ldc, c.Length);
        MatrixArgument.ThrowIfOverlaps<T>(c, a, "C", "A");
        MatrixArgument.ThrowIfOverlaps<T>(c, b, "C", "B");
        fixed (T* pa = a)
        fixed (T* pb = b)
        fixed (T* pc = c)
        {
            GemmDispatch.Run(m, n, k, alpha, pa, rsa, csa, pb, rsb, csb, beta, pc, rsc, csc, options);
        }
    }

    /// <summary>Row-major <c>C ← A·B</c> for contiguous A (m×k), B (k×n), C (m×n).</summary>
    public static void Gemm<T>(int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Gemm(MatrixOrder.RowMajor, Transpose.None, Transpose.None, m, n, k, T.One, a, Math.Max(1, k), b, Math.Max(1, n),
            T.Zero, c, Math.Max(1, n), options);
}
