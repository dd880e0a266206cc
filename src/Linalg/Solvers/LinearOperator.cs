using System.Numerics;

namespace Kernels.Linalg.Solvers;

/// <summary>A linear map <c>y = A·x</c> known only through its action (matrix-free solvers need nothing more).</summary>
public interface ILinearOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>m.</summary>
    int Rows { get; }

    /// <summary>n.</summary>
    int Columns { get; }

    /// <summary>Writes <c>A·x</c> (x of length n) into y (length m). Must not keep references to the spans.</summary>
    void Apply(ReadOnlySpan<T> x, Span<T> y);
}

/// <summary>An operator that can also apply its transpose (least-squares solvers need <c>Aᵀ·y</c>).</summary>
public interface ITransposableOperator<T> : ILinearOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Writes <c>Aᵀ·x</c> (x of length m) into y (length n).</summary>
    void ApplyTranspose(ReadOnlySpan<T> x, Span<T> y);
}

/// <summary>
/// An operator that fuses the two products of a Golub–Kahan bidiagonalisation step, <c>u ← A·v − α·u</c> then
/// <c>t = Aᵀ·u</c>, so that a dense or bandwidth-bound A is streamed once per LSQR iteration instead of twice.
/// </summary>
public interface IFusedNormalOperator<T> : ITransposableOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Overwrites u (length m) with <c>A·v − α·u</c> and writes <c>Aᵀ·u</c> (of that new u) into t (length n).</summary>
    void ApplyThenTranspose(ReadOnlySpan<T> v, T alpha, Span<T> u, Span<T> t);
}

/// <summary>An operator that can report its diagonal (for the Jacobi preconditioner).</summary>
public interface IDiagonalSource<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Writes diag(A) (length min(m, n)).</summary>
    void Diagonal(Span<T> destination);
}

/// <summary>The action of a user function as an operator.</summary>
public delegate void OperatorAction<T>(ReadOnlySpan<T> x, Span<T> y);

/// <summary>An <see cref="ILinearOperator{T}"/> from a delegate (e.g. a learned model or a stencil written inline).</summary>
public sealed class DelegateOperator<T>(int rows, int columns, OperatorAction<T> action) : ILinearOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly OperatorAction<T> _action = action ?? throw new ArgumentNullException(nameof(action));

    /// <inheritdoc />
    public int Rows { get; } = rows >= 0 ? rows : throw new ArgumentOutOfRangeException(nameof(rows));

    /// <inheritdoc />
    public int Columns { get; } = columns >= 0 ? columns : throw new ArgumentOutOfRangeException(nameof(columns));

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<T> x, Span<T> y) => _action(x, y);
}
