using Kernels.Backends.Cpu;

namespace Kernels.Linalg.Blas;

/// <summary>Optional settings for level-3 BLAS calls. The defaults suit almost every caller.</summary>
public sealed class GemmOptions
{
    /// <summary>
    /// Most threads the call may use; default <see cref="Kernels.Tensors.Threading.MaxThreads"/> (processor count or
    /// <c>KERNELS_THREADS</c>). Fewer are used for small products or when other calls hold the worker threads.
    /// Results are bit-identical for every thread count.
    /// </summary>
    public int? Threads { get; init; }

    /// <summary>
    /// Forces a micro-kernel set (tests and benchmarks); default: the set chosen for this machine and the current
    /// <see cref="Kernels.Tensors.Simd.SimdPolicy"/>. A set the machine cannot execute is rejected.
    /// </summary>
    public CpuKernelSet? KernelSet { get; init; }

    /// <summary>Caller-owned packing buffers, for allocation-free calls; default: rented from a pool.</summary>
    public GemmWorkspace? Workspace { get; init; }
}
