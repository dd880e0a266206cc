using System.Numerics;
using System.Runtime.CompilerServices;

namespace Kernels.Tensors.Random;

/// <summary>
/// Reproducible random fills from <see cref="Philox4x32"/>. Element j (in C order of the destination) uses
/// counter block ⌊j/2⌋ (doubles: 64 bits = two words per value; floats use the same layout so a float and a
/// double tensor from one seed hold the same values rounded differently — not guaranteed, but true today).
/// Uniform: u = (top 53 bits + ½)·2⁻⁵³ ∈ (0, 1), never 0 or 1. Normal: Box–Muller on the pair
/// (u₁, u₂) = block words (0,1) and (2,3), giving two values per block.
/// </summary>
public static class RandomFill
{
    /// <summary>Fills <paramref name="destination"/> with U(low, high) values determined by (seed, position).</summary>
    public static void Uniform<T>(Span<T> destination, ulong seed, T low, T high) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double lo = double.CreateTruncating(low), width = double.CreateTruncating(high) - lo;
        for (int j = 0; j < destination.Length; j += 2)
        {
            var (a, b, c, d) = Philox4x32.Block((ulong)(j >> 1), 0, seed);
            destination[j] = T.CreateTruncating(lo + width * Unit(a, b));
            if (j + 1 < destination.Length) destination[j + 1] = T.CreateTruncating(lo + width * Unit(c, d));
        }
    }

    /// <summary>Fills <paramref name="destination"/> with N(mean, std²) values determined by (seed, position).</summary>
    public static void Normal<T>(Span<T> destination, ulong seed, T mean, T std) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double mu = double.CreateTruncating(mean), sigma = double.CreateTruncating(std);
        for (int j = 0; j < destination.Length; j += 2)
        {
            var (a, b, c, d) = Philox4x32.Block((ulong)(j >> 1), 1, seed);
            double u1 = Unit(a, b), u2 = Unit(c, d);
            double r = Math.Sqrt(-2 * Math.Log(u1));
            var (s, co) = Math.SinCos(2 * Math.PI * u2);
            destination[j] = T.CreateTruncating(mu + sigma * r * co);
            if (j + 1 < destination.Length) destination[j + 1] = T.CreateTruncating(mu + sigma * r * s);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Unit(uint hi, uint lo) => (((((ulong)hi << 32) | lo) >> 11) + 0.5) * (1.0 / (1UL << 53));
}
