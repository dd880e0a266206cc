using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Factorizations;
using Kernels.Linalg.Internal;
using Kernels.Tensors;

namespace Kernels.Linalg;

/// <summary>
/// LU with partial pivoting <c>P·A = L·U</c> of an m×n matrix: L m×k unit lower, U k×n upper, k = min(m, n).
/// Recursive and level 3. Computed in the constructor on a private copy (the input is not modified); an exactly
/// singular square matrix factors fine (<see cref="IsSingular"/>) but <see cref="Solve"/> and
/// <see cref="Inverse"/> then throw. NaN/∞ inputs are rejected.
/// </summary>
public sealed unsafe class LuDecomposition<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _lu;
    private readonly int[] _pivots;
    private readonly int _firstZeroPivot;
    private readonly T _norm1;
    private readonly GemmOptions? _options;

    /// <exception cref="ArgumentException">A is not 2-D or holds NaN/∞.</exception>
    public LuDecomposition(NDArray<T> a, GemmOptions? options = null)
    {
        _lu = DenseCopy.Matrix(a, nameof(a), out int m, out int n);
        DenseCopy.ThrowIfNonFinite<T>(_lu, nameof(a), "LU", n);
        Rows = m;
        Columns = n;
        _options = options;
        _norm1 = Norm1(_lu, m, n);
        _pivots = new int[Math.Min(m, n)];
        fixed (T* p = _lu)
        fixed (int* piv = _pivots)
            _firstZeroPivot = LuKernel.Factor(StridedMatrix<T>.RowMajor(p, m, n, Math.Max(n, 1)), piv, options) - 1;
    }

    /// <summary>Number of rows m of A.</summary>

    public int Rows { get; }

    /// <summary>Number of columns n of A.</summary>

    public int Columns { get; }

    /// <summary>True when some pivot U_jj is exactly zero (A is singular or, if not square, rank deficient).</summary>
    public bool IsSingular => _firstZeroPivot >= 0;

    /// <summary>LAPACK-style interchanges (a copy): row i was swapped with row Pivots[i], in order i = 0, 1, ….</summary>
    public int[] Pivots => (int[])_pivots.Clone();

    /// <summary>The row permutation as an index vector p: row i of P·A is row p[i] of A.</summary>
    public int[] Permutation
    {
        get
        {
            var perm = Enumerable.Range(0, Rows).ToArray();
            for (int i = 0; i < _pivots.Length; i++) (perm[i], perm[_pivots[i]]) = (perm[_pivots[i]], perm[i]);
            return perm;
        }
    }

    /// <summary>The permutation matrix P (m×m) with <c>P·A = L·U</c>.</summary>
    public NDArray<T> P
    {
        get
        {
            var perm = Permutation;
            var p = new NDArray<T>(Rows, Rows);
            for (int i = 0; i < Rows; i++) p[i, perm[i]] = T.One;
            return p;
        }
    }

    /// <summary>L: m×k, unit lower trapezoidal.</summary>
    public NDArray<T> L
    {
        get
        {
            int m = Rows, n = Columns, k = Math.Min(m, n);
            var l = new T[m * k];
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < Math.Min(i, k); j++) l[i * k + j] = _lu[i * n + j];
                if (i < k) l[i * k + i] = T.One;
            }
            return NDArray.FromArray(l, m, k);
        }
    }

    /// <summary>U: k×n, upper trapezoidal.</summary>
    public NDArray<T> U
    {
        get
        {
            int n = Columns, k = Math.Min(Rows, n);
            var u = new T[k * n];
            for (int i = 0; i < k; i++)
                for (int j = i; j < n; j++) u[i * n + j] = _lu[i * n + j];
            return NDArray.FromArray(u, k, n);
        }
    }

    /// <summary>Solves <c>A·X = B</c> (or <c>Aᵀ·X = B</c>) for square nonsingular A; B is n or n×k.</summary>
    /// <exception cref="SingularMatrixException">A pivot is exactly zero (index reported).</exception>
    public NDArray<T> Solve(NDArray<T> b, bool transpose = false)
    {
        int n = RequireSquareNonsingular("solve");
        var x = DenseCopy.RightHandSide(b, n, "LU solve", $"{n}×{n}", out int k, out bool vector);
        fixed (T* p = _lu)
        fixed (int* piv = _pivots)
        fixed (T* px = x)
            Lapack.LuSolve(StridedMatrix<T>.RowMajor(p, n, n, Math.Max(n, 1)), piv, transpose, StridedMatrix<T>.RowMajor(px, n, k, Math.Max(k, 1)), _options);
        return DenseCopy.Result(x, n, k, vector);
    }

    /// <summary>A⁻¹, by solving with the identity.</summary>
    public NDArray<T> Inverse()
    {
        int n = RequireSquareNonsingular("invert");
        return Solve(DenseCopy.Identity<T>(n));
    }

    /// <summary><c>det A = sign(P)·Π U_jj</c>, accumulated with a separate exponent (over/underflows only if det does).</summary>
    public T Determinant
    {
        get
        {
            int n = RequireSquare("determinant");
            var acc = new ScaledProduct<T>();
            for (int i = 0; i < n; i++) acc.Multiply(_pivots[i] != i ? -_lu[i * n + i] : _lu[i * n + i]);
            return acc.Value;
        }
    }

    /// <summary>(sign, log|det A|) as NumPy's <c>slogdet</c>: (0, −∞) for a singular matrix.</summary>
    public (T Sign, T LogAbsDeterminant) LogDeterminant
    {
        get
        {
            int n = RequireSquare("log-determinant");
            T sign = T.One, log = T.Zero;
            for (int i = 0; i < n; i++)
            {
                T u = _lu[i * n + i];
                if (u == T.Zero) return (T.Zero, T.NegativeInfinity);
                if ((u < T.Zero) != (_pivots[i] != i)) sign = -sign;
                log += T.Log(T.Abs(u));
            }
            return (sign, log);
        }
    }

    /// <summary>
    /// Estimate of the reciprocal 1-norm condition number <c>1/(‖A‖₁·‖A⁻¹‖₁)</c> (LAPACK's <c>gecon</c>): ‖A⁻¹‖₁ by
    /// Hager–Higham's estimator (<c>lacn2</c>) from a few solves with A and Aᵀ, O(n²) work. Usually within a factor
    /// of 3 of the true value, never an overestimate of ‖A⁻¹‖₁'s lower bound; 0 for a singular matrix.
    /// </summary>
    public T ReciprocalCondition1
    {
        get
        {
            int n = RequireSquare("condition estimate");
            if (n == 0) return T.PositiveInfinity;
            if (IsSingular || _norm1 == T.Zero) return T.Zero;
            T invNorm = OneNormEstimator.Estimate<T>(n, (v, transpose) =>
            {
                fixed (T* p = _lu)
                fixed (int* piv = _pivots)
                fixed (T* pv = v)
                    Lapack.LuSolve(StridedMatrix<T>.RowMajor(p, n, n, n), piv, transpose, StridedMatrix<T>.RowMajor(pv, n, 1, 1), _options);
            });
            return T.One / _norm1 / invNorm;
        }
    }

    private int RequireSquare(string what)
    {
        if (Rows != Columns) throw new InvalidOperationException($"Cannot {what} of a non-square {Rows}×{Columns} matrix.");
        return Rows;
    }

    private int RequireSquareNonsingular(string what)
    {
        int n = RequireSquare(what);
        if (IsSingular)
            throw new SingularMatrixException($"Cannot {what}: A ({n}×{n}) is singular (U[{_firstZeroPivot},{_firstZeroPivot}] = 0 after partial pivoting).", _firstZeroPivot);
        return n;
    }

    internal static T Norm1(ReadOnlySpan<T> a, int m, int n)
    {
        T best = T.Zero;
        for (int j = 0; j < n; j++)
        {
            T s = T.Zero;
            for (int i = 0; i < m; i++) s += T.Abs(a[i * n + j]);
            if (s > best || T.IsNaN(s)) best = s;
        }
        return best;
    }
}
