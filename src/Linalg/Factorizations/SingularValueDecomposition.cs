using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;
using Kernels.Linalg.Spectral;
using Kernels.Tensors;

namespace Kernels.Linalg;

/// <summary>Which factors an SVD computes (NumPy's full_matrices / compute_uv).</summary>
public enum SvdMode
{
    /// <summary>U m×k, S k, Vᵀ k×n with k = min(m, n) (NumPy's full_matrices=False).</summary>
    Thin,

    /// <summary>U m×m, S k, Vᵀ n×n.</summary>
    Full,

    /// <summary>Only S.</summary>
    ValuesOnly,
}

/// <summary>The SVD algorithm.</summary>
public enum SvdMethod
{
    /// <summary>Divide and conquer for the vectors from order 100 (bidiagonal QR below, where it is faster, and for
    /// values only): the default, as LAPACK's gesdd.</summary>
    Auto,

    /// <summary>Householder bidiagonalisation + bidiagonal divide and conquer (Gu–Eisenstat) for the vectors.</summary>
    DivideAndConquer,

    /// <summary>Householder bidiagonalisation + implicit bidiagonal QR (Demmel–Kahan zero shift), after a QR when
    /// m ≥ 1.5·n.</summary>
    QrIteration,

    /// <summary>One-sided Jacobi (after a QR when m ≥ 1.5·n): slower, high relative accuracy for graded matrices.</summary>
    Jacobi,
}

/// <summary>
/// Singular value decomposition <c>A = U·diag(S)·Vᵀ</c> of any m×n matrix, S descending and non-negative, U and V
/// with orthonormal columns. Computed in the constructor on a private copy (the input is not modified); NaN/∞ inputs
/// are rejected. Singular values are accurate to ‖A‖₂·O(ε) (absolute) with <see cref="SvdMethod.QrIteration"/> and
/// to high relative accuracy with <see cref="SvdMethod.Jacobi"/> for matrices that are well conditioned up to
/// column scaling.
/// </summary>
public sealed unsafe class SingularValueDecomposition<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _s;
    private readonly T[]? _u, _vt;
    private readonly int _uCols;

    /// <exception cref="ArgumentException">A is not 2-D or has NaN/∞.</exception>
    /// <exception cref="NonConvergenceException">The iteration failed (the index is reported).</exception>
    public SingularValueDecomposition(NDArray<T> a, SvdMode mode = SvdMode.Thin, SvdMethod method = SvdMethod.Auto, GemmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rank != 2) throw new ArgumentException($"SVD: A must be a 2-D matrix; got shape {a.ShapeString}.", nameof(a));
        int m = a.Shape[0], n = a.Shape[1], k = Math.Min(m, n);
        Rows = m;
        Columns = n;
        Mode = mode;
        using var work = new Scratch<T>(m * n);
        DenseCopy.MatrixInto(a, work.Span);
        DenseCopy.ThrowIfNonFinite<T>(work.Span, "A", $"SVD of {a.ShapeString}", n);
        bool transpose = m < n;
        int p = Math.Max(m, n), q = k; // the problem solved is p×q with p ≥ q
        T* src = work.Pointer;
        using var transposed = new Scratch<T>(transpose ? m * n : 0);
        if (transpose)
        {
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) transposed.Pointer[j * m + i] = src[i * n + j];
            src = transposed.Pointer;
        }
        bool vectors = mode != SvdMode.ValuesOnly;
        int uColsInner = mode == SvdMode.Full ? p : q;
        _s = new T[k];
        using var uInner = new Scratch<T>(vectors ? p * uColsInner : 0);
        using var vtInner = new Scratch<T>(vectors ? q * q : 0);
        fixed (T* ps = _s)
            SvdSolver.Compute(src, p, q, ps, vectors ? uInner.Pointer : null, uColsInner, vectors ? vtInner.Pointer : null,
                method == SvdMethod.Jacobi, DivideAndConquerFrom(method), options);
        if (!vectors) return;
        if (!transpose)
        {
            _uCols = uColsInner;
            _u = uInner.Span.ToArray();
            _vt = vtInner.Span.ToArray();
            return;
        }
        // Aᵀ = U'·Σ·V'ᵀ ⇒ A = V'·Σ·U'ᵀ: U = V' (= V'ᵀ transposed), Vᵀ = U'ᵀ (n-row U' transposed).
        _uCols = q;
        _u = new T[m * q];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < q; j++) _u[i * q + j] = vtInner.Pointer[j * q + i];
        _vt = new T[uColsInner * n];
        for (int i = 0; i < uColsInner; i++)
            for (int j = 0; j < n; j++) _vt[i * n + j] = uInner.Pointer[j * uColsInner + i];
    }

    private static int DivideAndConquerFrom(SvdMethod method) => method switch
    {
        SvdMethod.Auto => SvdSolver.AutoDivideAndConquerFrom,
        SvdMethod.DivideAndConquer => 0,
        _ => int.MaxValue,
    };

    /// <summary>m.</summary>
    public int Rows { get; }

    /// <summary>n.</summary>
    public int Columns { get; }

    /// <summary>What was computed.</summary>
    public SvdMode Mode { get; }

    /// <summary>The singular values, descending (a copy).</summary>
    public NDArray<T> S => NDArray.FromArray((T[])_s.Clone(), _s.Length);

    /// <summary>U (a copy): m×k (thin) or m×m (full).</summary>
    public NDArray<T> U => _u is null ? throw NoVectors() : NDArray.FromArray((T[])_u.Clone(), Rows, _uCols);

    /// <summary>Vᵀ (a copy): k×n (thin) or n×n (full).</summary>
    public NDArray<T> Vt => _vt is null ? throw NoVectors() : NDArray.FromArray((T[])_vt.Clone(), _vt.Length / Math.Max(Columns, 1), Columns);

    private static InvalidOperationException NoVectors() => new("SVD: singular vectors were not computed (SvdMode.ValuesOnly).");

    /// <summary>The default cutoff <c>max(m, n)·ε·σ_max</c> (NumPy's matrix_rank and SciPy's pinv).</summary>
    public T DefaultTolerance => _s.Length == 0 ? T.Zero : T.CreateTruncating(Math.Max(Rows, Columns)) * Precision<T>.Epsilon * _s[0];

    /// <summary>Numerical rank: the number of σᵢ &gt; <paramref name="tolerance"/> (default <see cref="DefaultTolerance"/>).</summary>
    public int Rank(T? tolerance = null)
    {
        T tol = tolerance ?? DefaultTolerance;
        int r = 0;
        while (r < _s.Length && _s[r] > tol) r++;
        return r;
    }

    /// <summary>‖A‖₂ = σ_max (0 for an empty matrix).</summary>
    public T Norm2 => _s.Length == 0 ? T.Zero : _s[0];

    /// <summary>κ₂(A) = σ_max/σ_min (∞ when σ_min = 0).</summary>
    public T ConditionNumber => _s.Length == 0 ? T.Zero : _s[^1] == T.Zero ? T.PositiveInfinity : _s[0] / _s[^1];

    /// <summary>
    /// The Moore–Penrose pseudo-inverse <c>A⁺ = V·diag(1/σᵢ)·Uᵀ</c> over the σᵢ above the cutoff
    /// <paramref name="tolerance"/> (absolute; default <see cref="DefaultTolerance"/>); n×m.
    /// </summary>
    public NDArray<T> PseudoInverse(T? tolerance = null)
    {
        if (_u is null || _vt is null) throw NoVectors();
        int r = Rank(tolerance), m = Rows, n = Columns;
        var result = new T[n * m];
        for (int l = 0; l < r; l++)
        {
            T inv = T.One / _s[l];
            for (int i = 0; i < n; i++)
            {
                T vil = _vt[l * n + i] * inv;
                if (vil == T.Zero) continue;
                for (int j = 0; j < m; j++) result[i * m + j] += vil * _u[j * _uCols + l];
            }
        }
        return NDArray.FromArray(result, n, m);
    }

    /// <summary>
    /// Minimum-norm least-squares solution <c>X = V·Σ⁺·Uᵀ·B</c> (B with m rows, 1-D or 2-D), singular values at or
    /// below <paramref name="tolerance"/> (default <see cref="DefaultTolerance"/>) treated as zero.
    /// </summary>
    public NDArray<T> Solve(NDArray<T> b, T? tolerance = null)
    {
        if (_u is null || _vt is null) throw NoVectors();
        var data = DenseCopy.RightHandSide(b, Rows, "SVD solve", $"({Rows}, {Columns})", out int k, out bool vector);
        int r = Rank(tolerance), n = Columns;
        // C = Σ⁺·Uᵀ·B (r×k), then X = V[:, 0:r]·C.
        var c = new T[r * k];
        for (int l = 0; l < r; l++)
        {
            T inv = T.One / _s[l];
            for (int i = 0; i < Rows; i++)
            {
                T uil = _u[i * _uCols + l] * inv;
                if (uil == T.Zero) continue;
                for (int j = 0; j < k; j++) c[l * k + j] += uil * data[i * k + j];
            }
        }
        var x = new T[n * k];
        for (int l = 0; l < r; l++)
            for (int i = 0; i < n; i++)
            {
                T vil = _vt[l * n + i];
                for (int j = 0; j < k; j++) x[i * k + j] += vil * c[l * k + j];
            }
        return DenseCopy.Result(x, n, k, vector);
    }

    /// <summary>An orthonormal basis of the null space of A (n×(n − rank)), from the trailing rows of a full Vᵀ.</summary>
    public NDArray<T> NullSpace(T? tolerance = null)
    {
        if (_vt is null) throw NoVectors();
        if (Mode != SvdMode.Full && Columns > Rows)
            throw new InvalidOperationException($"SVD: the null space of a wide {Rows}×{Columns} matrix needs SvdMode.Full (Vᵀ n×n).");
        int r = Rank(tolerance), n = Columns, rows = _vt.Length / Math.Max(n, 1);
        var basis = new T[n * (rows - r)];
        for (int i = 0; i < n; i++)
            for (int l = r; l < rows; l++) basis[i * (rows - r) + (l - r)] = _vt[l * n + i];
        return NDArray.FromArray(basis, n, rows - r);
    }
}
