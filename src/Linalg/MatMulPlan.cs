using Kernels.Tensors;

namespace Kernels.Linalg;

/// <summary>Shapes of a NumPy-style <c>matmul</c>: vector promotion, batch broadcasting, result shape.</summary>
internal sealed record MatMulPlan(int M, int N, int K, int[] BatchShape, int[] BatchedResultShape, int[] FinalShape, bool VectorA, bool VectorB)
{
    public static MatMulPlan Create<T>(NDArray<T> a, NDArray<T> b) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rank == 0 || b.Rank == 0)
            throw new ArgumentException($"MatMul needs arrays of rank ≥ 1; got {a.ShapeString} and {b.ShapeString}.");
        bool vecA = a.Rank == 1, vecB = b.Rank == 1;
        int m = vecA ? 1 : a.Shape[^2], k = a.Shape[^1];
        int kb = vecB ? b.Shape[0] : b.Shape[^2], n = vecB ? 1 : b.Shape[^1];
        if (k != kb)
            throw new ArgumentException($"MatMul inner dimensions differ: {a.ShapeString} · {b.ShapeString} ({k} vs {kb}).");
        var batchA = vecA ? [] : a.Shape[..^2].ToArray();
        var batchB = vecB ? [] : b.Shape[..^2].ToArray();
        int[] batch;
        try { batch = ShapeMath.BroadcastShapes(batchA, batchB); }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"MatMul batch axes of {a.ShapeString} and {b.ShapeString} do not broadcast: {e.Message}");
        }
        int[] batched = [.. batch, m, n];
        var final = new List<int>(batch);
        if (!vecA) final.Add(m);
        if (!vecB) final.Add(n);
        return new MatMulPlan(m, n, k, batch, batched, [.. final], vecA, vecB);
    }
}
