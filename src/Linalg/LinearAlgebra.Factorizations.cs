using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Householder;
using Kernels.Linalg.Internal;
using Kernels.Tensors;

namespace Kernels.Linalg;

/// <summary>What <see cref="LinearAlgebra.Qr{T}"/> returns, as NumPy's <c>numpy.linalg.qr</c> modes.</summary>
public enum QrMode
{
    /// <summary>Q m×k and R k×n, k = min(m, n).</summary>
    Reduced,

    /// <summary>Q m×m and R m×n.</summary>
    Complete,

    /// <summary>Only R (k×n).</summary>
    R,

    /// <summary>LAPACK's compact form: the m×n packed matrix (R above, reflectors below the diagonal) and τ.
    /// NumPy's "raw" returns the same data transposed (Fortran order); ours is row-major m×n.</summary>
    Raw,
}

/// <summary>The arrays a QR mode produces; those the mode does not produce are null.</summary>
public sealed record QrResult<T>(NDArray<T>? Q, NDArray<T>? R, NDArray<T>? Packed, NDArray<T>? Tau) where T : unmanaged;

/// <summary>Least-squares result: the minimum-norm solution, the numerical rank, and (when rank = n &lt; m) the
/// residual sum of squares per right-hand side, else an empty array (as NumPy's <c>lstsq</c>).</summary>
public sealed record LeastSquaresResult<T>(NDArray<T> Solution, int Rank, NDArray<T> ResidualSumOfSquares) where T : unmanaged;

public static partial class LinearAlgebra
{
    /// <summary>QR in one of NumPy's modes. See <see cref="QrDecomposition{T}"/> for the factorization itself.</summary>
    public static QrResult<T> Qr<T>(NDArray<T> a, QrMode mode = QrMode.Reduced, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var qr = new QrDecomposition<T>(a, options);
        return mode switch
        {
            QrMode.Reduced => new QrResult<T>(qr.Q(), qr.R(), null, null),
            QrMode.Complete => new QrResult<T>(qr.Q(complete: true), qr.R(complete: true), null, null),
            QrMode.R => new QrResult<T>(null, qr.R(), null, null),
            QrMode.Raw => new QrResult<T>(null, null, qr.Packed, qr.Tau),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown QR mode"),
        };
    }

    /// <summary>Solves the square system <c>A·X = B</c> by LU with partial pivoting (B n or n×k).</summary>
    /// <exception cref="SingularMatrixException">A is exactly singular.</exception>
    public static NDArray<T> Solve<T>(NDArray<T> a, NDArray<T> b, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rank != 2 || a.Shape[0] != a.Shape[1]) throw new ArgumentException($"Solve needs a square A; got {a.ShapeString}.", nameof(a));
        return new LuDecomposition<T>(a, options).Solve(b);
    }

    /// <summary>A⁻¹ of a square nonsingular A (by LU).</summary>
    public static NDArray<T> Inverse<T>(NDArray<T> a, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        new LuDecomposition<T>(a, options).Inverse();

    /// <summary>det A (by LU; over/underflows only when the determinant itself does).</summary>
    public static T Determinant<T>(NDArray<T> a, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        new LuDecomposition<T>(a, options).Determinant;

    /// <summary>(sign, log|det A|), NumPy's <c>slogdet</c>; (0, −∞) when A is singular.</summary>
    public static (T Sign, T LogAbsDeterminant) LogDeterminant<T>(NDArray<T> a, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T> => new LuDecomposition<T>(a, options).LogDeterminant;

    /// <summary>Estimate of the 1-norm condition number ‖A‖₁·‖A⁻¹‖₁ (∞ for a singular A), O(n²) after the LU.</summary>
    public static T ConditionNumber1Estimate<T>(NDArray<T> a, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = new LuDecomposition<T>(a, options).ReciprocalCondition1;
        return r == T.Zero ? T.PositiveInfinity : T.One / r;
    }

    /// <summary>
    /// Minimum-norm least-squares solution of <c>min ‖A·X − B‖₂</c> for any m×n A, rank-deficient included, by the
    /// complete orthogonal decomposition (<see cref="CompleteOrthogonalDecomposition{T}"/>). Full-rank tall problems
    /// are cheaper through <see cref="QrDecomposition{T}.Solve"/>.
    /// </summary>
    public static LeastSquaresResult<T> Lstsq<T>(NDArray<T> a, NDArray<T> b, T? tolerance = null, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var cod = new CompleteOrthogonalDecomposition<T>(a, tolerance, options);
        var x = cod.Solve(b);
        int m = cod.Rows, n = cod.Columns;
        NDArray<T> residuals;
        if (cod.Rank == n && m > n)
        {
            var ax = MatMul(a, x, options);
            int k = b.Rank == 1 ? 1 : b.Shape[1];
            var rss = new T[k];
            var bb = b.Rank == 1 ? b.Unsqueeze(1) : b;
            var axx = ax.Rank == 1 ? ax.Unsqueeze(1) : ax;
            for (int j = 0; j < k; j++)
                for (int i = 0; i < m; i++)
                {
                    T d = bb[i, j] - axx[i, j];
                    rss[j] += d * d;
                }
            residuals = NDArray.FromArray(rss, k);
        }
        else residuals = new NDArray<T>(0);
        return new LeastSquaresResult<T>(x, cod.Rank, residuals);
    }

    /// <summary>
    /// The first n columns of <c>H₀⋯H_{k−1}</c>, <c>H_j = I − τ_j·v_j·v_jᵀ</c>, with v_j the j-th column of the
    /// m×n <paramref name="v"/> below the diagonal (unit diagonal implied, entries above ignored) —
    /// <c>torch.linalg.householder_product</c> and LAPACK's <c>orgqr</c>. Needs m ≥ n ≥ k. For the full m×m
    /// orthogonal matrix of k reflectors in ℝᵐ (a Householder projector), pass <paramref name="columns"/> = m.
    /// </summary>
    /// <remarks>
    /// Batched like PyTorch: V of shape (*, m, n) with τ of shape (*, k) and the same batch shape gives (*, m, columns);
    /// each matrix is formed independently.
    /// </remarks>
    public static NDArray<T> HouseholderProduct<T>(NDArray<T> v, NDArray<T> tau, int? columns = null, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(tau);
        if (v.Rank <= 2) return HouseholderProductMatrix(v, tau, columns, options);
        if (tau.Rank != v.Rank - 1 || !v.Shape[..^2].SequenceEqual(tau.Shape[..^1]))
            throw new ArgumentException($"HouseholderProduct: batch shapes differ: V {v.ShapeString} (batch × m × n) and tau {tau.ShapeString} (batch × k).");
        int m = v.Shape[^2], n = v.Shape[^1], k = tau.Shape[^1];
        int batch = 1;
        foreach (int d in v.Shape[..^2]) batch *= d;
        int cols = columns ?? n;
        var v3 = v.Reshape(batch, m, n);
        var t2 = tau.Reshape(batch, k);
        var result = new NDArray<T>(batch, m, cols);
        for (int b = 0; b < batch; b++)
        {
            var q = HouseholderProductMatrix(v3.Slice(new AxisRange(b, b + 1)).Squeeze(0), t2.Slice(new AxisRange(b, b + 1)).Squeeze(0), columns, options);
            q.CopyTo(result.Slice(new AxisRange(b, b + 1)).Squeeze(0));
        }
        return result.Reshape([.. v.Shape[..^2], m, cols]);
    }

    private static NDArray<T> HouseholderProductMatrix<T>(NDArray<T> v, NDArray<T> tau, int? columns, GemmOptions? options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (vd, m, n, taus) = ReflectorArguments(v, tau, "HouseholderProduct");
        int cols = columns ?? n;
        if (cols < taus.Length || cols > m)
            throw new ArgumentException($"HouseholderProduct: columns must be in [k, m] = [{taus.Length}, {m}]; got {cols}.", nameof(columns));
        return DenseCopy.FormQ(vd, m, n, taus, cols, options);
    }

    /// <summary>
    /// <c>Q·X</c> (or <c>Qᵀ·X</c>) for <c>Q = H₀⋯H_{k−1}</c> given as in <see cref="HouseholderProduct{T}"/>, without
    /// forming Q: X is m (one vector) or m×p (a batch of column vectors). Cost O(m·k·p), in GEMM.
    /// </summary>
    public static unsafe NDArray<T> ApplyHouseholderProduct<T>(NDArray<T> v, NDArray<T> tau, NDArray<T> x, bool transpose = false,
        GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (vd, m, n, taus) = ReflectorArguments(v, tau, "ApplyHouseholderProduct");
        var xd = DenseCopy.RightHandSide(x, m, "ApplyHouseholderProduct", $"{m}×{n}", out int p, out bool vector);
        fixed (T* pv = vd)
        fixed (T* t = taus)
        fixed (T* px = xd)
            HouseholderQr.ApplyQ(left: true, transpose, StridedMatrix<T>.RowMajor(pv, m, n, Math.Max(n, 1)), taus.Length, t,
                StridedMatrix<T>.RowMajor(px, m, p, Math.Max(p, 1)), options);
        return DenseCopy.Result(xd, m, p, vector);
    }

    private static (T[] V, int M, int N, T[] Tau) ReflectorArguments<T>(NDArray<T> v, NDArray<T> tau, string routine)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(tau);
        var vd = DenseCopy.Matrix(v, nameof(v), out int m, out int n);
        if (tau.Rank != 1) throw new ArgumentException($"{routine}: tau must be 1-D; got {tau.ShapeString}.", nameof(tau));
        int k = tau.Shape[0];
        if (!(m >= n && n >= k))
            throw new ArgumentException($"{routine} needs V m×n and tau k with m ≥ n ≥ k; got V {v.ShapeString}, tau {tau.ShapeString}.");
        return (vd, m, n, tau.ToArray());
    }
}
