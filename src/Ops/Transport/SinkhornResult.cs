using System.Numerics;
using Kernels.Tensors;

namespace Kernels.Ops.Transport;

/// <summary>
/// Entropic optimal transport: plan P_ij = exp((f_i + g_j − M_ij)/ε), its transport cost ⟨P, M⟩, the dual
/// potentials f and g, and how the iteration ended.
/// </summary>
public sealed class SinkhornResult<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal SinkhornResult(NDArray<T> plan, double cost, NDArray<T> f, NDArray<T> g, int iterations, double marginalError, bool converged)
    {
        Plan = plan;
        Cost = T.CreateTruncating(cost);
        F = f;
        G = g;
        Iterations = iterations;
        MarginalError = marginalError;
        Converged = converged;
    }

    /// <summary>The n×m plan P.</summary>
    public NDArray<T> Plan { get; }

    /// <summary>⟨P, M⟩ = Σ P_ij·M_ij (POT's <c>sinkhorn2</c> value).</summary>
    public T Cost { get; }

    /// <summary>Source potential f (length n), in units of cost.</summary>
    public NDArray<T> F { get; }

    /// <summary>Target potential g (length m), in units of cost.</summary>
    public NDArray<T> G { get; }

    /// <summary>Iterations run (all ε stages).</summary>
    public int Iterations { get; }

    /// <summary>‖Pᵀ·𝟙 − b‖₂ at the end (P·𝟙 = a holds to rounding).</summary>
    public double MarginalError { get; }

    /// <summary>Whether the marginal error reached the tolerance within the iteration limit.</summary>
    public bool Converged { get; }
}
