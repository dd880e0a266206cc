using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using Kernels.Tensors.Simd;

namespace Kernels.Backends.Cpu;

/// <summary>The family of CPU micro-kernels in use, named by instruction set.</summary>
public enum CpuKernelSet
{
    /// <summary>Plain scalar reference kernels.</summary>
    Scalar,
    /// <summary>Portable <c>Vector128</c> kernels (SSE on x64 without AVX2).</summary>
    Vector128,
    /// <summary>Arm Advanced SIMD (NEON) with fused multiply-add.</summary>
    AdvSimd,
    /// <summary>x64 AVX2 with FMA3.</summary>
    Avx2Fma,
    /// <summary>x64 AVX-512F.</summary>
    Avx512,
}

/// <summary>Maps the process's vector policy and instruction set to the kernel set the CPU backend runs.</summary>
public static class CpuKernelSelection
{
    /// <summary>The kernel set for a vector width on this machine.</summary>
    public static CpuKernelSet For(VectorWidth width) => width switch
    {
        VectorWidth.W512 when Avx512F.IsSupported => CpuKernelSet.Avx512,
        VectorWidth.W512 or VectorWidth.W256 when Avx2.IsSupported && Fma.IsSupported => CpuKernelSet.Avx2Fma,
        VectorWidth.Scalar => CpuKernelSet.Scalar,
        _ when AdvSimd.IsSupported => CpuKernelSet.AdvSimd,
        _ => CpuKernelSet.Vector128,
    };

    /// <summary>Whether this process can execute the micro-kernels of <paramref name="set"/>.</summary>
    public static bool CanExecute(CpuKernelSet set) => set switch
    {
        CpuKernelSet.Avx512 => Gemm.Avx512GemmKernel12x2V<float>.IsSupported,
        CpuKernelSet.Avx2Fma => Gemm.Avx2GemmKernel6x2V<float>.IsSupported,
        CpuKernelSet.AdvSimd => Gemm.AdvSimdGemmKernel8x2V<float>.IsSupported,
        CpuKernelSet.Vector128 => Gemm.Vector128GemmKernel4x2V<float>.IsSupported,
        CpuKernelSet.Scalar => true,
        _ => false,
    };

    /// <summary>The kernel set the current thread's loops use.</summary>
    public static CpuKernelSet Current => For(SimdPolicy.Current);
}
