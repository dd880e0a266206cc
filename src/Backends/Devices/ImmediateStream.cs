namespace Kernels.Devices;

/// <summary>
/// The stream of a device whose primitives finish before they return (the CPU device, and any backend that does
/// not override <see cref="ComputeDevice.CreateStream"/>): there is never queued work, so waiting is a no-op and
/// streams only keep the contract uniform.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A device stream in the CUDA sense (an in-order work queue), not an I/O stream.")]
internal sealed class ImmediateStream(ComputeDevice device, bool isDefault) : DeviceStream(device, isDefault)
{
    /// <inheritdoc />
    protected override void SynchronizeCore() { }
}
