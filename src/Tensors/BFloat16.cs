using System.Runtime.InteropServices;

namespace Kernels.Tensors;

/// <summary>
/// bfloat16 storage: the upper 16 bits of an IEEE binary32 (8 exponent bits, 7 mantissa bits). Conversion from
/// float rounds to nearest, ties to even, and keeps NaN a (quiet) NaN; conversion to float is exact. A storage
/// type: convert to float for arithmetic.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 2)]
public readonly struct BFloat16 : IEquatable<BFloat16>
{
    /// <summary>The raw 16 bits.</summary>
    public ushort Bits { get; }

    private BFloat16(ushort bits) => Bits = bits;

    /// <summary>Reinterprets raw bits.</summary>
    public static BFloat16 FromBits(ushort bits) => new(bits);

    /// <summary>Rounds a float to the nearest bfloat16 (ties to even).</summary>
    public static explicit operator BFloat16(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        if (float.IsNaN(value)) return new BFloat16((ushort)((bits >> 16) | 0x0040)); // keep sign, force quiet
        uint rounding = 0x7FFF + ((bits >> 16) & 1);
        return new BFloat16((ushort)((bits + rounding) >> 16));
    }

    /// <summary>Exact widening to float.</summary>
    public static explicit operator float(BFloat16 value) => BitConverter.UInt32BitsToSingle((uint)value.Bits << 16);

    /// <inheritdoc />
    public bool Equals(BFloat16 other) => ((float)this).Equals((float)other);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BFloat16 b && Equals(b);
    /// <inheritdoc />
    public override int GetHashCode() => ((float)this).GetHashCode();
    /// <summary>IEEE equality on the widened values (NaN ≠ NaN).</summary>
    public static bool operator ==(BFloat16 a, BFloat16 b) => (float)a == (float)b;
    /// <summary>IEEE inequality on the widened values.</summary>
    public static bool operator !=(BFloat16 a, BFloat16 b) => (float)a != (float)b;
    /// <inheritdoc />
    public override string ToString() => ((float)this).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
