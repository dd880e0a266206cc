using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Tensors;

namespace Kernels.Linalg;

/// <summary>SVD factors; U and Vt are null for <see cref="SvdMode.ValuesOnly"/>.</summary>
public sealed record SvdResult<T>(NDArray<T>? U, NDArray<T> S, NDArray<T>? Vt) where T : unmanaged;

/// <summary>Symmetric eigenpairs: values ascending; vectors (columns) null when not requested.</summary>
public sealed record SymmetricEigenResult<T>(NDArray<T> Values, NDArray<T>? Vectors) where T : unmanaged;

/// <summary>
/// Principal components of a data matrix (rows = samples): the k×n components (unit rows, descending variance),
/// the variance each explains (σᵢ²/(m − 1)), its fraction of the total variance, the column means that were
/// subtracted, and the singular values of the centred data.
/// </summary>
public sealed record PcaResult<T>(NDArray<T> Components, NDArray<T> ExplainedVariance, NDArray<T> ExplainedVarianceRatio, NDArray<T> Mean, NDArray<T> SingularValues)
    where T : unmanaged;

public static partial class LinearAlgebra
{
    /// <summary>SVD <c>A = U·diag(S)·Vᵀ</c> (NumPy's <c>svd</c>); see <see cref="SingularValueDecomposition{T}"/>.</summary>
    public static SvdResult<T> Svd<T>(NDArray<T> a, SvdMode mode = SvdMode.Thin, SvdMethod method = SvdMethod.Auto, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var svd = new SingularValueDecomposition<T>(a, mode, method, options);
        return mode == SvdMode.ValuesOnly ? new SvdResult<T>(null, svd.S, null) : new SvdResult<T>(svd.U, svd.S, svd.Vt);
    }

    /// <summary>Eigenpairs of a symmetric matrix (lower triangle read; NumPy's <c>eigh</c>).</summary>
    public static SymmetricEigenResult<T> Eigh<T>(NDArray<T> a, bool computeVectors = true, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var eig = new SymmetricEigenDecomposition<T>(a, computeVectors, options);
        return new SymmetricEigenResult<T>(eig.Values, computeVectors ? eig.Vectors : null);
    }

    /// <summary>Eigenvalues and right eigenvectors of a general square matrix (NumPy's <c>eig</c>).</summary>
    public static EigenDecomposition<T> Eig<T>(NDArray<T> a, bool computeVectors = true, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T> => new(a, computeVectors, balance: true, options);

    /// <summary>
    /// Moore–Penrose pseudo-inverse by SVD; singular values ≤ <paramref name="tolerance"/> (absolute; default
    /// max(m, n)·ε·σ_max, as NumPy's matrix_rank and SciPy's pinv) are treated as zero.
    /// </summary>
    public static NDArray<T> PseudoInverse<T>(NDArray<T> a, T? tolerance = null, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        new SingularValueDecomposition<T>(a, SvdMode.Thin, SvdMethod.Auto, options).PseudoInverse(tolerance);

    /// <summary>Numerical rank: singular values above <paramref name="tolerance"/> (default max(m, n)·ε·σ_max).</summary>
    public static int MatrixRank<T>(NDArray<T> a, T? tolerance = null, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        new SingularValueDecomposition<T>(a, SvdMode.ValuesOnly, SvdMethod.Auto, options).Rank(tolerance);

    /// <summary>‖A‖₂ = σ_max.</summary>
    public static T Norm2<T>(NDArray<T> a, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        new SingularValueDecomposition<T>(a, SvdMode.ValuesOnly, SvdMethod.Auto, options).Norm2;

    /// <summary>κ₂(A) = σ_max/σ_min (∞ for a singular A; NumPy's <c>cond</c>).</summary>
    public static T ConditionNumber<T>(NDArray<T> a, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        new SingularValueDecomposition<T>(a, SvdMode.ValuesOnly, SvdMethod.Auto, options).ConditionNumber;

    /// <summary>Orthonormal basis (columns) of the null space of A (SciPy's <c>null_space</c>).</summary>
    public static NDArray<T> NullSpace<T>(NDArray<T> a, T? tolerance = null, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        new SingularValueDecomposition<T>(a, SvdMode.Full, SvdMethod.Auto, options).NullSpace(tolerance);

    /// <summary>
    /// PCA of <paramref name="data"/> (m samples × n features): centre the columns, thin SVD, keep
    /// <paramref name="components"/> (default min(m, n)). Each component's sign is fixed so its largest-magnitude
    /// entry is positive (deterministic output, as scikit-learn's svd_flip does for Vᵀ).
    /// </summary>
    public static PcaResult<T> Pca<T>(NDArray<T> data, int? components = null, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Rank != 2) throw new ArgumentException($"PCA: data must be 2-D (samples × features); got {data.ShapeString}.", nameof(data));
        int m = data.Shape[0], n = data.Shape[1], kMax = Math.Min(m, n);
        int k = components ?? kMax;
        if (k < 0 || k > kMax) throw new ArgumentOutOfRangeException(nameof(components), $"PCA: {k} components requested from {data.ShapeString} (at most {kMax}).");
        if (m < 2) throw new ArgumentException($"PCA needs at least 2 samples; got {data.ShapeString}.", nameof(data));
        var x = data.ToArray();
        var mean = new T[n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) mean[j] += x[i * n + j];
        T count = T.CreateTruncating(m);
        for (int j = 0; j < n; j++) mean[j] /= count;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) x[i * n + j] -= mean[j];
        var svd = new SingularValueDecomposition<T>(NDArray.FromArray(x, m, n), SvdMode.Thin, SvdMethod.Auto, options);
        var s = svd.S.ToArray();
        var vt = svd.Vt.ToArray();
        T total = T.Zero;
        foreach (var v in s) total += v * v;
        var comp = new T[k * n];
        var variance = new T[k];
        var ratio = new T[k];
        T dof = T.CreateTruncating(m - 1);
        for (int c = 0; c < k; c++)
        {
            int big = 0;
            for (int j = 1; j < n; j++)
                if (T.Abs(vt[c * n + j]) > T.Abs(vt[c * n + big])) big = j;
            T sign = vt[c * n + big] < T.Zero ? -T.One : T.One;
            for (int j = 0; j < n; j++) comp[c * n + j] = sign * vt[c * n + j];
            variance[c] = s[c] * s[c] / dof;
            ratio[c] = total == T.Zero ? T.Zero : s[c] * s[c] / total;
        }
        return new PcaResult<T>(NDArray.FromArray(comp, k, n), NDArray.FromArray(variance, k), NDArray.FromArray(ratio, k),
            NDArray.FromArray(mean, n), NDArray.FromArray(s.AsSpan(0, k).ToArray(), k));
    }
}
