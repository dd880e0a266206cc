using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;
using Kernels.Tensors;

namespace Kernels.Linalg.Solvers;

/// <summary>A dense matrix as an operator (row-major copy; <c>y = A·x</c> by four-row dot products).</summary>
public sealed unsafe class DenseOperator<T> : ITransposableOperator<T>, IDiagonalSource<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _a;

    public DenseOperator(NDArray<T> a)
    {
        _a = DenseCopy.Matrix(a, nameof(a), out int m, out int n);
        Rows = m;
        Columns = n;
    }

    /// <inheritdoc />
    public int Rows { get; }

    /// <inheritdoc />
    public int Columns { get; }

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<T> x, Span<T> y)
    {
        if (x.Length < Columns || y.Length < Rows) throw new ArgumentException($"Dense ({Rows}×{Columns}) · x: x has {x.Length} and y {y.Length} elements.");
        fixed (T* pa = _a)
        fixed (T* px = x)
        fixed (T* py = y)
            DenseMatrixVector.Times(Rows, Columns, pa, Columns, px, py);
    }

    /// <inheritdoc />
    public void ApplyTranspose(ReadOnlySpan<T> x, Span<T> y)
    {
        if (x.Length < Rows || y.Length < Columns) throw new ArgumentException($"Dense ({Rows}×{Columns})ᵀ · x: x has {x.Length} and y {y.Length} elements.");
        fixed (T* pa = _a)
        fixed (T* px = x)
        fixed (T* py = y)
            DenseMatrixVector.TransposeTimes(Rows, Columns, pa, Columns, px, py);
    }

    /// <inheritdoc />
    public void Diagonal(Span<T> destination)
    {
        for (int i = 0; i < Math.Min(Rows, Columns); i++) destination[i] = _a[i * Columns + i];
    }
}
