using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;
using Kernels.Tensors;

namespace Kernels.Linalg.Kronecker;

/// <summary>One term <c>B ⊗ C</c> of a (nearest) Kronecker product approximation.</summary>
public sealed record KroneckerTerm<T>(NDArray<T> B, NDArray<T> C) where T : unmanaged;

/// <summary>
/// Spectral factors of a Kronecker product computed through its factors: values in Kronecker index order (value
/// <c>i₁…i_k</c> is the product of the factors' i-th values) and the vector matrices as Kronecker operators, never
/// formed. For the SVD, <c>K = U·diag(S)·Vᵀ</c> with U, V the operators; S is not sorted.
/// </summary>
public sealed record KroneckerSvd<T>(KroneckerOperator<T> U, NDArray<T> S, KroneckerOperator<T> V) where T : unmanaged, IFloatingPointIeee754<T>;

/// <summary>Symmetric eigenpairs of a Kronecker product of symmetric factors: <c>K = V·diag(Values)·Vᵀ</c>.</summary>
public sealed record KroneckerEigen<T>(NDArray<T> Values, KroneckerOperator<T> Vectors) where T : unmanaged, IFloatingPointIeee754<T>;

/// <summary>Explicit Kronecker and Khatri–Rao products, decompositions through factors, nearest Kronecker product.</summary>
public static class KroneckerProducts
{
    /// <summary><c>A ⊗ B</c> formed explicitly ((m·p)×(n·q) for A m×n, B p×q; <c>numpy.kron</c>).</summary>
    public static NDArray<T> Kron<T>(NDArray<T> a, NDArray<T> b) where T : unmanaged, INumberBase<T>
    {
        var ad = DenseCopy.Matrix(a, nameof(a), out int m, out int n);
        var bd = DenseCopy.Matrix(b, nameof(b), out int p, out int q);
        var k = new T[(long)m * p * n * q];
        int cols = n * q;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                T aij = ad[i * n + j];
                for (int r = 0; r < p; r++)
                    for (int s = 0; s < q; s++) k[(i * p + r) * cols + j * q + s] = aij * bd[r * q + s];
            }
        return NDArray.FromArray(k, m * p, cols);
    }

    /// <summary>Khatri–Rao (column-wise Kronecker) product: column j is <c>a_j ⊗ b_j</c> ((m·p)×r for A m×r, B p×r).</summary>
    public static NDArray<T> KhatriRao<T>(NDArray<T> a, NDArray<T> b) where T : unmanaged, INumberBase<T>
    {
        var ad = DenseCopy.Matrix(a, nameof(a), out int m, out int r);
        var bd = DenseCopy.Matrix(b, nameof(b), out int p, out int r2);
        if (r != r2) throw new ArgumentException($"Khatri–Rao needs equal column counts; got A {a.ShapeString} and B {b.ShapeString}.", nameof(b));
        var k = new T[(long)m * p * r];
        for (int i = 0; i < m; i++)
            for (int s = 0; s < p; s++)
                for (int j = 0; j < r; j++) k[(i * p + s) * r + j] = ad[i * r + j] * bd[s * r + j];
        return NDArray.FromArray(k, m * p, r);
    }

    /// <summary>
    /// SVD of <c>A₁ ⊗ … ⊗ A_k</c> through thin SVDs of the factors: σ in Kronecker index order (products of the
    /// factors' σ), U and V as Kronecker operators of the factors' U and V.
    /// </summary>
    public static KroneckerSvd<T> Svd<T>(KroneckerOperator<T> k, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(k);
        var us = new NDArray<T>[k.Count];
        var vs = new NDArray<T>[k.Count];
        T[] s = [T.One];
        for (int d = 0; d < k.Count; d++)
        {
            var svd = new SingularValueDecomposition<T>(k.Factor(d), SvdMode.Thin, SvdMethod.Auto, options);
            us[d] = svd.U;
            vs[d] = svd.Vt.Transpose().Copy();
            s = Outer(s, svd.S.ToArray());
        }
        return new KroneckerSvd<T>(new KroneckerOperator<T>(us), NDArray.FromArray(s, s.Length), new KroneckerOperator<T>(vs));
    }

    /// <summary>
    /// Eigenpairs of <c>A₁ ⊗ … ⊗ A_k</c> with symmetric factors (lower triangles read): values in Kronecker index
    /// order (products of the factors' ascending eigenvalues), vectors as the Kronecker operator of the factors'.
    /// </summary>
    public static KroneckerEigen<T> SymmetricEigen<T>(KroneckerOperator<T> k, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(k);
        var vs = new NDArray<T>[k.Count];
        T[] w = [T.One];
        for (int d = 0; d < k.Count; d++)
        {
            var eig = new SymmetricEigenDecomposition<T>(k.Factor(d), true, options);
            vs[d] = eig.Vectors;
            w = Outer(w, eig.Values.ToArray());
        }
        return new KroneckerEigen<T>(NDArray.FromArray(w, w.Length), new KroneckerOperator<T>(vs));
    }

    private static T[] Outer<T>(T[] a, T[] b) where T : unmanaged, INumberBase<T>
    {
        var r = new T[a.Length * b.Length];
        for (int i = 0; i < a.Length; i++)
            for (int j = 0; j < b.Length; j++) r[i * b.Length + j] = a[i] * b[j];
        return r;
    }

    /// <summary>
    /// Nearest Kronecker product (Van Loan–Pitsianis): the terms minimising <c>‖A − Σ_{t&lt;rank} B_t ⊗ C_t‖_F</c> for
    /// A of size (m₁·m₂)×(n₁·n₂), B_t m₁×n₁, C_t m₂×n₂. The rearrangement R(A) (rows = row-major blocks A_ij) turns
    /// the problem into a best rank-r approximation, solved by the SVD: <c>B_t = √σ_t·u_t</c>, <c>C_t = √σ_t·v_t</c>.
    /// Exact (to rounding) when A is a sum of ≤ rank Kronecker products.
    /// </summary>
    public static IReadOnlyList<KroneckerTerm<T>> Nearest<T>(NDArray<T> a, int m1, int n1, int m2, int n2, int rank = 1, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var data = DenseCopy.Matrix(a, nameof(a), out int m, out int n);
        if (m1 <= 0 || n1 <= 0 || m2 <= 0 || n2 <= 0 || m != m1 * m2 || n != n1 * n2)
            throw new ArgumentException($"Nearest Kronecker product: A {a.ShapeString} is not ({m1}·{m2})×({n1}·{n2}).", nameof(a));
        int maxRank = Math.Min(m1 * n1, m2 * n2);
        if (rank < 1 || rank > maxRank)
            throw new ArgumentOutOfRangeException(nameof(rank), $"Nearest Kronecker product: rank {rank} outside 1…{maxRank}.");
        var r = new T[m1 * n1 * m2 * n2];
        int rc = m2 * n2;
        for (int i = 0; i < m1; i++)
            for (int j = 0; j < n1; j++)
                for (int p = 0; p < m2; p++)
                    for (int q = 0; q < n2; q++) r[(i * n1 + j) * rc + p * n2 + q] = data[(i * m2 + p) * n + j * n2 + q];
        var svd = new SingularValueDecomposition<T>(NDArray.FromArray(r, m1 * n1, rc), SvdMode.Thin, SvdMethod.Auto, options);
        var u = svd.U;
        var vt = svd.Vt;
        var s = svd.S;
        var terms = new List<KroneckerTerm<T>>(rank);
        for (int t = 0; t < rank; t++)
        {
            T root = T.Sqrt(s[t]);
            var b = new T[m1 * n1];
            var c = new T[m2 * n2];
            for (int i = 0; i < b.Length; i++) b[i] = root * u[i, t];
            for (int i = 0; i < c.Length; i++) c[i] = root * vt[t, i];
            terms.Add(new KroneckerTerm<T>(NDArray.FromArray(b, m1, n1), NDArray.FromArray(c, m2, n2)));
        }
        return terms;
    }
}
