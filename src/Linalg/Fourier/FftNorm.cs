namespace Kernels.Linalg.Fourier;

/// <summary>NumPy's FFT normalisation conventions (<c>norm=</c>).</summary>
public enum FftNorm
{
    /// <summary>Forward unscaled, inverse scaled by 1/n (NumPy's default).</summary>
    Backward,

    /// <summary>Both directions scaled by 1/√n (unitary).</summary>
    Ortho,

    /// <summary>Forward scaled by 1/n, inverse unscaled.</summary>
    Forward,
}
