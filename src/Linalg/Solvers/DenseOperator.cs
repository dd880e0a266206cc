using System.Numerics;
using Kernels.Linalg.Internal;
using Kernels.Tensors;

namespace Kernels.Linalg.Solvers;

/// <summary>
/// A dense matrix as an operator: <c>y = A·x</c> by four-row dot products, <c>y = Aᵀ·x</c> by four-row combinations,
/// and the fused LSQR step (A streamed once for both products). Row-major storage.
/// </summary>
public sealed unsafe class DenseOperator<T> : IFusedNormalOperator<T>, IDiagonalSource<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Memory<T> _a;

    /// <summary>A row-major copy of the 2-D <paramref name="a"/> (later changes to a are not seen).</summary>
    public DenseOperator(NDArray<T> a)
    {
        _a = DenseCopy.Matrix(a, nameof(a), out int m, out int n);
        Rows = m;
        Columns = n;
    }

    internal DenseOperator(Memory<T> a, int m, int n)
    {
        _a = a;
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
        fixed (T* pa = _a.Span)
        fixed (T* px = x)
        fixed (T* py = y)
            DenseMatrixVector.Times(Rows, Columns, pa, Columns, px, py);
    }

    /// <inheritdoc />
    public void ApplyTranspose(ReadOnlySpan<T> x, Span<T> y)
    {
        if (x.Length < Rows || y.Length < Columns) throw new ArgumentException($"Dense ({Rows}×{Columns})ᵀ · x: x has {x.Length} and y {y.Length} elements.");
        fixed (T* pa = _a.Span)
        fixed (T* px = x)
        fixed (T* py = y)
            DenseMatrixVector.TransposeTimes(Rows, Columns, pa, Columns, px, py);
    }

    /// <inheritdoc />
    public void ApplyThenTranspose(ReadOnlySpan<T> v, T alpha, Span<T> u, Span<T> t)
    {
        if (v.Length < Columns || u.Length < Rows || t.Length < Columns)
            throw new ArgumentException($"Dense ({Rows}×{Columns}) fused step: v has {v.Length}, u {u.Length} and t {t.Length} elements.");
        fixed (T* pa = _a.Span)
        fixed (T* pv = v)
        fixed (T* pu = u)
        fixed (T* pt = t)
            DenseMatrixVector.TimesThenTransposeTimes(Rows, Columns, pa, Columns, pv, alpha, pu, pt);
    }

    /// <inheritdoc />
    public void Diagonal(Span<T> destination)
    {
        var a = _a.Span;
        for (int i = 0; i < Math.Min(Rows, Columns); i++) destination[i] = a[i * Columns + i];
    }
}

/// <summary>Builders of <see cref="DenseOperator{T}"/>.</summary>
public static class DenseOperator
{
    /// <summary>
    /// An operator over <paramref name="a"/>'s own memory when it is C-contiguous (no copy: a large A is not
    /// duplicated, and later writes to a are seen), otherwise over a row-major copy.
    /// </summary>
    public static DenseOperator<T> Wrap<T>(NDArray<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rank != 2) throw new ArgumentException($"Dense operator: A must be 2-D; got {a.ShapeString}.", nameof(a));
        if (!a.IsContiguous || a.Length == 0) return new DenseOperator<T>(a);
        return new DenseOperator<T>(a.Storage.Slice((int)a.Offset, (int)a.Length), a.Shape[0], a.Shape[1]);
    }
}
