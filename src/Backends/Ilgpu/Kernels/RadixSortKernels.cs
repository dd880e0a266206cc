using ILGPU;
using ILGPU.Algorithms;

namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>
/// Row-wise stable LSD radix sort of totalOrder ranks with their column indices, 8 bits per pass (4 passes for
/// float ranks, 8 for double), each pass three launches over tiles of <c>4 × group size</c> elements that never
/// cross a row:
/// <list type="number">
/// <item><see cref="CountDigits"/>: each tile's 256-bucket digit histogram, written digit-major per row
/// (counts[row, digit, tile]).</item>
/// <item><see cref="ScanCounts"/>: one group per row turns its 256 × tiles counts into exclusive offsets, so
/// offsets[row, d, t] = (keys of the row with a digit below d) + (keys with digit d in tiles before t).</item>
/// <item><see cref="Scatter"/>: each tile sorts itself stably by the digit in shared memory (four 2-bit splits, each
/// one block-wide prefix sum of four 16-bit counters packed in a ulong), then writes element p of digit d to
/// offsets[row, d, t] + (p − first position of d in the tile).</item>
/// </list>
/// Every step is stable and atomics only count (integer sums in any order give the same count), so the result is
/// the same permutation as the CPU's stable radix sort and bit-identical run to run — the property the bitonic
/// network in <see cref="SortKernels"/> also has. Traffic per pass: ranks read twice, ranks and indices read and
/// written once (≈ 32 bytes per key), against the bitonic network's log²-many global stages for long rows.
/// </summary>
internal static class RadixSortKernels
{
    /// <summary>Bits of the key consumed by one pass.</summary>
    public const int DigitBits = 8;

    /// <summary>Buckets per pass (2^<see cref="DigitBits"/>).</summary>
    public const int Buckets = 1 << DigitBits;

    /// <summary>Keys each thread of a tile handles.</summary>
    public const int ItemsPerThread = 4;

    /// <summary>Largest group the kernels' shared buffers are sized for; the tile is ItemsPerThread × group size.</summary>
    public const int MaxGroupSize = 256;

    private const int MaxTile = ItemsPerThread * MaxGroupSize;

    /// <summary>counts[(row·256 + d)·tilesPerRow + tile] = number of keys in the tile whose digit at
    /// <paramref name="shift"/> is d. One group per (row, tile).</summary>
    public static void CountDigits(ArrayView<ulong> ranks, ArrayView<int> counts, int cols, int tilesPerRow, int shift)
    {
        var histogram = SharedMemory.Allocate<int>(Buckets);
        int t = Group.IdxX, size = Group.DimX, tile = ItemsPerThread * size;
        int row = Grid.IdxX / tilesPerRow, inRow = Grid.IdxX % tilesPerRow;
        for (int d = t; d < Buckets; d += size) histogram[d] = 0;
        Group.Barrier();
        long rowBase = (long)row * cols;
        int first = inRow * tile, valid = XMath.Min(tile, cols - first);
        for (int p = t; p < valid; p += size)
            Atomic.Add(ref histogram[Digit(ranks[rowBase + first + p], shift)], 1);
        Group.Barrier();
        for (int d = t; d < Buckets; d += size)
            counts[((long)row * Buckets + d) * tilesPerRow + inRow] = histogram[d];
    }

    /// <summary>Exclusive prefix sums of each row's <c>256 × tilesPerRow</c> counts, in place. One group per row;
    /// thread t sums a contiguous chunk, a block scan of the chunk sums gives each chunk its start.</summary>
    public static void ScanCounts(ArrayView<int> counts, int segment)
    {
        var scratch = SharedMemory.Allocate<ulong>(MaxGroupSize);
        int t = Group.IdxX, size = Group.DimX;
        int chunk = (segment + size - 1) / size;
        long rowBase = (long)Grid.IdxX * segment;
        int from = XMath.Min(segment, t * chunk), to = XMath.Min(segment, from + chunk);
        ulong sum = 0;
        for (int i = from; i < to; i++) sum += (ulong)counts[rowBase + i];
        ulong running = InclusiveScan(scratch, sum) - sum;
        for (int i = from; i < to; i++)
        {
            int count = counts[rowBase + i];
            counts[rowBase + i] = (int)running;
            running += (ulong)count;
        }
    }

    /// <summary>One pass's scatter: sort the tile stably by the digit at <paramref name="shift"/> in shared memory,
    /// then move each key to its row position given by the scanned <paramref name="offsets"/>.</summary>
    public static void Scatter(ArrayView<ulong> ranks, ArrayView<int> order, ArrayView<ulong> sortedRanks, ArrayView<int> sortedOrder,
        ArrayView<int> offsets, int cols, int tilesPerRow, int shift)
    {
        // Two tiles of ranks and indices (ping-pong between the splits), the scan scratch, each digit's first position.
        var r = SharedMemory.Allocate<ulong>(2 * MaxTile);
        var o = SharedMemory.Allocate<int>(2 * MaxTile);
        var scratch = SharedMemory.Allocate<ulong>(MaxGroupSize);
        var digitStart = SharedMemory.Allocate<int>(Buckets);
        int t = Group.IdxX, size = Group.DimX, tile = ItemsPerThread * size;
        int row = Grid.IdxX / tilesPerRow, inRow = Grid.IdxX % tilesPerRow;
        long rowBase = (long)row * cols;
        int first = inRow * tile, valid = XMath.Min(tile, cols - first);

        // Coalesced load. Positions past the row's end get all-ones ranks: with the largest digit of every split
        // and after every real key in tile order, a stable split keeps them last, and they are never written out.
        for (int p = t; p < tile; p += size)
        {
            r[p] = p < valid ? ranks[rowBase + first + p] : ulong.MaxValue;
            o[p] = p < valid ? order[rowBase + first + p] : 0;
        }
        Group.Barrier();

        int current = 0;
        for (int bit = 0; bit < DigitBits; bit += 2)
        {
            int next = MaxTile - current;
            // Thread t owns the consecutive positions t·4 … t·4+3, so a prefix over threads keeps tile order.
            ulong counters = 0;
            for (int k = 0; k < ItemsPerThread; k++)
                counters += 1ul << (16 * Split(r[current + t * ItemsPerThread + k], shift + bit));
            ulong running = InclusiveScan(scratch, counters) - counters;
            ulong total = scratch[size - 1];
            Group.Barrier();
            int start1 = (int)(total & 0xFFFF), start2 = start1 + (int)((total >> 16) & 0xFFFF), start3 = start2 + (int)((total >> 32) & 0xFFFF);
            for (int k = 0; k < ItemsPerThread; k++)
            {
                int from = current + t * ItemsPerThread + k;
                ulong rank = r[from];
                int s = Split(rank, shift + bit);
                int start = s == 0 ? 0 : s == 1 ? start1 : s == 2 ? start2 : start3;
                int to = next + start + (int)((running >> (16 * s)) & 0xFFFF);
                running += 1ul << (16 * s);
                r[to] = rank;
                o[to] = o[from];
            }
            Group.Barrier();
            current = next;
        }

        // The tile is now ordered by digit (four splits bring it back to the first buffer); mark where each digit begins.
        for (int p = t; p < valid; p += size)
        {
            int d = Digit(r[current + p], shift);
            if (p == 0 || Digit(r[current + p - 1], shift) != d) digitStart[d] = p;
        }
        Group.Barrier();
        for (int p = t; p < valid; p += size)
        {
            ulong rank = r[current + p];
            int d = Digit(rank, shift);
            long to = rowBase + offsets[((long)row * Buckets + d) * tilesPerRow + inRow] + (p - digitStart[d]);
            sortedRanks[to] = rank;
            sortedOrder[to] = o[current + p];
        }
    }

    private static int Digit(ulong rank, int shift) => (int)((rank >> shift) & (Buckets - 1));

    private static int Split(ulong rank, int shift) => (int)((rank >> shift) & 3);

    // Hillis–Steele inclusive scan over the group (log₂ size steps, two barriers each); ends with a barrier, after
    // which scratch[size − 1] holds the total until the next scan starts.
    private static ulong InclusiveScan(ArrayView<ulong> scratch, ulong value)
    {
        int t = Group.IdxX, size = Group.DimX;
        scratch[t] = value;
        Group.Barrier();
        for (int d = 1; d < size; d <<= 1)
        {
            ulong add = t >= d ? scratch[t - d] : 0;
            Group.Barrier();
            scratch[t] += add;
            Group.Barrier();
        }
        return scratch[t];
    }
}
