using System.Numerics;

namespace Kernels.Linalg.Solvers;

/// <summary>A preconditioner M ≈ A⁻¹ applied as <c>z = M·r</c> (must be symmetric positive definite for PCG).</summary>
public interface IPreconditioner<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Writes <c>M·r</c> into z.</summary>
    void Apply(ReadOnlySpan<T> r, Span<T> z);
}

/// <summary>Jacobi (diagonal) preconditioning: <c>z = r ./ diag(A)</c>.</summary>
public sealed class JacobiPreconditioner<T> : IPreconditioner<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _inverse;

    /// <exception cref="ArgumentException">A diagonal entry is zero or not finite.</exception>
    public JacobiPreconditioner(IDiagonalSource<T> source, int n)
    {
        ArgumentNullException.ThrowIfNull(source);
        _inverse = new T[n];
        source.Diagonal(_inverse);
        for (int i = 0; i < n; i++)
        {
            if (_inverse[i] == T.Zero || !T.IsFinite(_inverse[i]))
                throw new ArgumentException($"Jacobi preconditioner: diagonal entry {i} is {_inverse[i]}.", nameof(source));
            _inverse[i] = T.One / _inverse[i];
        }
    }

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<T> r, Span<T> z)
    {
        for (int i = 0; i < _inverse.Length; i++) z[i] = r[i] * _inverse[i];
    }
}

/// <summary>
/// Stopping rule and hooks, SciPy-compatible: stop when <c>‖r‖₂ ≤ max(rtol·‖b‖₂, atol)</c>; at most
/// <see cref="MaxIterations"/> iterations (default 10·n, as SciPy).
/// </summary>
public sealed class IterativeSolverOptions<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>rtol (default 1e−5, SciPy's).</summary>
    public T RelativeTolerance { get; init; } = T.CreateTruncating(1e-5);

    /// <summary>atol (default 0).</summary>
    public T AbsoluteTolerance { get; init; } = T.Zero;

    /// <summary>Iteration limit; null means 10·n.</summary>
    public int? MaxIterations { get; init; }

    /// <summary>Preconditioner (PCG); null for none.</summary>
    public IPreconditioner<T>? Preconditioner { get; init; }

    /// <summary>Called after every iteration with (iteration, ‖r‖₂).</summary>
    public Action<int, T>? Progress { get; init; }

    /// <summary>
    /// CG and conjugate directions first test symmetry with two fixed probe vectors u, v (two extra operator
    /// applications): <c>|uᵀ·A·v − vᵀ·A·u| &gt; √ε·‖u‖·(‖A·v‖ + ‖A·u‖)</c> raises <see cref="ArgumentException"/>.
    /// Default true; turn off for operators that are symmetric only approximately by design.
    /// </summary>
    public bool CheckSymmetry { get; init; } = true;

    /// <summary>Checked every iteration; cancellation throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation { get; init; }
}

/// <summary>
/// Outcome of an iterative solve: the solution, the iterations performed, whether the tolerance was met, the final
/// residual norm ‖b − A·x‖₂ (recursively updated, as SciPy) and relative to ‖b‖₂, and the residual norm after every
/// iteration (entry 0 is the initial residual).
/// </summary>
public sealed record IterativeSolverResult<T>(T[] Solution, int Iterations, bool Converged, T ResidualNorm, T RelativeResidual, IReadOnlyList<T> ResidualHistory)
    where T : unmanaged, IFloatingPointIeee754<T>;

/// <summary>
/// Proposes a search direction from the current residual and iterate (e.g. a learned model); the conjugate-direction
/// solver A-orthogonalises it against its stored directions. Write the direction into <paramref name="direction"/>.
/// </summary>
public delegate void DirectionProposer<T>(ReadOnlySpan<T> residual, ReadOnlySpan<T> x, int iteration, Span<T> direction);
