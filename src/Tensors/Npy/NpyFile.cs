using System.Runtime.InteropServices;

namespace Kernels.Tensors.Npy;

/// <summary>
/// Reads and writes NumPy <c>.npy</c> files (format 1.0–3.0; dtypes f2 f4 f8 c8 c16 i4 i8 b1 in either byte
/// order; C or Fortran order). Reading never allocates more than the stream can back: the declared payload is
/// checked against the stream length first (seekable streams) or read in bounded chunks (others).
/// </summary>
public static class NpyFile
{
    private const int ChunkBytes = 1 << 24;

    /// <summary>Reads a .npy stream from its current position.</summary>
    /// <exception cref="NpyFormatException">Malformed, truncated or oversized content.</exception>
    public static NpyArray Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = NpyHeader.Read(stream);
        long bytes = header.ElementCount * header.DType.ItemSize;
        if (bytes > Array.MaxLength)
            throw new NpyFormatException($".npy payload of {bytes} bytes (shape {ShapeMath.Format(header.Shape)}, {header.DType.Descr}) exceeds the largest array.");
        if (stream.CanSeek)
        {
            long remaining = stream.Length - stream.Position;
            if (remaining < bytes)
                throw new NpyFormatException($"Truncated .npy file: header declares shape {ShapeMath.Format(header.Shape)} of {header.DType.Descr} ({bytes} bytes) but only {remaining} bytes follow.");
        }
        byte[] data = ReadPayload(stream, (int)bytes);
        if (header.DType.BigEndian == BitConverter.IsLittleEndian && header.DType.ComponentSize > 1)
            NpyArray.SwapInPlace(data, header.DType.ComponentSize);
        if (header.DType.Kind == NpyElementKind.Bool)
            foreach (var b in data) if (b > 1) throw new NpyFormatException($"Boolean .npy data holds the byte {b}; only 0 and 1 are valid.");
        return new NpyArray(header, data);
    }

    // Grows the buffer chunk by chunk so a lying header on a non-seekable stream cannot force a huge allocation.
    private static byte[] ReadPayload(Stream stream, int bytes)
    {
        if (stream.CanSeek)
        {
            var all = new byte[bytes];
            NpyHeader.ReadExactly(stream, all, "the data");
            return all;
        }
        var buffer = new byte[Math.Min(bytes, ChunkBytes)];
        int filled = 0;
        while (filled < bytes)
        {
            if (filled == buffer.Length) Array.Resize(ref buffer, (int)Math.Min(bytes, (long)buffer.Length * 2));
            int r = stream.Read(buffer, filled, buffer.Length - filled);
            if (r == 0) throw new NpyFormatException($"Truncated .npy stream: the header declares {bytes} data bytes but the stream ended after {filled}.");
            filled += r;
        }
        return buffer;
    }

    /// <summary>Reads a .npy file; the file must end exactly where the data ends.</summary>
    /// <exception cref="NpyFormatException">Malformed, truncated, or trailing bytes after the data.</exception>
    public static NpyArray Read(string path)
    {
        using var stream = File.OpenRead(path);
        var result = Read(stream);
        if (stream.Position != stream.Length)
            throw new NpyFormatException($"'{path}' has {stream.Length - stream.Position} bytes after the data its header declares (shape {ShapeMath.Format(result.Shape)}, {result.Header.DType.Descr}).");
        return result;
    }

    /// <summary>Reads a .npy file as <typeparamref name="T"/> (see <see cref="NpyArray.ToNDArray{T}"/>).</summary>
    public static NDArray<T> Read<T>(string path, bool allowConversion = false) where T : unmanaged => Read(path).ToNDArray<T>(allowConversion);

    /// <summary>Writes <paramref name="array"/> as little-endian C-order .npy (version 1.0, or 2.0 for very long headers).</summary>
    /// <exception cref="NotSupportedException">T has no .npy dtype.</exception>
    public static void Write<T>(Stream stream, NDArray<T> array) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(array);
        var dtype = NpyDType.For<T>();
        var header = new NpyHeader(dtype, false, array.Shape.ToArray());
        stream.Write(header.ToBytes());
        var contiguous = array.Contiguous();
        if (contiguous.Length == 0) return;
        var bytes = MemoryMarshal.AsBytes<T>(contiguous.AsSpan());
        if (!BitConverter.IsLittleEndian && dtype.ComponentSize > 1)
        {
            var copy = bytes.ToArray();
            NpyArray.SwapInPlace(copy, dtype.ComponentSize);
            stream.Write(copy);
        }
        else stream.Write(bytes);
    }

    /// <summary>Writes a .npy file (created or overwritten).</summary>
    public static void Write<T>(string path, NDArray<T> array) where T : unmanaged
    {
        using var stream = File.Create(path);
        Write(stream, array);
    }
}
