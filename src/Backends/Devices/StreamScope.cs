namespace Kernels.Devices;

/// <summary>
/// Makes a stream the current one of its device for the calling context (this thread and the async flow from
/// it) until disposed, which restores the stream that was current before. Returned by
/// <see cref="ComputeDevice.Use"/>; scopes nest.
/// </summary>
public readonly struct StreamScope : IDisposable
{
    private readonly AsyncLocal<DeviceStream?>? _slot;
    private readonly DeviceStream? _previous;

    internal StreamScope(AsyncLocal<DeviceStream?> slot, DeviceStream stream)
    {
        _slot = slot;
        _previous = slot.Value;
        slot.Value = stream;
    }

    /// <summary>Restores the previously current stream.</summary>
    public void Dispose()
    {
        if (_slot is not null) _slot.Value = _previous;
    }
}
