namespace Kernels.Devices;

/// <summary>
/// An in-order queue of device work: what is queued on one stream runs in the order it was queued; work on
/// different streams of the same device may overlap. Work is queued on the calling context's current stream
/// (<see cref="ComputeDevice.Use"/>; the device's <see cref="ComputeDevice.DefaultStream"/> when none is chosen).
/// <para><b>Ordering between streams is kept for you, per buffer.</b> Every device buffer remembers the stream
/// that last wrote it and the streams that read it since. A primitive on stream S that reads a buffer first waits
/// (on the host) for its writer if that is another stream; one that writes it waits for the writer and every
/// reader other than S. So streams may read a buffer concurrently, a result is never read before it is written, a
/// buffer is never overwritten under a reader, and memory is never reused while a kernel still uses it.
/// Independent work on different streams overlaps; dependent work is serialised by a host wait, never raced. Host
/// copies run on the current stream after the waits a read (download) or write (upload) needs.</para>
/// <para>Disposing a stream waits for its queued work first; disposing twice is harmless; the default stream is
/// owned by the device and its <see cref="Dispose"/> does nothing. Streams are safe to use from several threads.</para>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A device stream in the CUDA sense (an in-order work queue), not an I/O stream.")]
public abstract class DeviceStream : IDisposable
{
    // Serialises waits with disposal (a stream is never released while someone waits on it). The disposed flag is
    // read without it, so launching on a stream never queues behind another thread's wait.
    private readonly Lock _gate = new();
    private int _disposed;

    /// <summary>Creates the handle; called by a device implementation.</summary>
    protected DeviceStream(ComputeDevice device, bool isDefault)
    {
        ArgumentNullException.ThrowIfNull(device);
        Device = device;
        IsDefault = isDefault;
    }

    /// <summary>The device whose work this stream queues.</summary>
    public ComputeDevice Device { get; }

    /// <summary>Whether this is the device's default stream.</summary>
    public bool IsDefault { get; }

    /// <summary>Whether <see cref="Dispose"/> has run (never for the default stream).</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Waits until every piece of work queued on this stream has finished.</summary>
    /// <exception cref="ObjectDisposedException">The stream or its device was disposed.</exception>
    public void Synchronize()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            ObjectDisposedException.ThrowIf(Device.IsDisposed, Device);
            SynchronizeCore();
        }
    }

    /// <summary>Waits for queued work unless the stream or its device is gone (then nothing is pending).</summary>
    internal void WaitIdle()
    {
        lock (_gate)
        {
            if (IsDisposed || Device.IsDisposed) return;
            SynchronizeCore();
        }
    }

    /// <summary>Throws <see cref="ObjectDisposedException"/> once the stream is disposed.</summary>
    public void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);

    /// <summary>Backend wait for the stream's queued work.</summary>
    protected abstract void SynchronizeCore();

    /// <summary>Backend release of the stream (after its work finished); not called for the default stream.</summary>
    protected virtual void Release() { }

    /// <summary>Waits for the stream's work and releases it; a no-op for the default stream and on a second call.</summary>
    public void Dispose()
    {
        if (IsDefault) return;
        lock (_gate)
        {
            if (IsDisposed) return;
            Volatile.Write(ref _disposed, 1);
            try
            {
                if (!Device.IsDisposed)
                {
                    try { SynchronizeCore(); }
                    finally { Release(); }
                }
            }
            finally { Device.OnStreamReleased(); }
        }
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override string ToString() => IsDefault ? $"default stream of {Device.Info.Id}" : $"stream on {Device.Info.Id}";
}
