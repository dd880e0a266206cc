using System.Numerics;
using Kernels.Tensors;

namespace Kernels.Ops.Transport;

/// <summary>A sliced Wasserstein distance SW_p = ((1/P)·Σ_θ W_pᵖ(θ#μ, θ#ν))^{1/p} and what it was computed from.</summary>
public sealed class SlicedWassersteinResult<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal SlicedWassersteinResult(T distance, NDArray<T> projectedCosts, NDArray<T> projections, NDArray<T>? gradient)
    {
        Distance = distance;
        ProjectedCosts = projectedCosts;
        Projections = projections;
        Gradient = gradient;
    }

    /// <summary>SW_p(μ, ν).</summary>
    public T Distance { get; }

    /// <summary>W_pᵖ of every projection, length P (POT's <c>projected_emds</c>).</summary>
    public NDArray<T> ProjectedCosts { get; }

    /// <summary>The d×P directions used.</summary>
    public NDArray<T> Projections { get; }

    /// <summary>∂SW_p/∂X (n×d) when requested, else null; zero where SW_p = 0 (a subgradient there).</summary>
    public NDArray<T>? Gradient { get; }
}
