using System.Numerics;

namespace Kernels.Linalg.Internal;

/// <summary>Floating-point constants of T in LAPACK's terms (<c>lamch</c>).</summary>
internal static class Precision<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Machine epsilon ε: the gap from 1 to the next larger number (2⁻⁵² for double, 2⁻²³ for float).</summary>
    public static readonly T Epsilon = typeof(T) == typeof(float) ? T.CreateTruncating(MathF.Pow(2, -23)) : T.CreateTruncating(Math.Pow(2, -52));

    /// <summary>Unit roundoff u = ε/2, LAPACK's <c>lamch('E')</c>.</summary>
    public static readonly T UnitRoundoff = Epsilon / (T.One + T.One);

    /// <summary>Smallest normal number; its reciprocal does not overflow (LAPACK's <c>lamch('S')</c>).</summary>
    public static readonly T SafeMinimum = typeof(T) == typeof(float) ? T.CreateTruncating(1.17549435E-38f) : T.CreateTruncating(2.2250738585072014E-308);
}
