using System.Numerics;

namespace Kernels.Linalg.Blas;

public static partial class Blas
{
    /// <summary>
    /// Strided-batched GEMM: for b in [0, batchCount), <c>C_b ← α·op(A_b)·op(B_b) + β·C_b</c> where
    /// <c>X_b</c> starts at element <c>b·strideX</c> of its span (stride 0 broadcasts one matrix to every batch;
    /// C batches must not overlap). Parallel across batches when each product is small, inside each product when
    /// it is large; bit-identical results either way.
    /// </summary>
    /// <exception cref="ArgumentException">A span is too short for the batches, or C batches overlap.</exception>
    public static unsafe void GemmStridedBatched<T>(MatrixOrder order, Transpose transA, Transpose transB,
        int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda, long strideA, ReadOnlySpan<T> b, int ldb, long strideB,
        T beta, Span<T> c, int ldc, long strideC, int batchCount, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batchCount);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(strideA);
        ArgumentOutOfRangeException.ThrowIfNegative(strideB);
        if (batchCount == 0) return;
        var (ar, ac) = MatrixArgument.Stored(transA, m, k);
        var (br, bc) = MatrixArgument.Stored(transB, k, n);
        long lastA = (batchCount - 1) * strideA, lastB = (batchCount - 1) * strideB, lastC = (batchCount - 1) * strideC;
        // Check the last batch of each operand (the furthest one) against the span, like the single call does.
        var (rsa, csa) = MatrixArgument.Strides("A", order, transA, ar, ac, lda, (int)Math.Clamp(a.Length - lastA, -1, int.MaxValue));
        var (rsb, csb) = MatrixArgument.Strides("B", order, transB, br, bc, ldb, (int)Math.Clamp(b.Length - lastB, -1, int.MaxValue));
        var (rsc, csc) = MatrixArgument.Strides("C", order, Transpose.None, m, n, ldc, (int)Math.Clamp(c.Length - lastC, -1, int.MaxValue));
        long cExtent = m == 0 || n == 0 ? 0 : (m - 1) * (long)rsc + (n - 1) * (long)csc + 1;
        if (batchCount > 1 && cExtent > 0 && strideC < cExtent)
            throw new ArgumentException($"strideC = {strideC} makes the {m}×{n} C batches (extent {cExtent}) overlap.", nameof(strideC));
        MatrixArgument.ThrowIfOverlaps<T>(c, a, "C", "A");
        MatrixArgument.ThrowIfOverlaps<T>(c, b, "C", "B");
        fixed (T* pa = a)
        fixed (T* pb = b)
        fixed (T* pc = c)
        {
            GemmBatchJob<T>.Run(new GemmBatchJob<T>.Problem(m, n, k, alpha, (nint)pa, rsa, csa, strideA, (nint)pb, rsb, csb, strideB,
                beta, (nint)pc, rsc, csc, strideC, batchCount), options);
        }
    }
}
