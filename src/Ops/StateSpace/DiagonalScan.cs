using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using Kernels.Backends.Cpu.Scheduling;
using Kernels.Tensors;

namespace Kernels.Ops.StateSpace;

/// <summary>
/// The diagonal linear recurrence h_t = a_t ⊙ h_{t−1} + b_t over inputs shaped (batch, length, channels[, state]),
/// forward or reverse in time, from an initial state h₀ (default 0), returning every h_t and the final state.
/// </summary>
/// <remarks>
/// Each step is one fused multiply-add across the channels (vectorised by <see cref="TensorPrimitives"/>). Long
/// sequences are split into time chunks scanned in parallel with the associative combine
/// (a₁, b₁)∘(a₂, b₂) = (a₁a₂, a₂b₁ + b₂): every chunk is scanned from a zero state while the product of its a's is
/// accumulated, the chunk carries are chained sequentially, and each chunk then adds (Π a)·carry to its states.
/// The chunked result equals the sequential one to rounding (a different association of the same products); the
/// chunk count depends only on <see cref="ScanOptions.Chunks"/> (default 1: sequential),
/// so for a fixed setting results are bit-identical run to run.
/// </remarks>
public static class DiagonalScan
{
    /// <summary>Returns (h, final): h has the shape of <paramref name="b"/>, final is (batch, channels[, state]).</summary>
    /// <exception cref="ArgumentException">Shapes differ, rank is not 3 or 4, or h₀'s shape is not (batch, channels[, state]).</exception>
    public static (NDArray<T> States, NDArray<T> Final) Run<T>(NDArray<T> a, NDArray<T> b, NDArray<T>? initial = null, bool reverse = false, ScanOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(b);
        var finalShape = FinalShape(b);
        if (initial is not null && !initial.Shape.SequenceEqual(finalShape))
            throw new ArgumentException($"The initial state must be {ShapeMath.Format(finalShape)} to match {b.ShapeString}; got {initial.ShapeString}.", nameof(initial));
        var states = b.Copy();
        var final = initial is null ? new NDArray<T>(finalShape) : initial.Copy();
        RunInPlace(a, states, final, reverse, options);
        return (states, final);
    }

    /// <summary>
    /// In place: <paramref name="bStates"/> holds b on entry and h on return; <paramref name="state"/> holds h₀ on
    /// entry and the final state on return. Both must be contiguous; nothing is allocated beyond O(chunks·channels).
    /// </summary>
    public static void RunInPlace<T>(NDArray<T> a, NDArray<T> bStates, NDArray<T> state, bool reverse = false, ScanOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(bStates);
        ArgumentNullException.ThrowIfNull(state);
        var finalShape = FinalShape(bStates);
        if (!a.Shape.SequenceEqual(bStates.Shape)) throw new ArgumentException($"a {a.ShapeString} and b {bStates.ShapeString} must have the same shape.", nameof(a));
        if (!state.Shape.SequenceEqual(finalShape))
            throw new ArgumentException($"The state must be {ShapeMath.Format(finalShape)} to match {bStates.ShapeString}; got {state.ShapeString}.", nameof(state));
        if (!bStates.IsContiguous || !state.IsContiguous) throw new ArgumentException("In-place scans need contiguous b/h and state arrays.", nameof(bStates));
        int batch = bStates.Shape[0], length = bStates.Shape[1];
        int width = bStates.Rank == 3 ? bStates.Shape[2] : bStates.Shape[2] * bStates.Shape[3];
        int threads = Math.Max(1, options?.Threads ?? Threading.MaxThreads);
        int chunks = options?.Chunks ?? 1;
        chunks = Math.Clamp(chunks, 1, Math.Max(1, length));
        GridOrder.Require(options?.Grid, length, "Diagonal scan");
        var job = new ChunkJob<T>(a.Contiguous(), bStates, state, batch, length, width, reverse, options?.Grid, chunks);
        int parts = Math.Min(chunks, threads);
        CpuWorkerPool.Run(job, parts);       // phase 1: local scans
        job.ChainCarries();                  // phase 2: sequential over chunks, O(chunks·channels)
        if (chunks > 1)
        {
            job.FixUp = true;
            CpuWorkerPool.Run(job, parts);   // phase 3: add (Π a)·carry inside every later chunk
        }
    }

    private static int[] FinalShape<T>(NDArray<T> b) where T : unmanaged
    {
        if (b.Rank is not (3 or 4)) throw new ArgumentException($"The scan input must be (batch, length, channels) or (batch, length, channels, state); got {b.ShapeString}.", nameof(b));
        return b.Rank == 3 ? [b.Shape[0], b.Shape[2]] : [b.Shape[0], b.Shape[2], b.Shape[3]];
    }

    /// <summary>
    /// Phase 1 (parallel over chunks): scan every chunk locally — the first in processing order from h₀, the others
    /// from zero — accumulating the chunk's product of a. Phase 3 (<see cref="FixUp"/>): h_t += (Π a up to t)·carry-in.
    /// </summary>
    private sealed class ChunkJob<T>(NDArray<T> a, NDArray<T> states, NDArray<T> final, int batch, int length, int width, bool reverse, GridOrder? grid, int chunks) : IParallelJob
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly T[] _products = new T[(long)batch * chunks * width];
        private readonly T[] _carryIn = new T[(long)batch * chunks * width];

        /// <summary>False: phase 1; true: phase 3.</summary>
        public bool FixUp;

        public void Begin(int parts) { }

        /// <summary>[start, end) of chunk c in processing steps (chunk 0 is processed first).</summary>
        private (int Start, int End) Range(int c) => ((int)((long)length * c / chunks), (int)((long)length * (c + 1) / chunks));

        private const int First = 0;

        private int TimeOf(int step) => GridOrder.TimeOf(step, length, reverse, grid);

        private Span<T> Slot(T[] store, int bi, int c) => store.AsSpan((int)(((long)bi * chunks + c) * width), width);

        public void Execute(int part, int parts)
        {
            var av = a.AsSpan();
            var hv = states.AsSpan();
            var fv = final.AsSpan();
            for (int c = part; c < chunks; c += parts)
            {
                if (FixUp && c == First) continue;
                var (start, end) = Range(c);
                for (int bi = 0; bi < batch; bi++)
                {
                    var product = FixUp ? Slot(_carryIn, bi, c) : Slot(_products, bi, c);
                    if (!FixUp) product.Fill(T.One);
                    ReadOnlySpan<T> previous = !FixUp && c == First ? fv.Slice(bi * width, width) : default;
                    for (int s = 0; s < end - start; s++)
                    {
                        int t = TimeOf(start + s);
                        int at = (int)(((long)bi * length + t) * width);
                        var h = hv.Slice(at, width);
                        var coefficient = av.Slice(at, width);
                        if (FixUp)
                        {
                            // carry·a_{first}·…·a_t, accumulated in place in the carry slot.
                            TensorPrimitives.Multiply(product, coefficient, product);
                            TensorPrimitives.Add(h, product, h);
                            continue;
                        }
                        if (!previous.IsEmpty) TensorPrimitives.FusedMultiplyAdd(coefficient, previous, h, h);
                        if (c != First) TensorPrimitives.Multiply(product, coefficient, product);
                        previous = h;
                    }
                }
            }
        }

        /// <summary>Phase 2: carry-in of each chunk in processing order, carry_out = local_last + (Π a)·carry_in; the final state.</summary>
        public void ChainCarries()
        {
            var hv = states.AsSpan();
            var fv = final.AsSpan();
            if (length == 0) return;
            T[] carry = ArrayPool<T>.Shared.Rent(width);
            try
            {
                var carrySpan = carry.AsSpan(0, width);
                for (int bi = 0; bi < batch; bi++)
                {
                    for (int c = 0; c < chunks; c++)
                    {
                        var (start, end) = Range(c);
                        int last = TimeOf(Math.Max(start, end - 1));
                        var localLast = hv.Slice((int)(((long)bi * length + last) * width), width);
                        if (c == 0)
                        {
                            localLast.CopyTo(carrySpan);
                            continue;
                        }
                        carrySpan.CopyTo(Slot(_carryIn, bi, c));
                        if (end == start) continue;
                        // carry ← local_last + (Π a)·carry
                        TensorPrimitives.FusedMultiplyAdd(Slot(_products, bi, c), carrySpan, localLast, carrySpan);
                    }
                    carrySpan.CopyTo(fv.Slice(bi * width, width));
                }
            }
            finally
            {
                ArrayPool<T>.Shared.Return(carry);
            }
        }
    }
}
