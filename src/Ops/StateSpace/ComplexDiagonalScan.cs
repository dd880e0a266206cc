using System.Numerics;
using System.Runtime.InteropServices;
using Kernels.Backends.Cpu.Scheduling;
using Kernels.Tensors;
using Kernels.Tensors.Simd;

namespace Kernels.Ops.StateSpace;

/// <summary>
/// The complex diagonal recurrence h_t = a_t ⊙ h_{t−1} + b_t over (batch, length, channels) stored row-major as
/// <see cref="Complex"/> — the recurrent mode of complex-diagonal SSMs (S4D, S5, DSS) — forward or reverse (or in a
/// <see cref="GridOrder"/>), from h₀ (default 0), returning every h_t in place of b and the final state.
/// </summary>
/// <remarks>
/// Work items are (batch, block of 64 channels), sequential in time, parallel over items; each item is computed the
/// same way whatever the thread count (bit-identical results). For a few very long sequences,
/// <see cref="Associative.AssociativeScan"/> with <see cref="Associative.ComplexLinearRecurrence"/> scans in time
/// chunks instead.
/// </remarks>
public static class ComplexDiagonalScan
{
    private const int Block = 64;

    /// <summary>
    /// In place: <paramref name="bStates"/> holds b on entry and h on return; <paramref name="state"/> (batch × channels)
    /// holds h₀ on entry and the final state on return.
    /// </summary>
    /// <exception cref="ArgumentException">A buffer's length is not batch·length·channels (state: batch·channels), or a value is not finite.</exception>
    /// <param name="a">Decays, (batch, length, channels).</param>
    /// <param name="bStates">b on entry, h on return.</param>
    /// <param name="state">h₀ on entry, the final state on return, (batch, channels).</param>
    /// <param name="batch">Batch size.</param>
    /// <param name="length">Sequence length.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="reverse">Scan from the last step to the first.</param>
    /// <param name="grid">Optional grid order of the length axis.</param>
    /// <param name="threads">Most threads (default <see cref="Threading.MaxThreads"/>).</param>
    /// <param name="chunks">
    /// Time chunks per sequence (default 1, sequential): with more, chunks are scanned in parallel from zero while their
    /// products of a are kept, carries are chained, and every later chunk adds (Π a)·carry — for few, long sequences.
    /// The result equals the sequential one to rounding and depends on the chunk count, never on the thread count.
    /// </param>
    public static void RunInPlace(ReadOnlyMemory<Complex> a, Memory<Complex> bStates, Memory<Complex> state, int batch, int length, int channels,
        bool reverse = false, GridOrder? grid = null, int? threads = null, int chunks = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunks, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfNegative(channels);
        long size = (long)batch * length * channels;
        if (a.Length != size || bStates.Length != size)
            throw new ArgumentException($"a ({a.Length}) and b ({bStates.Length}) must both hold batch·length·channels = {batch}·{length}·{channels} = {size} values.", nameof(a));
        if (state.Length != (long)batch * channels)
            throw new ArgumentException($"The state must hold batch·channels = {batch}·{channels} values; got {state.Length}.", nameof(state));
        GridOrder.Require(grid, length, "Complex diagonal scan");
        RequireFinite(a.Span, "a");
        RequireFinite(bStates.Span, "b");
        RequireFinite(state.Span, "h₀");
        int budget = threads ?? Threading.MaxThreads;
        chunks = Math.Min(chunks, Math.Max(1, length));
        if (chunks > 1 && (long)batch * channels > 0)
        {
            var chunked = new ChunkedJob(a, bStates, state, batch, length, channels, chunks, reverse, grid);
            int chunkParts = (int)Math.Max(1, Math.Min(budget, (long)batch * chunks));
            CpuWorkerPool.Run(chunked, chunkParts);   // 1: local scans
            chunked.ChainCarries();                   // 2: carries in processing order
            chunked.FixUp = true;
            CpuWorkerPool.Run(chunked, chunkParts);   // 3: (Π a)·carry added to every later chunk
            return;
        }
        int blocks = (channels + Block - 1) / Block;
        int parts = (int)Math.Max(1, Math.Min(budget, (long)batch * blocks));
        CpuWorkerPool.Run(new Job(a, bStates, state, batch, length, channels, blocks, reverse, grid), parts);
    }

    /// <summary>The three phases of the chunked scan over items (batch, chunk), all channels of a step at once.</summary>
    private sealed class ChunkedJob(ReadOnlyMemory<Complex> a, Memory<Complex> states, Memory<Complex> final, int batch, int length, int channels,
        int chunks, bool reverse, GridOrder? grid) : IParallelJob
    {
        private readonly Complex[] _products = new Complex[(long)batch * chunks * channels];
        private readonly Complex[] _carries = new Complex[(long)batch * chunks * channels];

        /// <summary>False: phase 1; true: phase 3.</summary>
        public bool FixUp;

        public void Begin(int parts) { }

        private (int Start, int End) Steps(int c) => ((int)((long)length * c / chunks), (int)((long)length * (c + 1) / chunks));

        private int Row(int b, int step) => (b * length + GridOrder.TimeOf(step, length, reverse, grid)) * channels;

        public void Execute(int part, int parts)
        {
            long items = (long)batch * chunks;
            for (long item = items * part / parts; item < items * (part + 1) / parts; item++)
            {
                int b = (int)(item / chunks), c = (int)(item % chunks);
                if (FixUp && c == 0) continue;
                var av = a.Span;
                var hv = states.Span;
                var (start, end) = Steps(c);
                var slot = (FixUp ? _carries : _products).AsSpan((int)(item * channels), channels);
                if (!FixUp && c > 0) slot.Fill(Complex.One);
                // Chunk 0 starts from h₀ (so its states are final); later chunks from zero.
                ReadOnlySpan<Complex> previous = !FixUp && c == 0 ? final.Span.Slice(b * channels, channels) : default;
                for (int step = start; step < end; step++)
                {
                    int row = Row(b, step);
                    var decay = av.Slice(row, channels);
                    var h = hv.Slice(row, channels);
                    if (FixUp)
                    {
                        // carry·a_first·…·a_t accumulated in the carry slot, added to the local state.
                        for (int d = 0; d < channels; d++) { slot[d] *= decay[d]; h[d] += slot[d]; }
                        continue;
                    }
                    if (!previous.IsEmpty) for (int d = 0; d < channels; d++) h[d] += decay[d] * previous[d];
                    if (c > 0) for (int d = 0; d < channels; d++) slot[d] *= decay[d];
                    previous = h;
                }
            }
        }

        /// <summary>carry into chunk c = corrected last state of chunk c − 1 = local last + (Π a)·carry; the final state.</summary>
        public void ChainCarries()
        {
            var hv = states.Span;
            var fv = final.Span;
            for (int b = 0; b < batch; b++)
            {
                var carry = fv.Slice(b * channels, channels);
                hv.Slice(Row(b, Steps(0).End - 1), channels).CopyTo(carry);
                for (int c = 1; c < chunks; c++)
                {
                    long slot = ((long)b * chunks + c) * channels;
                    carry.CopyTo(_carries.AsSpan((int)slot, channels));
                    var last = hv.Slice(Row(b, Steps(c).End - 1), channels);
                    for (int d = 0; d < channels; d++) carry[d] = last[d] + _products[slot + d] * carry[d];
                }
            }
        }
    }

    private static void RequireFinite(ReadOnlySpan<Complex> values, string name)
    {
        // Complex is two doubles: the vectorised scan over the parts, index halved back to the complex element.
        int at = FiniteScan.FirstNonFinite(MemoryMarshal.Cast<Complex, double>(values));
        if (at >= 0)
            throw new ArgumentException($"Complex diagonal scan: {name} holds a non-finite value {values[at / 2]} at flat index {at / 2}.", name);
    }

    private sealed class Job(ReadOnlyMemory<Complex> a, Memory<Complex> states, Memory<Complex> final, int batch, int length, int channels,
        int blocks, bool reverse, GridOrder? grid) : IParallelJob
    {
        public void Begin(int parts) { }

        public void Execute(int part, int parts)
        {
            long items = (long)batch * blocks;
            for (long item = items * part / parts; item < items * (part + 1) / parts; item++)
            {
                int b = (int)(item / blocks), start = (int)(item % blocks) * Block, end = Math.Min(channels, start + Block);
                var av = a.Span;
                var hv = states.Span;
                var h = final.Span.Slice(b * channels + start, end - start);
                for (int step = 0; step < length; step++)
                {
                    int row = (b * length + GridOrder.TimeOf(step, length, reverse, grid)) * channels;
                    var decay = av.Slice(row + start, h.Length);
                    var drive = hv.Slice(row + start, h.Length);
                    for (int d = 0; d < h.Length; d++)
                    {
                        var value = decay[d] * h[d] + drive[d];
                        drive[d] = value;
                        h[d] = value;
                    }
                }
            }
        }
    }
}
