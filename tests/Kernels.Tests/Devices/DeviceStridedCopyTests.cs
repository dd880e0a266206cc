using FsCheck.Xunit;
using Kernels.Devices;
using Kernels.Tensors;
using Xunit;

namespace Kernels.Tests.Devices;

/// <summary>
/// <see cref="ComputeDevice.CopyStrided{T}"/> on every device against a scalar loop over every index: permutations,
/// sub-blocks out of and into larger arrays, broadcasts, reversals on either side, rank 0 and empty shapes, random
/// layouts; a copy is exact, so the whole destination buffer must match bit for bit (the elements the layout does
/// not reach included).
/// </summary>
[Collection("Devices")]
public sealed class DeviceStridedCopyTests
{
    public static IEnumerable<object[]> Devices => DevicesUnderTest.Ids;

    private sealed record Case(int[] Shape, long SourceOffset, long[] SourceStrides, int SourceLength, long DestinationOffset, long[] DestinationStrides, int DestinationLength, bool OneBuffer = false);

    private static IEnumerable<Case> FixedCases()
    {
        // A contiguous (4, 5, 3) array permuted to (3, 4, 5) and made contiguous.
        yield return new([3, 4, 5], 0, [1, 15, 3], 60, 0, [20, 5, 1], 60);
        // Rows 2…4 and every other column from 3 of a 7×9 matrix, into a dense 3×3.
        yield return new([3, 3], 2 * 9 + 3, [9, 2], 63, 0, [3, 1], 9);
        // A dense 4×6 block into a 10×11 array at (3, 2): the rest of the array is left alone.
        yield return new([4, 6], 0, [6, 1], 24, 3 * 11 + 2, [11, 1], 110);
        // A row broadcast down 5 rows, and a column broadcast across (source strides 0).
        yield return new([5, 7], 0, [0, 1], 7, 0, [7, 1], 35);
        yield return new([6, 4], 2, [1, 0], 9, 1, [4, 1], 25);
        // Reversed on the source, then on the destination.
        yield return new([37], 36, [-1], 37, 0, [1], 37);
        yield return new([3, 130], 0, [130, 1], 390, 389, [-130, -1], 390);
        // Rank 0 (one element) and empty shapes.
        yield return new([], 4, [], 5, 2, [], 3);
        yield return new([3, 0, 2], 0, [0, 0, 0], 1, 0, [0, 0, 0], 1);
        // Past several launch groups, every axis permuted.
        yield return new([2, 300, 257], 0, [1, 2 * 257, 2], 2 * 300 * 257, 0, [300 * 257, 257, 1], 2 * 300 * 257);
        // (3, 37, 2, 40) → (3, 40, 2, 37): a transposed pair of axes (GPU: shared-memory tiles) inside two other axes.
        yield return new([3, 40, 2, 37], 0, [2960, 1, 40, 80], 3 * 37 * 2 * 40, 0, [2960, 74, 37, 1], 3 * 40 * 2 * 37);
        // The same with the outer axis read backwards, and a 50 × 45 transpose into a 60-wide array at (0, 7).
        yield return new([3, 40, 2, 37], 2 * 2960, [-2960, 1, 40, 80], 3 * 37 * 2 * 40, 0, [2960, 74, 37, 1], 3 * 40 * 2 * 37);
        yield return new([45, 50], 0, [1, 45], 45 * 50, 7, [60, 1], 45 * 60 + 7);
        // A transpose into one half of a buffer that holds the source in its other half.
        yield return new([33, 65], 0, [1, 33], 2 * 33 * 65, 33 * 65, [65, 1], 2 * 33 * 65, OneBuffer: true);
    }

    [Theory, MemberData(nameof(Devices))]
    public void Strided_copies_match_a_scalar_loop_over_every_index(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var random = new Random(31);
        foreach (var c in FixedCases())
        {
            Check<double>(device, random, c);
            Check<float>(device, random, c);
        }
    }

    [Property(MaxTest = 25)]
    public void Strided_copies_of_random_layouts_are_exact_on_every_device(int seed)
    {
        var random = new Random(seed);
        var c = RandomCase(random);
        foreach (var id in DevicesUnderTest.Ids)
            Check<float>(DevicesUnderTest.Get((string)id[0]), new Random(seed), c);
    }

    // Any source strides (0 and negative included) and a destination that is a padded, permuted, possibly reversed
    // row-major layout (so never self-overlapping), sometimes in the source's own buffer past its span.
    private static Case RandomCase(Random random)
    {
        int rank = random.Next(0, 6);
        int longest = rank <= 3 && random.Next(2) == 0 ? 41 : 8;   // past a 32-wide GPU tile at low rank
        int[] shape = [.. Enumerable.Range(0, rank).Select(_ => random.Next(random.Next(8) == 0 ? 0 : 1, longest))];
        long[] sourceStrides = [.. shape.Select(_ => (long)random.Next(-6, 7))];
        long low = 0, high = 0;
        for (int d = 0; d < rank; d++) { long span = (long)(Math.Max(shape[d], 1) - 1) * sourceStrides[d]; if (span < 0) low += span; else high += span; }
        long sourceOffset = -low + random.Next(0, 3);
        int sourceLength = (int)(sourceOffset + high + 1 + random.Next(0, 3));

        int[] order = [.. Enumerable.Range(0, rank).OrderBy(_ => random.Next())];
        var destinationStrides = new long[rank];
        long step = 1;
        for (int p = rank - 1; p >= 0; p--)
        {
            int d = order[p];
            destinationStrides[d] = step * (random.Next(4) == 0 ? -1 : 1);
            step *= Math.Max(shape[d], 1) + random.Next(0, 3);
        }
        low = high = 0;
        for (int d = 0; d < rank; d++) { long span = (long)(Math.Max(shape[d], 1) - 1) * destinationStrides[d]; if (span < 0) low += span; else high += span; }
        bool oneBuffer = random.Next(4) == 0;
        long destinationOffset = (oneBuffer ? sourceLength : 0) - low + random.Next(0, 3);
        int destinationLength = (int)(destinationOffset + high + 1 + random.Next(0, 3));
        return new(shape, sourceOffset, sourceStrides, sourceLength, destinationOffset, destinationStrides, destinationLength, oneBuffer);
    }

    private static void Check<T>(ComputeDevice device, Random random, Case c) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int length = c.OneBuffer ? Math.Max(c.SourceLength, c.DestinationLength) : c.SourceLength;
        var source = DeviceContractTests.Cast<T>(DeviceContractTests.RandomData(random, length));
        var destination = c.OneBuffer ? source : DeviceContractTests.Cast<T>(DeviceContractTests.RandomData(random, c.DestinationLength));
        var expected = (T[])destination.Clone();
        long count = c.Shape.Aggregate(1L, (p, e) => p * e);
        var index = new int[c.Shape.Length];
        for (long n = 0; n < count; n++)
        {
            long rest = n, s = c.SourceOffset, d = c.DestinationOffset;
            for (int a = c.Shape.Length - 1; a >= 0; a--)
            {
                long i = rest % c.Shape[a];
                rest /= c.Shape[a];
                s += i * c.SourceStrides[a];
                d += i * c.DestinationStrides[a];
            }
            expected[d] = source[s];
        }
        using var dx = device.Upload<T>(source);
        using var dy = c.OneBuffer ? null : device.Upload<T>(destination);
        device.CopyStrided(c.Shape, dx, c.SourceOffset, c.SourceStrides, dy ?? dx, c.DestinationOffset, c.DestinationStrides);
        var got = (dy ?? dx).ToArray();
        string what = $"{device.Info.Id} {typeof(T).Name} copy of ({string.Join(", ", c.Shape)}) from {c.SourceOffset} + ({string.Join(", ", c.SourceStrides)}) to {c.DestinationOffset} + ({string.Join(", ", c.DestinationStrides)}), one buffer {c.OneBuffer}";
        Assert.True(expected.AsSpan().SequenceEqual(got), what);
        if (!c.OneBuffer) Assert.True(source.AsSpan().SequenceEqual(dx.ToArray()), $"{what}: the source changed");
    }

    [Theory, MemberData(nameof(Devices))]
    public void A_permutation_on_the_device_equals_the_host_view_made_contiguous(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var host = NDArray.RandomNormal(seed: 7UL, 0f, 1f, 3, 5, 7, 2);
        var permuted = host.Permute(2, 0, 3, 1);                          // (7, 3, 2, 5), a strided view
        using var x = device.Upload(host);
        using var y = device.Allocate<float>(host.Length);
        // y = x viewed with the permuted strides, made contiguous on the device.
        long[] strides = [.. permuted.Strides.ToArray().Select(v => (long)v)];
        device.CopyStrided(permuted.Shape, x, 0, strides, y, 0, [3 * 2 * 5, 2 * 5, 5, 1]);
        var back = y.ToNDArray(permuted.Shape);
        Assert.Equal(permuted.Shape.ToArray(), back.Shape.ToArray());
        Assert.Equal(permuted.ToArray(), back.ToArray());
        // Uploading the view itself gathers it on the host: the same elements.
        using var z = device.Upload(permuted);
        Assert.Equal(permuted.ToArray(), z.ToArray());
        Assert.Equal(permuted.ToArray()[10..], z.ToNDArray([(int)permuted.Length - 10], offset: 10).ToArray());
        Assert.Throws<ArgumentException>(() => z.ToNDArray([7, 3, 2, 6]));
        Assert.Throws<ArgumentException>(() => z.ToNDArray([2], offset: permuted.Length - 1));
    }

    [Theory, MemberData(nameof(Devices))]
    public void Bad_strided_copies_name_the_problem_and_leave_the_buffers_alone(string id)
    {
        var device = DevicesUnderTest.Get(id);
        double[] initial = [.. Enumerable.Range(0, 24).Select(i => (double)i)];
        using var x = device.Upload<double>(initial);
        using var y = device.Upload<double>(initial);
        var rank = Assert.Throws<ArgumentException>(() => device.CopyStrided([2, 3], x, 0, [3, 1], y, 0, [3]));
        Assert.Contains("2 source and 1 destination strides for 2 axes", rank.Message, StringComparison.Ordinal);
        var past = Assert.Throws<ArgumentException>(() => device.CopyStrided([4, 7], x, 0, [7, 1], y, 0, [1, 4]));
        Assert.Contains("source at offset 0 with strides (7, 1) reaches elements 0…27, outside its 24 elements", past.Message, StringComparison.Ordinal);
        var before = Assert.Throws<ArgumentException>(() => device.CopyStrided([3], x, 1, [-1], y, 0, [1]));
        Assert.Contains("reaches elements -1…1", before.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>(() => device.CopyStrided([2, 3], x, 0, [3, 1], y, 0, [0, 1]));
        Assert.Contains("may write an element twice", twice.Message, StringComparison.Ordinal);
        var interleaved = Assert.Throws<ArgumentException>(() => device.CopyStrided([3, 3], x, 0, [3, 1], y, 0, [2, 1]));
        Assert.Contains("may write an element twice", interleaved.Message, StringComparison.Ordinal);
        var alias = Assert.Throws<ArgumentException>(() => device.CopyStrided([2, 6], x, 0, [6, 1], x, 10, [6, 1]));
        Assert.Contains("overlap in one buffer", alias.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => device.CopyStrided([2, -1], x, 0, [1, 1], y, 0, [1, 1]));
        // Nine axes of 2 whose source strides (a bit-reversal) leave nothing to merge.
        int[] nine = [.. Enumerable.Repeat(2, 9)];
        using var from = device.Allocate<double>(512);
        using var to = device.Allocate<double>(512);
        var deep = Assert.Throws<ArgumentException>(() => device.CopyStrided(nine, from, 0, [.. Enumerable.Range(0, 9).Select(a => 1L << a)], to, 0, [.. Enumerable.Range(0, 9).Select(a => 1L << (8 - a))]));
        Assert.Contains("keeps 9 axes after merging; at most 8", deep.Message, StringComparison.Ordinal);
        Assert.Equal(initial, x.ToArray());
        Assert.Equal(initial, y.ToArray());
    }
}
