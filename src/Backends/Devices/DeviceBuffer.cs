using System.Runtime.CompilerServices;

namespace Kernels.Devices;

/// <summary>
/// A one-dimensional array of <typeparamref name="T"/> in a device's memory, allocated by
/// <see cref="ComputeDevice.Allocate{T}"/>. Shapes are given by the primitives' arguments (row-major, contiguous).
/// Copies to and from the host synchronise with the device's stream. Disposing returns the memory to the device's
/// pool; disposing twice is harmless; using a disposed buffer throws <see cref="ObjectDisposedException"/>.
/// </summary>
public abstract class DeviceBuffer<T> : IDisposable where T : unmanaged
{
    private int _disposed;

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

    /// <summary>Writes <paramref name="source"/> at element <paramref name="offset"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The span does not fit at that offset.</exception>
    public void CopyFrom(ReadOnlySpan<T> source, long offset = 0)
    {
        ThrowIfDisposed();
        CheckRange(offset, source.Length, nameof(source));
        CopyFromHost(source, offset);
    }

    /// <summary>Reads elements starting at <paramref name="offset"/> into <paramref name="destination"/> (waits for pending work).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The span does not fit at that offset.</exception>
    public void CopyTo(Span<T> destination, long offset = 0)
    {
        ThrowIfDisposed();
        CheckRange(offset, destination.Length, nameof(destination));
        CopyToHost(destination, offset);
    }

    /// <summary>The whole buffer as a new host array.</summary>
    public T[] ToArray()
    {
        if (Length > Array.MaxLength) throw new InvalidOperationException($"Buffer of {Length} elements does not fit in one .NET array.");
        var result = new T[Length];
        CopyTo(result);
        return result;
    }

    /// <summary>Backend copy host → device; arguments already checked.</summary>
    protected abstract void CopyFromHost(ReadOnlySpan<T> source, long offset);

    /// <summary>Backend copy device → host; arguments already checked.</summary>
    protected abstract void CopyToHost(Span<T> destination, long offset);

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
