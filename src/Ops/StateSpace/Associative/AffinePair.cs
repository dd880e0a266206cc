using System.Numerics;

namespace Kernels.Ops.StateSpace.Associative;

/// <summary>
/// The affine map h ↦ A·h + B as a scan element. A scan of (a_t, b_t) under <see cref="LinearRecurrence{T}"/> gives
/// at t the composition of the first t + 1 maps, whose B is h_t of h_t = a_t·h_{t−1} + b_t from h₋₁ = 0.
/// </summary>
public readonly record struct AffinePair<T>(T A, T B);

/// <summary>(a₁, b₁) ∘ (a₂, b₂) = (a₁a₂, a₂b₁ + b₂): apply map 1, then map 2 (real).</summary>
public readonly struct LinearRecurrence<T> : IAssociativeOperator<AffinePair<T>> where T : IFloatingPointIeee754<T>
{
    /// <inheritdoc />
    public static AffinePair<T> Combine(in AffinePair<T> earlier, in AffinePair<T> later) =>
        new(earlier.A * later.A, T.FusedMultiplyAdd(later.A, earlier.B, later.B));
}

/// <summary>(a₁, b₁) ∘ (a₂, b₂) = (a₁a₂, a₂b₁ + b₂) for complex a, b — the complex diagonal SSM recurrence (S4D, S5).</summary>
public readonly struct ComplexLinearRecurrence : IAssociativeOperator<AffinePair<Complex>>
{
    /// <inheritdoc />
    public static AffinePair<Complex> Combine(in AffinePair<Complex> earlier, in AffinePair<Complex> later) =>
        new(earlier.A * later.A, later.A * earlier.B + later.B);
}
