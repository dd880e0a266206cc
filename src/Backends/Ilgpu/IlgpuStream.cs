using ILGPU.Runtime;
using Kernels.Devices;

namespace Kernels.Backends.Ilgpu;

/// <summary>
/// A <see cref="DeviceStream"/> over an ILGPU <see cref="ILGPU.Runtime.AcceleratorStream"/>: a CUDA stream, an
/// OpenCL in-order command queue, or the CPU accelerator's (synchronous) stream.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A device stream in the CUDA sense (an in-order work queue), not an I/O stream.")]
public sealed class IlgpuStream : DeviceStream
{
    private readonly IlgpuDevice _device;

    internal IlgpuStream(IlgpuDevice device, AcceleratorStream stream, bool isDefault) : base(device, isDefault)
    {
        _device = device;
        AcceleratorStream = stream;
    }

    /// <summary>The ILGPU stream, for launching one's own kernels in order with this library's work.</summary>
    public AcceleratorStream AcceleratorStream { get; }

    /// <inheritdoc />
    protected override void SynchronizeCore()
    {
        try { AcceleratorStream.Synchronize(); }
        catch (Exception e) when (IlgpuDevice.IsBackendFailure(e))
        {
            throw _device.Failed("stream synchronize", e);
        }
    }

    /// <inheritdoc />
    protected override void Release()
    {
        _device.Forget(this);
        AcceleratorStream.Dispose();
    }
}
