namespace Kernels.Ops.Transport;

/// <summary>Settings of <see cref="Sinkhorn.Solve{T}"/>; the defaults are POT's (<c>numItermax</c>, <c>stopThr</c>).</summary>
public sealed class SinkhornOptions
{
    /// <summary>Most Sinkhorn iterations (one row and one column update each), over all ε stages.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Stop when ‖P·𝟙 − a‖₂ … precisely ‖Pᵀ·𝟙 − b‖₂ (the rows match a exactly after the row update) ≤ this.</summary>
    public double Tolerance { get; init; } = 1e-9;

    /// <summary>Iterations between marginal checks (a check costs one extra pass over the cost matrix).</summary>
    public int CheckEvery { get; init; } = 10;

    /// <summary>
    /// ε-scaling: start at ε₀ = max M_ij and divide by <see cref="ScalingFactor"/> until the requested ε, warm
    /// starting each stage from the previous potentials (far fewer iterations for small ε).
    /// </summary>
    public bool EpsilonScaling { get; init; }

    /// <summary>Ratio between successive ε stages (&gt; 1).</summary>
    public double ScalingFactor { get; init; } = 4;

    /// <summary>Most threads to use; default <see cref="Kernels.Tensors.Threading.MaxThreads"/>. Results do not depend on it.</summary>
    public int? Threads { get; init; }
}
