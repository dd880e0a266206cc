using System.Runtime.CompilerServices;
using Kernels.Tensors;

namespace Kernels.Devices;

/// <summary>
/// A one-dimensional array of <typeparamref name="T"/> in a device's memory, allocated by
/// <see cref="ComputeDevice.Allocate{T}"/>. Shapes are given by the primitives' arguments (row-major, contiguous).
/// The buffer remembers the stream that last wrote it and the streams that read it since
/// (<see cref="PendingStreams"/>): a read on another stream first waits for the writer, a write for all of them
/// (<see cref="DeviceStream"/>), so streams may read one buffer concurrently but never race with its writer.
/// Copies to and from the host run on the current stream and finish before they return. Disposing returns the
/// memory to the device's pool (which waits for those streams before another stream reuses it); disposing twice is
/// harmless; using a disposed buffer throws <see cref="ObjectDisposedException"/>.
/// </summary>
public abstract class DeviceBuffer<T> : IDisposable where T : unmanaged
{
    private int _disposed;
    // Cross-stream ordering state: the last writer and the readers since (usually none or one stream each).
    private readonly Lock _streamsGate = new();
    private readonly List<DeviceStream> _readers = [];
    private DeviceStream? _writer;

    /// <summary>Creates the handle; called by a device implementation.</summary>
    protected DeviceBuffer(ComputeDevice device, long length)
    {
        ArgumentNullException.ThrowIfNull(device);
        Device = device;
        Length = length;
    }

    /// <summary>The device that owns the memory.</summary>
    public ComputeDevice Device { get; }

    /// <summary>Elements.</summary>
    public long Length { get; }

    /// <summary>Bytes (Length · sizeof(T)).</summary>
    public long Bytes => Length * Unsafe.SizeOf<T>();

    /// <summary>Whether <see cref="Dispose()"/> has run.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>
    /// The streams that may still have work queued on this buffer: the last stream that wrote it and every stream
    /// that read it since (work from any other stream has finished).
    /// </summary>
    protected internal DeviceStream[] PendingStreams
    {
        get
        {
            lock (_streamsGate)
            {
                if (_writer is null) return [.. _readers];
                return _readers.Contains(_writer) ? [.. _readers] : [_writer, .. _readers];
            }
        }
    }

    /// <summary>Records that <paramref name="stream"/> reads the buffer, waiting first for another stream that last wrote it.</summary>
    internal void QueueRead(DeviceStream stream)
    {
        DeviceStream? wait;
        lock (_streamsGate)
        {
            wait = _writer is not null && !ReferenceEquals(_writer, stream) ? _writer : null;
            if (!_readers.Contains(stream))
            {
                // Disposed streams have nothing pending: drop them, so weights read by one short-lived stream per
                // request do not collect an ever longer list.
                _readers.RemoveAll(reader => reader.IsDisposed);
                _readers.Add(stream);
            }
        }
        wait?.WaitIdle();
    }

    /// <summary>Records that <paramref name="stream"/> writes the buffer, waiting first for every other stream that wrote or read it.</summary>
    internal void QueueWrite(DeviceStream stream)
    {
        DeviceStream[] waits;
        lock (_streamsGate)
        {
            waits = [.. PendingOthers(stream)];
            _writer = stream;
            _readers.Clear();
        }
        foreach (var other in waits) other.WaitIdle();
    }

    private IEnumerable<DeviceStream> PendingOthers(DeviceStream stream)
    {
        if (_writer is not null && !ReferenceEquals(_writer, stream)) yield return _writer;
        foreach (var reader in _readers)
            if (!ReferenceEquals(reader, stream) && !ReferenceEquals(reader, _writer)) yield return reader;
    }

    /// <summary>Writes <paramref name="source"/> at element <paramref name="offset"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The span does not fit at that offset.</exception>
    public void CopyFrom(ReadOnlySpan<T> source, long offset = 0)
    {
        ThrowIfDisposed();
        CheckRange(offset, source.Length, nameof(source));
        var stream = Device.CurrentStream;
        stream.ThrowIfDisposed();
        QueueWrite(stream);
        CopyFromHost(source, offset, stream);
    }

    /// <summary>Reads elements starting at <paramref name="offset"/> into <paramref name="destination"/> (waits for pending work).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The span does not fit at that offset.</exception>
    public void CopyTo(Span<T> destination, long offset = 0)
    {
        ThrowIfDisposed();
        CheckRange(offset, destination.Length, nameof(destination));
        var stream = Device.CurrentStream;
        stream.ThrowIfDisposed();
        QueueRead(stream);
        CopyToHost(destination, offset, stream);
    }

    /// <summary>The whole buffer as a new host array.</summary>
    public T[] ToArray()
    {
        if (Length > Array.MaxLength) throw new InvalidOperationException($"Buffer of {Length} elements does not fit in one .NET array.");
        var result = new T[Length];
        CopyTo(result);
        return result;
    }

    /// <summary>
    /// Elements <paramref name="offset"/> … offset + ∏shape − 1 as a new row-major host array of
    /// <paramref name="shape"/> (waits for pending work).
    /// </summary>
    /// <exception cref="ArgumentException">A negative extent, more elements than one host array holds, or the shape does not fit in the buffer at that offset.</exception>
    public NDArray<T> ToNDArray(ReadOnlySpan<int> shape, long offset = 0)
    {
        ThrowIfDisposed();
        long count = 1;
        foreach (int extent in shape)
        {
            if (extent < 0) throw new ArgumentException($"Shape ({string.Join(", ", shape.ToArray())}) has a negative extent.", nameof(shape));
            count = Math.Min(count * extent, Array.MaxLength + 1L);
        }
        if (count > Array.MaxLength)
            throw new ArgumentException($"Shape ({string.Join(", ", shape.ToArray())}) has more elements than one host array holds ({Array.MaxLength}).", nameof(shape));
        if (offset < 0 || count > Length - offset)
            throw new ArgumentException($"Shape ({string.Join(", ", shape.ToArray())}) needs {count} elements from offset {offset}; the buffer has {Length}.", nameof(shape));
        var result = new NDArray<T>(shape);
        if (count > 0 && result.TryGetSpan(out var span)) CopyTo(span, offset);
        return result;
    }

    /// <summary>Backend copy host → device on <paramref name="stream"/>, finished before it returns; arguments already checked.</summary>
    protected abstract void CopyFromHost(ReadOnlySpan<T> source, long offset, DeviceStream stream);

    /// <summary>Backend copy device → host after the work queued on <paramref name="stream"/>; arguments already checked.</summary>
    protected abstract void CopyToHost(Span<T> destination, long offset, DeviceStream stream);

    /// <summary>Backend release (return to the pool or free); runs once.</summary>
    protected abstract void Release();

    /// <summary>Throws <see cref="ObjectDisposedException"/> naming the buffer when it was disposed.</summary>
    public void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);

    private void CheckRange(long offset, int count, string name)
    {
        if (offset < 0 || offset > Length - count)
            throw new ArgumentOutOfRangeException(name, $"{count} elements at offset {offset} do not fit in a buffer of {Length}.");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Release();
        Device.OnBufferReleased(Bytes);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override string ToString() => $"DeviceBuffer<{typeof(T).Name}>[{Length}] on {Device.Info.Id}";
}
