using System.Numerics;

namespace Kernels.Ops.StateSpace;

/// <summary>
/// The states a forward selective scan passed through at the start of every chunk of <see cref="Chunk"/> steps,
/// kept when <see cref="SelectiveScanOptions.KeepCheckpoints"/> is set, so that
/// <see cref="SelectiveScan.Backward{T}"/> recomputes only inside chunks instead of re-running the whole forward
/// scan first. Memory: batch·channels·state·⌈length/chunk⌉ values.
/// </summary>
/// <remarks>
/// Only valid with the exact inputs of the forward call that produced them: the backward pass checks the shapes,
/// the direction and the chunk length, but cannot check the values.
/// </remarks>
public sealed class SelectiveScanCheckpoints<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal SelectiveScanCheckpoints(int batch, int length, int channels, int stateSize, bool reverse, GridOrder? grid, int chunk)
    {
        Grid = grid;
        Batch = batch; Length = length; Channels = channels; StateSize = stateSize; Reverse = reverse; Chunk = chunk;
        Chunks = (length + chunk - 1) / chunk;
        States = new T[(long)batch * channels * stateSize * Chunks];
    }

    /// <summary>Batch size of the forward call.</summary>
    public int Batch { get; }
    /// <summary>Sequence length of the forward call.</summary>
    public int Length { get; }
    /// <summary>Channels of the forward call.</summary>
    public int Channels { get; }
    /// <summary>State size of the forward call.</summary>
    public int StateSize { get; }
    /// <summary>Direction of the forward call.</summary>
    public bool Reverse { get; }
    /// <summary>Grid order of the forward call, if any.</summary>
    public GridOrder? Grid { get; }
    /// <summary>Steps per chunk.</summary>
    public int Chunk { get; }
    /// <summary>⌈length / chunk⌉.</summary>
    internal int Chunks { get; }

    /// <summary>
    /// Layout (batch, tile, chunk, state, tile width): each (batch, tile) work item owns a contiguous block of
    /// chunks·state·width values starting at batch·channels·state·chunks + tileStart·state·chunks.
    /// </summary>
    internal T[] States { get; }

    /// <summary>The chunk states of one work item.</summary>
    internal Span<T> Block(int batch, int tileStart, int tileWidth) =>
        States.AsSpan((int)(((long)batch * Channels + tileStart) * StateSize * Chunks), tileWidth * StateSize * Chunks);

    internal void RequireMatches(SelectiveScanProblem<T> p, string routine)
    {
        if (Batch != p.Batch || Length != p.Length || Channels != p.Channels || StateSize != p.StateSize || Reverse != p.Reverse || Grid != p.Grid)
            throw new ArgumentException(
                $"{routine}: the checkpoints are from a scan of (batch {Batch}, length {Length}, channels {Channels}, state {StateSize}, "
                + $"{Order(Reverse, Grid)}) but the inputs are (batch {p.Batch}, length {p.Length}, channels {p.Channels}, "
                + $"state {p.StateSize}, {Order(p.Reverse, p.Grid)}).");
    }

    private static string Order(bool reverse, GridOrder? grid)
    {
        string direction = reverse ? "reverse" : "forward";
        return grid is { } g ? $"{direction}, {g.Height}×{g.Width} grid {(g.ColumnMajor ? "column" : "row")}-major" : direction;
    }
}
