using ILGPU;
using Kernels.Devices;

namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>
/// Scalar arguments of <see cref="StridedCopyKernels.Copy{T}"/>: a <see cref="StridedCopyPlan"/> with its axes
/// innermost first (axis 0 is the one the destination walks fastest), unused axes of extent 1 and stride 0.
/// </summary>
internal readonly record struct StridedCopyArguments(int Rank, long SourceOffset, long DestinationOffset,
    int E0, int E1, int E2, int E3, int E4, int E5, int E6, int E7,
    long S0, long S1, long S2, long S3, long S4, long S5, long S6, long S7,
    long D0, long D1, long D2, long D3, long D4, long D5, long D6, long D7)
{
    public static StridedCopyArguments From(StridedCopyPlan plan) =>
        FromAxes(plan.Extents, plan.SourceStrides, plan.DestinationStrides, plan.SourceOffset, plan.DestinationOffset);

    /// <summary>Axes given outermost first (at most <see cref="StridedCopyPlan.MaxRank"/>; none is one element).</summary>
    public static StridedCopyArguments FromAxes(ReadOnlySpan<int> extents, ReadOnlySpan<long> sourceStrides, ReadOnlySpan<long> destinationStrides, long sourceOffset, long destinationOffset)
    {
        int r = extents.Length;
        Span<int> e = stackalloc int[StridedCopyPlan.MaxRank];
        Span<long> s = stackalloc long[StridedCopyPlan.MaxRank], d = stackalloc long[StridedCopyPlan.MaxRank];
        e.Fill(1);
        for (int a = 0; a < r; a++) { e[a] = extents[r - 1 - a]; s[a] = sourceStrides[r - 1 - a]; d[a] = destinationStrides[r - 1 - a]; }
        return new(Math.Max(r, 1), sourceOffset, destinationOffset, e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7],
            s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]);
    }
}

/// <summary>
/// y[d₀ + Σ iₐ·dₐ] = x[s₀ + Σ iₐ·sₐ]: <see cref="Copy{T}"/> with one thread per element in the destination's fastest
/// order, so neighbouring threads write neighbouring elements whenever the destination's innermost stride is 1, and
/// <see cref="TransposedPair{T}"/> through shared-memory tiles when the source's fastest axis is another one (a
/// permutation that moves it), so that the reads are coalesced too. An element's index is split into coordinates
/// with 32-bit divisions, one per axis but the outermost (the plan merged every axis it could).
/// </summary>
internal static class StridedCopyKernels
{
    public static void Copy<T>(Index1D index, ArrayView<T> x, ArrayView<T> y, StridedCopyArguments g) where T : unmanaged
    {
        var (source, destination) = Locate(index, g);
        y[destination] = x[source];
    }

    /// <summary>Tile edge of <see cref="TransposedPair{T}"/>; groups are Tile × <see cref="PairRows"/> threads.</summary>
    public const int Tile = 32;

    /// <summary>Thread rows of a <see cref="TransposedPair{T}"/> group (each thread moves Tile / PairRows elements).</summary>
    public const int PairRows = 8;

    /// <summary>
    /// The copy when the destination's fastest axis (i, extent <paramref name="rows"/>) is strided in the source and
    /// another axis (j, extent <paramref name="cols"/>) is the source's fastest: y[d + j·ldy + i] = x[s + i·ldx + j]
    /// for every index of the remaining axes (<paramref name="others"/>, which give s and d), through a 32 × 33
    /// shared tile as in <see cref="TransposeKernels"/>, so both the reads and the writes are coalesced. One group per
    /// (tile column, tile row, index of the other axes), enumerated along a one-dimensional grid.
    /// </summary>
    public static void TransposedPair<T>(ArrayView<T> x, ArrayView<T> y, int rows, int cols, long ldx, long ldy, StridedCopyArguments others) where T : unmanaged
    {
        var tile = SharedMemory.Allocate<T>(Tile * (Tile + 1));
        int tx = Group.IdxX, ty = Group.IdxY;
        int group = Grid.IdxX, tilesAcross = (cols + Tile - 1) / Tile, tilesDown = (rows + Tile - 1) / Tile;
        int col0 = group % tilesAcross * Tile;
        group /= tilesAcross;
        int row0 = group % tilesDown * Tile;
        var (source, destination) = Locate(group / tilesDown, others);
        for (int k = 0; k < Tile; k += PairRows)
        {
            int i = row0 + ty + k, j = col0 + tx;
            if (i < rows && j < cols) tile[(ty + k) * (Tile + 1) + tx] = x[source + i * ldx + j];
        }
        Group.Barrier();
        for (int k = 0; k < Tile; k += PairRows)
        {
            int j = col0 + ty + k, i = row0 + tx;
            if (j < cols && i < rows) y[destination + j * ldy + i] = tile[tx * (Tile + 1) + ty + k];
        }
    }

    // The source and destination index of element `index` in the plan's order.
    private static (long Source, long Destination) Locate(int index, StridedCopyArguments g)
    {
        int rest = index;
        long source = g.SourceOffset, destination = g.DestinationOffset;
        Axis(0, g.Rank, ref rest, g.E0, g.S0, g.D0, ref source, ref destination);
        Axis(1, g.Rank, ref rest, g.E1, g.S1, g.D1, ref source, ref destination);
        Axis(2, g.Rank, ref rest, g.E2, g.S2, g.D2, ref source, ref destination);
        Axis(3, g.Rank, ref rest, g.E3, g.S3, g.D3, ref source, ref destination);
        Axis(4, g.Rank, ref rest, g.E4, g.S4, g.D4, ref source, ref destination);
        Axis(5, g.Rank, ref rest, g.E5, g.S5, g.D5, ref source, ref destination);
        Axis(6, g.Rank, ref rest, g.E6, g.S6, g.D6, ref source, ref destination);
        Axis(7, g.Rank, ref rest, g.E7, g.S7, g.D7, ref source, ref destination);
        return (source, destination);
    }

    // Coordinate `axis` of the remaining index (the outermost axis takes all that is left); the branch is uniform.
    private static void Axis(int axis, int rank, ref int rest, int extent, long sourceStride, long destinationStride, ref long source, ref long destination)
    {
        if (axis >= rank) return;
        int i = rest;
        if (axis < rank - 1)
        {
            i = rest % extent;
            rest /= extent;
        }
        source += i * sourceStride;
        destination += i * destinationStride;
    }
}
