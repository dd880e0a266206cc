using System.Numerics;
using Kernels.Tensors;
using Kernels.Tensors.Simd;

namespace Kernels.Ops.Transport;

/// <summary>Argument checks shared by the transport routines: point clouds, sample weights, finiteness.</summary>
internal static class TransportInputs
{
    /// <summary>Points must be an n×d matrix with n ≥ 1 and d ≥ 1 and finite entries.</summary>
    public static void RequirePoints<T>(NDArray<T> points, string name) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(points, name);
        if (points.Rank != 2 || points.Shape[0] < 1 || points.Shape[1] < 1)
            throw new ArgumentException($"{name} must be an n×d matrix of points with n ≥ 1 and d ≥ 1; got {points.ShapeString}.", name);
        RequireFinite(points, name);
    }

    /// <summary>Every entry finite; the message names the first offending position.</summary>
    public static void RequireFinite<T>(NDArray<T> x, string name) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var span = x.Contiguous().AsSpan();
        int at = FiniteScan.FirstNonFinite<T>(span);
        if (at >= 0)
            throw new ArgumentException($"{name} {x.ShapeString} holds a non-finite value ({span[at]}) at flat index {at}.", name);
    }

    /// <summary>
    /// Sample weights as a contiguous array: null means uniform (returns null); otherwise a vector of
    /// <paramref name="count"/> finite, non-negative values summing to 1 within max(√ε, 10⁻⁶) of the element type
    /// (10⁻⁶ for double, so weights normalised in float and widened are accepted; 3.5·10⁻⁴ for float).
    /// </summary>
    public static T[]? Weights<T>(NDArray<T>? weights, int count, string name, string pointsName) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (weights is null) return null;
        if (weights.Rank != 1 || weights.Shape[0] != count)
            throw new ArgumentException($"{name} must be a vector with one weight per row of {pointsName} ({count}); got {weights.ShapeString}.", name);
        var w = weights.ToArray();
        double sum = 0;
        for (int i = 0; i < w.Length; i++)
        {
            double v = double.CreateTruncating(w[i]);
            if (!double.IsFinite(v) || v < 0)
                throw new ArgumentException($"{name}[{i}] = {v}: weights must be finite and non-negative.", name);
            sum += v;
        }
        double tolerance = Math.Max(Math.Sqrt(double.CreateTruncating(Epsilon<T>())), 1e-6);
        if (Math.Abs(sum - 1) > tolerance)
            throw new ArgumentException($"{name} sums to {sum:R}; weights must be normalised to sum to 1 (within {tolerance:G2}).", name);
        return w;
    }

    /// <summary>Machine epsilon (unit roundoff × 2) of <typeparamref name="T"/>.</summary>
    public static T Epsilon<T>() where T : unmanaged, IFloatingPointIeee754<T> => T.BitIncrement(T.One) - T.One;

    /// <summary>The exponent p of a Wasserstein cost: finite and ≥ 1.</summary>
    public static void RequireExponent(double p)
    {
        if (!double.IsFinite(p) || p < 1)
            throw new ArgumentOutOfRangeException(nameof(p), p, "The Wasserstein exponent p must be finite and ≥ 1.");
    }
}
