using ILGPU;

namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>
/// Row-wise sort with indices by a bitonic network over each row padded to a power of two. Keys are mapped to
/// their totalOrder rank (an unsigned integer), and every comparison is on (rank, original column), so all keys
/// are distinct and the network's result equals a stable sort — the same permutation as the CPU's radix sort.
/// Padding carries the largest rank and an index past every real one, so it sorts last.
/// <para>Launches: every stage whose compare distance j is below the tile (2 × group size, ≤ 512 elements) runs in
/// shared memory — <see cref="SortTiles"/> does all stages k ≤ tile in one launch, and <see cref="MergeTiles"/>
/// the tail j &lt; tile of each larger k — so only the stages with j ≥ tile go through global memory, one launch
/// each (<see cref="CompareExchange"/>): rows of 1024 take 3 launches instead of 55, rows of 2²⁰ 66 instead of 210.</para>
/// </summary>
internal static class SortKernels
{
    public static void Load<T, TOps>(Index1D i, ArrayView<T> keys, ArrayView<ulong> ranks, ArrayView<int> order, int cols, int padded)
        where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        int row = i / padded, j = i % padded;
        if (j < cols)
        {
            ranks[i] = ops.ToOrdered(keys[(long)row * cols + j]);
            order[i] = j;
        }
        else
        {
            ranks[i] = ulong.MaxValue;
            order[i] = int.MaxValue;
        }
    }

    /// <summary>Shared-memory tile capacity: 512 keys (4 KiB of ranks + 2 KiB of column indices per group).</summary>
    public const int MaxTile = 512;

    /// <summary>All stages k = 2 … tile of the network, each group on one tile of <paramref name="tile"/> elements
    /// (tile = 2 × group size, a power of two dividing the padded row) in shared memory.</summary>
    public static void SortTiles(ArrayView<ulong> ranks, ArrayView<int> order, int padded, int tile)
    {
        var r = SharedMemory.Allocate<ulong>(MaxTile);
        var o = SharedMemory.Allocate<int>(MaxTile);
        long tileBase = (long)Grid.IdxX * tile;
        int inRow = (int)(tileBase % padded);
        LoadTile(ranks, order, r, o, tileBase, tile);
        for (int k = 2; k <= tile; k <<= 1)
            for (int j = k >> 1; j > 0; j >>= 1)
                ExchangeInTile(r, o, j, k, inRow);
        StoreTile(ranks, order, r, o, tileBase, tile);
    }

    /// <summary>The stages j = tile/2 … 1 of block size <paramref name="k"/> (&gt; tile), in shared memory.</summary>
    public static void MergeTiles(ArrayView<ulong> ranks, ArrayView<int> order, int padded, int tile, int k)
    {
        var r = SharedMemory.Allocate<ulong>(MaxTile);
        var o = SharedMemory.Allocate<int>(MaxTile);
        long tileBase = (long)Grid.IdxX * tile;
        int inRow = (int)(tileBase % padded);
        LoadTile(ranks, order, r, o, tileBase, tile);
        for (int j = tile >> 1; j > 0; j >>= 1)
            ExchangeInTile(r, o, j, k, inRow);
        StoreTile(ranks, order, r, o, tileBase, tile);
    }

    // Each of the tile/2 threads moves elements t and t + tile/2 (coalesced), then waits for the whole tile.
    private static void LoadTile(ArrayView<ulong> ranks, ArrayView<int> order, ArrayView<ulong> r, ArrayView<int> o, long tileBase, int tile)
    {
        int t = Group.IdxX, half = tile >> 1;
        r[t] = ranks[tileBase + t]; o[t] = order[tileBase + t];
        r[t + half] = ranks[tileBase + t + half]; o[t + half] = order[tileBase + t + half];
        Group.Barrier();
    }

    private static void StoreTile(ArrayView<ulong> ranks, ArrayView<int> order, ArrayView<ulong> r, ArrayView<int> o, long tileBase, int tile)
    {
        int t = Group.IdxX, half = tile >> 1;
        ranks[tileBase + t] = r[t]; order[tileBase + t] = o[t];
        ranks[tileBase + t + half] = r[t + half]; order[tileBase + t + half] = o[t + half];
    }

    // Thread t owns the pair (a, a + j) whose lower element a has bit j clear; the direction follows the lower
    // element's position in the row, exactly as in the global stage.
    private static void ExchangeInTile(ArrayView<ulong> r, ArrayView<int> o, int j, int k, int inRow)
    {
        int t = Group.IdxX;
        int a = (t / j) * (2 * j) + t % j, b = a + j;
        ulong ra = r[a], rb = r[b];
        int oa = o[a], ob = o[b];
        bool greater = ra > rb || (ra == rb && oa > ob);
        bool ascending = ((inRow + a) & k) == 0;
        if (greater == ascending)
        {
            r[a] = rb; r[b] = ra;
            o[a] = ob; o[b] = oa;
        }
        Group.Barrier();
    }

    /// <summary>One stage (block size k, distance j) of the bitonic network, through global memory.</summary>
    public static void CompareExchange(Index1D i, ArrayView<ulong> ranks, ArrayView<int> order, int padded, int k, int j)
    {
        int t = i % padded, partner = t ^ j;
        if (partner <= t) return;
        int index = i;
        long rowBase = (long)(index / padded) * padded;
        long p = rowBase + t, q = rowBase + partner;
        ulong rp = ranks[p], rq = ranks[q];
        int op = order[p], oq = order[q];
        bool greater = rp > rq || (rp == rq && op > oq);
        bool ascending = (t & k) == 0;
        if (greater == ascending)
        {
            ranks[p] = rq; ranks[q] = rp;
            order[p] = oq; order[q] = op;
        }
    }

    public static void Store<T, TOps>(Index1D i, ArrayView<ulong> ranks, ArrayView<int> order, ArrayView<T> keys, ArrayView<int> indices, int cols, int padded)
        where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        int row = i / cols, j = i % cols;
        long from = (long)row * padded + j;
        keys[i] = ops.FromOrdered(ranks[from]);
        indices[i] = order[from];
    }
}
