using System.Numerics;
using Kernels.Tensors;

namespace Kernels.Ops.Transport;

/// <summary>Settings of <see cref="SlicedWasserstein.Compute{T}"/>; the defaults are POT's.</summary>
public sealed class SlicedWassersteinOptions<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Number P of random directions when <see cref="Projections"/> is not given (POT: 50).</summary>
    public int ProjectionCount { get; init; } = 50;

    /// <summary>Seed of the directions drawn by <see cref="SlicedWasserstein.RandomProjections{T}"/>.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// Explicit directions, a d×P matrix whose columns are used as given (POT does not normalise them either);
    /// overrides <see cref="ProjectionCount"/> and <see cref="Seed"/>.
    /// </summary>
    public NDArray<T>? Projections { get; init; }

    /// <summary>Exponent p ≥ 1 of the ground cost |x − y|ᵖ (POT: 2).</summary>
    public double P { get; init; } = 2;

    /// <summary>Weights of the rows of X (non-negative, summing to 1 within 10⁻⁶ in double, 3.5·10⁻⁴ in float); null = uniform 1/n.</summary>
    public NDArray<T>? SourceWeights { get; init; }

    /// <summary>Weights of the rows of Y (non-negative, summing to 1 within 10⁻⁶ in double, 3.5·10⁻⁴ in float); null = uniform 1/m.</summary>
    public NDArray<T>? TargetWeights { get; init; }

    /// <summary>Also return ∂SW_p/∂X (costs an argsort of X's projections and one more GEMM).</summary>
    public bool ComputeGradient { get; init; }

    /// <summary>Most threads to use; default <see cref="Threading.MaxThreads"/>. Results do not depend on it.</summary>
    public int? Threads { get; init; }
}
