using System.Numerics;
using Kernels.Tensors;

namespace Kernels.Linalg.Solvers;

/// <summary>
/// A sparse matrix in compressed sparse row form (SciPy's <c>csr_matrix</c>: row pointers, column indices, values).
/// <c>y = A·x</c> streams the values and indices once per product; each row's dot product runs with four independent
/// accumulators (the gathers of x are the cost, as in SciPy's kernel).
/// </summary>
public sealed class CsrMatrix<T> : ITransposableOperator<T>, IDiagonalSource<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _rowStart, _columns;
    private readonly T[] _values;

    /// <exception cref="ArgumentException">Inconsistent arrays: pointers not monotone, indices out of range, lengths differ.</exception>
    public CsrMatrix(int rows, int columns, int[] rowStart, int[] columnIndices, T[] values)
    {
        ArgumentNullException.ThrowIfNull(rowStart);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        if (rows < 0 || columns < 0) throw new ArgumentOutOfRangeException(nameof(rows), $"CSR shape ({rows}, {columns}) is negative.");
        if (rowStart.Length != rows + 1 || rowStart[0] != 0)
            throw new ArgumentException($"CSR row pointers must have {rows + 1} entries starting at 0; got {rowStart.Length}.", nameof(rowStart));
        if (columnIndices.Length != values.Length || rowStart[rows] != values.Length)
            throw new ArgumentException($"CSR: {values.Length} values, {columnIndices.Length} column indices, last row pointer {rowStart[rows]} must agree.", nameof(values));
        for (int i = 0; i < rows; i++)
            if (rowStart[i + 1] < rowStart[i]) throw new ArgumentException($"CSR row pointers decrease at row {i}.", nameof(rowStart));
        for (int k = 0; k < columnIndices.Length; k++)
            if ((uint)columnIndices[k] >= (uint)columns) throw new ArgumentException($"CSR column index {columnIndices[k]} at {k} is outside 0…{columns - 1}.", nameof(columnIndices));
        Rows = rows;
        Columns = columns;
        _rowStart = rowStart;
        _columns = columnIndices;
        _values = values;
    }

    /// <inheritdoc />
    public int Rows { get; }

    /// <inheritdoc />
    public int Columns { get; }

    /// <summary>Stored entries.</summary>
    public int NonZeros => _values.Length;

    /// <summary>Row i's entries are at positions <c>RowPointers[i] … RowPointers[i+1] − 1</c> (length m + 1).</summary>
    public ReadOnlySpan<int> RowPointers => _rowStart;

    /// <summary>Column index of each stored entry.</summary>
    public ReadOnlySpan<int> ColumnIndices => _columns;

    /// <summary>Value of each stored entry.</summary>
    public ReadOnlySpan<T> Values => _values;

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<T> x, Span<T> y)
    {
        if (x.Length < Columns || y.Length < Rows)
            throw new ArgumentException($"CSR ({Rows}×{Columns}) · x: x has {x.Length} and y {y.Length} elements.");
        CsrMatrix.Multiply<T>(Rows, _rowStart, _columns, _values, x, y);
    }

    /// <inheritdoc />
    public void ApplyTranspose(ReadOnlySpan<T> x, Span<T> y)
    {
        if (x.Length < Rows || y.Length < Columns)
            throw new ArgumentException($"CSR ({Rows}×{Columns})ᵀ · x: x has {x.Length} and y {y.Length} elements.");
        y[..Columns].Clear();
        for (int i = 0; i < Rows; i++)
        {
            T xi = x[i];
            if (xi == T.Zero) continue;
            for (int k = _rowStart[i]; k < _rowStart[i + 1]; k++) y[_columns[k]] += _values[k] * xi;
        }
    }

    /// <inheritdoc />
    public void Diagonal(Span<T> destination)
    {
        int n = Math.Min(Rows, Columns);
        for (int i = 0; i < n; i++)
        {
            T d = T.Zero;
            for (int k = _rowStart[i]; k < _rowStart[i + 1]; k++)
                if (_columns[k] == i) d += _values[k];
            destination[i] = d;
        }
    }
}

/// <summary>Builders of <see cref="CsrMatrix{T}"/>.</summary>
public static class CsrMatrix
{
    /// <summary>
    /// y = A·x over raw CSR arrays already known to be consistent (the kernel of <see cref="CsrMatrix{T}.Apply"/>,
    /// also run by the CPU device on its buffers): each row's dot product with four independent accumulators.
    /// </summary>
    internal static void Multiply<T>(int rows, ReadOnlySpan<int> rowStart, ReadOnlySpan<int> columns, ReadOnlySpan<T> values, ReadOnlySpan<T> x, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < rows; i++)
        {
            int k = rowStart[i], end = rowStart[i + 1];
            T s0 = T.Zero, s1 = T.Zero, s2 = T.Zero, s3 = T.Zero;
            for (; k + 4 <= end; k += 4)
            {
                s0 += values[k] * x[columns[k]];
                s1 += values[k + 1] * x[columns[k + 1]];
                s2 += values[k + 2] * x[columns[k + 2]];
                s3 += values[k + 3] * x[columns[k + 3]];
            }
            for (; k < end; k++) s0 += values[k] * x[columns[k]];
            y[i] = (s0 + s1) + (s2 + s3);
        }
    }

    /// <summary>The entries of a dense 2-D matrix that are not zero.</summary>
    public static CsrMatrix<T> FromDense<T>(NDArray<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rank != 2) throw new ArgumentException($"CSR from dense needs a 2-D matrix; got {a.ShapeString}.", nameof(a));
        int m = a.Shape[0], n = a.Shape[1];
        var start = new int[m + 1];
        var cols = new List<int>();
        var vals = new List<T>();
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                T v = a[i, j];
                if (v != T.Zero) { cols.Add(j); vals.Add(v); }
            }
            start[i + 1] = vals.Count;
        }
        return new CsrMatrix<T>(m, n, start, cols.ToArray(), vals.ToArray());
    }

    /// <summary>The 7-point Poisson matrix of an n×n×n grid (Dirichlet): 6 on the diagonal, −1 for grid neighbours.</summary>
    public static CsrMatrix<T> Poisson3D<T>(int n) where T : unmanaged, IFloatingPointIeee754<T> => Poisson<T>(n, 3);

    /// <summary>The 5-point Poisson matrix of an n×n grid (Dirichlet): 4 on the diagonal, −1 for grid neighbours.</summary>
    public static CsrMatrix<T> Poisson2D<T>(int n) where T : unmanaged, IFloatingPointIeee754<T> => Poisson<T>(n, 2);

    /// <summary>The Dirichlet Poisson matrix in 2 or 3 dimensions, rows in lexicographic grid order (last index fastest),
    /// columns sorted within each row — the matrix <see cref="PoissonStencil{T}"/> applies.</summary>
    public static CsrMatrix<T> Poisson<T>(int n, int dimensions) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (dimensions is not (2 or 3)) throw new ArgumentOutOfRangeException(nameof(dimensions), $"Poisson matrix: {dimensions} dimensions (2 or 3 supported).");
        long sizeLong = dimensions == 2 ? (long)n * n : (long)n * n * n;
        if (sizeLong * (2 * dimensions + 1) > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(n), $"Poisson matrix: n = {n} in {dimensions}-D has too many entries.");
        int size = (int)sizeLong;
        int planes = dimensions == 3 ? n : 1;
        int plane = n * n;
        var start = new int[size + 1];
        var cols = new int[(2 * dimensions + 1) * size];
        var vals = new T[cols.Length];
        int k = 0;
        T diagonal = T.CreateTruncating(2 * dimensions), minus = -T.One;
        for (int p = 0; p < planes; p++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    int row = p * plane + i * n + j;
                    if (p > 0) { cols[k] = row - plane; vals[k++] = minus; }
                    if (i > 0) { cols[k] = row - n; vals[k++] = minus; }
                    if (j > 0) { cols[k] = row - 1; vals[k++] = minus; }
                    cols[k] = row; vals[k++] = diagonal;
                    if (j + 1 < n) { cols[k] = row + 1; vals[k++] = minus; }
                    if (i + 1 < n) { cols[k] = row + n; vals[k++] = minus; }
                    if (p + 1 < planes) { cols[k] = row + plane; vals[k++] = minus; }
                    start[row + 1] = k;
                }
        return new CsrMatrix<T>(size, size, start, cols[..k], vals[..k]);
    }
}
