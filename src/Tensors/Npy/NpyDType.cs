namespace Kernels.Tensors.Npy;

/// <summary>The element kinds .npy files carry that Kernels reads and writes.</summary>
public enum NpyElementKind
{
    /// <summary><c>f2</c>, IEEE binary16.</summary>
    Float16,
    /// <summary><c>f4</c>.</summary>
    Float32,
    /// <summary><c>f8</c>.</summary>
    Float64,
    /// <summary><c>c8</c>, two float32 (real, imaginary).</summary>
    Complex64,
    /// <summary><c>c16</c>, two float64.</summary>
    Complex128,
    /// <summary><c>i4</c>.</summary>
    Int32,
    /// <summary><c>i8</c>.</summary>
    Int64,
    /// <summary><c>b1</c>, one byte 0 or 1.</summary>
    Bool,
}

/// <summary>A parsed <c>descr</c>: element kind and byte order.</summary>
public readonly record struct NpyDType(NpyElementKind Kind, bool BigEndian)
{
    /// <summary>Bytes per element.</summary>
    public int ItemSize => Kind switch
    {
        NpyElementKind.Float16 => 2,
        NpyElementKind.Float32 or NpyElementKind.Int32 => 4,
        NpyElementKind.Float64 or NpyElementKind.Int64 or NpyElementKind.Complex64 => 8,
        NpyElementKind.Complex128 => 16,
        _ => 1,
    };

    /// <summary>Bytes per scalar component (half of <see cref="ItemSize"/> for complex), the unit of byte swapping.</summary>
    public int ComponentSize => Kind is NpyElementKind.Complex64 or NpyElementKind.Complex128 ? ItemSize / 2 : ItemSize;

    /// <summary>The little-endian descr string NumPy writes, e.g. <c>&lt;f4</c>.</summary>
    public string Descr => (ItemSize == 1 ? "|" : BigEndian ? ">" : "<") + Kind switch
    {
        NpyElementKind.Float16 => "f2",
        NpyElementKind.Float32 => "f4",
        NpyElementKind.Float64 => "f8",
        NpyElementKind.Complex64 => "c8",
        NpyElementKind.Complex128 => "c16",
        NpyElementKind.Int32 => "i4",
        NpyElementKind.Int64 => "i8",
        _ => "b1",
    };

    /// <summary>Parses a NumPy descr string such as <c>&lt;f8</c>, <c>&gt;i4</c>, <c>|b1</c>.</summary>
    /// <exception cref="NpyFormatException">Unsupported or malformed descr.</exception>
    public static NpyDType Parse(string descr)
    {
        ArgumentNullException.ThrowIfNull(descr);
        if (descr.Length < 2) throw new NpyFormatException($"Unsupported .npy dtype '{descr}'.");
        char order = descr[0];
        string code = descr[1..];
        bool big = order switch
        {
            '<' => false,
            '>' => true,
            '|' or '=' => !BitConverter.IsLittleEndian,
            _ => throw new NpyFormatException($"Unsupported .npy dtype '{descr}': unknown byte-order mark '{order}'."),
        };
        NpyElementKind kind = code switch
        {
            "f2" => NpyElementKind.Float16,
            "f4" => NpyElementKind.Float32,
            "f8" => NpyElementKind.Float64,
            "c8" => NpyElementKind.Complex64,
            "c16" => NpyElementKind.Complex128,
            "i4" => NpyElementKind.Int32,
            "i8" => NpyElementKind.Int64,
            "b1" => NpyElementKind.Bool,
            _ => throw new NpyFormatException($"Unsupported .npy dtype '{descr}' (supported: f2 f4 f8 c8 c16 i4 i8 b1)."),
        };
        return new NpyDType(kind, big);
    }

    /// <summary>The .npy dtype for a .NET element type.</summary>
    /// <exception cref="NotSupportedException">The type has no .npy dtype (e.g. BFloat16).</exception>
    public static NpyDType For<T>() where T : unmanaged
    {
        var kind = typeof(T) == typeof(float) ? NpyElementKind.Float32
            : typeof(T) == typeof(double) ? NpyElementKind.Float64
            : typeof(T) == typeof(Half) ? NpyElementKind.Float16
            : typeof(T) == typeof(System.Numerics.Complex) ? NpyElementKind.Complex128
            : typeof(T) == typeof(int) ? NpyElementKind.Int32
            : typeof(T) == typeof(long) ? NpyElementKind.Int64
            : typeof(T) == typeof(bool) ? NpyElementKind.Bool
            : throw new NotSupportedException($"{typeof(T).Name} has no .npy dtype; convert it (BFloat16 → float) before writing.");
        return new NpyDType(kind, false);
    }
}
