namespace Kernels.Ops.StateSpace;

/// <summary>Settings of <see cref="SelectiveScan"/>; none changes the result.</summary>
public sealed class SelectiveScanOptions
{
    /// <summary>Most threads; default <see cref="Kernels.Tensors.Threading.MaxThreads"/>. Work is split over (batch, channel tile).</summary>
    public int? Threads { get; init; }

    /// <summary>
    /// Time steps per recomputation chunk in the backward pass; default ⌈√length⌉ (at least 16). The backward pass
    /// keeps one state per chunk and recomputes the states inside a chunk, so its memory is
    /// O((length/chunk + chunk)·tile·state) per thread instead of O(length·channels·state). Results do not depend on it.
    /// </summary>
    public int? RecomputeChunk { get; init; }

    /// <summary>
    /// Forward only: keep the state at the start of every recomputation chunk in
    /// <see cref="SelectiveScanResult{T}.Checkpoints"/> (batch·channels·state·⌈length/chunk⌉ values), so a following
    /// backward pass on the same inputs skips its checkpoint sweep (about a third of its work). Gradients are
    /// bit-identical either way.
    /// </summary>
    public bool KeepCheckpoints { get; init; }
}
