using System.Numerics;
using Kernels.Tensors;

namespace Kernels.Ops.StateSpace;

/// <summary>
/// A diagonalised state matrix Ã = V·diag(Λ)·V⁻¹ with the input projection carried over, B̃ = V⁻¹·B, as produced by
/// <see cref="PerturbThenDiagonalize"/>; the output projection of a system with C is C̃ = C·V
/// (<see cref="ProjectOutput"/>). The diagonal system (Λ, B̃, C̃) has Ã's transfer function exactly.
/// </summary>
/// <param name="Lambda">The eigenvalues Λ (conjugate pairs adjacent).</param>
/// <param name="V">The unit right eigenvectors, n×n, as columns.</param>
/// <param name="BTilde">V⁻¹·B.</param>
/// <param name="RelativePerturbation">‖E‖₂ / ‖A‖₂ of the perturbation that was added (0 for a plain diagonalisation).</param>
/// <param name="EigenvectorCondition">κ₂(V): how much the diagonal form amplifies rounding (∞ when V is singular).</param>
public sealed record DiagonalizedSsm(Complex[] Lambda, NDArray<Complex> V, Complex[] BTilde, double RelativePerturbation, double EigenvectorCondition)
{
    /// <summary>
    /// Every Re λ &lt; 0. A perturbation can push eigenvalues of a matrix with eigenvalues near the imaginary axis
    /// across it (measured: LegS of order 64 with ε = 10⁻²); such a system is unstable and its kernel grows.
    /// </summary>
    public bool IsStable => Lambda.All(l => l.Real < 0);

    /// <summary>C̃ = C·V for an output row C of length n.</summary>
    /// <exception cref="ArgumentException">C's length is not n.</exception>
    public Complex[] ProjectOutput(ReadOnlySpan<double> c)
    {
        int n = Lambda.Length;
        if (c.Length != n) throw new ArgumentException($"C has {c.Length} entries for a state of size {n}.", nameof(c));
        var v = V.AsSpan();
        var result = new Complex[n];
        for (int j = 0; j < n; j++)
        {
            Complex sum = Complex.Zero;
            for (int i = 0; i < n; i++) sum += c[i] * v[i * n + j];
            result[j] = sum;
        }
        return result;
    }
}
