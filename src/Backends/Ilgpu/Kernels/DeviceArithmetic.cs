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
    public float Exp(float a) => XMath.Exp(a);
    public float Log(float a) => XMath.Log(a);
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
        else m = XMath.Exp(z) - 1f;
        float t = -m / (2f + m);
        return IsNegative(a) ? -t : t;
    }
    public float Pow(float a, float b) => XMath.Pow(a, b);

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
    public double Exp(double a) => XMath.Exp(a);
    public double Log(double a) => XMath.Log(a);
    public double Tanh(double a) => XMath.Tanh(a);
    public double Pow(double a, double b) => XMath.Pow(a, b);

    public ulong ToOrdered(double a)
    {
        ulong bits = Interop.FloatAsInt(a);
        return (bits & 0x8000_0000_0000_0000ul) != 0 ? ~bits : bits | 0x8000_0000_0000_0000ul;
    }

    public double FromOrdered(ulong key) =>
        Interop.IntAsFloat((key & 0x8000_0000_0000_0000ul) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFul : ~key);
}
