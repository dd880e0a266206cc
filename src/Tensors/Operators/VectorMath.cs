using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Kernels.Tensors.Operators;

/// <summary>
/// Generic front ends over the BCL's float/double-only vector functions (Exp, Log, FusedMultiplyAdd), plus
/// accuracy-preserving compositions (expm1, log1p by Kahan's trick) that the BCL does not vectorise.
/// The <c>typeof(T)</c> tests are JIT-time constants, so each instantiation keeps one branch.
/// </summary>
internal static class VectorMath
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Exp<T>(Vector128<T> x) => typeof(T) == typeof(float)
        ? Vector128.Exp(x.AsSingle()).As<float, T>() : Vector128.Exp(x.AsDouble()).As<double, T>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Exp<T>(Vector256<T> x) => typeof(T) == typeof(float)
        ? Vector256.Exp(x.AsSingle()).As<float, T>() : Vector256.Exp(x.AsDouble()).As<double, T>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Exp<T>(Vector512<T> x) => typeof(T) == typeof(float)
        ? Vector512.Exp(x.AsSingle()).As<float, T>() : Vector512.Exp(x.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Log<T>(Vector128<T> x) => typeof(T) == typeof(float)
        ? Vector128.Log(x.AsSingle()).As<float, T>() : Vector128.Log(x.AsDouble()).As<double, T>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Log<T>(Vector256<T> x) => typeof(T) == typeof(float)
        ? Vector256.Log(x.AsSingle()).As<float, T>() : Vector256.Log(x.AsDouble()).As<double, T>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Log<T>(Vector512<T> x) => typeof(T) == typeof(float)
        ? Vector512.Log(x.AsSingle()).As<float, T>() : Vector512.Log(x.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Fma<T>(Vector128<T> a, Vector128<T> b, Vector128<T> c) => typeof(T) == typeof(float)
        ? Vector128.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>()
        : Vector128.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Fma<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c) => typeof(T) == typeof(float)
        ? Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>()
        : Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Fma<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c) => typeof(T) == typeof(float)
        ? Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>()
        : Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();

    // expm1(x) = (u − 1)·x / log(u) with u = exp(x) (Kahan): exact cancellation of the rounding error in u.
    // Valid for x ≤ 0 (callers only use it there): u ∈ [0, 1].
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Expm1NonPositive<T>(Vector128<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var u = Exp(x);
        var um1 = u - Vector128<T>.One;
        var r = um1 * x / Log(u);
        r = Vector128.ConditionalSelect(Vector128.Equals(u, Vector128<T>.One), x, r);
        return Vector128.ConditionalSelect(Vector128.Equals(um1, -Vector128<T>.One), um1, r);
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Expm1NonPositive<T>(Vector256<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var u = Exp(x);
        var um1 = u - Vector256<T>.One;
        var r = um1 * x / Log(u);
        r = Vector256.ConditionalSelect(Vector256.Equals(u, Vector256<T>.One), x, r);
        return Vector256.ConditionalSelect(Vector256.Equals(um1, -Vector256<T>.One), um1, r);
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Expm1NonPositive<T>(Vector512<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var u = Exp(x);
        var um1 = u - Vector512<T>.One;
        var r = um1 * x / Log(u);
        r = Vector512.ConditionalSelect(Vector512.Equals(u, Vector512<T>.One), x, r);
        return Vector512.ConditionalSelect(Vector512.Equals(um1, -Vector512<T>.One), um1, r);
    }

    // log1p(t) = log(u)·t / (u − 1) with u = 1 + t (Kahan); t ∈ [0, 1] here.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Log1pUnit<T>(Vector128<T> t) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var u = Vector128<T>.One + t;
        var r = Log(u) * t / (u - Vector128<T>.One);
        return Vector128.ConditionalSelect(Vector128.Equals(u, Vector128<T>.One), t, r);
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Log1pUnit<T>(Vector256<T> t) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var u = Vector256<T>.One + t;
        var r = Log(u) * t / (u - Vector256<T>.One);
        return Vector256.ConditionalSelect(Vector256.Equals(u, Vector256<T>.One), t, r);
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Log1pUnit<T>(Vector512<T> t) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var u = Vector512<T>.One + t;
        var r = Log(u) * t / (u - Vector512<T>.One);
        return Vector512.ConditionalSelect(Vector512.Equals(u, Vector512<T>.One), t, r);
    }

    /// <summary>Scalar expm1 by the same trick, for the scalar reference path.</summary>
    public static T Expm1<T>(T x) where T : IFloatingPointIeee754<T>
    {
        T u = T.Exp(x);
        if (u == T.One) return x;
        T um1 = u - T.One;
        if (um1 == -T.One) return um1;
        if (T.IsPositiveInfinity(u)) return u;
        return um1 * x / T.Log(u);
    }

    /// <summary>Scalar log1p by the same trick.</summary>
    public static T Log1p<T>(T t) where T : IFloatingPointIeee754<T>
    {
        T u = T.One + t;
        if (u == T.One) return t;
        if (T.IsPositiveInfinity(u)) return u;
        return T.Log(u) * t / (u - T.One);
    }
}
