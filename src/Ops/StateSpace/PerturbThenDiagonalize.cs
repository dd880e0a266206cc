using System.Numerics;
using Kernels.Linalg;
using Kernels.Tensors;

namespace Kernels.Ops.StateSpace;

/// <summary>
/// Perturb-then-diagonalise (S4-PTD): Ã = A + E with a small seeded perturbation, ‖E‖₂ = ε·‖A‖₂, then
/// Ã = V·diag(Λ)·V⁻¹ and B̃ = V⁻¹·B. The HiPPO matrices are highly non-normal: diagonalising A itself gives an
/// eigenvector matrix with κ₂(V) beyond 1/ε_machine (LegS of order 64), so the diagonal SSM is numerically
/// meaningless; a perturbation of relative size ε moves the eigenvalues apart (by about ε^{1/k} for a Jordan-like
/// block of size k) and brings κ₂(V) down by many orders, while the transfer function changes by O(ε·κ).
/// </summary>
/// <remarks>
/// E = ε·‖A‖₂·G/‖G‖₂ with G a standard Gaussian matrix from <see cref="NDArray.RandomNormal{T}"/> (seeded, so the
/// result is reproducible). V⁻¹·B is formed from the left eigenvectors (the rows of V⁻¹ are uⱼᴴ/(uⱼᴴvⱼ)), not by
/// inverting V. The non-symmetric eigensolver is <see cref="EigenDecomposition{T}"/> (Hessenberg QR, balanced).
/// </remarks>
public static class PerturbThenDiagonalize
{
    /// <summary>Diagonalises A + E (E = 0 when <paramref name="relativePerturbation"/> is 0).</summary>
    /// <exception cref="ArgumentException">A is not square, B's length differs, or a value is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">ε is negative or not finite.</exception>
    public static DiagonalizedSsm Diagonalize(NDArray<double> a, NDArray<double> b, double relativePerturbation, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rank != 2 || a.Shape[0] != a.Shape[1])
            throw new ArgumentException($"Perturb-then-diagonalise needs a square A; got {a.ShapeString}.", nameof(a));
        int n = a.Shape[0];
        if (b.Rank != 1 || b.Shape[0] != n)
            throw new ArgumentException($"B must be a vector of {n} to match A {a.ShapeString}; got {b.ShapeString}.", nameof(b));
        if (!double.IsFinite(relativePerturbation) || relativePerturbation < 0)
            throw new ArgumentOutOfRangeException(nameof(relativePerturbation), relativePerturbation, "The relative perturbation must be finite and ≥ 0.");
        var perturbed = a.Copy();
        if (relativePerturbation > 0 && n > 0)
        {
            var g = NDArray.RandomNormal(seed, 0.0, 1.0, n, n);
            double scale = relativePerturbation * LinearAlgebra.Norm2(a) / LinearAlgebra.Norm2(g);
            var p = perturbed.AsSpan();
            var gs = g.AsSpan();
            for (int i = 0; i < p.Length; i++) p[i] += scale * gs[i];
        }
        var eig = new EigenDecomposition<double>(perturbed, computeVectors: true, computeLeftVectors: true);
        var lambda = eig.Values.ToArray();
        var v = eig.Vectors;
        var u = eig.LeftVectors.AsSpan();
        var vs = v.AsSpan();
        var bs = b.ToArray();
        var bTilde = new Complex[n];
        for (int j = 0; j < n; j++)
        {
            // Row j of V⁻¹ is uⱼᴴ / (uⱼᴴ·vⱼ).
            Complex uv = Complex.Zero, ub = Complex.Zero;
            for (int i = 0; i < n; i++)
            {
                var uij = Complex.Conjugate(u[i * n + j]);
                uv += uij * vs[i * n + j];
                ub += uij * bs[i];
            }
            bTilde[j] = ub / uv;
        }
        return new DiagonalizedSsm(lambda, v, bTilde, relativePerturbation, eig.EigenvectorCondition);
    }
}
