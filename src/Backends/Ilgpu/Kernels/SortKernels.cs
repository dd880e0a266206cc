using ILGPU;

namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>
/// Row-wise sort with indices by a bitonic network over each row padded to a power of two. Keys are mapped to
/// their totalOrder rank (an unsigned integer), and every comparison is on (rank, original column), so all keys
/// are distinct and the network's result equals a stable sort — the same permutation as the CPU's radix sort.
/// Padding carries the largest rank and an index past every real one, so it sorts last. Each compare-exchange
/// stage is one launch over all rows (log₂² n launches per sort).
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

    /// <summary>One stage (block size k, distance j) of the bitonic network.</summary>
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
