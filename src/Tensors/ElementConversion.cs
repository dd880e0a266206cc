using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Kernels.Tensors;

/// <summary>Span-level element conversions among float, double, Half and BFloat16 (and the integer types .npy carries).</summary>
public static class ElementConversion
{
    /// <summary>destination[i] = (TTo)source[i]; rounds to nearest even when narrowing.</summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    /// <exception cref="NotSupportedException">No conversion is defined between the two types.</exception>
    public static void Convert<TFrom, TTo>(ReadOnlySpan<TFrom> source, Span<TTo> destination) where TFrom : unmanaged where TTo : unmanaged
    {
        if (source.Length != destination.Length)
            throw new ArgumentException($"Source has {source.Length} elements but destination has {destination.Length}.", nameof(destination));
        if (typeof(TFrom) == typeof(TTo)) { MemoryMarshal.Cast<TFrom, TTo>(source).CopyTo(destination); return; }
        // Vectorised BCL conversions where they exist.
        if (typeof(TFrom) == typeof(float) && typeof(TTo) == typeof(Half)) { TensorPrimitives.ConvertToHalf(MemoryMarshal.Cast<TFrom, float>(source), MemoryMarshal.Cast<TTo, Half>(destination)); return; }
        if (typeof(TFrom) == typeof(Half) && typeof(TTo) == typeof(float)) { TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<TFrom, Half>(source), MemoryMarshal.Cast<TTo, float>(destination)); return; }
        for (int i = 0; i < source.Length; i++) destination[i] = FromDouble<TTo, TFrom>(ToDouble(source[i]), source[i]);
    }

    private static double ToDouble<T>(T v) where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return (float)(object)v;
        if (typeof(T) == typeof(double)) return (double)(object)v;
        if (typeof(T) == typeof(Half)) return (double)(Half)(object)v;
        if (typeof(T) == typeof(BFloat16)) return (float)(BFloat16)(object)v;
        if (typeof(T) == typeof(int)) return (int)(object)v;
        if (typeof(T) == typeof(long)) return (long)(object)v;
        if (typeof(T) == typeof(bool)) return (bool)(object)v ? 1 : 0;
        throw new NotSupportedException($"No numeric conversion from {typeof(T).Name}.");
    }

    private static T FromDouble<T, TSource>(double d, TSource original) where T : unmanaged where TSource : unmanaged
    {
        // Narrowing float → BFloat16 must round once from the float, not twice through double.
        if (typeof(T) == typeof(BFloat16)) return (T)(object)(BFloat16)(typeof(TSource) == typeof(float) ? (float)(object)original : (float)d);
        if (typeof(T) == typeof(float)) return (T)(object)(float)d;
        if (typeof(T) == typeof(double)) return (T)(object)d;
        if (typeof(T) == typeof(Half)) return (T)(object)(typeof(TSource) == typeof(float) ? (Half)(float)(object)original : (Half)d);
        throw new NotSupportedException($"No numeric conversion to {typeof(T).Name}.");
    }
}
