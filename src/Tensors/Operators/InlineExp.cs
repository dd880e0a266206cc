using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Kernels.Tensors.Operators;

/// <summary>
/// eˣ = 2ᵏ·e^r with k = round(x·log₂e) and r = x − k·ln2 (Cody–Waite, two-part ln2), e^r by a Taylor polynomial
/// (degree 7 for float, 12 for double; truncation below 0.01 ulp on |r| ≤ ln2/2), and 2ᵏ applied as two exact
/// power-of-two factors so that subnormal results and overflow to +∞ come out right. Within 2 ulp of the exact value;
/// exp(−∞) = 0, exp(+∞) = +∞, NaN propagates.
/// </summary>
/// <remarks>
/// Small enough to inline, which the BCL's <c>Vector512.Exp</c> is not: in a fused loop (the selective scan's
/// exp(ΔA) per state element) the BCL call also spills every live register around it and costs several times the
/// polynomial. Only plain vector arithmetic is used (rounding by the 1.5·2ᵖ shifter, exponent bits by a logical
/// shift), so every width runs natively on AVX2 as on AVX-512 and NEON.
/// <para>It is also strictly lane-wise, which the BCL's was not in our loops: there a NaN in one lane changed the
/// last bit of another lane's result, so an element's value depended on how a loop grouped elements into vectors.
/// Here every step is an exactly rounded IEEE operation or an explicit fused multiply-add (fused in software where
/// the CPU lacks FMA, which is slow but exact), so every width and the scalar twin return the same bits.</para>
/// </remarks>
internal static class InlineExp
{
    // ln2 split so that k·Ln2High is exact for the k that occur (|k| < 2⁸ float, < 2¹¹ double).
    private const float Ln2HighF = 0.693145751953125f, Ln2LowF = 1.42860677e-6f, Log2EF = 1.44269504088896341f;
    private const double Ln2HighD = 0.6931471803691238, Ln2LowD = 1.9082149292705877e-10, Log2ED = 1.4426950408889634;
    // x + 1.5·2ᵖ rounds x to an integer in the low mantissa bits (p = 23 float, 52 double).
    private const float ShifterF = 12582912f;
    private const double ShifterD = 6755399441055744.0;

    /// <summary>eˣ for one value, the same steps as the vector forms (and so the same bits as every lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Exp<T>(T x) where T : unmanaged
    {
        if (typeof(T) == typeof(float)) { float r = Exp(Unsafe.As<T, float>(ref x)); return Unsafe.As<float, T>(ref r); }
        double d = Exp(Unsafe.As<T, double>(ref x));
        return Unsafe.As<double, T>(ref d);
    }

    private static float Exp(float x)
    {
        if (float.IsNaN(x)) return x;
        float c = Math.Clamp(x, -104f, 89f);
        float k = float.FusedMultiplyAdd(c, Log2EF, ShifterF) - ShifterF;
        float r = float.FusedMultiplyAdd(k, -Ln2HighF, c);
        r = float.FusedMultiplyAdd(k, -Ln2LowF, r);
        float p = 1f / 5040;
        p = float.FusedMultiplyAdd(p, r, 1f / 720);
        p = float.FusedMultiplyAdd(p, r, 1f / 120);
        p = float.FusedMultiplyAdd(p, r, 1f / 24);
        p = float.FusedMultiplyAdd(p, r, 1f / 6);
        p = float.FusedMultiplyAdd(p, r, 0.5f);
        p = float.FusedMultiplyAdd(p, r, 1f);
        p = float.FusedMultiplyAdd(p, r, 1f);
        float k1 = Math.Clamp(k, -126f, 127f);
        return p * Power(k1) * Power(k - k1);

        static float Power(float k) => BitConverter.Int32BitsToSingle(
            (BitConverter.SingleToInt32Bits(ShifterF + k) - BitConverter.SingleToInt32Bits(ShifterF) + 127) << 23);
    }

    private static double Exp(double x)
    {
        if (double.IsNaN(x)) return x;
        double c = Math.Clamp(x, -746.0, 710.0);
        double k = double.FusedMultiplyAdd(c, Log2ED, ShifterD) - ShifterD;
        double r = double.FusedMultiplyAdd(k, -Ln2HighD, c);
        r = double.FusedMultiplyAdd(k, -Ln2LowD, r);
        double p = 1.0 / 479001600;
        p = double.FusedMultiplyAdd(p, r, 1.0 / 39916800);
        p = double.FusedMultiplyAdd(p, r, 1.0 / 3628800);
        p = double.FusedMultiplyAdd(p, r, 1.0 / 362880);
        p = double.FusedMultiplyAdd(p, r, 1.0 / 40320);
        p = double.FusedMultiplyAdd(p, r, 1.0 / 5040);
        p = double.FusedMultiplyAdd(p, r, 1.0 / 720);
        p = double.FusedMultiplyAdd(p, r, 1.0 / 120);
        p = double.FusedMultiplyAdd(p, r, 1.0 / 24);
        p = double.FusedMultiplyAdd(p, r, 1.0 / 6);
        p = double.FusedMultiplyAdd(p, r, 0.5);
        p = double.FusedMultiplyAdd(p, r, 1.0);
        p = double.FusedMultiplyAdd(p, r, 1.0);
        double k1 = Math.Clamp(k, -1022.0, 1023.0);
        return p * Power(k1) * Power(k - k1);

        static double Power(double k) => BitConverter.Int64BitsToDouble(
            (BitConverter.DoubleToInt64Bits(ShifterD + k) - BitConverter.DoubleToInt64Bits(ShifterD) + 1023L) << 52);
    }

    /// <summary>eˣ per lane (see the class summary).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Exp<T>(Vector128<T> x) => typeof(T) == typeof(float)
        ? Exp(x.AsSingle()).As<float, T>() : Exp(x.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Exp(Vector128<float> x)
    {
        // Beyond [−104, 89] the result is 0 or +∞ anyway; the clamp keeps k small (a NaN is restored at the end).
        var c = Vector128.MinNative(Vector128.MaxNative(x, Vector128.Create(-104f)), Vector128.Create(89f));
        var k = Vector128.FusedMultiplyAdd(c, Vector128.Create(Log2EF), Vector128.Create(ShifterF)) - Vector128.Create(ShifterF);
        var r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2HighF), c);
        r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2LowF), r);
        var p = Vector128.Create(1f / 5040);
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1f / 720));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1f / 120));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1f / 24));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1f / 6));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(0.5f));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128<float>.One);
        p = Vector128.FusedMultiplyAdd(p, r, Vector128<float>.One);
        // 2ᵏ = 2^k₁·2^k₂ with k₁ = clamp(k, −126, 127) a normal exponent and k₂ = k − k₁ ∈ [−24, 2].
        var k1 = Vector128.MinNative(Vector128.MaxNative(k, Vector128.Create(-126f)), Vector128.Create(127f));
        var result = p * Power(k1) * Power(k - k1);
        return Vector128.ConditionalSelect(Vector128.Equals(x, x), result, x);

        static Vector128<float> Power(Vector128<float> k) =>
            Vector128.ShiftLeft((Vector128.Create(ShifterF) + k).AsInt32() - Vector128.Create(ShifterF).AsInt32() + Vector128.Create(127), 23).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Exp(Vector128<double> x)
    {
        var c = Vector128.MinNative(Vector128.MaxNative(x, Vector128.Create(-746.0)), Vector128.Create(710.0));
        var k = Vector128.FusedMultiplyAdd(c, Vector128.Create(Log2ED), Vector128.Create(ShifterD)) - Vector128.Create(ShifterD);
        var r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2HighD), c);
        r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2LowD), r);
        var p = Vector128.Create(1.0 / 479001600);
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 39916800));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 3628800));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 362880));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 40320));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 5040));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 720));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 120));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 24));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 6));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(0.5));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128<double>.One);
        p = Vector128.FusedMultiplyAdd(p, r, Vector128<double>.One);
        var k1 = Vector128.MinNative(Vector128.MaxNative(k, Vector128.Create(-1022.0)), Vector128.Create(1023.0));
        var result = p * Power(k1) * Power(k - k1);
        return Vector128.ConditionalSelect(Vector128.Equals(x, x), result, x);

        static Vector128<double> Power(Vector128<double> k) =>
            Vector128.ShiftLeft((Vector128.Create(ShifterD) + k).AsInt64() - Vector128.Create(ShifterD).AsInt64() + Vector128.Create(1023L), 52).AsDouble();
    }

    /// <summary>eˣ per lane (see the class summary).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Exp<T>(Vector256<T> x) => typeof(T) == typeof(float)
        ? Exp(x.AsSingle()).As<float, T>() : Exp(x.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Exp(Vector256<float> x)
    {
        // Beyond [−104, 89] the result is 0 or +∞ anyway; the clamp keeps k small (a NaN is restored at the end).
        var c = Vector256.MinNative(Vector256.MaxNative(x, Vector256.Create(-104f)), Vector256.Create(89f));
        var k = Vector256.FusedMultiplyAdd(c, Vector256.Create(Log2EF), Vector256.Create(ShifterF)) - Vector256.Create(ShifterF);
        var r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-Ln2HighF), c);
        r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-Ln2LowF), r);
        var p = Vector256.Create(1f / 5040);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1f / 720));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1f / 120));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1f / 24));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1f / 6));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(0.5f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<float>.One);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<float>.One);
        // 2ᵏ = 2^k₁·2^k₂ with k₁ = clamp(k, −126, 127) a normal exponent and k₂ = k − k₁ ∈ [−24, 2].
        var k1 = Vector256.MinNative(Vector256.MaxNative(k, Vector256.Create(-126f)), Vector256.Create(127f));
        var result = p * Power(k1) * Power(k - k1);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);

        static Vector256<float> Power(Vector256<float> k) =>
            Vector256.ShiftLeft((Vector256.Create(ShifterF) + k).AsInt32() - Vector256.Create(ShifterF).AsInt32() + Vector256.Create(127), 23).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Exp(Vector256<double> x)
    {
        var c = Vector256.MinNative(Vector256.MaxNative(x, Vector256.Create(-746.0)), Vector256.Create(710.0));
        var k = Vector256.FusedMultiplyAdd(c, Vector256.Create(Log2ED), Vector256.Create(ShifterD)) - Vector256.Create(ShifterD);
        var r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-Ln2HighD), c);
        r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-Ln2LowD), r);
        var p = Vector256.Create(1.0 / 479001600);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 39916800));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 3628800));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 362880));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 40320));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 5040));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 720));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 120));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 24));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 6));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(0.5));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        var k1 = Vector256.MinNative(Vector256.MaxNative(k, Vector256.Create(-1022.0)), Vector256.Create(1023.0));
        var result = p * Power(k1) * Power(k - k1);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);

        static Vector256<double> Power(Vector256<double> k) =>
            Vector256.ShiftLeft((Vector256.Create(ShifterD) + k).AsInt64() - Vector256.Create(ShifterD).AsInt64() + Vector256.Create(1023L), 52).AsDouble();
    }

    /// <summary>eˣ per lane (see the class summary).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Exp<T>(Vector512<T> x) => typeof(T) == typeof(float)
        ? Exp(x.AsSingle()).As<float, T>() : Exp(x.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Exp(Vector512<float> x)
    {
        // Beyond [−104, 89] the result is 0 or +∞ anyway; the clamp keeps k small (a NaN is restored at the end).
        var c = Vector512.MinNative(Vector512.MaxNative(x, Vector512.Create(-104f)), Vector512.Create(89f));
        var k = Vector512.FusedMultiplyAdd(c, Vector512.Create(Log2EF), Vector512.Create(ShifterF)) - Vector512.Create(ShifterF);
        var r = Vector512.FusedMultiplyAdd(k, Vector512.Create(-Ln2HighF), c);
        r = Vector512.FusedMultiplyAdd(k, Vector512.Create(-Ln2LowF), r);
        var p = Vector512.Create(1f / 5040);
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1f / 720));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1f / 120));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1f / 24));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1f / 6));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(0.5f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512<float>.One);
        p = Vector512.FusedMultiplyAdd(p, r, Vector512<float>.One);
        // 2ᵏ = 2^k₁·2^k₂ with k₁ = clamp(k, −126, 127) a normal exponent and k₂ = k − k₁ ∈ [−24, 2].
        var k1 = Vector512.MinNative(Vector512.MaxNative(k, Vector512.Create(-126f)), Vector512.Create(127f));
        var result = p * Power(k1) * Power(k - k1);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);

        static Vector512<float> Power(Vector512<float> k) =>
            Vector512.ShiftLeft((Vector512.Create(ShifterF) + k).AsInt32() - Vector512.Create(ShifterF).AsInt32() + Vector512.Create(127), 23).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Exp(Vector512<double> x)
    {
        var c = Vector512.MinNative(Vector512.MaxNative(x, Vector512.Create(-746.0)), Vector512.Create(710.0));
        var k = Vector512.FusedMultiplyAdd(c, Vector512.Create(Log2ED), Vector512.Create(ShifterD)) - Vector512.Create(ShifterD);
        var r = Vector512.FusedMultiplyAdd(k, Vector512.Create(-Ln2HighD), c);
        r = Vector512.FusedMultiplyAdd(k, Vector512.Create(-Ln2LowD), r);
        var p = Vector512.Create(1.0 / 479001600);
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 39916800));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 3628800));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 362880));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 40320));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 5040));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 720));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 120));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 24));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 6));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(0.5));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512<double>.One);
        p = Vector512.FusedMultiplyAdd(p, r, Vector512<double>.One);
        var k1 = Vector512.MinNative(Vector512.MaxNative(k, Vector512.Create(-1022.0)), Vector512.Create(1023.0));
        var result = p * Power(k1) * Power(k - k1);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);

        static Vector512<double> Power(Vector512<double> k) =>
            Vector512.ShiftLeft((Vector512.Create(ShifterD) + k).AsInt64() - Vector512.Create(ShifterD).AsInt64() + Vector512.Create(1023L), 52).AsDouble();
    }
}
