using ILGPU;
using ILGPU.Algorithms;

namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>
/// Scalar arithmetic for one element type inside ILGPU kernels (generic kernels call these through a struct type
/// parameter, which ILGPU specialises at compile time — no virtual calls on the device).
/// </summary>
internal interface IDeviceArithmetic<T> where T : unmanaged
{
    T Zero { get; }
    T One { get; }
    T PositiveInfinity { get; }
    T NegativeInfinity { get; }
    T FromInt(int value);
    T Add(T a, T b);
    T Subtract(T a, T b);
    T Multiply(T a, T b);
    T Divide(T a, T b);
    /// <summary>a·b + c.</summary>
    T MultiplyAdd(T a, T b, T c);
    bool IsNaN(T a);
    bool Less(T a, T b);
    bool IsNegative(T a);
    T Abs(T a);
    T Sqrt(T a);
    T Exp(T a);
    T Log(T a);
    T Tanh(T a);
    T Pow(T a, T b);
    /// <summary>The key's IEEE 754 totalOrder rank as an unsigned integer (sign-magnitude to offset binary).</summary>
    ulong ToOrdered(T a);
    T FromOrdered(ulong key);
}

/// <summary>IEEE 754-2019 minimum/maximum over any <see cref="IDeviceArithmetic{T}"/>: NaN propagates, −0 &lt; +0.</summary>
internal static class DeviceMinMax
{
    public static T Minimum<T, TOps>(TOps ops, T a, T b) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        if (ops.IsNaN(a)) return a;
        if (ops.IsNaN(b)) return b;
        if (ops.Less(a, b)) return a;
        if (ops.Less(b, a)) return b;
        return ops.IsNegative(a) ? a : b;
    }

    public static T Maximum<T, TOps>(TOps ops, T a, T b) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        if (ops.IsNaN(a)) return a;
        if (ops.IsNaN(b)) return b;
        if (ops.Less(a, b)) return b;
        if (ops.Less(b, a)) return a;
        return ops.IsNegative(a) ? b : a;
    }
}

internal readonly struct SingleArithmetic : IDeviceArithmetic<float>
{
    public float Zero => 0f;
    public float One => 1f;
    public float PositiveInfinity => float.PositiveInfinity;
    public float NegativeInfinity => float.NegativeInfinity;
    public float FromInt(int value) => value;
    public float Add(float a, float b) => a + b;
    public float Subtract(float a, float b) => a - b;
    public float Multiply(float a, float b) => a * b;
    public float Divide(float a, float b) => a / b;
    public float MultiplyAdd(float a, float b, float c) => a * b + c;
    public bool IsNaN(float a) => float.IsNaN(a);
    public bool Less(float a, float b) => a < b;
    public bool IsNegative(float a) => (Interop.FloatAsInt(a) & 0x8000_0000u) != 0;
    public float Abs(float a) => XMath.Abs(a);
    public float Sqrt(float a) => XMath.Sqrt(a);
    // e^a = 2ᵏ·e^r, k = round(a·log₂e), r = a − k·ln2 with ln2 in two parts (k·ln2_high is exact for |k| < 2⁸), e^r
    // by its Taylor polynomial to r⁷/7! (|r| ≤ ln2/2: truncation 0.09 ulp), 2ᵏ as two exact power-of-two factors.
    // XMath.Exp compiled for CUDA is ex2.approx(a·log₂e): the rounding of that product alone costs |a| ulp (≈ 88 ulp
    // near overflow), found in the kernels' PTX.
    public float Exp(float a)
    {
        if (float.IsNaN(a)) return a;
        float c = a < -104f ? -104f : a > 89f ? 89f : a;
        const float shifter = 12582912f;   // x + 1.5·2²³ rounds x to an integer in the low mantissa bits
        float k = (c * 1.44269504f + shifter) - shifter;
        float r = c - k * 0.693145751953125f;
        r -= k * 1.42860677e-6f;
        float p = 1f / 5040;
        p = p * r + 1f / 720; p = p * r + 1f / 120; p = p * r + 1f / 24; p = p * r + 1f / 6; p = p * r + 0.5f;
        p = p * r + 1f; p = p * r + 1f;
        float k1 = k < -126f ? -126f : k > 127f ? 127f : k;
        return p * PowerOfTwo(k1) * PowerOfTwo(k - k1);
    }

    /// <summary>2ᵏ for an integral k in [−126, 127], built from its exponent bits.</summary>
    private static float PowerOfTwo(float k) => Interop.IntAsFloat((uint)((int)k + 127) << 23);
    // ln a = e·ln2 + log(1 + f), 1 + f ∈ [√½, √2), log(1 + f) by the atanh series in s = f/(2 + f) — the CPU's
    // InlineLog steps. XMath.Log compiled for CUDA was 18 ε off near 1 in float and 107 ε in double (H100).
    public float Log(float a)
    {
        if (!(a > 0f)) return a == 0f ? float.NegativeInfinity : float.NaN;
        if (a == float.PositiveInfinity) return a;
        float e = 0f;
        if (a < 1.17549435e-38f) { a *= 33554432f; e = -25f; }   // subnormal: scale by 2²⁵ into the normal range
        uint bits = Interop.FloatAsInt(a);
        float m = Interop.IntAsFloat((bits & 0x007F_FFFFu) | 0x3F80_0000u);
        e += (int)(bits >> 23) - 127;
        if (m > 1.41421356f) { m *= 0.5f; e += 1f; }
        float f = m - 1f, s = f / (2f + f), z = s * s;
        float q = ((((2f / 13 * z + 2f / 11) * z + 2f / 9) * z + 2f / 7) * z + 2f / 5) * z + 2f / 3;
        float hfsq = 0.5f * f * f;
        return e * 0.693145751953125f - ((hfsq - (s * (hfsq + z * q) + e * 1.42860677e-6f)) - f);
    }
    // tanh x = sign(x)·(−m)/(2 + m) with m = expm1(−2|x|), as on the CPU: XMath.Tanh compiled for CUDA was 8 ε off
    // at x = −1.94 (H100). expm1 by its Taylor series to z⁹/9! for |z| < ½ (truncation < ε/4), else exp − 1.
    public float Tanh(float a)
    {
        float z = -2f * XMath.Abs(a);
        float m;
        if (z > -0.5f)
        {
            float p = 1f / 362880;
            p = p * z + 1f / 40320;
            p = p * z + 1f / 5040;
            p = p * z + 1f / 720;
            p = p * z + 1f / 120;
            p = p * z + 1f / 24;
            p = p * z + 1f / 6;
            p = p * z + 0.5f;
            m = z + z * z * p;
        }
        else m = Exp(z) - 1f;
        float t = XMath.Abs(m / (2f + m));   // the sign comes from a alone, so tanh(±0) = ±0
        return IsNegative(a) ? -t : t;
    }
    // Through the double a^b below (≤ 3 double ulp, so rounded to float it is all but always correctly rounded):
    // XMath.Pow compiled for CUDA is ex2.approx(b·lg2.approx(a)), |b·log₂a|·2⁻²² relative error.
    public float Pow(float a, float b) => (float)default(DoubleArithmetic).Pow(a, b);

    public ulong ToOrdered(float a)
    {
        uint bits = Interop.FloatAsInt(a);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }

    public float FromOrdered(ulong key)
    {
        uint bits = (uint)key;
        return Interop.IntAsFloat((bits & 0x8000_0000u) != 0 ? bits & 0x7FFF_FFFFu : ~bits);
    }
}

internal readonly struct DoubleArithmetic : IDeviceArithmetic<double>
{
    public double Zero => 0d;
    public double One => 1d;
    public double PositiveInfinity => double.PositiveInfinity;
    public double NegativeInfinity => double.NegativeInfinity;
    public double FromInt(int value) => value;
    public double Add(double a, double b) => a + b;
    public double Subtract(double a, double b) => a - b;
    public double Multiply(double a, double b) => a * b;
    public double Divide(double a, double b) => a / b;
    public double MultiplyAdd(double a, double b, double c) => a * b + c;
    public bool IsNaN(double a) => double.IsNaN(a);
    public bool Less(double a, double b) => a < b;
    public bool IsNegative(double a) => (Interop.FloatAsInt(a) & 0x8000_0000_0000_0000ul) != 0;
    public double Abs(double a) => XMath.Abs(a);
    public double Sqrt(double a) => XMath.Sqrt(a);
    // The CPU's InlineExp steps (Cody–Waite with a two-part ln2, degree-12 Taylor polynomial, 2ᵏ as two exact
    // power-of-two factors): a straight line of multiply-adds, where ILGPU's XMath.Exp in double is a library call
    // (the double selective scan on an H100 ran at 0.13 G state updates/s against 34.9 in float).
    public double Exp(double a)
    {
        if (double.IsNaN(a)) return a;
        double c = a < -746d ? -746d : a > 710d ? 710d : a;
        const double shifter = 6755399441055744.0;   // x + 1.5·2⁵² rounds x to an integer in the low mantissa bits
        double k = (c * 1.4426950408889634 + shifter) - shifter;
        double r = c - k * 0.6931471803691238;          // k·ln2_high is exact for |k| < 2¹¹
        r -= k * 1.9082149292705877e-10;
        double p = 1d / 479001600;
        p = p * r + 1d / 39916800; p = p * r + 1d / 3628800; p = p * r + 1d / 362880; p = p * r + 1d / 40320;
        p = p * r + 1d / 5040; p = p * r + 1d / 720; p = p * r + 1d / 120; p = p * r + 1d / 24; p = p * r + 1d / 6;
        p = p * r + 0.5; p = p * r + 1d; p = p * r + 1d;
        double k1 = k < -1022d ? -1022d : k > 1023d ? 1023d : k;
        return p * PowerOfTwo(k1) * PowerOfTwo(k - k1);
    }

    /// <summary>2ᵏ for an integral k in [−1022, 1023], built from its exponent bits.</summary>
    private static double PowerOfTwo(double k) => Interop.IntAsFloat((ulong)((long)k + 1023L) << 52);
    // As FloatArithmetic.Log, in double (XMath.Log was 107 ε off near 1 on CUDA, and slow).
    public double Log(double a)
    {
        if (!(a > 0d)) return a == 0d ? double.NegativeInfinity : double.NaN;
        if (a == double.PositiveInfinity) return a;
        double m = Mantissa(a, out double e);
        double f = m - 1d, s = f / (2d + f), z = s * s;
        double q = 2d / 21;
        q = q * z + 2d / 19; q = q * z + 2d / 17; q = q * z + 2d / 15; q = q * z + 2d / 13;
        q = q * z + 2d / 11; q = q * z + 2d / 9; q = q * z + 2d / 7; q = q * z + 2d / 5; q = q * z + 2d / 3;
        double hfsq = 0.5 * f * f;
        return e * 0.6931471803691238 - ((hfsq - (s * (hfsq + z * q) + e * 1.9082149292705877e-10)) - f);
    }

    // As FloatArithmetic.Tanh with the series to z¹⁷/17! (XMath.Tanh gave tanh(0) = 1.1e−16 and 28 ε near 0 on CUDA).
    public double Tanh(double a)
    {
        double z = -2d * XMath.Abs(a);
        double m;
        if (z > -0.5)
        {
            double p = 1d / 355687428096000;
            p = p * z + 1d / 20922789888000; p = p * z + 1d / 1307674368000; p = p * z + 1d / 87178291200;
            p = p * z + 1d / 6227020800; p = p * z + 1d / 479001600; p = p * z + 1d / 39916800;
            p = p * z + 1d / 3628800; p = p * z + 1d / 362880; p = p * z + 1d / 40320; p = p * z + 1d / 5040;
            p = p * z + 1d / 720; p = p * z + 1d / 120; p = p * z + 1d / 24; p = p * z + 1d / 6; p = p * z + 0.5;
            m = z + z * z * p;
        }
        else m = Exp(z) - 1d;
        double t = XMath.Abs(m / (2d + m));
        return IsNegative(a) ? -t : t;
    }
    // a^b for a ≥ 0 (|x − y|ᵖ in the sliced-Wasserstein distances) as e^(b·ln a) with ln a and the product carried
    // in two doubles, so that the rounding of b·ln a (|b·ln a| ulp in plain double) does not reach the result:
    // e^(y_hi + y_lo) = e^y_hi·(1 + y_lo), ≤ 3 ulp in all. XMath.Pow in double is a CORDIC library routine on CUDA
    // (local memory; XMath.Log, its relative, was 107 ε off there). a < 0 gives NaN.
    public double Pow(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) return a + b;
        if (b == 0d) return 1d;
        if (a < 0d) return double.NaN;
        if (a == 0d) return b > 0d ? 0d : double.PositiveInfinity;
        if (a == double.PositiveInfinity) return b > 0d ? a : 0d;
        LogTwoParts(a, out double lHigh, out double lLow);
        TwoProduct(b, lHigh, out double yHigh, out double yLow);
        yLow += b * lLow;
        double y = yHigh + yLow;               // renormalise: y + y_tail = y_hi + y_lo exactly (|y_lo| ≪ |y_hi|)
        double yTail = yLow - (y - yHigh);
        if (y > 710d) return double.PositiveInfinity;
        if (y < -746d) return 0d;
        double e = Exp(y);
        return e + e * yTail;
    }

    // a = 2ᵉ·m with m ∈ [√½, √2), for a > 0 finite (subnormals included).
    private static double Mantissa(double a, out double e)
    {
        e = 0d;
        if (a < 2.2250738585072014e-308) { a *= 18014398509481984.0; e = -54d; }   // subnormal: scale by 2⁵⁴
        ulong bits = Interop.FloatAsInt(a);
        double m = Interop.IntAsFloat((bits & 0x000F_FFFF_FFFF_FFFFul) | 0x3FF0_0000_0000_0000ul);
        e += (int)(bits >> 52) - 1023;
        if (m > 1.4142135623730951) { m *= 0.5; e += 1d; }
        return m;
    }

    // ln a = hi + lo to about 2⁻⁶⁰ relative, a > 0 finite: a = 2ᵉ·m, m ∈ [√½, √2), f = m − 1 (exact), ln m =
    // 2·atanh s with s = f/(2 + f) carried as s_hi + s_lo, = 2s + 2s³/3 + … (z = s² ≤ 0.0295; terms to z¹³).
    private static void LogTwoParts(double a, out double high, out double low)
    {
        double m = Mantissa(a, out double e);
        double f = m - 1d, d = 2d + f;
        double s = f / d;
        // s_lo = (f − s·(2 + f)) / (2 + f) = (f − 2s − s·f) / d: f − 2s and the next difference are exact by
        // Sterbenz (2s/f ∈ [0.83, 1.17]), s·f is exact in two parts.
        TwoProduct(s, f, out double sfHigh, out double sfLow);
        double sLow = (((f - 2d * s) - sfHigh) - sfLow) / d;
        double z = s * s;
        double q = 2d / 27;
        q = q * z + 2d / 25; q = q * z + 2d / 23; q = q * z + 2d / 21; q = q * z + 2d / 19; q = q * z + 2d / 17;
        q = q * z + 2d / 15; q = q * z + 2d / 13; q = q * z + 2d / 11; q = q * z + 2d / 9; q = q * z + 2d / 7;
        q = q * z + 2d / 5; q = q * z + 2d / 3;
        double tail = 2d * sLow + s * z * q;    // ln m = 2s + tail, |tail| < 0.01·|2s|
        // + e·ln2 (ln2_high has 32 trailing zero bits, so e·ln2_high is exact), summed without losing 2s's bits.
        double eHigh = e * 0.6931471803691238, twoS = 2d * s;
        double sum = eHigh + twoS;
        double v = sum - eHigh;
        double sumLow = (eHigh - (sum - v)) + (twoS - v);
        high = sum;
        low = sumLow + tail + e * 1.9082149292705877e-10;
    }

    // a·b = high + low exactly, by splitting each factor into 26 high bits (a mask on the bits) and the rest: every
    // partial product is then exact, so the result is exact even where a compiler fuses a multiply and an add
    // (ILGPU has no fma for PTX, and ptxas may contract mul/add pairs).
    private static void TwoProduct(double a, double b, out double high, out double low)
    {
        high = a * b;
        double aHigh = Interop.IntAsFloat(Interop.FloatAsInt(a) & 0xFFFF_FFFF_F800_0000ul), aLow = a - aHigh;
        double bHigh = Interop.IntAsFloat(Interop.FloatAsInt(b) & 0xFFFF_FFFF_F800_0000ul), bLow = b - bHigh;
        low = ((aHigh * bHigh - high) + aHigh * bLow + aLow * bHigh) + aLow * bLow;
    }

    public ulong ToOrdered(double a)
    {
        ulong bits = Interop.FloatAsInt(a);
        return (bits & 0x8000_0000_0000_0000ul) != 0 ? ~bits : bits | 0x8000_0000_0000_0000ul;
    }

    public double FromOrdered(ulong key) =>
        Interop.IntAsFloat((key & 0x8000_0000_0000_0000ul) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFul : ~key);
}
