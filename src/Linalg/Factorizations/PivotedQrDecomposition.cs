using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Householder;
using Kernels.Linalg.Internal;
using Kernels.Tensors;

namespace Kernels.Linalg;

/// <summary>
/// Rank-revealing QR with column pivoting <c>A·P = Q·R</c> (|R₀₀| ≥ |R₁₁| ≥ …). Level 2 (the pivot needs every
/// column norm after every step), so slower than <see cref="QrDecomposition{T}"/> on large matrices. The input is not
/// modified; NaN/∞ are rejected.
/// </summary>
public sealed unsafe class PivotedQrDecomposition<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _packed;
    private readonly T[] _tau;
    private readonly int[] _permutation;
    private readonly GemmOptions? _options;

    /// <summary>Factors A (m×n, any strides; not modified) as A·P = Q·R with column pivoting.</summary>
    public PivotedQrDecomposition(NDArray<T> a, GemmOptions? options = null)
    {
        _packed = DenseCopy.Matrix(a, nameof(a), out int m, out int n);
        DenseCopy.ThrowIfNonFinite<T>(_packed, nameof(a), "Pivoted QR", n);
        Rows = m;
        Columns = n;
        _options = options;
        _tau = new T[Math.Min(m, n)];
        _permutation = new int[n];
        fixed (T* p = _packed)
        fixed (T* t = _tau)
        fixed (int* perm = _permutation)
            PivotedHouseholderQr.Factor(StridedMatrix<T>.RowMajor(p, m, n, Math.Max(n, 1)), perm, t);
    }

    /// <summary>Number of rows m of A.</summary>

    public int Rows { get; }

    /// <summary>Number of columns n of A.</summary>

    public int Columns { get; }

    /// <summary>Column j of A·P is column Permutation[j] of A (a copy).</summary>
    public int[] Permutation => (int[])_permutation.Clone();

    /// <summary>The permutation matrix P (n×n).</summary>
    public NDArray<T> P
    {
        get
        {
            var p = new NDArray<T>(Columns, Columns);
            for (int j = 0; j < Columns; j++) p[_permutation[j], j] = T.One;
            return p;
        }
    }

    /// <summary>|R_ii| in order (non-increasing): the rank-revealing diagonal.</summary>
    public T[] RDiagonalMagnitudes()
    {
        var d = new T[_tau.Length];
        for (int i = 0; i < d.Length; i++) d[i] = T.Abs(_packed[i * Columns + i]);
        return d;
    }

    /// <summary>
    /// Numerical rank: the number of |R_ii| above <c>tolerance·|R₀₀|</c>, default tolerance max(m, n)·ε (NumPy's
    /// matrix_rank default, applied to R's diagonal rather than singular values — a slight underestimate is possible
    /// for adversarial matrices such as Kahan's; the SVD is the definitive rank test).
    /// </summary>
    public int Rank(T? tolerance = null)
    {
        var d = RDiagonalMagnitudes();
        if (d.Length == 0 || d[0] == T.Zero) return 0;
        T tol = (tolerance ?? T.CreateChecked(Math.Max(Rows, Columns)) * Precision<T>.Epsilon) * d[0];
        int r = 0;
        while (r < d.Length && d[r] > tol) r++;
        return r;
    }

    /// <summary>R: k×n upper trapezoidal (columns in pivoted order).</summary>
    public NDArray<T> R()
    {
        int n = Columns, k = _tau.Length;
        var r = new T[k * n];
        for (int i = 0; i < k; i++)
            for (int j = i; j < n; j++) r[i * n + j] = _packed[i * n + j];
        return NDArray.FromArray(r, k, n);
    }

    /// <summary>Q's first k columns (m×k), or m×m when <paramref name="complete"/>.</summary>
    public NDArray<T> Q(bool complete = false) => DenseCopy.FormQ(_packed, Rows, Columns, _tau, complete ? Rows : _tau.Length, _options);

    /// <summary><c>Qᵀ·C</c> without forming Q (C has m rows; returned as a new row-major array).</summary>
    internal T[] ApplyQTranspose(T[] c, int cols)
    {
        fixed (T* p = _packed)
        fixed (T* t = _tau)
        fixed (T* pc = c)
            HouseholderQr.ApplyQ(left: true, transpose: true, StridedMatrix<T>.RowMajor(p, Rows, Columns, Math.Max(Columns, 1)), _tau.Length, t,
                StridedMatrix<T>.RowMajor(pc, Rows, cols, Math.Max(cols, 1)), _options);
        return c;
    }

    /// <summary>The leading r rows of R (r×n), for the complete orthogonal decomposition.</summary>
    internal NDArray<T> LeadingRowsOfR(int r)
    {
        int n = Columns;
        var top = new T[r * n];
        for (int i = 0; i < r; i++)
            for (int j = i; j < n; j++) top[i * n + j] = _packed[i * n + j];
        return NDArray.FromArray(top, r, n);
    }

    internal int[] PermutationView => _permutation;
}
