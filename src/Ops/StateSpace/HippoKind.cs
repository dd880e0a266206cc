namespace Kernels.Ops.StateSpace;

/// <summary>The HiPPO measures (Gu et al. 2020, "HiPPO"; "How to Train Your HiPPO", 2022).</summary>
public enum HippoKind
{
    /// <summary>Scaled Legendre: memory of the whole history [0, t] with uniform weight.</summary>
    LegS,

    /// <summary>Translated Legendre: a sliding window of length 1 (S4's convention, halved for timescale).</summary>
    LegT,

    /// <summary>Translated Laguerre: exponentially decaying weight on the past.</summary>
    LagT,

    /// <summary>Translated Fourier: a sliding window with a Fourier basis (even N).</summary>
    FouT,
}
