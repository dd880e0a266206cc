using System.Buffers;
using System.Runtime.InteropServices;

namespace Kernels.Linalg.Internal;

/// <summary>
/// A pinned buffer rented from <see cref="ArrayPool{T}.Shared"/> for the lifetime of one call: the factorizations'
/// workspace (V copies, T factors, GEMM intermediates) without allocating in steady state.
/// </summary>
internal unsafe ref struct Scratch<T> where T : unmanaged
{
    private readonly T[] _array;
    private GCHandle _handle;

    public Scratch(int length)
    {
        _array = ArrayPool<T>.Shared.Rent(Math.Max(length, 1));
        _handle = GCHandle.Alloc(_array, GCHandleType.Pinned);
        Pointer = (T*)_handle.AddrOfPinnedObject();
        Length = length;
    }

    public T* Pointer { get; }

    public int Length { get; }

    public Span<T> Span => new(Pointer, Length);

    public void Dispose()
    {
        if (_handle.IsAllocated)
        {
            _handle.Free();
            ArrayPool<T>.Shared.Return(_array);
        }
    }
}
