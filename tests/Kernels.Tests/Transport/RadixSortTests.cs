using FsCheck.Xunit;
using Kernels.Tensors.Sorting;
using Xunit;

namespace Kernels.Tests.Transport;

public class RadixSortTests
{
    /// <summary>IEEE totalOrder key: the reference the radix sort's bit mapping must reproduce.</summary>
    private static long TotalOrderKey(double v)
    {
        long bits = BitConverter.DoubleToInt64Bits(v);
        return bits < 0 ? bits ^ long.MaxValue : bits;
    }

    private static int TotalOrderKey(float v)
    {
        int bits = BitConverter.SingleToInt32Bits(v);
        return bits < 0 ? bits ^ int.MaxValue : bits;
    }

    /// <summary>Values with every awkward case: ±0, subnormals, ±∞, NaNs of both signs, many duplicates.</summary>
    private static double[] AwkwardValues(Random rng, int n)
    {
        double[] specials = [0.0, -0.0, double.Epsilon, -double.Epsilon, double.PositiveInfinity, double.NegativeInfinity,
            double.NaN, -double.NaN, double.MaxValue, double.MinValue, 1e-310, -1e-310, 1, -1];
        var values = new double[n];
        for (int i = 0; i < n; i++)
            values[i] = rng.Next(6) switch
            {
                0 => specials[rng.Next(specials.Length)],
                1 => rng.Next(-3, 4),
                2 => (rng.NextDouble() - 0.5) * Math.Pow(2, rng.Next(-1070, 1020)),
                _ => rng.NextDouble() * 2 - 1,
            };
        return values;
    }

    [Property(MaxTest = 60)]
    public void Double_keys_sort_in_total_order_and_the_permutation_is_stable(int seed)
    {
        var rng = new Random(seed);
        // Lengths on both sides of the small-sort threshold, including 0 and 1.
        int n = rng.Next(4) switch { 0 => rng.Next(0, 3), 1 => rng.Next(3, RadixSort.SmallSortLength + 1), _ => rng.Next(RadixSort.SmallSortLength + 1, 5000) };
        var values = AwkwardValues(rng, n);
        var expected = Enumerable.Range(0, n).OrderBy(i => TotalOrderKey(values[i])).ToArray(); // LINQ OrderBy is stable
        var keys = (double[])values.Clone();
        var index = Enumerable.Range(0, n).ToArray();
        RadixSort.Sort(keys.AsSpan(), index);
        Assert.Equal(expected, index);
        for (int i = 0; i < n; i++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(values[expected[i]]), BitConverter.DoubleToInt64Bits(keys[i]));
    }

    [Property(MaxTest = 60)]
    public void Float_keys_sort_in_total_order_with_and_without_a_payload(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(3) == 0 ? rng.Next(0, 300) : rng.Next(300, 4000);
        var values = AwkwardValues(rng, n).Select(v => (float)v).ToArray();
        var expected = Enumerable.Range(0, n).OrderBy(i => TotalOrderKey(values[i])).ToArray();
        var keys = (float[])values.Clone();
        var index = Enumerable.Range(0, n).ToArray();
        RadixSort.Sort<float>(keys, index);
        Assert.Equal(expected, index);
        var alone = (float[])values.Clone();
        RadixSort.Sort(alone.AsSpan());
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(values[expected[i]]), BitConverter.SingleToInt32Bits(keys[i]));
            Assert.Equal(BitConverter.SingleToInt32Bits(keys[i]), BitConverter.SingleToInt32Bits(alone[i]));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Wide_digits_from_65536_keys_sort_doubles_and_floats_stably(int seed)
    {
        var rng = new Random(seed);
        int n = RadixSort.WideDigitLength + rng.Next(1, 9000);
        var values = AwkwardValues(rng, n);
        var expected = Enumerable.Range(0, n).OrderBy(i => TotalOrderKey(values[i])).ToArray();
        var keys = (double[])values.Clone();
        var index = Enumerable.Range(0, n).ToArray();
        RadixSort.Sort(keys.AsSpan(), index);
        Assert.Equal(expected, index);
        var floats = values.Select(v => (float)v).ToArray();
        var expectedF = Enumerable.Range(0, n).OrderBy(i => TotalOrderKey(floats[i])).ToArray();
        var indexF = Enumerable.Range(0, n).ToArray();
        RadixSort.Sort(floats.AsSpan(), indexF);
        Assert.Equal(expectedF, indexF);
        for (int i = 1; i < n; i++) Assert.True(TotalOrderKey(floats[i - 1]) <= TotalOrderKey(floats[i]));
    }

    [Fact]
    public void Equal_keys_and_caller_scratch_leave_the_order_unchanged()
    {
        var keys = Enumerable.Repeat(2.5, 1000).ToArray();
        var index = Enumerable.Range(0, 1000).Reverse().ToArray();
        var scratch = new double[1000];
        var indexScratch = new int[1000];
        RadixSort.Sort(keys.AsSpan(), index, scratch, indexScratch);
        Assert.All(keys, k => Assert.Equal(2.5, k));
        Assert.Equal(Enumerable.Range(0, 1000).Reverse(), index);
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        var e = Assert.Throws<ArgumentException>(() => RadixSort.Sort(new double[10].AsSpan(), new int[9]));
        Assert.Contains("9", e.Message);
        Assert.Throws<ArgumentException>(() => RadixSort.Sort(new double[1000].AsSpan(), default, new double[999], default));
        Assert.Throws<NotSupportedException>(() => RadixSort.Sort<int>(new int[3]));
    }
}
