using ILGPU;
using ILGPU.Runtime;
using Kernels.Devices;

namespace Kernels.Backends.Ilgpu;

/// <summary>
/// Reuses device allocations: a released buffer goes back to a free list for its element type and size class (powers of two up to
/// 2²⁰ elements, then multiples of 2²⁰) and the next request of that class takes it instead of calling the driver.
/// At most <see cref="Limit"/> bytes stay pooled; beyond that released memory is freed at once. Each pooled block
/// keeps the streams its last user may still have work queued on: a request waits for those other than its own
/// stream before taking the block, so a kernel still running on another stream never sees its memory reused. Not
/// thread-safe on its own: the device calls it under its lock.
/// </summary>
internal sealed class IlgpuMemoryPool(Accelerator accelerator, long limit) : IDisposable
{
    private const long LargeClass = 1L << 20;
    private readonly Dictionary<(Type, long), Stack<(MemoryBuffer Memory, DeviceStream[] Streams)>> _free = [];

    /// <summary>Bytes pooled at most.</summary>
    public long Limit { get; } = limit;

    /// <summary>Bytes pooled now.</summary>
    public long PooledBytes { get; private set; }

    /// <summary>Driver allocations made (a measure of how well the pool works).</summary>
    public long DriverAllocations { get; private set; }

    public static long Capacity(long length)
    {
        if (length <= 256) return 256;
        if (length <= LargeClass) return (long)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)length);
        return (length + LargeClass - 1) / LargeClass * LargeClass;
    }

    /// <summary>A block of at least <paramref name="length"/> elements that <paramref name="stream"/> may use at once.</summary>
    public MemoryBuffer1D<T, Stride1D.Dense> Rent<T>(long length, DeviceStream stream) where T : unmanaged
    {
        long capacity = Capacity(length);
        if (_free.TryGetValue((typeof(T), capacity), out var stack) && stack.Count > 0)
        {
            var (memory, pending) = stack.Pop();
            PooledBytes -= memory.LengthInBytes;
            // Same stream: in-order execution already puts the new work after the old. Another stream: wait.
            foreach (var other in pending)
                if (!ReferenceEquals(other, stream)) other.WaitIdle();
            return (MemoryBuffer1D<T, Stride1D.Dense>)memory;
        }
        DriverAllocations++;
        return accelerator.Allocate1D<T>(capacity);
    }

    /// <summary>Pools <paramref name="buffer"/>, which <paramref name="streams"/> may still have work queued on.</summary>
    public void Return<T>(MemoryBuffer1D<T, Stride1D.Dense> buffer, DeviceStream[] streams) where T : unmanaged
    {
        if (PooledBytes + buffer.LengthInBytes > Limit)
        {
            foreach (var stream in streams) stream.WaitIdle();   // the driver may hand freed memory to anyone at once
            buffer.Dispose();
            return;
        }
        var key = (typeof(T), buffer.Length);
        if (!_free.TryGetValue(key, out var stack)) _free[key] = stack = new Stack<(MemoryBuffer, DeviceStream[])>();
        stack.Push((buffer, streams));
        PooledBytes += buffer.LengthInBytes;
    }

    /// <summary>Frees every pooled buffer (on out-of-memory before retrying, and on dispose).</summary>
    public void Trim()
    {
        foreach (var stack in _free.Values)
            while (stack.Count > 0)
            {
                var (memory, streams) = stack.Pop();
                foreach (var stream in streams) stream.WaitIdle();
                memory.Dispose();
            }
        _free.Clear();
        PooledBytes = 0;
    }

    public void Dispose() => Trim();
}
