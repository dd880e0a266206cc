using Kernels.Devices;
#if KERNELS_ILGPU
using Kernels.Backends.Ilgpu;
#endif

namespace Kernels.Cli;

/// <summary>
/// The devices this build of the tool can open. The regular build includes ILGPU (CUDA, OpenCL, CPU accelerator);
/// the NativeAOT build cannot (ILGPU compiles kernels from IL at run time) and offers the CPU device only.
/// </summary>
internal static class DeviceSupport
{
#if KERNELS_ILGPU
    public const string Backends = "cpu, ilgpu (cuda, opencl, cpu accelerator)";
    public static DeviceCatalog Catalog { get; } = new(new IlgpuDeviceProvider());
#else
    public const string Backends = "cpu (ilgpu is not part of NativeAOT builds)";
    public static DeviceCatalog Catalog { get; } = new();
#endif
}
