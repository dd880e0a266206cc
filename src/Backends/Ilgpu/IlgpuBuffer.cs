using ILGPU;
using ILGPU.Runtime;
using Kernels.Devices;

namespace Kernels.Backends.Ilgpu;

/// <summary>A buffer in an <see cref="IlgpuDevice"/>'s memory (a pooled ILGPU allocation, possibly larger than <see cref="DeviceBuffer{T}.Length"/>).</summary>
public sealed class IlgpuBuffer<T> : DeviceBuffer<T> where T : unmanaged
{
    private readonly IlgpuDevice _device;
    private readonly MemoryBuffer1D<T, Stride1D.Dense> _memory;

    internal IlgpuBuffer(IlgpuDevice device, MemoryBuffer1D<T, Stride1D.Dense> memory, long length) : base(device, length)
    {
        _device = device;
        _memory = memory;
    }

    /// <summary>The first Length elements as an ILGPU view, for launching one's own kernels on the same accelerator.</summary>
    public ArrayView<T> View
    {
        get
        {
            ThrowIfDisposed();
            return _memory.View.SubView(0, Length).AsContiguous();
        }
    }

    /// <inheritdoc />
    protected override void CopyFromHost(ReadOnlySpan<T> source, long offset, DeviceStream stream)
    {
        if (source.IsEmpty) return;
        var view = _memory.View.SubView(offset, source.Length).AsContiguous();
        // Wait outside the device lock so other threads keep queueing work meanwhile; the copy itself (which also
        // waits for anything queued on the stream since) runs under it.
        stream.Synchronize();
        var queue = ((IlgpuStream)stream).AcceleratorStream;
        lock (_device.Gate)
        {
            _device.ThrowIfGone();
            try
            {
                view.CopyFromCPU(queue, source);
            }
            catch (Exception e) when (IlgpuDevice.IsBackendFailure(e))
            {
                throw _device.Failed($"upload of {source.Length} × {typeof(T).Name}", e);
            }
        }
    }

    /// <inheritdoc />
    protected override void CopyToHost(Span<T> destination, long offset, DeviceStream stream)
    {
        if (destination.IsEmpty) return;
        var view = _memory.View.SubView(offset, destination.Length).AsContiguous();
        stream.Synchronize();
        var queue = ((IlgpuStream)stream).AcceleratorStream;
        lock (_device.Gate)
        {
            _device.ThrowIfGone();
            try
            {
                view.CopyToCPU(queue, destination);
            }
            catch (Exception e) when (IlgpuDevice.IsBackendFailure(e))
            {
                throw _device.Failed($"download of {destination.Length} × {typeof(T).Name}", e);
            }
        }
    }

    /// <inheritdoc />
    protected override void Release() => _device.ReturnMemory(_memory, PendingStreams);
}
