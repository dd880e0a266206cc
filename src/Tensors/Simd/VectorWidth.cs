namespace Kernels.Tensors.Simd;

/// <summary>The register width a vectorised loop uses: 512, 256 or 128 bits, or none (scalar reference path).</summary>
public enum VectorWidth
{
    /// <summary>Plain scalar loop; the reference every vector path is tested against.</summary>
    Scalar = 0,
    /// <summary><see cref="System.Runtime.Intrinsics.Vector128{T}"/> (SSE/AVX on x64, AdvSimd on Arm64).</summary>
    W128 = 128,
    /// <summary><see cref="System.Runtime.Intrinsics.Vector256{T}"/> (AVX2 on x64).</summary>
    W256 = 256,
    /// <summary><see cref="System.Runtime.Intrinsics.Vector512{T}"/> (AVX-512F on x64).</summary>
    W512 = 512,
}
