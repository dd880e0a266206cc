namespace Kernels.Devices;

/// <summary>A <see cref="CpuDevice"/> buffer: a managed array (so it is at most <see cref="Array.MaxLength"/> elements).</summary>
public sealed class CpuBuffer<T> : DeviceBuffer<T> where T : unmanaged
{
    private readonly T[] _data;

    internal CpuBuffer(CpuDevice device, long length) : base(device, length)
    {
        if (length > Array.MaxLength) throw new DeviceOutOfMemoryException($"cpu: {length} elements exceed one managed array ({Array.MaxLength}).");
        _data = new T[length];
    }

    /// <summary>The elements, for zero-copy use on the host.</summary>
    public Span<T> Span
    {
        get
        {
            ThrowIfDisposed();
            return _data;
        }
    }

    /// <summary>The elements as memory (for NDArray views).</summary>
    public Memory<T> Memory
    {
        get
        {
            ThrowIfDisposed();
            return _data;
        }
    }

    /// <inheritdoc />
    protected override void CopyFromHost(ReadOnlySpan<T> source, long offset, DeviceStream stream) => source.CopyTo(_data.AsSpan((int)offset));

    /// <inheritdoc />
    protected override void CopyToHost(Span<T> destination, long offset, DeviceStream stream) => _data.AsSpan((int)offset, destination.Length).CopyTo(destination);

    /// <inheritdoc />
    protected override void Release() { }
}
