using System.Numerics;
using Kernels.Linalg;
using Kernels.Tensors;

namespace Kernels.Ops.Transport;

/// <summary>Ground-cost matrices between point clouds, built on the GEMM.</summary>
public static class PairwiseDistances
{
    /// <summary>
    /// M_ij = ‖x_i − y_j‖² = ‖x_i‖² + ‖y_j‖² − 2·x_i·y_j for X (n×d) and Y (m×d): one GEMM plus the norms, clamped
    /// at 0 where cancellation would leave a tiny negative (POT's <c>ot.dist</c>, metric "sqeuclidean").
    /// </summary>
    /// <remarks>
    /// The expansion loses relative accuracy for points much closer to each other than to the origin (absolute error
    /// ≈ ε·(‖x‖² + ‖y‖²)); centre the clouds first when that matters.
    /// </remarks>
    public static NDArray<T> SquaredEuclidean<T>(NDArray<T> x, NDArray<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        TransportInputs.RequirePoints(x, nameof(x));
        TransportInputs.RequirePoints(y, nameof(y));
        if (x.Shape[1] != y.Shape[1])
            throw new ArgumentException($"X {x.ShapeString} and Y {y.ShapeString} must have the same number of columns.", nameof(y));
        int n = x.Shape[0], m = y.Shape[0];
        var result = new NDArray<T>(n, m);
        LinearAlgebra.Gemm(T.CreateTruncating(-2.0), x, y.Transpose(), T.Zero, result);
        var xx = RowSquaredNorms(x);
        var yy = RowSquaredNorms(y);
        var span = result.AsSpan();
        for (int i = 0; i < n; i++)
        {
            var row = span.Slice(i * m, m);
            for (int j = 0; j < m; j++) row[j] = T.Max(T.Zero, row[j] + xx[i] + yy[j]);
        }
        return result;
    }

    private static T[] RowSquaredNorms<T>(NDArray<T> points) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = points.Shape[0], d = points.Shape[1];
        var result = new T[n];
        for (int i = 0; i < n; i++)
        {
            T s = T.Zero;
            for (int k = 0; k < d; k++) { T v = points[i, k]; s += v * v; }
            result[i] = s;
        }
        return result;
    }
}
