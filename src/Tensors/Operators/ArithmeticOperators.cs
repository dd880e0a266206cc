using System.Numerics;
using System.Runtime.Intrinsics;

namespace Kernels.Tensors.Operators;

#pragma warning disable CS1591 // each member implements the interface member documented there; the struct summary is the formula

/// <summary>x + y.</summary>
public readonly struct AddOperator<T> : IAggregationOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Identity => T.Zero;
    public static T Invoke(T x, T y) => x + y;
    public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> y) => x + y;
    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => x + y;
    public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> y) => x + y;
    public static T Horizontal(Vector128<T> x) => Vector128<T>.Count == 4
        ? (x.GetElement(0) + x.GetElement(1)) + (x.GetElement(2) + x.GetElement(3))
        : x.GetElement(0) + x.GetElement(1);
}

/// <summary>x − y.</summary>
public readonly struct SubtractOperator<T> : IBinaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x, T y) => x - y;
    public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> y) => x - y;
    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => x - y;
    public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> y) => x - y;
}

/// <summary>x · y.</summary>
public readonly struct MultiplyOperator<T> : IAggregationOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Identity => T.One;
    public static T Invoke(T x, T y) => x * y;
    public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> y) => x * y;
    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => x * y;
    public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> y) => x * y;
    public static T Horizontal(Vector128<T> x) => Vector128<T>.Count == 4
        ? (x.GetElement(0) * x.GetElement(1)) * (x.GetElement(2) * x.GetElement(3))
        : x.GetElement(0) * x.GetElement(1);
}

/// <summary>x / y (IEEE: x/0 = ±∞, 0/0 = NaN).</summary>
public readonly struct DivideOperator<T> : IBinaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x, T y) => x / y;
    public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> y) => x / y;
    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => x / y;
    public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> y) => x / y;
}

/// <summary>max(x, y), IEEE 754-2019 <c>maximum</c>: NaN if either is NaN, and +0 &gt; −0.</summary>
public readonly struct MaxOperator<T> : IAggregationOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Identity => T.NegativeInfinity;
    public static T Invoke(T x, T y) => T.Max(x, y);
    public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> y) => Vector128.Max(x, y);
    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => Vector256.Max(x, y);
    public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> y) => Vector512.Max(x, y);
    public static T Horizontal(Vector128<T> x) => Vector128<T>.Count == 4
        ? T.Max(T.Max(x.GetElement(0), x.GetElement(1)), T.Max(x.GetElement(2), x.GetElement(3)))
        : T.Max(x.GetElement(0), x.GetElement(1));
}

/// <summary>min(x, y), IEEE 754-2019 <c>minimum</c>: NaN if either is NaN, and −0 &lt; +0.</summary>
public readonly struct MinOperator<T> : IAggregationOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Identity => T.PositiveInfinity;
    public static T Invoke(T x, T y) => T.Min(x, y);
    public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> y) => Vector128.Min(x, y);
    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => Vector256.Min(x, y);
    public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> y) => Vector512.Min(x, y);
    public static T Horizontal(Vector128<T> x) => Vector128<T>.Count == 4
        ? T.Min(T.Min(x.GetElement(0), x.GetElement(1)), T.Min(x.GetElement(2), x.GetElement(3)))
        : T.Min(x.GetElement(0), x.GetElement(1));
}

/// <summary>x · y + z with a single rounding.</summary>
public readonly struct FusedMultiplyAddOperator<T> : ITernaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x, T y, T z) => T.FusedMultiplyAdd(x, y, z);
    public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> y, Vector128<T> z) => VectorMath.Fma(x, y, z);
    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y, Vector256<T> z) => VectorMath.Fma(x, y, z);
    public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> y, Vector512<T> z) => VectorMath.Fma(x, y, z);
}

/// <summary>min(max(x, lo), hi); NaN in any operand gives NaN.</summary>
public readonly struct ClampOperator<T> : ITernaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x, T lo, T hi) => T.Min(T.Max(x, lo), hi);
    public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> lo, Vector128<T> hi) => Vector128.Min(Vector128.Max(x, lo), hi);
    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> lo, Vector256<T> hi) => Vector256.Min(Vector256.Max(x, lo), hi);
    public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> lo, Vector512<T> hi) => Vector512.Min(Vector512.Max(x, lo), hi);
}
