using System.Numerics;
using Kernels.Linalg;
using Kernels.Tensors;

namespace Kernels.Ops.StateSpace;

/// <summary>
/// The structured forms of HiPPO-LegS (S4): normal plus low rank, A = S − P·Pᵀ with P_n = √(n + ½) and
/// S = −½·I + (skew-symmetric) normal; and diagonal plus low rank, A = V·(Λ − P̃·P̃ᴴ)·Vᴴ with S = V·diag(Λ)·Vᴴ,
/// V unitary, Λ = −½ + iω, P̃ = Vᴴ·P, B̃ = Vᴴ·B. Unlike A itself (κ₂(V) ≈ 10¹⁶ at order 64, see
/// <see cref="PerturbThenDiagonalize"/>), S is normal, so its diagonalisation is perfectly conditioned.
/// </summary>
public static class LegSLowRankForms
{
    /// <summary>(S, P) with A = S − P·Pᵀ for the LegS A of <see cref="Hippo.Transition"/>.</summary>
    public static (NDArray<double> S, NDArray<double> P) NormalPlusLowRank(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var (a, _) = Hippo.Transition(HippoKind.LegS, n);
        var p = new NDArray<double>(n);
        for (int i = 0; i < n; i++) p[i] = Math.Sqrt(i + 0.5);
        var s = a.Copy();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) s[i, j] += p[i] * p[j];
        return (s, p);
    }

    /// <summary>
    /// (Λ, P̃, B̃, V) with A = V·(diag(Λ) − P̃·P̃ᴴ)·Vᴴ and B̃ = Vᴴ·B: S diagonalised by the non-symmetric eigensolver;
    /// its eigenvalues are distinct, so the unit eigenvectors are orthonormal to rounding.
    /// </summary>
    public static (Complex[] Lambda, Complex[] PTilde, Complex[] BTilde, NDArray<Complex> V) DiagonalPlusLowRank(int n)
    {
        var (s, p) = NormalPlusLowRank(n);
        var (_, b) = Hippo.Transition(HippoKind.LegS, n);
        var eig = new EigenDecomposition<double>(s);
        var v = eig.Vectors;
        var vs = v.AsSpan();
        Complex[] pTilde = new Complex[n], bTilde = new Complex[n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                var conj = Complex.Conjugate(vs[i * n + j]);
                pTilde[j] += conj * p[i];
                bTilde[j] += conj * b[i];
            }
        return (eig.Values.ToArray(), pTilde, bTilde, v);
    }
}
