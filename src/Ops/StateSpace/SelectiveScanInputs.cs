using System.Numerics;
using Kernels.Tensors;

namespace Kernels.Ops.StateSpace;

/// <summary>
/// The operands of the selective scan (S6, Mamba): u and Δ (batch, length, channels), A (channels, state),
/// input-dependent B and C (batch, length, state) or per group (batch, groups, length, state), and the optional
/// skip D (channels), gate z (batch, length, channels), Δ bias (channels), softplus on Δ, initial state
/// (batch, channels, state) and time direction.
/// </summary>
/// <remarks>
/// With groups G, channel d reads the B (or C) row of group ⌊d·G/channels⌋ (G must divide the channel count; B and C
/// may have different G). Inputs may be any strided views; non-contiguous ones are copied once.
/// </remarks>
public sealed class SelectiveScanInputs<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Input sequence u, (batch, length, channels).</summary>
    public required NDArray<T> U { get; init; }

    /// <summary>Time steps Δ before bias and softplus, (batch, length, channels).</summary>
    public required NDArray<T> Delta { get; init; }

    /// <summary>Continuous state matrix, diagonal per channel: (channels, state). Mamba uses A = −exp(A_log).</summary>
    public required NDArray<T> A { get; init; }

    /// <summary>Input projection B, (batch, length, state) or (batch, groups, length, state).</summary>
    public required NDArray<T> B { get; init; }

    /// <summary>Output projection C, (batch, length, state) or (batch, groups, length, state).</summary>
    public required NDArray<T> C { get; init; }

    /// <summary>Optional skip connection D, (channels): y += D ⊙ u.</summary>
    public NDArray<T>? D { get; init; }

    /// <summary>Optional gate z, (batch, length, channels): y ← y ⊙ SiLU(z).</summary>
    public NDArray<T>? Z { get; init; }

    /// <summary>Optional bias added to Δ before the softplus, (channels).</summary>
    public NDArray<T>? DeltaBias { get; init; }

    /// <summary>Δ ← softplus(Δ + bias). Without it Δ + bias must be ≥ 0 (a negative step makes exp(ΔA) grow).</summary>
    public bool DeltaSoftplus { get; init; }

    /// <summary>Optional initial state h₋₁, (batch, channels, state); zero when absent.</summary>
    public NDArray<T>? InitialState { get; init; }

    /// <summary>Scan from the last time step to the first (the backward direction of bidirectional/vision SSMs).</summary>
    public bool Reverse { get; init; }

    /// <summary>
    /// Optional: the length axis is a row-major (height × width) grid of patches; with <see cref="GridOrder.ColumnMajor"/>
    /// the scan visits it column by column, in place (no transposed copies). With <see cref="Reverse"/> this gives
    /// the four directions of vision SSMs; outputs stay in the input's row-major layout.
    /// </summary>
    public GridOrder? Grid { get; init; }
}
