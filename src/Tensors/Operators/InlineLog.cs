using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Kernels.Tensors.Operators;

/// <summary>
/// ln x = e·ln2 + log(1 + f) with x = 2ᵉ·(1 + f), 1 + f ∈ [√½, √2); log(1 + f) = f − f²/2 + s·(f²/2 + R(s²)) with
/// s = f/(2 + f) and R(z) = Σₖ 2zᵏ/(2k + 1) (the atanh series, 6 terms float, 10 double; truncation below 0.01 ulp
/// on s ≤ 0.172), summed small terms first as in fdlibm. Within 2 ulp of the exact value; ln(+∞) = +∞, ln(±0) = −∞,
/// ln(x &lt; 0) = NaN, NaN propagates, subnormal inputs are scaled into the normal range first.
/// </summary>
/// <remarks>
/// Ours rather than the BCL's <c>Vector256.Log</c> for the reason <see cref="InlineExp"/> gives (a result must not
/// depend on the other lanes of its vector). Every step here is an exactly rounded IEEE operation or a fused
/// multiply-add, so every width — and the scalar twin — returns the same bits.
/// The exponent is read by the 2ᵖ shifter's bit pattern, as there is no int64 → double conversion before AVX-512.
/// </remarks>
internal static class InlineLog
{
    // ln2 split so that e·Ln2High is exact for every exponent that occurs (|e| < 2⁸ float, < 2¹¹ double).
    private const float Ln2HighF = 0.693145751953125f, Ln2LowF = 1.42860677e-6f;
    private const double Ln2HighD = 0.6931471803691238, Ln2LowD = 1.9082149292705877e-10;
    private const float Sqrt2F = 1.41421356f, MinNormalF = 1.17549435e-38f, SubnormalScaleF = 33554432f; // 2²⁵
    private const double Sqrt2D = 1.4142135623730951, MinNormalD = 2.2250738585072014e-308, SubnormalScaleD = 18014398509481984.0; // 2⁵⁴
    private const uint MantissaMaskF = 0x007F_FFFF, OneBitsF = 0x3F80_0000, ExponentShifterBitsF = 0x4B00_0000; // 2²³
    private const ulong MantissaMaskD = 0x000F_FFFF_FFFF_FFFF, OneBitsD = 0x3FF0_0000_0000_0000, ExponentShifterBitsD = 0x4330_0000_0000_0000; // 2⁵²
    // (2ᵖ + biased exponent) − (2ᵖ + bias) = unbiased exponent, exactly.
    private const float ExponentOffsetF = 8388608f + 127, SubnormalExponentF = 25;
    private const double ExponentOffsetD = 4503599627370496.0 + 1023, SubnormalExponentD = 54;

    // 2/(2k + 1), k = 1 … 6 (float) and 1 … 10 (double), Horner order (highest first).
    private const float F1 = 2f / 3, F2 = 2f / 5, F3 = 2f / 7, F4 = 2f / 9, F5 = 2f / 11, F6 = 2f / 13;
    private const double D1 = 2.0 / 3, D2 = 2.0 / 5, D3 = 2.0 / 7, D4 = 2.0 / 9, D5 = 2.0 / 11, D6 = 2.0 / 13,
        D7 = 2.0 / 15, D8 = 2.0 / 17, D9 = 2.0 / 19, D10 = 2.0 / 21;

    /// <summary>ln x for one value, the same steps as the vector forms (and so the same bits as every lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Log<T>(T x) where T : unmanaged
    {
        if (typeof(T) == typeof(float)) { float r = Log(Unsafe.As<T, float>(ref x)); return Unsafe.As<float, T>(ref r); }
        double d = Log(Unsafe.As<T, double>(ref x));
        return Unsafe.As<double, T>(ref d);
    }

    private static float Log(float x)
    {
        bool tiny = x < MinNormalF;
        float xs = tiny ? x * SubnormalScaleF : x;
        uint bits = BitConverter.SingleToUInt32Bits(xs);
        float m = BitConverter.UInt32BitsToSingle((bits & MantissaMaskF) | OneBitsF);
        float e = BitConverter.UInt32BitsToSingle((bits >> 23) | ExponentShifterBitsF) - ExponentOffsetF;
        e -= tiny ? SubnormalExponentF : 0f;
        if (m > Sqrt2F) { m *= 0.5f; e += 1f; }
        float f = m - 1f;
        float s = f / (2f + f);
        float z = s * s;
        float q = float.FusedMultiplyAdd(F6, z, F5);
        q = float.FusedMultiplyAdd(q, z, F4);
        q = float.FusedMultiplyAdd(q, z, F3);
        q = float.FusedMultiplyAdd(q, z, F2);
        q = float.FusedMultiplyAdd(q, z, F1);
        float rz = z * q;
        float hfsq = 0.5f * f * f;
        float result = float.FusedMultiplyAdd(e, Ln2HighF, -((hfsq - float.FusedMultiplyAdd(s, hfsq + rz, e * Ln2LowF)) - f));
        if (x == float.PositiveInfinity) result = x;
        if (x == 0f) result = float.NegativeInfinity;
        if (x < 0f) result = float.NaN;
        return float.IsNaN(x) ? x : result;
    }

    private static double Log(double x)
    {
        bool tiny = x < MinNormalD;
        double xs = tiny ? x * SubnormalScaleD : x;
        ulong bits = BitConverter.DoubleToUInt64Bits(xs);
        double m = BitConverter.UInt64BitsToDouble((bits & MantissaMaskD) | OneBitsD);
        double e = BitConverter.UInt64BitsToDouble((bits >> 52) | ExponentShifterBitsD) - ExponentOffsetD;
        e -= tiny ? SubnormalExponentD : 0.0;
        if (m > Sqrt2D) { m *= 0.5; e += 1.0; }
        double f = m - 1.0;
        double s = f / (2.0 + f);
        double z = s * s;
        double q = double.FusedMultiplyAdd(D10, z, D9);
        q = double.FusedMultiplyAdd(q, z, D8);
        q = double.FusedMultiplyAdd(q, z, D7);
        q = double.FusedMultiplyAdd(q, z, D6);
        q = double.FusedMultiplyAdd(q, z, D5);
        q = double.FusedMultiplyAdd(q, z, D4);
        q = double.FusedMultiplyAdd(q, z, D3);
        q = double.FusedMultiplyAdd(q, z, D2);
        q = double.FusedMultiplyAdd(q, z, D1);
        double rz = z * q;
        double hfsq = 0.5 * f * f;
        double result = double.FusedMultiplyAdd(e, Ln2HighD, -((hfsq - double.FusedMultiplyAdd(s, hfsq + rz, e * Ln2LowD)) - f));
        if (x == double.PositiveInfinity) result = x;
        if (x == 0.0) result = double.NegativeInfinity;
        if (x < 0.0) result = double.NaN;
        return double.IsNaN(x) ? x : result;
    }

    /// <summary>ln x per lane (see the class summary).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Log<T>(Vector128<T> x) => typeof(T) == typeof(float)
        ? Log(x.AsSingle()).As<float, T>() : Log(x.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Log(Vector128<float> x)
    {
        var tiny = Vector128.LessThan(x, Vector128.Create(MinNormalF));
        var bits = Vector128.ConditionalSelect(tiny, x * Vector128.Create(SubnormalScaleF), x).AsUInt32();
        var m = ((bits & Vector128.Create(MantissaMaskF)) | Vector128.Create(OneBitsF)).AsSingle();
        var e = (Vector128.ShiftRightLogical(bits, 23) | Vector128.Create(ExponentShifterBitsF)).AsSingle() - Vector128.Create(ExponentOffsetF);
        e -= Vector128.Create(SubnormalExponentF) & tiny;
        var big = Vector128.GreaterThan(m, Vector128.Create(Sqrt2F));
        m = Vector128.ConditionalSelect(big, m * Vector128.Create(0.5f), m);
        e += Vector128<float>.One & big;
        var f = m - Vector128<float>.One;
        var s = f / (Vector128.Create(2f) + f);
        var z = s * s;
        var q = Vector128.FusedMultiplyAdd(Vector128.Create(F6), z, Vector128.Create(F5));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(F4));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(F3));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(F2));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(F1));
        var rz = z * q;
        var hfsq = Vector128.Create(0.5f) * f * f;
        var result = Vector128.FusedMultiplyAdd(e, Vector128.Create(Ln2HighF),
            -((hfsq - Vector128.FusedMultiplyAdd(s, hfsq + rz, e * Vector128.Create(Ln2LowF))) - f));
        return Special(x, result);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Log(Vector128<double> x)
    {
        var tiny = Vector128.LessThan(x, Vector128.Create(MinNormalD));
        var bits = Vector128.ConditionalSelect(tiny, x * Vector128.Create(SubnormalScaleD), x).AsUInt64();
        var m = ((bits & Vector128.Create(MantissaMaskD)) | Vector128.Create(OneBitsD)).AsDouble();
        var e = (Vector128.ShiftRightLogical(bits, 52) | Vector128.Create(ExponentShifterBitsD)).AsDouble() - Vector128.Create(ExponentOffsetD);
        e -= Vector128.Create(SubnormalExponentD) & tiny;
        var big = Vector128.GreaterThan(m, Vector128.Create(Sqrt2D));
        m = Vector128.ConditionalSelect(big, m * Vector128.Create(0.5), m);
        e += Vector128<double>.One & big;
        var f = m - Vector128<double>.One;
        var s = f / (Vector128.Create(2.0) + f);
        var z = s * s;
        var q = Vector128.FusedMultiplyAdd(Vector128.Create(D10), z, Vector128.Create(D9));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(D8));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(D7));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(D6));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(D5));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(D4));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(D3));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(D2));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(D1));
        var rz = z * q;
        var hfsq = Vector128.Create(0.5) * f * f;
        var result = Vector128.FusedMultiplyAdd(e, Vector128.Create(Ln2HighD),
            -((hfsq - Vector128.FusedMultiplyAdd(s, hfsq + rz, e * Vector128.Create(Ln2LowD))) - f));
        return Special(x, result);
    }

    // +∞ → +∞, ±0 → −∞, negative → NaN, NaN → itself.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<T> Special<T>(Vector128<T> x, Vector128<T> result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        result = Vector128.ConditionalSelect(Vector128.Equals(x, Vector128.Create(T.PositiveInfinity)), x, result);
        result = Vector128.ConditionalSelect(Vector128.Equals(x, Vector128<T>.Zero), Vector128.Create(T.NegativeInfinity), result);
        result = Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128<T>.Zero), Vector128.Create(T.NaN), result);
        return Vector128.ConditionalSelect(Vector128.Equals(x, x), result, x);
    }

    /// <summary>ln x per lane (see the class summary).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Log<T>(Vector256<T> x) => typeof(T) == typeof(float)
        ? Log(x.AsSingle()).As<float, T>() : Log(x.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Log(Vector256<float> x)
    {
        var tiny = Vector256.LessThan(x, Vector256.Create(MinNormalF));
        var bits = Vector256.ConditionalSelect(tiny, x * Vector256.Create(SubnormalScaleF), x).AsUInt32();
        var m = ((bits & Vector256.Create(MantissaMaskF)) | Vector256.Create(OneBitsF)).AsSingle();
        var e = (Vector256.ShiftRightLogical(bits, 23) | Vector256.Create(ExponentShifterBitsF)).AsSingle() - Vector256.Create(ExponentOffsetF);
        e -= Vector256.Create(SubnormalExponentF) & tiny;
        var big = Vector256.GreaterThan(m, Vector256.Create(Sqrt2F));
        m = Vector256.ConditionalSelect(big, m * Vector256.Create(0.5f), m);
        e += Vector256<float>.One & big;
        var f = m - Vector256<float>.One;
        var s = f / (Vector256.Create(2f) + f);
        var z = s * s;
        var q = Vector256.FusedMultiplyAdd(Vector256.Create(F6), z, Vector256.Create(F5));
        q = Vector256.FusedMultiplyAdd(q, z, Vector256.Create(F4));
        q = Vector256.FusedMultiplyAdd(q, z, Vector256.Create(F3));
        q = Vector256.FusedMultiplyAdd(q, z, Vector256.Create(F2));
        q = Vector256.FusedMultiplyAdd(q, z, Vector256.Create(F1));
        var rz = z * q;
        var hfsq = Vector256.Create(0.5f) * f * f;
        var result = Vector256.FusedMultiplyAdd(e, Vector256.Create(Ln2HighF),
            -((hfsq - Vector256.FusedMultiplyAdd(s, hfsq + rz, e * Vector256.Create(Ln2LowF))) - f));
        return Special(x, result);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Log(Vector256<double> x)
    {
        var tiny = Vector256.LessThan(x, Vector256.Create(MinNormalD));
        var bits = Vector256.ConditionalSelect(tiny, x * Vector256.Create(SubnormalScaleD), x).AsUInt64();
        var m = ((bits & Vector256.Create(MantissaMaskD)) | Vector256.Create(OneBitsD)).AsDouble();
        var e = (Vector256.ShiftRightLogical(bits, 52) | Vector256.Create(ExponentShifterBitsD)).AsDouble() - Vector256.Create(ExponentOffsetD);
        e -= Vector256.Create(SubnormalExponentD) & tiny;
        var big = Vector256.GreaterThan(m, Vector256.Create(Sqrt2D));
        m = Vector256.ConditionalSelect(big, m * Vector256.Create(0.5), m);
        e += Vector256<double>.One & big;
        var f = m - Vector256<double>.One;
        var s = f / (Vector256.Create(2.0) + f);
        var z = s * s;
        var q = Vector256.FusedMultiplyAdd(Vector256.Create(D10), z, Vector256.Create(D9));
        q = Vector256.FusedMultiplyAdd(q, z, Vector256.Create(D8));
        q = Vector256.FusedMultiplyAdd(q, z, Vector256.Create(D7));
        q = Vector256.FusedMultiplyAdd(q, z, Vector256.Create(D6));
        q = Vector256.FusedMultiplyAdd(q, z, Vector256.Create(D5));
        q = Vector256.FusedMultiplyAdd(q, z, Vector256.Create(D4));
        q = Vector256.FusedMultiplyAdd(q, z, Vector256.Create(D3));
        q = Vector256.FusedMultiplyAdd(q, z, Vector256.Create(D2));
        q = Vector256.FusedMultiplyAdd(q, z, Vector256.Create(D1));
        var rz = z * q;
        var hfsq = Vector256.Create(0.5) * f * f;
        var result = Vector256.FusedMultiplyAdd(e, Vector256.Create(Ln2HighD),
            -((hfsq - Vector256.FusedMultiplyAdd(s, hfsq + rz, e * Vector256.Create(Ln2LowD))) - f));
        return Special(x, result);
    }

    // +∞ → +∞, ±0 → −∞, negative → NaN, NaN → itself.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Special<T>(Vector256<T> x, Vector256<T> result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256.Create(T.PositiveInfinity)), x, result);
        result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256<T>.Zero), Vector256.Create(T.NegativeInfinity), result);
        result = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<T>.Zero), Vector256.Create(T.NaN), result);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

    /// <summary>ln x per lane (see the class summary).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Log<T>(Vector512<T> x) => typeof(T) == typeof(float)
        ? Log(x.AsSingle()).As<float, T>() : Log(x.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Log(Vector512<float> x)
    {
        var tiny = Vector512.LessThan(x, Vector512.Create(MinNormalF));
        var bits = Vector512.ConditionalSelect(tiny, x * Vector512.Create(SubnormalScaleF), x).AsUInt32();
        var m = ((bits & Vector512.Create(MantissaMaskF)) | Vector512.Create(OneBitsF)).AsSingle();
        var e = (Vector512.ShiftRightLogical(bits, 23) | Vector512.Create(ExponentShifterBitsF)).AsSingle() - Vector512.Create(ExponentOffsetF);
        e -= Vector512.Create(SubnormalExponentF) & tiny;
        var big = Vector512.GreaterThan(m, Vector512.Create(Sqrt2F));
        m = Vector512.ConditionalSelect(big, m * Vector512.Create(0.5f), m);
        e += Vector512<float>.One & big;
        var f = m - Vector512<float>.One;
        var s = f / (Vector512.Create(2f) + f);
        var z = s * s;
        var q = Vector512.FusedMultiplyAdd(Vector512.Create(F6), z, Vector512.Create(F5));
        q = Vector512.FusedMultiplyAdd(q, z, Vector512.Create(F4));
        q = Vector512.FusedMultiplyAdd(q, z, Vector512.Create(F3));
        q = Vector512.FusedMultiplyAdd(q, z, Vector512.Create(F2));
        q = Vector512.FusedMultiplyAdd(q, z, Vector512.Create(F1));
        var rz = z * q;
        var hfsq = Vector512.Create(0.5f) * f * f;
        var result = Vector512.FusedMultiplyAdd(e, Vector512.Create(Ln2HighF),
            -((hfsq - Vector512.FusedMultiplyAdd(s, hfsq + rz, e * Vector512.Create(Ln2LowF))) - f));
        return Special(x, result);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Log(Vector512<double> x)
    {
        var tiny = Vector512.LessThan(x, Vector512.Create(MinNormalD));
        var bits = Vector512.ConditionalSelect(tiny, x * Vector512.Create(SubnormalScaleD), x).AsUInt64();
        var m = ((bits & Vector512.Create(MantissaMaskD)) | Vector512.Create(OneBitsD)).AsDouble();
        var e = (Vector512.ShiftRightLogical(bits, 52) | Vector512.Create(ExponentShifterBitsD)).AsDouble() - Vector512.Create(ExponentOffsetD);
        e -= Vector512.Create(SubnormalExponentD) & tiny;
        var big = Vector512.GreaterThan(m, Vector512.Create(Sqrt2D));
        m = Vector512.ConditionalSelect(big, m * Vector512.Create(0.5), m);
        e += Vector512<double>.One & big;
        var f = m - Vector512<double>.One;
        var s = f / (Vector512.Create(2.0) + f);
        var z = s * s;
        var q = Vector512.FusedMultiplyAdd(Vector512.Create(D10), z, Vector512.Create(D9));
        q = Vector512.FusedMultiplyAdd(q, z, Vector512.Create(D8));
        q = Vector512.FusedMultiplyAdd(q, z, Vector512.Create(D7));
        q = Vector512.FusedMultiplyAdd(q, z, Vector512.Create(D6));
        q = Vector512.FusedMultiplyAdd(q, z, Vector512.Create(D5));
        q = Vector512.FusedMultiplyAdd(q, z, Vector512.Create(D4));
        q = Vector512.FusedMultiplyAdd(q, z, Vector512.Create(D3));
        q = Vector512.FusedMultiplyAdd(q, z, Vector512.Create(D2));
        q = Vector512.FusedMultiplyAdd(q, z, Vector512.Create(D1));
        var rz = z * q;
        var hfsq = Vector512.Create(0.5) * f * f;
        var result = Vector512.FusedMultiplyAdd(e, Vector512.Create(Ln2HighD),
            -((hfsq - Vector512.FusedMultiplyAdd(s, hfsq + rz, e * Vector512.Create(Ln2LowD))) - f));
        return Special(x, result);
    }

    // +∞ → +∞, ±0 → −∞, negative → NaN, NaN → itself.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Special<T>(Vector512<T> x, Vector512<T> result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512.Create(T.PositiveInfinity)), x, result);
        result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512<T>.Zero), Vector512.Create(T.NegativeInfinity), result);
        result = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<T>.Zero), Vector512.Create(T.NaN), result);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);
    }
}
