using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Kernels.Tensors.Npy;

/// <summary>
/// The contents of a .npy file as read: header plus element bytes already in this machine's byte order.
/// Convert to a typed <see cref="NDArray{T}"/> with <see cref="ToNDArray{T}"/>. Fortran-order data becomes a
/// column-major view (no copy).
/// </summary>
public sealed class NpyArray
{
    internal NpyArray(NpyHeader header, byte[] data)
    {
        Header = header;
        Data = data;
    }

    /// <summary>The parsed header (the dtype as stored in the file, including its byte order).</summary>
    public NpyHeader Header { get; }

    /// <summary>Element kind.</summary>
    public NpyElementKind Kind => Header.DType.Kind;

    /// <summary>Dimensions.</summary>
    public ReadOnlySpan<int> Shape => Header.Shape;

    /// <summary>Raw element bytes in native byte order, in the file's (C or Fortran) order.</summary>
    internal byte[] Data { get; }

    /// <summary>
    /// The elements as <typeparamref name="T"/>. Without <paramref name="allowConversion"/> the stored dtype must
    /// be exactly T's; with it, any real dtype converts to float/double/Half, and c8 widens to
    /// <see cref="Complex"/>. Fortran order yields a column-major view.
    /// </summary>
    /// <exception cref="InvalidCastException">The stored dtype does not match and conversion was not allowed or is undefined.</exception>
    public NDArray<T> ToNDArray<T>(bool allowConversion = false) where T : unmanaged
    {
        NpyDType wanted;
        try { wanted = NpyDType.For<T>(); }
        catch (NotSupportedException e) { throw new InvalidCastException(e.Message, e); }
        T[] values;
        if (wanted.Kind == Kind) values = MemoryMarshal.Cast<byte, T>(Data).ToArray();
        else if (!allowConversion)
            throw new InvalidCastException($"The .npy file holds {Header.DType.Descr} but {typeof(T).Name} ({wanted.Descr}) was requested; pass allowConversion: true or request the stored type.");
        else values = ConvertValues<T>();
        var strides = Header.FortranOrder ? ShapeMath.ColumnMajorStrides(Header.Shape) : ShapeMath.RowMajorStrides(Header.Shape);
        return new NDArray<T>(values, Header.Shape, strides);
    }

    /// <summary>Complex data as two real arrays (real, imaginary) of the stored precision widened to T.</summary>
    /// <exception cref="InvalidCastException">The file does not hold complex values.</exception>
    public (NDArray<T> Real, NDArray<T> Imaginary) ToSplitComplex<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Kind is not (NpyElementKind.Complex64 or NpyElementKind.Complex128))
            throw new InvalidCastException($"The .npy file holds {Header.DType.Descr}, not complex values.");
        int n = (int)Header.ElementCount;
        var re = new T[n];
        var im = new T[n];
        for (int i = 0; i < n; i++)
        {
            if (Kind == NpyElementKind.Complex64)
            {
                re[i] = T.CreateTruncating(MemoryMarshal.Read<float>(Data.AsSpan(8 * i)));
                im[i] = T.CreateTruncating(MemoryMarshal.Read<float>(Data.AsSpan(8 * i + 4)));
            }
            else
            {
                re[i] = T.CreateTruncating(MemoryMarshal.Read<double>(Data.AsSpan(16 * i)));
                im[i] = T.CreateTruncating(MemoryMarshal.Read<double>(Data.AsSpan(16 * i + 8)));
            }
        }
        var strides = Header.FortranOrder ? ShapeMath.ColumnMajorStrides(Header.Shape) : ShapeMath.RowMajorStrides(Header.Shape);
        return (new NDArray<T>(re, Header.Shape, strides), new NDArray<T>(im, Header.Shape, strides));
    }

    private T[] ConvertValues<T>() where T : unmanaged
    {
        int n = (int)Header.ElementCount;
        var result = new T[n];
        if (typeof(T) == typeof(System.Numerics.Complex))
        {
            if (Kind != NpyElementKind.Complex64) throw new InvalidCastException($"Cannot convert {Header.DType.Descr} to Complex.");
            var dst = MemoryMarshal.Cast<T, System.Numerics.Complex>(result.AsSpan());
            for (int i = 0; i < n; i++)
                dst[i] = new System.Numerics.Complex(MemoryMarshal.Read<float>(Data.AsSpan(8 * i)), MemoryMarshal.Read<float>(Data.AsSpan(8 * i + 4)));
            return result;
        }
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double) && typeof(T) != typeof(Half))
            throw new InvalidCastException($"Cannot convert {Header.DType.Descr} to {typeof(T).Name}; conversions target float, double, Half or Complex.");
        switch (Kind)
        {
            case NpyElementKind.Float16: ElementConversion.Convert<Half, T>(MemoryMarshal.Cast<byte, Half>(Data), result); break;
            case NpyElementKind.Float32: ElementConversion.Convert<float, T>(MemoryMarshal.Cast<byte, float>(Data), result); break;
            case NpyElementKind.Float64: ElementConversion.Convert<double, T>(MemoryMarshal.Cast<byte, double>(Data), result); break;
            case NpyElementKind.Int32: ElementConversion.Convert<int, T>(MemoryMarshal.Cast<byte, int>(Data), result); break;
            case NpyElementKind.Int64: ElementConversion.Convert<long, T>(MemoryMarshal.Cast<byte, long>(Data), result); break;
            case NpyElementKind.Bool: ElementConversion.Convert<bool, T>(MemoryMarshal.Cast<byte, bool>(Data), result); break;
            default: throw new InvalidCastException($"Cannot convert complex {Header.DType.Descr} to real {typeof(T).Name}; use ToSplitComplex.");
        }
        return result;
    }

    internal static void SwapInPlace(Span<byte> data, int componentSize)
    {
        switch (componentSize)
        {
            case 2: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(data), MemoryMarshal.Cast<byte, ushort>(data)); break;
            case 4: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(data), MemoryMarshal.Cast<byte, uint>(data)); break;
            case 8: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(data), MemoryMarshal.Cast<byte, ulong>(data)); break;
        }
    }
}
