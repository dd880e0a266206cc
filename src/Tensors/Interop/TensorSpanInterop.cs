using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Kernels.Tensors.Interop;

/// <summary>
/// Interop with System.Numerics.Tensors. An <see cref="NDArray{T}"/> with non-negative strides is exposed as a
/// <see cref="TensorSpan{T}"/> over the same memory (no copy; zero strides for broadcast axes are kept). A
/// <see cref="TensorSpan{T}"/> is a stack-only view without an owner, so bringing one into an NDArray copies
/// (<see cref="ToNDArray{T}(ReadOnlyTensorSpan{T})"/>) — or wrap the memory it came from with the
/// <see cref="NDArray{T}"/> constructor instead.
/// </summary>
public static class TensorSpanInterop
{
    /// <summary>A TensorSpan over the same elements (writes go through to the array).</summary>
    /// <exception cref="NotSupportedException">A negative stride (reversed slice), which TensorSpan cannot express.</exception>
    public static TensorSpan<T> AsTensorSpan<T>(this NDArray<T> x) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(x);
        var (start, length, lengths, strides) = Describe(x);
        return new TensorSpan<T>(x.Storage.Span.Slice(start, length), lengths, strides);
    }

    /// <summary>A read-only TensorSpan over the same elements.</summary>
    public static ReadOnlyTensorSpan<T> AsReadOnlyTensorSpan<T>(this NDArray<T> x) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(x);
        var (start, length, lengths, strides) = Describe(x);
        return new ReadOnlyTensorSpan<T>(x.Storage.Span.Slice(start, length), lengths, strides);
    }

    private static (int Start, int Length, nint[] Lengths, nint[] Strides) Describe<T>(NDArray<T> x) where T : unmanaged
    {
        var lengths = new nint[x.Rank];
        var strides = new nint[x.Rank];
        long extent = 0;
        for (int i = 0; i < x.Rank; i++)
        {
            if (x.Strides[i] < 0)
                throw new NotSupportedException($"TensorSpan cannot express the negative stride on axis {i} of shape {x.ShapeString}; call Contiguous() first.");
            lengths[i] = x.Shape[i];
            strides[i] = x.Shape[i] <= 1 ? 0 : x.Strides[i];
            if (x.Shape[i] > 0) extent += (long)(x.Shape[i] - 1) * x.Strides[i];
        }
        int length = x.Length == 0 ? 0 : (int)(extent + 1);
        return ((int)x.Offset, length, lengths, strides);
    }

    /// <summary>Copies a (Read-only) TensorSpan into a new C-contiguous NDArray.</summary>
    public static NDArray<T> ToNDArray<T>(this ReadOnlyTensorSpan<T> source) where T : unmanaged
    {
        var shape = new int[source.Rank];
        for (int i = 0; i < shape.Length; i++) shape[i] = checked((int)source.Lengths[i]);
        var result = new NDArray<T>(shape);
        if (result.Length > 0) source.FlattenTo(result.AsSpan());
        return result;
    }

    /// <summary>Copies a TensorSpan into a new C-contiguous NDArray.</summary>
    public static NDArray<T> ToNDArray<T>(this TensorSpan<T> source) where T : unmanaged => ToNDArray((ReadOnlyTensorSpan<T>)source);
}
