using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;
using Kernels.Linalg.Solvers;
using Kernels.Tensors;

namespace Kernels.Linalg.Kronecker;

/// <summary>
/// The Kronecker product <c>K = A₁ ⊗ A₂ ⊗ … ⊗ A_k</c> (A_d of size m_d×n_d) as an operator that is never formed:
/// <c>K·x</c> reshapes x (length Πn_d, row-major index order, as <c>numpy.kron</c>) into an n₁×…×n_k tensor and
/// applies each factor along its mode, <c>Y = X ×₁ A₁ ×₂ A₂ ⋯ ×_k A_k</c> — one GEMM per mode, so the work is
/// <c>Σ_d m_d·n_d·Π(other sizes)</c> instead of <c>Πm_d·Πn_d</c> (two 64×64 factors: 0.5 M flops per vector instead of
/// 33 M). Matrices (Πn_d × c) are applied column by column in the same GEMMs. Factors are copied at construction.
/// </summary>
public sealed unsafe class KroneckerOperator<T> : ITransposableOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[][] _factors;
    private readonly int[] _rows, _cols;

    /// <exception cref="ArgumentException">No factors, or a factor that is not 2-D.</exception>
    public KroneckerOperator(params NDArray<T>[] factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        if (factors.Length == 0) throw new ArgumentException("Kronecker operator needs at least one factor.", nameof(factors));
        _factors = new T[factors.Length][];
        _rows = new int[factors.Length];
        _cols = new int[factors.Length];
        long rows = 1, cols = 1;
        for (int d = 0; d < factors.Length; d++)
        {
            _factors[d] = DenseCopy.Matrix(factors[d], $"factors[{d}]", out _rows[d], out _cols[d]);
            rows *= _rows[d];
            cols *= _cols[d];
        }
        if (rows > int.MaxValue || cols > int.MaxValue)
            throw new ArgumentException($"Kronecker operator of size {rows}×{cols} exceeds the addressable vector length.", nameof(factors));
        Rows = (int)rows;
        Columns = (int)cols;
    }

    /// <summary>Πm_d.</summary>
    public int Rows { get; }

    /// <summary>Πn_d.</summary>
    public int Columns { get; }

    /// <summary>k, the number of factors.</summary>
    public int Count => _factors.Length;

    /// <summary>Factor d (a copy).</summary>
    public NDArray<T> Factor(int d) => NDArray.FromArray((T[])_factors[d].Clone(), _rows[d], _cols[d]);

    /// <summary><c>Kᵀ = A₁ᵀ ⊗ … ⊗ A_kᵀ</c>.</summary>
    public KroneckerOperator<T> Transpose() =>
        new(Enumerable.Range(0, Count).Select(d => Factor(d).Transpose().Copy()).ToArray());

    /// <summary>
    /// <c>K·X</c> (or <c>Kᵀ·X</c>) for X of Πn_d (Πm_d) rows, 1-D or 2-D with any strides; returns a new array of the
    /// same rank. O(Σ_d m_d·n_d·(product of the other current sizes)·c) flops.
    /// </summary>
    public NDArray<T> Apply(NDArray<T> x, bool transpose = false, GemmOptions? options = null)
    {
        int inRows = transpose ? Rows : Columns;
        var data = DenseCopy.RightHandSide(x, inRows, transpose ? "Kronecker Kᵀ·X" : "Kronecker K·X", $"({Rows}, {Columns})", out int c, out bool vector);
        var result = ModeProducts(data, c, transpose, solve: false, options);
        return DenseCopy.Result(result, transpose ? Columns : Rows, c, vector);
    }

    /// <summary><c>y = K·x</c> for the matrix-free solvers (<see cref="ILinearOperator{T}"/>); mode products as
    /// <see cref="Apply(NDArray{T}, bool, GemmOptions?)"/>, with their per-mode work arrays.</summary>
    public void Apply(ReadOnlySpan<T> x, Span<T> y) => ApplySpan(x, y, transpose: false);

    /// <summary><c>y = Kᵀ·x</c> (<see cref="ITransposableOperator{T}"/>).</summary>
    public void ApplyTranspose(ReadOnlySpan<T> x, Span<T> y) => ApplySpan(x, y, transpose: true);

    private void ApplySpan(ReadOnlySpan<T> x, Span<T> y, bool transpose)
    {
        int inLength = transpose ? Rows : Columns, outLength = transpose ? Columns : Rows;
        if (x.Length < inLength || y.Length < outLength)
            throw new ArgumentException($"Kronecker ({Rows}×{Columns}){(transpose ? "ᵀ" : "")} · x: x has {x.Length} and y {y.Length} elements.");
        ModeProducts(x[..inLength].ToArray(), 1, transpose, solve: false, null).CopyTo(y);
    }

    /// <summary>
    /// <c>K⁻¹·B = (A₁⁻¹ ⊗ … ⊗ A_k⁻¹)·B</c> through LU factorizations of the (square) factors: O(Σn_d³ + N·Σn_d).
    /// </summary>
    /// <exception cref="ArgumentException">A factor is not square, or B has the wrong number of rows.</exception>
    /// <exception cref="SingularMatrixException">A factor is singular (so K is).</exception>
    public NDArray<T> Solve(NDArray<T> b, GemmOptions? options = null)
    {
        for (int d = 0; d < Count; d++)
            if (_rows[d] != _cols[d])
                throw new ArgumentException($"Kronecker solve needs square factors; factor {d} is {_rows[d]}×{_cols[d]}.", nameof(b));
        var data = DenseCopy.RightHandSide(b, Rows, "Kronecker solve", $"({Rows}, {Columns})", out int c, out bool vector);
        var result = ModeProducts(data, c, transpose: false, solve: true, options);
        return DenseCopy.Result(result, Rows, c, vector);
    }

    /// <summary>K formed explicitly (Πm_d × Πn_d): for tests and small sizes only.</summary>
    public NDArray<T> ToDense()
    {
        var k = NDArray.FromArray((T[])_factors[0].Clone(), _rows[0], _cols[0]);
        for (int d = 1; d < Count; d++) k = KroneckerProducts.Kron(k, Factor(d));
        return k;
    }

    /// <summary>
    /// Mode-by-mode application to the row-major tensor X[n₁, …, n_k, c]: each mode d is gathered into an
    /// n_d × (L·R) matrix (L = sizes before d, R = sizes after d times c), multiplied by A_d (or solved with it) in
    /// one GEMM, and scattered back as m_d × (L·R).
    /// </summary>
    private T[] ModeProducts(T[] x, int c, bool transpose, bool solve, GemmOptions? options)
    {
        int k = Count;
        var dims = new int[k];
        for (int d = 0; d < k; d++) dims[d] = transpose ? _rows[d] : _cols[d];
        var current = x;
        for (int d = 0; d < k; d++)
        {
            int nd = dims[d], md = transpose ? _cols[d] : _rows[d];
            long left = 1, right = c;
            for (int i = 0; i < d; i++) left *= dims[i];
            for (int i = d + 1; i < k; i++) right *= dims[i];
            int l = (int)left, r = (int)right, cols = l * r;
            var gathered = new T[nd * cols];
            for (int li = 0; li < l; li++)
                for (int j = 0; j < nd; j++)
                    Array.Copy(current, ((long)li * nd + j) * r, gathered, (long)j * cols + (long)li * r, r);
            T[] product;
            if (solve)
            {
                var lu = new LuDecomposition<T>(NDArray.FromArray(_factors[d], md, nd), options);
                product = lu.Solve(NDArray.FromArray(gathered, nd, cols)).ToArray();
            }
            else
            {
                product = new T[md * cols];
                fixed (T* pa = _factors[d])
                fixed (T* pg = gathered)
                fixed (T* pp = product)
                {
                    var a = StridedMatrix<T>.RowMajor(pa, _rows[d], _cols[d], Math.Max(_cols[d], 1));
                    if (md > 0 && cols > 0 && nd > 0)
                        StridedMatrix<T>.Gemm(T.One, transpose ? a.Transposed : a, StridedMatrix<T>.RowMajor(pg, nd, cols, Math.Max(cols, 1)), T.Zero,
                            StridedMatrix<T>.RowMajor(pp, md, cols, Math.Max(cols, 1)), options);
                }
            }
            var next = new T[(long)l * md * r];
            for (int li = 0; li < l; li++)
                for (int i = 0; i < md; i++)
                    Array.Copy(product, (long)i * cols + (long)li * r, next, ((long)li * md + i) * r, r);
            current = next;
            dims[d] = md;
        }
        return current;
    }
}
