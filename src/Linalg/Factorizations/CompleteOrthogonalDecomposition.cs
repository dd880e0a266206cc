using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;
using Kernels.Tensors;

namespace Kernels.Linalg;

/// <summary>
/// Complete orthogonal decomposition <c>A·P = Q·[L₁₁ 0; 0 0]·Z</c> of an m×n matrix of numerical rank r: a
/// rank-revealing pivoted QR, then an LQ of the leading r rows of R (<c>[R₁₁ R₁₂] = [L₁₁ 0]·Z</c>). Gives the
/// minimum-norm least-squares solution of rank-deficient problems (LAPACK's <c>gelsy</c> approach) and the
/// pseudo-inverse without an SVD.
/// </summary>
public sealed class CompleteOrthogonalDecomposition<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly PivotedQrDecomposition<T> _qr;
    private readonly LqDecomposition<T>? _lq;

    /// <param name="a">m×n, any strides; not modified.</param>
    /// <param name="tolerance">Relative threshold on |R_ii|/|R₀₀| for the rank; default max(m, n)·ε.</param>
    /// <param name="options">GEMM settings.</param>
    public CompleteOrthogonalDecomposition(NDArray<T> a, T? tolerance = null, GemmOptions? options = null)
    {
        _qr = new PivotedQrDecomposition<T>(a, options);
        Rank = _qr.Rank(tolerance);
        if (Rank > 0) _lq = new LqDecomposition<T>(_qr.LeadingRowsOfR(Rank), options);
    }

    /// <summary>Numerical rank r.</summary>
    public int Rank { get; }

    /// <summary>Number of rows m of A.</summary>

    public int Rows => _qr.Rows;

    /// <summary>Number of columns n of A.</summary>

    public int Columns => _qr.Columns;

    /// <summary>The pivoted QR this decomposition starts from.</summary>
    public PivotedQrDecomposition<T> PivotedQr => _qr;

    /// <summary>
    /// Minimum-norm least-squares solution <c>X = P·Zᵀ·[L₁₁⁻¹·(QᵀB)[0:r]; 0]</c> of <c>min ‖A·X − B‖</c>; B is m or m×k.
    /// </summary>
    public NDArray<T> Solve(NDArray<T> b)
    {
        int m = Rows, n = Columns;
        var c = DenseCopy.RightHandSide(b, m, "least squares", $"{m}×{n}", out int k, out bool vector);
        var x = new T[n * k];
        if (Rank > 0)
        {
            _qr.ApplyQTranspose(c, k);
            var top = NDArray.FromArray(c[..(Rank * k)], Rank, k);
            var z = _lq!.Solve(top).ToArray();
            var perm = _qr.PermutationView;
            for (int j = 0; j < n; j++) Array.Copy(z, j * k, x, perm[j] * k, k);
        }
        return DenseCopy.Result(x, n, k, vector);
    }

    /// <summary>The Moore–Penrose pseudo-inverse A⁺ (n×m) at this decomposition's rank: the solution for B = I.</summary>
    public NDArray<T> PseudoInverse()
    {
        return Solve(DenseCopy.Identity<T>(Rows));
    }
}
