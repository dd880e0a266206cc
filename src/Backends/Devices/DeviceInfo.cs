namespace Kernels.Devices;

/// <summary>
/// A device as enumerated by a <see cref="IDeviceProvider"/>: enough to choose one before opening it.
/// </summary>
/// <param name="Id">Stable name to open it by: <c>cpu</c>, <c>cuda:0</c>, <c>opencl:1</c>, <c>ilgpu-cpu</c>.</param>
/// <param name="Name">The vendor's device name.</param>
/// <param name="Kind">What executes the kernels.</param>
/// <param name="MemoryBytes">Device memory (for the CPU kinds: the memory the process may use).</param>
/// <param name="ComputeCapability">CUDA compute capability (<c>9.0</c>), OpenCL C version, or the CPU ISA in use.</param>
/// <param name="SupportsFloat64">Whether double-precision kernels run natively (otherwise they fall back to the CPU).</param>
/// <param name="NativePrimitives">Primitives with device kernels; the rest fall back to the CPU.</param>
public sealed record DeviceInfo(string Id, string Name, DeviceKind Kind, long MemoryBytes, string ComputeCapability, bool SupportsFloat64, DevicePrimitives NativePrimitives)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Id,-12} {Kind,-9} {Name} ({MemoryBytes / (1024.0 * 1024 * 1024):0.#} GiB, {ComputeCapability}, fp64 {(SupportsFloat64 ? "yes" : "no (CPU fallback)")})";
}
