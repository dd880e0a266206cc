namespace Kernels.Ops.StateSpace.Associative;

/// <summary>
/// An associative binary operator x ∘ y on <typeparamref name="T"/> — (x ∘ y) ∘ z = x ∘ (y ∘ z) — not necessarily
/// commutative. <see cref="AssociativeScan"/> combines in sequence order: the left operand is the earlier element.
/// </summary>
/// <remarks>
/// Floating-point operators are associative only up to rounding, so a chunked scan differs from the sequential one
/// by a re-association; the chunk count is therefore a setting, never derived from the thread count.
/// </remarks>
public interface IAssociativeOperator<T>
{
    /// <summary>earlier ∘ later.</summary>
    static abstract T Combine(in T earlier, in T later);
}
