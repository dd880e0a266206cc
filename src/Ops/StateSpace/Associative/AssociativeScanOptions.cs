namespace Kernels.Ops.StateSpace.Associative;

/// <summary>Settings of <see cref="AssociativeScan"/>.</summary>
public sealed class AssociativeScanOptions
{
    /// <summary>
    /// Chunks per sequence scanned in parallel; default 1 (sequential). The result depends on it only through
    /// re-association (exact for exactly associative operators), never on the thread count.
    /// </summary>
    public int? Chunks { get; init; }

    /// <summary>Most threads; default <see cref="Kernels.Tensors.Threading.MaxThreads"/>.</summary>
    public int? Threads { get; init; }
}
