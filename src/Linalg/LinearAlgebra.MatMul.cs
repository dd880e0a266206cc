using System.Buffers;
using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Tensors;

namespace Kernels.Linalg;

/// <summary>Linear algebra on <see cref="NDArray{T}"/> views: products, factorizations, solvers.</summary>
public static partial class LinearAlgebra
{
    /// <summary>
    /// <c>C ← α·A·B + β·C</c> for 2-D views of any strides (a transposed or sliced view is op(A) without a copy).
    /// β = 0 does not read C. C must not share memory with A or B and must not broadcast (zero stride).
    /// </summary>
    /// <exception cref="ArgumentException">Ranks or shapes do not match, or C aliases an input.</exception>
    public static unsafe void Gemm<T>(T alpha, NDArray<T> a, NDArray<T> b, T beta, NDArray<T> c, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        if (a.Rank != 2 || b.Rank != 2 || c.Rank != 2)
            throw new ArgumentException($"Gemm needs 2-D views; got A {a.ShapeString}, B {b.ShapeString}, C {c.ShapeString}.");
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1];
        if (b.Shape[0] != k || c.Shape[0] != m || c.Shape[1] != n)
            throw new ArgumentException($"Gemm shapes do not match: A {a.ShapeString} · B {b.ShapeString} → C {c.ShapeString}.");
        ThrowIfWritesOverlap(c, "C");
        ThrowIfAliases(c, a, "C", "A");
        ThrowIfAliases(c, b, "C", "B");
        using var ha = a.Storage.Pin();
        using var hb = b.Storage.Pin();
        using var hc = c.Storage.Pin();
        GemmDispatch.Run(m, n, k, alpha, (T*)ha.Pointer + a.Offset, a.Strides[0], a.Strides[1],
            (T*)hb.Pointer + b.Offset, b.Strides[0], b.Strides[1], beta, (T*)hc.Pointer + c.Offset, c.Strides[0], c.Strides[1], options);
    }

    /// <summary>
    /// Matrix product with NumPy's <c>matmul</c> semantics: the last two axes are matrices, leading axes are batch
    /// axes and broadcast; a 1-D A is a row vector and a 1-D B a column vector (their axis is dropped from the
    /// result). Returns a new row-major array.
    /// </summary>
    public static NDArray<T> MatMul<T>(NDArray<T> a, NDArray<T> b, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var plan = MatMulPlan.Create(a, b);
        var result = new NDArray<T>(plan.BatchedResultShape);
        MatMulInto(plan, a, b, result, options);
        return plan.FinalShape.Length == plan.BatchedResultShape.Length ? result : result.Reshape(plan.FinalShape);
    }

    /// <summary><see cref="MatMul{T}(NDArray{T}, NDArray{T}, GemmOptions?)"/> into <paramref name="destination"/>.</summary>
    public static void MatMul<T>(NDArray<T> a, NDArray<T> b, NDArray<T> destination, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(destination);
        var plan = MatMulPlan.Create(a, b);
        if (!destination.Shape.SequenceEqual(plan.FinalShape))
            throw new ArgumentException($"MatMul of {a.ShapeString} and {b.ShapeString} is {ShapeMath.Format(plan.FinalShape)}, but the destination is {destination.ShapeString}.", nameof(destination));
        ThrowIfWritesOverlap(destination, "destination");
        ThrowIfAliases(destination, a, "destination", "A");
        ThrowIfAliases(destination, b, "destination", "B");
        MatMulInto(plan, a, b, destination.Rank == plan.BatchedResultShape.Length ? destination : ExpandDestination(destination, plan), options);
    }

    private static NDArray<T> ExpandDestination<T>(NDArray<T> destination, MatMulPlan plan) where T : unmanaged
    {
        // Re-insert the dropped unit axes as views (stride irrelevant for a length-1 axis).
        var d = destination;
        if (plan.VectorA) d = d.Unsqueeze(d.Rank - (plan.VectorB ? 0 : 1));
        if (plan.VectorB) d = d.Unsqueeze(d.Rank);
        return d;
    }

    private static unsafe void MatMulInto<T>(MatMulPlan plan, NDArray<T> a, NDArray<T> b, NDArray<T> c, GemmOptions? options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a2 = plan.VectorA ? a.Unsqueeze(0) : a;
        var b2 = plan.VectorB ? b.Unsqueeze(b.Rank) : b;
        int batchRank = plan.BatchShape.Length;
        var aB = a2.BroadcastTo([.. plan.BatchShape, plan.M, plan.K]);
        var bB = b2.BroadcastTo([.. plan.BatchShape, plan.K, plan.N]);
        int count = (int)ShapeMath.ElementCount(plan.BatchShape);
        long[] offA = ArrayPool<long>.Shared.Rent(Math.Max(1, count));
        long[] offB = ArrayPool<long>.Shared.Rent(Math.Max(1, count));
        long[] offC = ArrayPool<long>.Shared.Rent(Math.Max(1, count));
        try
        {
            Span<int> index = stackalloc int[Math.Max(1, batchRank)];
            index.Clear();
            for (int i = 0; i < count; i++)
            {
                long oa = 0, ob = 0, oc = 0;
                for (int d = 0; d < batchRank; d++)
                {
                    oa += index[d] * (long)aB.Strides[d];
                    ob += index[d] * (long)bB.Strides[d];
                    oc += index[d] * (long)c.Strides[d];
                }
                offA[i] = oa; offB[i] = ob; offC[i] = oc;
                for (int d = batchRank - 1; d >= 0; d--)
                {
                    if (++index[d] < plan.BatchShape[d]) break;
                    index[d] = 0;
                }
            }
            using var ha = a.Storage.Pin();
            using var hb = b.Storage.Pin();
            using var hc = c.Storage.Pin();
            var problem = new GemmBatchJob<T>.Problem(plan.M, plan.N, plan.K, T.One,
                (nint)((T*)ha.Pointer + aB.Offset), aB.Strides[batchRank], aB.Strides[batchRank + 1], 0,
                (nint)((T*)hb.Pointer + bB.Offset), bB.Strides[batchRank], bB.Strides[batchRank + 1], 0,
                T.Zero, (nint)((T*)hc.Pointer + c.Offset), c.Strides[batchRank], c.Strides[batchRank + 1], 0, count, offA, offB, offC);
            GemmBatchJob<T>.Run(problem, options);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(offA);
            ArrayPool<long>.Shared.Return(offB);
            ArrayPool<long>.Shared.Return(offC);
        }
    }

    /// <summary>Throws when a view would write one memory location twice (a zero stride on an axis longer than 1).</summary>
    internal static void ThrowIfWritesOverlap<T>(NDArray<T> output, string name) where T : unmanaged
    {
        for (int d = 0; d < output.Rank; d++)
            if (output.Strides[d] == 0 && output.Shape[d] > 1)
                throw new ArgumentException($"Output {name} {output.ShapeString} broadcasts axis {d} (stride 0); an output must not.", name);
    }

    /// <summary>Throws when the memory ranges spanned by an output view and an input view intersect.</summary>
    internal static void ThrowIfAliases<T>(NDArray<T> output, NDArray<T> input, string outputName, string inputName) where T : unmanaged
    {
        if (output.Length == 0 || input.Length == 0) return;
        var (o0, o1) = Extent(output);
        var (i0, i1) = Extent(input);
        var os = output.Storage.Span.Slice((int)o0, (int)(o1 - o0 + 1));
        var ins = input.Storage.Span.Slice((int)i0, (int)(i1 - i0 + 1));
        if (os.Overlaps(ins))
            throw new ArgumentException($"Output {outputName} {output.ShapeString} shares memory with input {inputName} {input.ShapeString}; outputs must not alias inputs.", outputName);
    }

    private static (long First, long Last) Extent<T>(NDArray<T> x) where T : unmanaged
    {
        long lo = x.Offset, hi = x.Offset;
        for (int d = 0; d < x.Rank; d++)
        {
            long span = (long)(x.Shape[d] - 1) * x.Strides[d];
            if (span < 0) lo += span; else hi += span;
        }
        return (lo, hi);
    }
}
