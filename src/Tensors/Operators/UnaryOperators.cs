using System.Numerics;
using System.Runtime.Intrinsics;

namespace Kernels.Tensors.Operators;

#pragma warning disable CS1591 // each member implements the interface member documented there; the struct summary is the formula

/// <summary>x (used to compose reductions).</summary>
public readonly struct IdentityOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => true;
    public static T Invoke(T x) => x;
    public static Vector128<T> Invoke(Vector128<T> x) => x;
    public static Vector256<T> Invoke(Vector256<T> x) => x;
    public static Vector512<T> Invoke(Vector512<T> x) => x;
}

/// <summary>−x.</summary>
public readonly struct NegateOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => true;
    public static T Invoke(T x) => -x;
    public static Vector128<T> Invoke(Vector128<T> x) => -x;
    public static Vector256<T> Invoke(Vector256<T> x) => -x;
    public static Vector512<T> Invoke(Vector512<T> x) => -x;
}

/// <summary>|x|.</summary>
public readonly struct AbsOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => true;
    public static T Invoke(T x) => T.Abs(x);
    public static Vector128<T> Invoke(Vector128<T> x) => Vector128.Abs(x);
    public static Vector256<T> Invoke(Vector256<T> x) => Vector256.Abs(x);
    public static Vector512<T> Invoke(Vector512<T> x) => Vector512.Abs(x);
}

/// <summary>x².</summary>
public readonly struct SquareOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => true;
    public static T Invoke(T x) => x * x;
    public static Vector128<T> Invoke(Vector128<T> x) => x * x;
    public static Vector256<T> Invoke(Vector256<T> x) => x * x;
    public static Vector512<T> Invoke(Vector512<T> x) => x * x;
}

/// <summary>√x (correctly rounded; NaN for x &lt; 0).</summary>
public readonly struct SqrtOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => true;
    public static T Invoke(T x) => T.Sqrt(x);
    public static Vector128<T> Invoke(Vector128<T> x) => Vector128.Sqrt(x);
    public static Vector256<T> Invoke(Vector256<T> x) => Vector256.Sqrt(x);
    public static Vector512<T> Invoke(Vector512<T> x) => Vector512.Sqrt(x);
}

/// <summary>eˣ (Cody–Waite reduction and a Taylor polynomial: within 2 ulp, the same bits at every width and in the scalar path).</summary>
public readonly struct ExpOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => true;
    public static T Invoke(T x) => VectorMath.Exp(x);
    public static Vector128<T> Invoke(Vector128<T> x) => VectorMath.Exp(x);
    public static Vector256<T> Invoke(Vector256<T> x) => VectorMath.Exp(x);
    public static Vector512<T> Invoke(Vector512<T> x) => VectorMath.Exp(x);
}

/// <summary>ln x (−∞ at 0, NaN below; fdlibm-style reduction: within 2 ulp, the same bits at every width and in the scalar path).</summary>
public readonly struct LogOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => true;
    public static T Invoke(T x) => VectorMath.Log(x);
    public static Vector128<T> Invoke(Vector128<T> x) => VectorMath.Log(x);
    public static Vector256<T> Invoke(Vector256<T> x) => VectorMath.Log(x);
    public static Vector512<T> Invoke(Vector512<T> x) => VectorMath.Log(x);
}

/// <summary>
/// tanh x = sign(x)·(−m)/(2 + m) with m = expm1(−2|x|): no cancellation near 0 (relative accuracy kept for tiny
/// x) and no overflow for large |x|.
/// </summary>
public readonly struct TanhOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Two = T.One + T.One;
    public static bool Vectorizable => true;
    public static T Invoke(T x)
    {
        T m = VectorMath.Expm1NonPositive(-Two * T.Abs(x));
        return T.CopySign(-m / (Two + m), x);
    }
    public static Vector128<T> Invoke(Vector128<T> x)
    {
        var m = VectorMath.Expm1NonPositive(Vector128.Create(-Two) * Vector128.Abs(x));
        return Vector128.CopySign(-m / (Vector128.Create(Two) + m), x);
    }
    public static Vector256<T> Invoke(Vector256<T> x)
    {
        var m = VectorMath.Expm1NonPositive(Vector256.Create(-Two) * Vector256.Abs(x));
        return Vector256.CopySign(-m / (Vector256.Create(Two) + m), x);
    }
    public static Vector512<T> Invoke(Vector512<T> x)
    {
        var m = VectorMath.Expm1NonPositive(Vector512.Create(-Two) * Vector512.Abs(x));
        return Vector512.CopySign(-m / (Vector512.Create(Two) + m), x);
    }
}

/// <summary>σ(x) = 1/(1 + e⁻ˣ), evaluated as e/(1 + e) with e = e^{−|x|} for x &lt; 0 so tiny results keep relative accuracy.</summary>
public readonly struct SigmoidOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => true;
    public static T Invoke(T x)
    {
        T e = VectorMath.Exp(-T.Abs(x));
        T s = T.One / (T.One + e);
        return x >= T.Zero ? s : e * s;
    }
    public static Vector128<T> Invoke(Vector128<T> x)
    {
        var e = VectorMath.Exp(-Vector128.Abs(x));
        var s = Vector128<T>.One / (Vector128<T>.One + e);
        return Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128<T>.Zero), e * s, s);
    }
    public static Vector256<T> Invoke(Vector256<T> x)
    {
        var e = VectorMath.Exp(-Vector256.Abs(x));
        var s = Vector256<T>.One / (Vector256<T>.One + e);
        return Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<T>.Zero), e * s, s);
    }
    public static Vector512<T> Invoke(Vector512<T> x)
    {
        var e = VectorMath.Exp(-Vector512.Abs(x));
        var s = Vector512<T>.One / (Vector512<T>.One + e);
        return Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<T>.Zero), e * s, s);
    }
}

/// <summary>softplus(x) = ln(1 + eˣ) = max(x, 0) + log1p(e^{−|x|}), exact in both tails.</summary>
public readonly struct SoftplusOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => true;
    public static T Invoke(T x) => T.IsNaN(x) ? x : T.Max(x, T.Zero) + VectorMath.Log1pUnit(VectorMath.Exp(-T.Abs(x)));
    public static Vector128<T> Invoke(Vector128<T> x) =>
        Vector128.Max(x, Vector128<T>.Zero) + VectorMath.Log1pUnit(VectorMath.Exp(-Vector128.Abs(x)));
    public static Vector256<T> Invoke(Vector256<T> x) =>
        Vector256.Max(x, Vector256<T>.Zero) + VectorMath.Log1pUnit(VectorMath.Exp(-Vector256.Abs(x)));
    public static Vector512<T> Invoke(Vector512<T> x) =>
        Vector512.Max(x, Vector512<T>.Zero) + VectorMath.Log1pUnit(VectorMath.Exp(-Vector512.Abs(x)));
}

/// <summary>SiLU (swish): x·σ(x).</summary>
public readonly struct SiluOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => true;
    public static T Invoke(T x) => x * SigmoidOperator<T>.Invoke(x);
    public static Vector128<T> Invoke(Vector128<T> x) => x * SigmoidOperator<T>.Invoke(x);
    public static Vector256<T> Invoke(Vector256<T> x) => x * SigmoidOperator<T>.Invoke(x);
    public static Vector512<T> Invoke(Vector512<T> x) => x * SigmoidOperator<T>.Invoke(x);
}

/// <summary>
/// GELU, tanh approximation: ½x(1 + tanh(√(2/π)(x + 0.044715x³))) evaluated as x·σ(2√(2/π)(x + 0.044715x³)),
/// the same function without the cancellation in the negative tail.
/// </summary>
public readonly struct GeluTanhOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T C = T.CreateChecked(2 * 0.7978845608028654); // 2·√(2/π)
    private static readonly T K = T.CreateChecked(0.044715);
    public static bool Vectorizable => true;
    public static T Invoke(T x) => x * SigmoidOperator<T>.Invoke(C * (x + K * x * x * x));
    public static Vector128<T> Invoke(Vector128<T> x) => x * SigmoidOperator<T>.Invoke(Vector128.Create(C) * (x + Vector128.Create(K) * x * x * x));
    public static Vector256<T> Invoke(Vector256<T> x) => x * SigmoidOperator<T>.Invoke(Vector256.Create(C) * (x + Vector256.Create(K) * x * x * x));
    public static Vector512<T> Invoke(Vector512<T> x) => x * SigmoidOperator<T>.Invoke(Vector512.Create(C) * (x + Vector512.Create(K) * x * x * x));
}

/// <summary>
/// GELU, exact: x·Φ(x) = ½x·erfc(−x/√2), computed in double through <see cref="ErrorFunction.Erfc"/>. Scalar only
/// (the BCL has no vector erf); use <see cref="GeluTanhOperator{T}"/> where throughput matters.
/// </summary>
public readonly struct GeluOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => false;
    public static T Invoke(T x)
    {
        double d = double.CreateTruncating(x);
        return T.CreateTruncating(0.5 * d * ErrorFunction.Erfc(-d * 0.7071067811865476));
    }
    public static Vector128<T> Invoke(Vector128<T> x) => throw new NotSupportedException();
    public static Vector256<T> Invoke(Vector256<T> x) => throw new NotSupportedException();
    public static Vector512<T> Invoke(Vector512<T> x) => throw new NotSupportedException();
}
