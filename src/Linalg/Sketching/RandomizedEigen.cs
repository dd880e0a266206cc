using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;
using Kernels.Tensors;

namespace Kernels.Linalg.Sketching;

/// <summary>A rank-k eigen-approximation <c>A ≈ V·diag(Values)·Vᵀ</c>: values in descending order (by magnitude for
/// <see cref="RandomizedEigen.Symmetric{T}"/>), V n×k with orthonormal columns.</summary>
public sealed record RandomizedEigenResult<T>(NDArray<T> Values, NDArray<T> Vectors) where T : unmanaged;

/// <summary>
/// Randomized eigendecompositions of symmetric n×n matrices: the Nyström approximation for positive semidefinite A
/// (Tropp–Yurtsever–Udell–Cevher's stable, shifted form — better than projection for PSD matrices at the same number
/// of products) and Rayleigh–Ritz on a randomized range for any symmetric A.
/// </summary>
public static class RandomizedEigen
{
    /// <summary>
    /// Nyström: Q = orth(Ω) (n×l, l = k + oversampling), optionally refined by q power steps; Y = A·Q;
    /// ν = √n·ε·‖Y‖_F; <c>Y_ν = Y + ν·Q</c>; <c>C = chol(Qᵀ·Y_ν)</c>; <c>F = Y_ν·C⁻ᵀ = U·Σ·Wᵀ</c>;
    /// <c>Λ = max(Σ² − ν, 0)</c>, <c>A ≈ U_k·Λ_k·U_kᵀ</c>. A is assumed symmetric; it enters only through products A·Q.
    /// </summary>
    /// <exception cref="ArgumentException">A is not square, has NaN/∞, or is detected not to be positive semidefinite
    /// (the shifted core matrix is not positive definite).</exception>
    public static RandomizedEigenResult<T> Nystrom<T>(NDArray<T> a, int rank, int oversampling = 10, int powerIterations = 0, ulong seed = 0,
        GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = Check(a, rank, oversampling, powerIterations, "Nyström");
        int l = Math.Min(rank + oversampling, n);
        var q = RandomizedSvd.Orthonormal(NDArray.RandomNormal(seed, T.Zero, T.One, n, l), options);
        for (int i = 0; i < powerIterations; i++) q = RandomizedSvd.Orthonormal(LinearAlgebra.MatMul(a, q, options), options);
        var y = LinearAlgebra.MatMul(a, q, options);
        T frobenius = T.Zero;
        var yData = y.Contiguous().AsSpan();
        foreach (var v in yData) frobenius += v * v;
        T nu = T.Sqrt(T.CreateTruncating(n)) * Precision<T>.Epsilon * T.Sqrt(frobenius);
        var shifted = y.Copy();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < l; j++) shifted[i, j] += nu * q[i, j];
        var core = LinearAlgebra.MatMul(q.Transpose(), shifted, options);
        // Symmetrise: Qᵀ(AQ) is symmetric only up to rounding.
        for (int i = 0; i < l; i++)
            for (int j = 0; j < i; j++)
            {
                T avg = (core[i, j] + core[j, i]) / (T.One + T.One);
                core[i, j] = avg;
                core[j, i] = avg;
            }
        CholeskyDecomposition<T> chol;
        try { chol = new CholeskyDecomposition<T>(core, options); }
        catch (NotPositiveDefiniteException ex)
        {
            throw new ArgumentException($"Nyström: A {a.ShapeString} is not positive semidefinite (the shifted core Qᵀ·A·Q + νI is not positive definite: {ex.Message}).", nameof(a), ex);
        }
        // F = Y_ν·C⁻ᵀ with C = L (core = L·Lᵀ): solve L·Fᵀ = Y_νᵀ.
        var lData = chol.L.ToArray();
        var ft = shifted.Transpose().Copy().Contiguous().ToArray(); // l×n
        Blas.Blas.Trsm<T>(MatrixOrder.RowMajor, Side.Left, Triangle.Lower, Transpose.None, Diagonal.NonUnit, l, n, T.One, lData, l, ft, n);
        var svd = new SingularValueDecomposition<T>(NDArray.FromArray(ft, l, n).Transpose(), SvdMode.Thin, SvdMethod.Auto, options);
        var values = new T[rank];
        for (int j = 0; j < rank; j++) values[j] = T.Max(svd.S[j] * svd.S[j] - nu, T.Zero);
        var vectors = svd.U.Slice(AxisRange.All, new AxisRange(0, rank)).Copy();
        return new RandomizedEigenResult<T>(NDArray.FromArray(values, rank), vectors);
    }

    /// <summary>
    /// Rayleigh–Ritz on a randomized range: Q from <see cref="RandomizedSvd.RangeFinder{T}"/> (l = k + oversampling),
    /// <c>T = Qᵀ·A·Q = W·Λ·Wᵀ</c>, the k eigenvalues of largest magnitude with vectors Q·W. For any symmetric A.
    /// </summary>
    /// <exception cref="ArgumentException">A is not square or has NaN/∞.</exception>
    public static RandomizedEigenResult<T> Symmetric<T>(NDArray<T> a, int rank, int oversampling = 10, int powerIterations = 2, ulong seed = 0,
        GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = Check(a, rank, oversampling, powerIterations, "Randomized symmetric eigen");
        int l = Math.Min(rank + oversampling, n);
        var q = RandomizedSvd.RangeFinder(a, l, powerIterations, seed, options, PowerIterationNormalizer.QR);
        var t = LinearAlgebra.MatMul(q.Transpose(), LinearAlgebra.MatMul(a, q, options), options);
        var eig = new SymmetricEigenDecomposition<T>(t, computeVectors: true, options);
        var w = eig.Values;
        var order = Enumerable.Range(0, l).OrderByDescending(i => T.Abs(w[i])).Take(rank).ToArray();
        var values = new T[rank];
        var picked = new NDArray<T>(l, rank);
        var vecs = eig.Vectors;
        for (int j = 0; j < rank; j++)
        {
            values[j] = w[order[j]];
            for (int i = 0; i < l; i++) picked[i, j] = vecs[i, order[j]];
        }
        return new RandomizedEigenResult<T>(NDArray.FromArray(values, rank), LinearAlgebra.MatMul(q, picked, options));
    }

    private static int Check<T>(NDArray<T> a, int rank, int oversampling, int powerIterations, string routine) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rank != 2 || a.Shape[0] != a.Shape[1]) throw new ArgumentException($"{routine} needs a square symmetric matrix; got {a.ShapeString}.", nameof(a));
        int n = a.Shape[0];
        if (rank < 1 || rank > n) throw new ArgumentOutOfRangeException(nameof(rank), $"{routine}: rank {rank} outside 1…{n} for A {a.ShapeString}.");
        ArgumentOutOfRangeException.ThrowIfNegative(oversampling);
        ArgumentOutOfRangeException.ThrowIfNegative(powerIterations);
        DenseCopy.ThrowIfNonFinite(a, "A", $"{routine} of {a.ShapeString}", n);
        return n;
    }
}
