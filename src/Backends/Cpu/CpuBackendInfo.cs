using System.Runtime.InteropServices;
using Kernels.Tensors;
using Kernels.Tensors.Simd;

namespace Kernels.Backends.Cpu;

/// <summary>What the CPU backend detected and chose, for <c>kernels info</c> and logs.</summary>
public sealed record CpuBackendInfo(
    string Architecture,
    string Features,
    VectorWidth WidestAccelerated,
    VectorWidth VectorWidth,
    CpuKernelSet KernelSet,
    int Threads,
    int ProcessorCount,
    string? SimdOverride,
    CacheInfo Caches,
    string GemmBlockingSingle,
    string GemmBlockingDouble)
{
    /// <summary>Probes the running process.</summary>
    public static CpuBackendInfo Probe() => new(
        RuntimeInformation.ProcessArchitecture.ToString(),
        CpuFeatures.Describe(),
        CpuFeatures.WidestAccelerated,
        SimdPolicy.Current,
        CpuKernelSelection.Current,
        Threading.MaxThreads,
        Environment.ProcessorCount,
        Environment.GetEnvironmentVariable(SimdPolicy.EnvironmentVariable),
        CacheInfo.Current,
        Gemm.GemmKernelCatalog.Describe<float>(CpuKernelSelection.Current),
        Gemm.GemmKernelCatalog.Describe<double>(CpuKernelSelection.Current));
}
