using System.Numerics;

namespace Kernels.Linalg.Solvers;

/// <summary>
/// The Dirichlet Poisson operator on an n×n (5-point: <c>4u − Σ neighbours</c>) or n×n×n (7-point: <c>6u − Σ
/// neighbours</c>) grid applied without a matrix: the same operator as <see cref="CsrMatrix.Poisson2D{T}"/> at a
/// fraction of the memory traffic (only x and y stream; no values or indices), unit-stride and vectorised along the
/// grid rows.
/// </summary>
public sealed class PoissonStencil<T> : ILinearOperator<T>, IDiagonalSource<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <param name="n">Grid points per side.</param>
    /// <param name="dimensions">2 or 3.</param>
    public PoissonStencil(int n, int dimensions = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (dimensions is not (2 or 3)) throw new ArgumentOutOfRangeException(nameof(dimensions), $"Poisson stencil: {dimensions} dimensions (2 or 3 supported).");
        N = n;
        Dimensions = dimensions;
        long size = dimensions == 2 ? (long)n * n : (long)n * n * n;
        if (size > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(n), $"Poisson stencil: {size} unknowns exceed the vector length limit.");
        Rows = (int)size;
    }

    /// <summary>Grid points per side.</summary>
    public int N { get; }

    /// <summary>2 or 3.</summary>
    public int Dimensions { get; }

    /// <inheritdoc />
    public int Rows { get; }

    /// <inheritdoc />
    public int Columns => Rows;

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<T> x, Span<T> y)
    {
        if (x.Length < Rows || y.Length < Rows) throw new ArgumentException($"Poisson stencil ({Rows} unknowns): x has {x.Length} and y {y.Length} elements.");
        int n = N;
        T center = T.CreateTruncating(2 * Dimensions);
        int planes = Dimensions == 3 ? n : 1;
        int plane = n * n;
        for (int p = 0; p < planes; p++)
            for (int i = 0; i < n; i++)
            {
                int row = p * plane + i * n;
                var yr = y.Slice(row, n);
                var xr = x.Slice(row, n);
                // y = c·x − x[j−1] − x[j+1] along the row (vectorised interior), then the other axes' neighbours.
                Row(xr, yr, center);
                if (i > 0) Subtract(yr, x.Slice(row - n, n));
                if (i + 1 < n) Subtract(yr, x.Slice(row + n, n));
                if (Dimensions == 3)
                {
                    if (p > 0) Subtract(yr, x.Slice(row - plane, n));
                    if (p + 1 < n) Subtract(yr, x.Slice(row + plane, n));
                }
            }
    }

    private static void Row(ReadOnlySpan<T> x, Span<T> y, T center)
    {
        int n = x.Length;
        if (n == 0) return;
        if (n == 1)
        {
            y[0] = center * x[0];
            return;
        }
        y[0] = center * x[0] - x[1];
        y[n - 1] = center * x[n - 1] - x[n - 2];
        int j = 1, w = Vector<T>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var c = new Vector<T>(center);
            for (; j + w <= n - 1; j += w)
            {
                var mid = new Vector<T>(x.Slice(j, w));
                var left = new Vector<T>(x.Slice(j - 1, w));
                var right = new Vector<T>(x.Slice(j + 1, w));
                (c * mid - left - right).CopyTo(y.Slice(j, w));
            }
        }
        for (; j < n - 1; j++) y[j] = center * x[j] - x[j - 1] - x[j + 1];
    }

    private static void Subtract(Span<T> y, ReadOnlySpan<T> x)
    {
        int j = 0, w = Vector<T>.Count;
        if (Vector.IsHardwareAccelerated)
            for (; j + w <= y.Length; j += w)
                (new Vector<T>(y.Slice(j, w)) - new Vector<T>(x.Slice(j, w))).CopyTo(y.Slice(j, w));
        for (; j < y.Length; j++) y[j] -= x[j];
    }

    /// <inheritdoc />
    public void Diagonal(Span<T> destination) => destination[..Rows].Fill(T.CreateTruncating(2 * Dimensions));
}
