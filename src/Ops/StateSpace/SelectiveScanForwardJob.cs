using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;
using Kernels.Backends.Cpu.Scheduling;
using Kernels.Tensors;
using Kernels.Tensors.Simd;
using Kernels.Tensors.Simd.Lanes;

namespace Kernels.Ops.StateSpace;

/// <summary>
/// The forward selective scan over work items (batch, channel tile), interleaved over the parts. Items are
/// independent and each is computed the same way whatever the part count, so results do not depend on threads.
/// </summary>
internal sealed class SelectiveScanForwardJob<T>(SelectiveScanProblem<T> problem, NDArray<T> y, NDArray<T> final,
    SelectiveScanCheckpoints<T>? checkpoints, VectorWidth width) : IParallelJob
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Begin(int parts) { }

    public void Execute(int part, int parts)
    {
        var p = problem;
        int n = p.StateSize;
        T[] state = ArrayPool<T>.Shared.Rent(Math.Max(1, n * SelectiveScanProblem<T>.MaxTileWidth));
        try
        {
            // Contiguous ranges of items per part: neighbouring tiles of one batch write neighbouring parts of the same
            // y rows, so giving them to different threads would share cache lines at every tile edge.
            long items = (long)p.Batch * p.Tiles.Length;
            for (long item = items * part / parts; item < items * (part + 1) / parts; item++)
                RunItem((int)(item / p.Tiles.Length), p.Tiles[(int)(item % p.Tiles.Length)], state);
        }
        finally { ArrayPool<T>.Shared.Return(state); }
    }

    private void RunItem(int batch, (int Start, int End) tile, T[] stateStore)
    {
        var p = problem;
        int w = tile.End - tile.Start, n = p.StateSize, channels = p.Channels;
        var state = stateStore.AsSpan(0, n * w);
        SelectiveScanStates.Load(p.InitialState, state, batch, tile.Start, w, channels, n);
        var r = SelectiveScanRecurrence<T>.For(p, tile.Start, w, state);
        var operands = new SelectiveScanOperands<T>(p);
        var yAll = y.AsSpan();
        var kept = checkpoints is null ? default : checkpoints.Block(batch, tile.Start, w);
        for (int step = 0; step < p.Length; step++)
        {
            if (!kept.IsEmpty && step % checkpoints!.Chunk == 0) state.CopyTo(kept.Slice(step / checkpoints.Chunk * n * w, n * w));
            int t = p.TimeOf(step);
            operands.SetRows(ref r, batch, tile.Start, t);
            r.YRow = yAll.Slice(operands.Row(batch, t), channels);
            AdvanceAllLanes(ref r, w, width);
        }
        SelectiveScanStates.Store(state, final.AsSpan(), batch, tile.Start, w, channels, n);
    }

    /// <summary>Whole registers of the widest allowed width first, narrower ones for what is left, then scalar.</summary>
    internal static void AdvanceAllLanes(ref SelectiveScanRecurrence<T> r, int tileWidth, VectorWidth width)
    {
        int c = 0;
        if (width >= VectorWidth.W512) c = Take<Vector512Lane<T>>(ref r, c, tileWidth, Vector512<T>.Count);
        if (width >= VectorWidth.W256) c = Take<Vector256Lane<T>>(ref r, c, tileWidth, Vector256<T>.Count);
        if (width >= VectorWidth.W128) c = Take<Vector128Lane<T>>(ref r, c, tileWidth, Vector128<T>.Count);
        r.Advance<ScalarLane<T>>(c, tileWidth);

        static int Take<TLane>(ref SelectiveScanRecurrence<T> r, int from, int tileWidth, int count) where TLane : struct, ISimdLane<TLane, T>
        {
            int to = from + (tileWidth - from) / count * count;
            if (to > from) r.Advance<TLane>(from, to);
            return to;
        }
    }
}
