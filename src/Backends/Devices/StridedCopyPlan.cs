namespace Kernels.Devices;

/// <summary>
/// A checked, simplified <see cref="ComputeDevice.CopyStrided{T}"/>: y[d₀ + Σ iₐ·dₐ] = x[s₀ + Σ iₐ·sₐ] for every
/// index (i₀, …, i_{r−1}) below <see cref="Extents"/>, with axes of extent 1 dropped, axes that both sides step
/// through as one merged, and the axes ordered by decreasing |destination stride| (so the last axis is the one the
/// destination walks fastest — the one a GPU spreads across neighbouring threads). The mapping is the caller's: only
/// the order in which its element pairs are enumerated changed. Rank is 1 to <see cref="MaxRank"/>.
/// </summary>
public sealed class StridedCopyPlan
{
    /// <summary>The most axes a plan keeps after merging (devices pass them as kernel arguments).</summary>
    public const int MaxRank = 8;

    private readonly int[] _extents;
    private readonly long[] _sourceStrides, _destinationStrides;

    private StridedCopyPlan(int[] extents, long[] sourceStrides, long[] destinationStrides, long sourceOffset, long destinationOffset, long count)
    {
        _extents = extents;
        _sourceStrides = sourceStrides;
        _destinationStrides = destinationStrides;
        SourceOffset = sourceOffset;
        DestinationOffset = destinationOffset;
        Count = count;
    }

    /// <summary>Extents, outermost first; all ≥ 2 unless the plan is a single element (rank 1, extent 1).</summary>
    public ReadOnlySpan<int> Extents => _extents;

    /// <summary>Source strides in elements (0 broadcasts, negative walks backwards).</summary>
    public ReadOnlySpan<long> SourceStrides => _sourceStrides;

    /// <summary>Destination strides in elements (no two indices meet the same element).</summary>
    public ReadOnlySpan<long> DestinationStrides => _destinationStrides;

    /// <summary>Source index of element (0, …, 0).</summary>
    public long SourceOffset { get; }

    /// <summary>Destination index of element (0, …, 0).</summary>
    public long DestinationOffset { get; }

    /// <summary>Elements copied (≥ 1).</summary>
    public long Count { get; }

    /// <summary>Axes.</summary>
    public int Rank => _extents.Length;

    /// <summary>
    /// The axis the source walks with stride 1 when the destination walks the last axis with stride 1 and the source
    /// does not — the copy then transposes that pair of axes for every index of the others, which backends do
    /// through blocked or tiled transposes — or −1 when the plan has no such pair.
    /// </summary>
    public int TransposedAxis
    {
        get
        {
            int inner = Rank - 1;
            if (_destinationStrides[inner] != 1 || _sourceStrides[inner] == 1) return -1;
            int across = -1;
            for (int d = 0; d < inner; d++)
                if (_sourceStrides[d] == 1) across = d;
            return across;
        }
    }

    /// <summary>
    /// Builds the plan of a copy whose extents are all positive (the caller checked ranks, ranges and overlap).
    /// </summary>
    internal static StridedCopyPlan Create(ReadOnlySpan<int> shape, long sourceOffset, ReadOnlySpan<long> sourceStrides, long destinationOffset, ReadOnlySpan<long> destinationStrides)
    {
        var axes = new List<(int Extent, long Source, long Destination)>(shape.Length);
        long count = 1;
        for (int d = 0; d < shape.Length; d++)
        {
            count *= shape[d];
            if (shape[d] != 1) axes.Add((shape[d], sourceStrides[d], destinationStrides[d]));
        }
        // Outermost = largest |destination stride|; a stable sort keeps the caller's order among equals.
        var ordered = axes.Select((axis, index) => (axis, index)).OrderByDescending(p => Math.Abs(p.axis.Destination)).ThenBy(p => p.index).Select(p => p.axis).ToList();
        // Merge an axis into the next inner one when both sides step over the inner axis exactly once per step.
        var merged = new List<(int Extent, long Source, long Destination)>(ordered.Count);
        for (int a = ordered.Count - 1; a >= 0; a--)
        {
            var outer = ordered[a];
            if (merged.Count > 0)
            {
                var inner = merged[^1];
                long product = (long)outer.Extent * inner.Extent;
                if (product <= int.MaxValue && outer.Source == inner.Source * inner.Extent && outer.Destination == inner.Destination * inner.Extent)
                {
                    merged[^1] = ((int)product, inner.Source, inner.Destination);
                    continue;
                }
            }
            merged.Add(outer);
        }
        merged.Reverse();
        if (merged.Count == 0) merged.Add((1, 0, 0));
        if (merged.Count > MaxRank)
            throw new ArgumentException($"Strided copy of shape ({string.Join(", ", shape.ToArray())}) keeps {merged.Count} axes after merging; at most {MaxRank} are supported.", nameof(shape));
        return new StridedCopyPlan([.. merged.Select(m => m.Extent)], [.. merged.Select(m => m.Source)], [.. merged.Select(m => m.Destination)], sourceOffset, destinationOffset, count);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"extents ({string.Join(", ", _extents)}), source {SourceOffset} + ({string.Join(", ", _sourceStrides)}), destination {DestinationOffset} + ({string.Join(", ", _destinationStrides)})";
}
