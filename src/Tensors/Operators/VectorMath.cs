using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Kernels.Tensors.Operators;

/// <summary>
/// Generic front ends over our exp and log (<see cref="InlineExp"/>, <see cref="InlineLog"/>) and the BCL's fused
/// multiply-add, plus accuracy-preserving compositions (expm1 on x ≤ 0, log1p on [0, 1]). Every vector function has a
/// scalar twin that takes the same steps, so an operator's scalar path (array tails, the scalar width) returns the
/// same bits as its lanes: results do not depend on the vector width, the length or the alignment.
/// The <c>typeof(T)</c> tests are JIT-time constants, so each instantiation keeps one branch.
/// </summary>
internal static class VectorMath
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Exp<T>(Vector128<T> x) => InlineExp.Exp(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Exp<T>(Vector256<T> x) => InlineExp.Exp(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Exp<T>(Vector512<T> x) => InlineExp.Exp(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Log<T>(Vector128<T> x) => InlineLog.Log(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Log<T>(Vector256<T> x) => InlineLog.Log(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Log<T>(Vector512<T> x) => InlineLog.Log(x);

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

    // expm1(x) for x ≤ 0 (callers only use it there). For |x| ≤ 0.5 its Taylor series z + z²(1/2! + z(1/3! + …)),
    // to z¹⁰/10! in float and z¹⁷/17! in double (the next term is below a hundredth of an ulp of the result),
    // evaluated by Horner; beyond that exp(x) − 1, whose cancellation costs at most a factor e^−0.5/(1 − e^−0.5)
    // ≈ 1.5 of exp's error. Why not Kahan's (u − 1)·x / log(u): one exp and a short polynomial are about half the cost of an exp,
    // a log and a division.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Expm1NonPositive<T>(Vector128<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128.Create(T.CreateTruncating(SeriesLimit))), Expm1Series(x), Exp(x) - Vector128<T>.One);
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Expm1NonPositive<T>(Vector256<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256.Create(T.CreateTruncating(SeriesLimit))), Expm1Series(x), Exp(x) - Vector256<T>.One);
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Expm1NonPositive<T>(Vector512<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512.Create(T.CreateTruncating(SeriesLimit))), Expm1Series(x), Exp(x) - Vector512<T>.One);
    }

    private const double SeriesLimit = -0.5;

    // Horner over 1/k! for k = Terms … 2 (Terms = 10 in float, 17 in double); the coefficient table is per type,
    // so the loop is a broadcast load and a multiply-add per term on the dependency chain either way.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<T> Expm1Series<T>(Vector128<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var c = InverseFactorials<T>.Values;
        var p = Vector128.Create(c[^1]);
        for (int k = c.Length - 2; k >= 0; k--) p = p * z + Vector128.Create(c[k]);
        return z + z * z * p;
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Expm1Series<T>(Vector256<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var c = InverseFactorials<T>.Values;
        var p = Vector256.Create(c[^1]);
        for (int k = c.Length - 2; k >= 0; k--) p = p * z + Vector256.Create(c[k]);
        return z + z * z * p;
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Expm1Series<T>(Vector512<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var c = InverseFactorials<T>.Values;
        var p = Vector512.Create(c[^1]);
        for (int k = c.Length - 2; k >= 0; k--) p = p * z + Vector512.Create(c[k]);
        return z + z * z * p;
    }

    // 1/2!, 1/3!, …, 1/Terms! rounded once to T.
    private static class InverseFactorials<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static readonly T[] Values = Build(typeof(T) == typeof(float) ? 10 : 17);

        private static T[] Build(int terms)
        {
            var values = new T[terms - 1];
            double factorial = 1;
            for (int k = 2; k <= terms; k++)
            {
                factorial *= k;
                values[k - 2] = T.CreateTruncating(1.0 / factorial);
            }
            return values;
        }
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

    /// <summary>eˣ, the scalar twin of the vector forms.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Exp<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => InlineExp.Exp(x);

    /// <summary>ln x, the scalar twin of the vector forms.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Log<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => InlineLog.Log(x);

    /// <summary>eˣ − 1 for x ≤ 0, the scalar twin of the vector forms (same series, same switch point).</summary>
    public static T Expm1NonPositive<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(x >= T.CreateTruncating(SeriesLimit))) return Exp(x) - T.One;
        var c = InverseFactorials<T>.Values;
        T p = c[^1];
        for (int k = c.Length - 2; k >= 0; k--) p = p * x + c[k];
        return x + x * x * p;
    }

    /// <summary>log1p(t) for t ∈ [0, 1], the scalar twin of the vector forms.</summary>
    public static T Log1pUnit<T>(T t) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T u = T.One + t;
        return u == T.One ? t : Log(u) * t / (u - T.One);
    }
}
