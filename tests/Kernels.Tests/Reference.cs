using Kernels.Tensors;
using Kernels.Tensors.Simd;

namespace Kernels.Tests;

/// <summary>Plain scalar references and shared helpers: multi-index walks through the indexer, ulp distances.</summary>
internal static class Reference
{
    public static readonly VectorWidth[] Widths = [VectorWidth.Scalar, VectorWidth.W128, VectorWidth.W256, VectorWidth.W512];
    public static IEnumerable<object[]> WidthData => Widths.Select(w => new object[] { w });

    /// <summary>Every multi-index of a shape in C order.</summary>
    public static IEnumerable<int[]> Indices(int[] shape)
    {
        long n = 1;
        foreach (var d in shape) n *= d;
        var idx = new int[shape.Length];
        for (long k = 0; k < n; k++)
        {
            yield return (int[])idx.Clone();
            for (int d = shape.Length - 1; d >= 0; d--)
            {
                if (++idx[d] < shape[d]) break;
                idx[d] = 0;
            }
        }
    }

    /// <summary>Index into a (possibly lower-rank, broadcast) operand from an index of the result shape.</summary>
    public static int[] BroadcastIndex(int[] idx, ReadOnlySpan<int> shape)
    {
        var r = new int[shape.Length];
        int lead = idx.Length - shape.Length;
        for (int i = 0; i < shape.Length; i++) r[i] = shape[i] == 1 ? 0 : idx[i + lead];
        return r;
    }

    /// <summary>The same bit pattern, or both NaN (whatever their payloads): "the same result" for bit-identity tests.</summary>
    public static bool SameBitsOrBothNaN(double a, double b) =>
        BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) || (double.IsNaN(a) && double.IsNaN(b));

    /// <inheritdoc cref="SameBitsOrBothNaN(double, double)"/>
    public static bool SameBitsOrBothNaN(float a, float b) =>
        BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b) || (float.IsNaN(a) && float.IsNaN(b));

    public static long UlpDistance(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) return double.IsNaN(a) && double.IsNaN(b) ? 0 : long.MaxValue;
        if (a == b) return 0;
        long ia = BitConverter.DoubleToInt64Bits(a), ib = BitConverter.DoubleToInt64Bits(b);
        if (ia < 0) ia = long.MinValue - ia;
        if (ib < 0) ib = long.MinValue - ib;
        return Math.Abs(ia - ib);
    }

    public static long UlpDistance(float a, float b)
    {
        if (float.IsNaN(a) || float.IsNaN(b)) return float.IsNaN(a) && float.IsNaN(b) ? 0 : long.MaxValue;
        if (a == b) return 0;
        long ia = BitConverter.SingleToInt32Bits(a), ib = BitConverter.SingleToInt32Bits(b);
        if (ia < 0) ia = int.MinValue - ia;
        if (ib < 0) ib = int.MinValue - ib;
        return Math.Abs(ia - ib);
    }

    /// <summary>Deterministic "interesting" values: random magnitudes mixed with ±0, subnormals, ±Inf, NaN, ±1, huge and tiny.</summary>
    public static double[] Values(int n, int seed, bool specials, double scale = 4)
    {
        var rng = new System.Random(seed);
        var v = new double[n];
        double[] special = [0.0, -0.0, double.Epsilon, -4.9e-320, 1e-310, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1, -1, 1e300, -1e-300, 1e-8, -30, 30, 700];
        for (int i = 0; i < n; i++)
            v[i] = specials && rng.Next(8) == 0 ? special[rng.Next(special.Length)] : (rng.NextDouble() * 2 - 1) * scale;
        return v;
    }
}
