using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Householder;
using Kernels.Linalg.Internal;
using Kernels.Tensors;

namespace Kernels.Linalg;

/// <summary>
/// LQ <c>A = L·Q</c> of an m×n matrix: L m×k lower trapezoidal, Q n×n orthogonal kept as k = min(m, n)
/// reflectors (rows of the packed form, right of the diagonal). Computed as the QR of Aᵀ on a transposed view of
/// the same storage, so no copy is transposed. The input is not modified.
/// </summary>
public sealed unsafe class LqDecomposition<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _packed;
    private readonly T[] _tau;
    private readonly GemmOptions? _options;

    /// <summary>Factors A (m×n, any strides; not modified) as A = L·Q.</summary>
    public LqDecomposition(NDArray<T> a, GemmOptions? options = null)
    {
        _packed = DenseCopy.Matrix(a, nameof(a), out int m, out int n);
        Rows = m;
        Columns = n;
        _options = options;
        _tau = new T[Math.Min(m, n)];
        fixed (T* p = _packed)
        fixed (T* t = _tau)
            HouseholderQr.Factor(Transposed(p), t, options);
    }

    /// <summary>Number of rows m of A.</summary>

    public int Rows { get; }

    /// <summary>Number of columns n of A.</summary>

    public int Columns { get; }

    /// <summary>The n×m view of the packed storage that holds the QR of Aᵀ.</summary>
    private StridedMatrix<T> Transposed(T* p) => StridedMatrix<T>.RowMajor(p, Rows, Columns, Math.Max(Columns, 1)).Transposed;

    /// <summary>L: m×k lower trapezoidal (k = min(m, n)).</summary>
    public NDArray<T> L
    {
        get
        {
            int m = Rows, n = Columns, k = Math.Min(m, n);
            var l = new T[m * k];
            for (int i = 0; i < m; i++)
                for (int j = 0; j <= Math.Min(i, k - 1); j++) l[i * k + j] = _packed[i * n + j];
            return NDArray.FromArray(l, m, k);
        }
    }

    /// <summary>Q's first k rows (k×n, orthonormal rows), or all n rows when <paramref name="complete"/>.</summary>
    public NDArray<T> Q(bool complete = false)
    {
        int m = Rows, n = Columns, k = Math.Min(m, n), rows = complete ? n : k;
        // Form the n×rows matrix Q_Aᵀ-columns in a column-major buffer = rows×n row-major: exactly the Q we return.
        var q = new T[rows * n];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < n; j++) q[i * n + j] = _packed[i * n + j];
        fixed (T* p = q)
        fixed (T* t = _tau)
            HouseholderQr.FormQ(StridedMatrix<T>.RowMajor(p, rows, n, Math.Max(n, 1)).Transposed, k, t, _options);
        return NDArray.FromArray(q, rows, n);
    }

    /// <summary>
    /// Minimum-norm solution of the underdetermined <c>A·X = B</c> (m ≤ n, full row rank):
    /// <c>X = Qᵀ·[L⁻¹B; 0]</c>. B is m or m×k.
    /// </summary>
    public NDArray<T> Solve(NDArray<T> b)
    {
        int m = Rows, n = Columns;
        if (m > n) throw new InvalidOperationException($"LQ minimum-norm solve needs m ≤ n; A is {m}×{n} (overdetermined: use QrDecomposition).");
        var rhs = DenseCopy.RightHandSide(b, m, "LQ solve", $"{m}×{n}", out int k, out bool vector);
        for (int j = 0; j < m; j++)
            if (_packed[j * n + j] == T.Zero)
                throw new SingularMatrixException($"L[{j},{j}] is exactly zero: A ({m}×{n}) is rank deficient; use LinearAlgebra.Lstsq.", j);
        var x = new T[n * k];
        Array.Copy(rhs, x, m * k);
        fixed (T* p = _packed)
        fixed (T* t = _tau)
        fixed (T* px = x)
        {
            Blas.Blas.TrsmLeft(m, k, p, n, 1, lower: true, unit: false, px, Math.Max(k, 1), 1, _options);
            HouseholderQr.ApplyQ(left: true, transpose: false, Transposed(p), m, t, StridedMatrix<T>.RowMajor(px, n, k, Math.Max(k, 1)), _options);
        }
        return DenseCopy.Result(x, n, k, vector);
    }
}
