using FsCheck.Xunit;
using Kernels.Tensors.Simd;
using Xunit;

namespace Kernels.Tests;

public class FiniteScanTests
{
    [Property(MaxTest = 200)]
    public void Finds_the_first_nan_or_infinity_at_every_position_and_length(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(0, 80);
        var values = Enumerable.Range(0, n).Select(_ => (rng.NextDouble() - 0.5) * Math.Pow(2, rng.Next(-1070, 1020))).ToArray();
        int expected = -1;
        if (n > 0 && rng.Next(4) != 0)
        {
            // One or two bad values; the first must be found, in the vector body or the scalar tail.
            double[] bad = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -double.NaN];
            int first = rng.Next(n);
            values[first] = bad[rng.Next(bad.Length)];
            int second = rng.Next(first, n);
            values[second] = bad[rng.Next(bad.Length)];
            expected = first;
        }
        Assert.Equal(expected, FiniteScan.FirstNonFinite<double>(values));
        Assert.Equal(expected, FiniteScan.FirstNonFinite<float>(values.Select(v => double.IsFinite(v) ? (float)Math.Clamp(v, -1e30, 1e30) : (float)v).ToArray()));
    }
}
