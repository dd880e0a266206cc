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
    public static void RunInPlace(ReadOnlyMemory<Complex> a, Memory<Complex> bStates, Memory<Complex> state, int batch, int length, int channels,
        bool reverse = false, GridOrder? grid = null, int? threads = null)
    {
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
        int blocks = (channels + Block - 1) / Block;
        int parts = (int)Math.Max(1, Math.Min(threads ?? Threading.MaxThreads, (long)batch * blocks));
        CpuWorkerPool.Run(new Job(a, bStates, state, batch, length, channels, blocks, reverse, grid), parts);
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
