using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Householder;
using Kernels.Linalg.Internal;
using Kernels.Tensors;

namespace Kernels.Linalg;

/// <summary>
/// Householder QR <c>A = Q·R</c> of an m×n matrix (any m, n): Q (m×m orthogonal) is kept as k = min(m, n)
/// reflectors and applied without being formed unless asked for; R is m×n upper trapezoidal. The sign convention is
/// LAPACK's (R_jj may be negative). Computed in the constructor on a private copy; the input is not modified.
/// Not rank-revealing: use <see cref="PivotedQrDecomposition{T}"/> for rank-deficient problems.
/// </summary>
public sealed unsafe class QrDecomposition<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _packed;
    private readonly T[] _tau;
    private readonly GemmOptions? _options;

    /// <summary>Factors <paramref name="a"/> (2-D, any strides). NaN/∞ entries propagate into the factors.</summary>
    public QrDecomposition(NDArray<T> a, GemmOptions? options = null)
    {
        _packed = DenseCopy.Matrix(a, nameof(a), out int m, out int n);
        Rows = m;
        Columns = n;
        _options = options;
        _tau = new T[Math.Min(m, n)];
        fixed (T* p = _packed)
        fixed (T* t = _tau)
            HouseholderQr.Factor(StridedMatrix<T>.RowMajor(p, m, n, Math.Max(n, 1)), t, options);
    }

    /// <summary>m.</summary>
    public int Rows { get; }

    /// <summary>n.</summary>
    public int Columns { get; }

    /// <summary>k = min(m, n), the number of reflectors.</summary>
    public int Reflectors => _tau.Length;

    /// <summary>LAPACK's compact form (a copy): R on and above the diagonal, reflector vectors below it.</summary>
    public NDArray<T> Packed => NDArray.FromArray((T[])_packed.Clone(), Rows, Columns);

    /// <summary>The scalar factors τ (a copy): <c>H_j = I − τ_j·v_j·v_jᵀ</c>.</summary>
    public NDArray<T> Tau => NDArray.FromArray((T[])_tau.Clone(), _tau.Length);

    /// <summary>R: k×n (<paramref name="complete"/> false, NumPy's "reduced") or m×n with zero rows below.</summary>
    public NDArray<T> R(bool complete = false)
    {
        int rows = complete ? Rows : Reflectors;
        var r = new T[rows * Columns];
        for (int i = 0; i < Math.Min(rows, Rows); i++)
            for (int j = i; j < Columns; j++) r[i * Columns + j] = _packed[i * Columns + j];
        return NDArray.FromArray(r, rows, Columns);
    }

    /// <summary>Q explicitly: m×k with orthonormal columns, or m×m when <paramref name="complete"/>.</summary>
    public NDArray<T> Q(bool complete = false) => DenseCopy.FormQ(_packed, Rows, Columns, _tau, complete ? Rows : Reflectors, _options);

    /// <summary>
    /// <c>op(Q)·C</c> (C has m rows) or, with <paramref name="fromRight"/>, <c>C·op(Q)</c> (C has m columns), op(Q) = Qᵀ
    /// when <paramref name="transpose"/>; Q is not formed. Returns a new array; C is not modified.
    /// </summary>
    public NDArray<T> MultiplyQ(NDArray<T> c, bool transpose = false, bool fromRight = false)
    {
        var data = DenseCopy.Matrix(c, nameof(c), out int cm, out int cn);
        if ((fromRight ? cn : cm) != Rows)
            throw new ArgumentException($"Q is {Rows}×{Rows}; C {c.ShapeString} must have {Rows} {(fromRight ? "columns" : "rows")}.", nameof(c));
        fixed (T* p = _packed)
        fixed (T* t = _tau)
        fixed (T* pc = data)
            HouseholderQr.ApplyQ(!fromRight, transpose, StridedMatrix<T>.RowMajor(p, Rows, Columns, Math.Max(Columns, 1)), Reflectors, t,
                StridedMatrix<T>.RowMajor(pc, cm, cn, Math.Max(cn, 1)), _options);
        return NDArray.FromArray(data, cm, cn);
    }

    /// <summary>
    /// Least-squares solution of <c>min ‖A·X − B‖_F</c> for m ≥ n and full column rank: <c>X = R₁⁻¹·(QᵀB)[0:n]</c>.
    /// B is m (1-D) or m×k; the result is n or n×k.
    /// </summary>
    /// <exception cref="InvalidOperationException">m &lt; n (use <see cref="LqDecomposition{T}"/> or LinearAlgebra.Lstsq).</exception>
    /// <exception cref="SingularMatrixException">R has an exactly zero diagonal entry (A is rank deficient).</exception>
    public NDArray<T> Solve(NDArray<T> b)
    {
        int m = Rows, n = Columns;
        if (m < n) throw new InvalidOperationException($"QR least squares needs m ≥ n; A is {m}×{n} (underdetermined: use LqDecomposition or LinearAlgebra.Lstsq).");
        var rhs = DenseCopy.RightHandSide(b, m, "QR solve", $"{m}×{n}", out int k, out bool vector);
        for (int j = 0; j < n; j++)
            if (_packed[j * n + j] == T.Zero)
                throw new SingularMatrixException($"R[{j},{j}] is exactly zero: A ({m}×{n}) is rank deficient; use PivotedQrDecomposition or LinearAlgebra.Lstsq.", j);
        var x = new T[n * k];
        fixed (T* p = _packed)
        fixed (T* t = _tau)
        fixed (T* pb = rhs)
        {
            var a = StridedMatrix<T>.RowMajor(p, m, n, Math.Max(n, 1));
            var bm = StridedMatrix<T>.RowMajor(pb, m, k, Math.Max(k, 1));
            HouseholderQr.ApplyQ(left: true, transpose: true, a, n, t, bm, _options);
            Blas.Blas.TrsmLeft(n, k, p, n, 1, lower: false, unit: false, pb, Math.Max(k, 1), 1, _options);
        }
        Array.Copy(rhs, x, n * k);
        return DenseCopy.Result(x, n, k, vector);
    }
}
