namespace Kernels.Ops.StateSpace;

/// <summary>How a continuous system x′ = A·x + B·u is turned into x_k = Ā·x_{k−1} + B̄·u_k with step Δ.</summary>
public enum DiscretizationMethod
{
    /// <summary>Zero-order hold: Ā = e^{ΔA}, B̄ = A⁻¹(e^{ΔA} − I)·B (u constant over each step).</summary>
    ZeroOrderHold,

    /// <summary>Bilinear (Tustin): Ā = (I − ΔA/2)⁻¹(I + ΔA/2), B̄ = (I − ΔA/2)⁻¹·Δ·B.</summary>
    Bilinear,

    /// <summary>Forward Euler: Ā = I + ΔA, B̄ = Δ·B.</summary>
    ForwardEuler,
}
