using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;
using Kernels.Tensors;

namespace Kernels.Linalg.Sketching;

/// <summary>
/// A rank-k randomized SVD <c>A ≈ U·diag(S)·Vᵀ</c> and the a-posteriori estimate of ‖A − Q·QᵀA‖₂ (Halko–Martinsson–
/// Tropp, §4.3: 10·√(2/π)·max over 10 Gaussian probes of ‖(I − QQᵀ)·A·ω‖, holding with probability ≥ 1 − 10⁻¹⁰).
/// </summary>
public sealed record RandomizedSvdResult<T>(NDArray<T> U, NDArray<T> S, NDArray<T> Vt, T ErrorEstimate) where T : unmanaged;

/// <summary>
/// How the range finder re-normalises between power-iteration products (scikit-learn's
/// <c>power_iteration_normalizer</c>): the basis only has to stay well conditioned, not orthonormal, so LU is enough.
/// </summary>
public enum PowerIterationNormalizer
{
    /// <summary>scikit-learn's "auto": none for at most 2 power iterations, else LU.</summary>
    Auto,
    /// <summary>Householder QR (orthonormal; the most stable).</summary>
    QR,
    /// <summary>The permuted unit-lower factor of an LU with partial pivoting (cheaper than QR, well conditioned).</summary>
    LU,
    /// <summary>No normalisation (fine for few iterations; columns collapse onto the top singular vector otherwise).</summary>
    None,
}

/// <summary>
/// Randomized range finder and SVD (Halko–Martinsson–Tropp), with scikit-learn's options and loop: oversampling
/// (default 10), power iterations (default as scikit-learn's "auto": 7 when k &lt; 0.1·min(m, n), else 4), each
/// product re-normalised as <see cref="PowerIterationNormalizer"/> says, and a final Householder QR. The Gaussian test
/// matrix comes from the seed, so results are reproducible.
/// </summary>
public static class RandomizedSvd
{
    /// <summary>
    /// An orthonormal basis Q (m×l) of the range of A after q power iterations: Ω (n×l) Gaussian; q times
    /// <c>Ω ← norm(Aᵀ·norm(A·Ω))</c>; then <c>Q = qr(A·Ω)</c> — scikit-learn's <c>randomized_range_finder</c>.
    /// </summary>
    public static NDArray<T> RangeFinder<T>(NDArray<T> a, int size, int powerIterations, ulong seed, GemmOptions? options = null,
        PowerIterationNormalizer normalizer = PowerIterationNormalizer.Auto) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rank != 2) throw new ArgumentException($"Randomized range finder: A must be 2-D; got {a.ShapeString}.", nameof(a));
        ArgumentOutOfRangeException.ThrowIfNegative(powerIterations);
        int n = a.Shape[1];
        if (normalizer == PowerIterationNormalizer.Auto) normalizer = powerIterations <= 2 ? PowerIterationNormalizer.None : PowerIterationNormalizer.LU;
        var omega = NDArray.RandomNormal(seed, T.Zero, T.One, n, size);
        for (int i = 0; i < powerIterations; i++)
        {
            omega = Normalize(LinearAlgebra.MatMul(a, omega, options), normalizer, options);
            omega = Normalize(LinearAlgebra.MatMul(a.Transpose(), omega, options), normalizer, options);
        }
        return Orthonormal(LinearAlgebra.MatMul(a, omega, options), options);
    }

    /// <summary>The rank-<paramref name="rank"/> randomized SVD of the m×n A.</summary>
    /// <exception cref="ArgumentException">A is not 2-D, has NaN/∞, or rank is outside 1…min(m, n).</exception>
    public static RandomizedSvdResult<T> Compute<T>(NDArray<T> a, int rank, int oversampling = 10, int? powerIterations = null, ulong seed = 0,
        GemmOptions? options = null, PowerIterationNormalizer normalizer = PowerIterationNormalizer.Auto) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rank != 2) throw new ArgumentException($"Randomized SVD: A must be 2-D; got {a.ShapeString}.", nameof(a));
        int m = a.Shape[0], n = a.Shape[1], kMax = Math.Min(m, n);
        if (rank < 1 || rank > kMax) throw new ArgumentOutOfRangeException(nameof(rank), $"Randomized SVD: rank {rank} outside 1…{kMax} for A {a.ShapeString}.");
        ArgumentOutOfRangeException.ThrowIfNegative(oversampling);
        // Checked in place when contiguous: a copy of a large A would cost more than a power iteration.
        DenseCopy.ThrowIfNonFinite(a, "A", $"Randomized SVD of {a.ShapeString}", n);
        int q = powerIterations ?? (rank < 0.1 * kMax ? 7 : 4);
        int size = Math.Min(rank + oversampling, kMax);
        var basis = RangeFinder(a, size, q, seed, options, normalizer);
        var b = LinearAlgebra.MatMul(basis.Transpose(), a, options);                 // l×n
        var svd = new SingularValueDecomposition<T>(b, SvdMode.Thin, SvdMethod.Auto, options);
        var u = LinearAlgebra.MatMul(basis, svd.U, options);                         // m×l
        var uk = u.Slice(AxisRange.All, new AxisRange(0, rank)).Copy();
        var sk = svd.S.Slice(new AxisRange(0, rank)).Copy();
        var vk = svd.Vt.Slice(new AxisRange(0, rank), AxisRange.All).Copy();
        // A-posteriori: residual of the range on 10 fresh probes.
        var probes = NDArray.RandomNormal(seed ^ 0xA5A5A5A5UL, T.Zero, T.One, n, 10);
        var y = LinearAlgebra.MatMul(a, probes, options);
        var proj = LinearAlgebra.MatMul(basis, LinearAlgebra.MatMul(basis.Transpose(), y, options), options);
        T worst = T.Zero;
        for (int j = 0; j < 10; j++)
        {
            T sum = T.Zero;
            for (int i = 0; i < m; i++)
            {
                T r = y[i, j] - proj[i, j];
                sum += r * r;
            }
            worst = T.Max(worst, T.Sqrt(sum));
        }
        T estimate = T.CreateTruncating(10 * Math.Sqrt(2 / Math.PI)) * worst;
        return new RandomizedSvdResult<T>(uk, sk, vk, estimate);
    }

    internal static NDArray<T> Orthonormal<T>(NDArray<T> y, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T> =>
        new QrDecomposition<T>(y, options).Q();

    /// <summary>A well-conditioned basis of range(Y): Q of QR, or PᵀL of <c>P·Y = L·U</c>, or Y itself.</summary>
    internal static NDArray<T> Normalize<T>(NDArray<T> y, PowerIterationNormalizer normalizer, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (normalizer)
        {
            case PowerIterationNormalizer.QR:
                return Orthonormal(y, options);
            case PowerIterationNormalizer.LU:
            {
                var lu = new LuDecomposition<T>(y, options);
                var l = lu.L;
                var perm = lu.Permutation;
                // Row i of P·Y is row perm[i] of Y, so row perm[i] of PᵀL is row i of L.
                var result = new NDArray<T>(l.Shape[0], l.Shape[1]);
                for (int i = 0; i < perm.Length; i++)
                    l.Slice(new AxisRange(i, i + 1), AxisRange.All).CopyTo(result.Slice(new AxisRange(perm[i], perm[i] + 1), AxisRange.All));
                return result;
            }
            default:
                return y;
        }
    }
}
