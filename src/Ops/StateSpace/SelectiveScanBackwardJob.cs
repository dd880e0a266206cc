using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;
using Kernels.Backends.Cpu.Scheduling;
using Kernels.Tensors;
using Kernels.Tensors.Simd;
using Kernels.Tensors.Simd.Lanes;

namespace Kernels.Ops.StateSpace;

/// <summary>
/// The backward selective scan over work items (batch, channel tile) with chunked recomputation: a checkpoint sweep
/// keeps the state at the start of every chunk of <c>chunk</c> steps; then, last chunk first, the chunk's states are
/// recomputed from its checkpoint and the adjoint is walked back through it. Memory per part is
/// O((length/chunk + chunk)·state·tile), never O(length·channels·state).
/// </summary>
/// <remarks>
/// Per-item results go to disjoint places: ∂u, ∂Δ, ∂z and ∂h₋₁ directly; the cross-channel sums ∂B, ∂C to a row per
/// (batch, tile, t); the cross-time sums ∂A, ∂D, ∂bias to a slice per batch. <see cref="SelectiveScan"/> adds the
/// partials in a fixed order afterwards, so results do not depend on the thread count.
/// </remarks>
internal sealed class SelectiveScanBackwardJob<T> : IParallelJob where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly SelectiveScanProblem<T> _p;
    private readonly NDArray<T> _outputGradient;
    private readonly NDArray<T>? _finalGradient;
    private readonly VectorWidth _width;
    private readonly int _chunk;
    private readonly int _chunks;
    private static readonly int s_maxLanes = Vector512<T>.Count;

    public NDArray<T> U { get; }
    public NDArray<T> Delta { get; }
    public NDArray<T>? Z { get; }
    public NDArray<T>? InitialState { get; }
    /// <summary>(batch, tiles, length, state): Σ over the tile's channels.</summary>
    public T[] BPartial { get; }
    public T[] CPartial { get; }
    /// <summary>(batch, state, channels): Σ over time.</summary>
    public T[] APartial { get; }
    /// <summary>(batch, channels), or empty arrays when the input is absent.</summary>
    public T[] DPartial { get; }
    public T[] BiasPartial { get; }

    private readonly SelectiveScanCheckpoints<T>? _kept;

    public SelectiveScanBackwardJob(SelectiveScanProblem<T> problem, NDArray<T> outputGradient, NDArray<T>? finalGradient, int chunk,
        SelectiveScanCheckpoints<T>? kept, VectorWidth width)
    {
        _kept = kept;
        _p = problem;
        _outputGradient = outputGradient;
        _finalGradient = finalGradient;
        _width = width;
        _chunk = chunk;
        _chunks = (problem.Length + chunk - 1) / chunk;
        int batch = problem.Batch, length = problem.Length, channels = problem.Channels, n = problem.StateSize;
        U = new NDArray<T>(batch, length, channels);
        Delta = new NDArray<T>(batch, length, channels);
        Z = problem.Z is null ? null : new NDArray<T>(batch, length, channels);
        InitialState = problem.InitialState is null ? null : new NDArray<T>(batch, channels, n);
        BPartial = new T[(long)batch * problem.Tiles.Length * length * n];
        CPartial = new T[(long)batch * problem.Tiles.Length * length * n];
        APartial = new T[(long)batch * n * channels];
        DPartial = problem.D is null ? [] : new T[(long)batch * channels];
        BiasPartial = problem.DeltaBias is null ? [] : new T[(long)batch * channels];
    }

    public void Begin(int parts) { }

    public void Execute(int part, int parts)
    {
        int n = _p.StateSize, tileWidth = SelectiveScanProblem<T>.MaxTileWidth;
        int tileCells = Math.Max(1, n * tileWidth);
        var pool = ArrayPool<T>.Shared;
        T[] state = pool.Rent(tileCells), adjoint = pool.Rent(tileCells);
        T[] checkpoints = pool.Rent(_kept is null ? Math.Max(1, _chunks) * tileCells : 1);
        T[] decay = pool.Rent(_chunk * tileCells), states = pool.Rent(_chunk * tileCells);
        T[] steps = pool.Rent(_chunk * tileWidth), preGate = pool.Rent(_chunk * tileWidth);
        T[] bLanes = pool.Rent(Math.Max(1, n * s_maxLanes)), cLanes = pool.Rent(Math.Max(1, n * s_maxLanes));
        try
        {
            var work = new Workspace(state, adjoint, checkpoints, decay, states, steps, preGate, bLanes, cLanes);
            // Contiguous item ranges, as the forward pass: neighbouring tiles write neighbouring parts of the same rows.
            long items = (long)_p.Batch * _p.Tiles.Length;
            for (long item = items * part / parts; item < items * (part + 1) / parts; item++)
                RunItem((int)(item / _p.Tiles.Length), (int)(item % _p.Tiles.Length), work);
        }
        finally
        {
            foreach (var buffer in (ReadOnlySpan<T[]>)[state, adjoint, checkpoints, decay, states, steps, preGate, bLanes, cLanes])
                pool.Return(buffer);
        }
    }

    private sealed record Workspace(T[] State, T[] Adjoint, T[] Checkpoints, T[] Decay, T[] States, T[] Steps, T[] PreGate, T[] BLanes, T[] CLanes);

    private void RunItem(int batch, int tileIndex, Workspace work)
    {
        var p = _p;
        var (start, end) = p.Tiles[tileIndex];
        int w = end - start, n = p.StateSize, channels = p.Channels, cells = n * w;
        var state = work.State.AsSpan(0, cells);
        var adjoint = work.Adjoint.AsSpan(0, cells);
        SelectiveScanStates.Load(p.InitialState, state, batch, start, w, channels, n);

        var r = SelectiveScanRecurrence<T>.For(p, start, w, state);
        var operands = new SelectiveScanOperands<T>(p);
        // Sweep 1: the state entering every chunk (unless the forward pass kept them).
        Span<T> checkpoints = _kept is null ? work.Checkpoints.AsSpan(0, _chunks * cells) : _kept.Block(batch, start, w);
        for (int k = 0; k < _chunks && _kept is null; k++)
        {
            state.CopyTo(checkpoints.Slice(k * cells, cells));
            for (int step = k * _chunk; step < Math.Min(p.Length, (k + 1) * _chunk); step++)
            {
                operands.SetRows(ref r, batch, start, p.TimeOf(step));
                SelectiveScanForwardJob<T>.AdvanceAllLanes(ref r, w, _width);
            }
        }

        SelectiveScanStates.Load(_finalGradient, adjoint, batch, start, w, channels, n);
        var a = new SelectiveScanAdjoint<T>
        {
            Channels = channels, TileStart = start, TileWidth = w, StateSize = n, Softplus = p.Softplus,
            DeltaBias = r.DeltaBias, DSkip = r.DSkip, ATransposed = r.ATransposed,
            Adjoint = adjoint,
            ADelta = APartial.AsSpan(batch * n * channels, n * channels),
            DDelta = DPartial.Length == 0 ? default : DPartial.AsSpan(batch * channels, channels),
            BiasDelta = BiasPartial.Length == 0 ? default : BiasPartial.AsSpan(batch * channels, channels),
        };
        var dy = _outputGradient.AsSpan();
        Span<T> uGradient = U.AsSpan(), deltaGradient = Delta.AsSpan(), zGradient = Z is null ? default : Z.AsSpan();
        for (int k = _chunks - 1; k >= 0; k--)
        {
            int first = k * _chunk, count = Math.Min(p.Length, first + _chunk) - first;
            var checkpoint = checkpoints.Slice(k * cells, cells);
            // Sweep 2: recompute the chunk, keeping Δ', exp(Δ'A), h and the pre-gate y of every step.
            checkpoint.CopyTo(state);
            for (int j = 0; j < count; j++)
            {
                operands.SetRows(ref r, batch, start, p.TimeOf(first + j));
                r.StepsOut = work.Steps.AsSpan(j * w, w);
                r.DecayOut = work.Decay.AsSpan(j * cells, cells);
                r.StatesOut = work.States.AsSpan(j * cells, cells);
                r.PreGateOut = p.Z is null ? default : work.PreGate.AsSpan(j * w, w);
                SelectiveScanForwardJob<T>.AdvanceAllLanes(ref r, w, _width);
            }
            r.StepsOut = r.DecayOut = r.StatesOut = r.PreGateOut = default;
            // Sweep 3: the adjoint, last step of the chunk first.
            for (int j = count - 1; j >= 0; j--)
            {
                int t = p.TimeOf(first + j);
                int row = operands.Row(batch, t);
                a.DeltaRow = operands.Delta.Slice(row, channels);
                a.URow = operands.U.Slice(row, channels);
                a.ZRow = operands.Z.IsEmpty ? default : operands.Z.Slice(row, channels);
                a.OutputGradientRow = dy.Slice(row, channels);
                a.BRow = operands.B.Slice(p.ProjectionRow(p.GroupsB, batch, start, t), n);
                a.CRow = operands.C.Slice(p.ProjectionRow(p.GroupsC, batch, start, t), n);
                a.Steps = work.Steps.AsSpan(j * w, w);
                a.Decay = work.Decay.AsSpan(j * cells, cells);
                a.States = work.States.AsSpan(j * cells, cells);
                a.PreviousStates = j > 0 ? work.States.AsSpan((j - 1) * cells, cells) : checkpoint;
                a.PreGate = p.Z is null ? default : work.PreGate.AsSpan(j * w, w);
                a.UGradientRow = uGradient.Slice(row, channels);
                a.DeltaGradientRow = deltaGradient.Slice(row, channels);
                a.ZGradientRow = zGradient.IsEmpty ? default : zGradient.Slice(row, channels);
                long partialRow = (((long)batch * p.Tiles.Length + tileIndex) * p.Length + t) * n;
                StepAllLanes(ref a, w, BPartial.AsSpan((int)partialRow, n), CPartial.AsSpan((int)partialRow, n), work);
            }
        }
        if (InitialState is not null) SelectiveScanStates.Store(adjoint, InitialState.AsSpan(), batch, start, w, channels, n);
    }

    /// <summary>The widths in turn, as the forward pass; each width's lane sums for ∂B and ∂C are added in that order.</summary>
    private void StepAllLanes(ref SelectiveScanAdjoint<T> a, int tileWidth, Span<T> bRow, Span<T> cRow, Workspace work)
    {
        int c = 0;
        if (_width >= VectorWidth.W512) c = Take<Vector512Lane<T>>(ref a, c, tileWidth, bRow, cRow, work);
        if (_width >= VectorWidth.W256) c = Take<Vector256Lane<T>>(ref a, c, tileWidth, bRow, cRow, work);
        if (_width >= VectorWidth.W128) c = Take<Vector128Lane<T>>(ref a, c, tileWidth, bRow, cRow, work);
        Take<ScalarLane<T>>(ref a, c, tileWidth, bRow, cRow, work);

        static int Take<TLane>(ref SelectiveScanAdjoint<T> a, int from, int tileWidth, Span<T> bRow, Span<T> cRow, Workspace work)
            where TLane : struct, ISimdLane<TLane, T>
        {
            int count = TLane.Count, n = a.StateSize;
            int to = from + (tileWidth - from) / count * count;
            if (to == from) return to;
            a.BLanes = work.BLanes.AsSpan(0, n * count);
            a.CLanes = work.CLanes.AsSpan(0, n * count);
            a.BLanes.Clear();
            a.CLanes.Clear();
            a.Step<TLane>(from, to);
            for (int k = 0; k < n; k++)
            {
                bRow[k] += TLane.Sum(TLane.Load(ref work.BLanes[0], (nint)k * count));
                cRow[k] += TLane.Sum(TLane.Load(ref work.CLanes[0], (nint)k * count));
            }
            return to;
        }
    }
}
