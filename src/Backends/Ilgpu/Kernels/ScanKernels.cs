using ILGPU;

namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>Shape of a diagonal scan launch: (batch, length, channels), chunks per sequence, direction, h₀ present.</summary>
internal readonly record struct ScanArguments(int Batch, int Length, int Channels, int Chunks, int Reverse, int HasInitial)
{
    public int ChunkLength => (Length + Chunks - 1) / Chunks;

    /// <summary>First time step of chunk c (chunks are contiguous in t; the direction only changes their order).</summary>
    public int ChunkStart(int chunk) => chunk * ChunkLength;

    /// <summary>One past the last time step of chunk c.</summary>
    public int ChunkEnd(int chunk) => Math.Min(Length, ChunkStart(chunk) + ChunkLength);
}

/// <summary>
/// hₜ = aₜ ⊙ hₜ₋₁ + bₜ over (batch, length, channels). One thread owns one (batch, channel) sequence, so the
/// threads of a group read consecutive channels of the same time step (coalesced). When there are too few
/// sequences to fill the device, each is cut into chunks: (1) every chunk is scanned from a zero state while the
/// product of its a's is kept, (2) one thread per sequence chains the chunk carries in scan order with
/// (a₁, b₁)∘(a₂, b₂) = (a₁a₂, a₂b₁ + b₂), (3) every chunk adds (Π a)·carry to its states.
/// </summary>
internal static class ScanKernels
{
    private static long At(ScanArguments s, int sequence, int t) =>
        ((long)(sequence / s.Channels) * s.Length + t) * s.Channels + sequence % s.Channels;

    // Step i of chunk c in scan order: forward runs t = start + i, reverse runs from the chunk's end.
    private static int TimeOf(ScanArguments s, int chunk, int i) =>
        s.Reverse != 0 ? s.ChunkEnd(chunk) - 1 - i : s.ChunkStart(chunk) + i;

    /// <summary>Threads per group of <see cref="Sequential{T, TOps}"/>: small, so that a few tens of thousands of sequences
    /// still spread over every multiprocessor (ILGPU's automatic grouping took 1024, leaving half an H100 idle).</summary>
    public const int SequentialGroup = 128;

    public static void Sequential<T, TOps>(ArrayView<T> a, ArrayView<T> b, ArrayView<T> initial, ArrayView<T> states, ArrayView<T> final, ScanArguments s)
        where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        int sequence = Grid.GlobalIndex.X;
        if (sequence >= s.Batch * s.Channels) return;
        TOps ops = default;
        T h = s.HasInitial != 0 ? initial[sequence] : ops.Zero;
        long step = s.Reverse != 0 ? -(long)s.Channels : s.Channels;
        long at = At(s, sequence, s.Reverse != 0 ? s.Length - 1 : 0);
        int i = 0;
        // Four steps' loads are issued before their stores: the compiler cannot move a load above a store to
        // `states` (it might alias), so one step at a time would leave one load pair in flight per thread. (On the
        // H100 this kernel, with this batching and groups of 128, ran at 91 % of copy bandwidth; the batching's own
        // share of that was not measured separately.)
        for (; i + 4 <= s.Length; i += 4, at += 4 * step)
        {
            T a0 = a[at], a1 = a[at + step], a2 = a[at + 2 * step], a3 = a[at + 3 * step];
            T b0 = b[at], b1 = b[at + step], b2 = b[at + 2 * step], b3 = b[at + 3 * step];
            h = ops.MultiplyAdd(a0, h, b0); states[at] = h;
            h = ops.MultiplyAdd(a1, h, b1); states[at + step] = h;
            h = ops.MultiplyAdd(a2, h, b2); states[at + 2 * step] = h;
            h = ops.MultiplyAdd(a3, h, b3); states[at + 3 * step] = h;
        }
        for (; i < s.Length; i++, at += step)
        {
            h = ops.MultiplyAdd(a[at], h, b[at]);
            states[at] = h;
        }
        final[sequence] = h;
    }

    /// <summary>Phase 1: index = sequence·chunks + chunk; writes local states, Π a and the chunk's last local state.</summary>
    public static void LocalChunks<T, TOps>(Index1D index, ArrayView<T> a, ArrayView<T> b, ArrayView<T> states, ArrayView<T> products, ArrayView<T> lasts, ScanArguments s)
        where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        int sequence = index / s.Chunks, chunk = index % s.Chunks, steps = s.ChunkEnd(chunk) - s.ChunkStart(chunk);
        T h = ops.Zero, product = ops.One;
        for (int i = 0; i < steps; i++)
        {
            long at = At(s, sequence, TimeOf(s, chunk, i));
            T at_a = a[at];
            h = ops.MultiplyAdd(at_a, h, b[at]);
            product = ops.Multiply(product, at_a);
            states[at] = h;
        }
        products[index] = product;
        lasts[index] = h;
    }

    /// <summary>Phase 2: one thread per sequence chains the carries in scan order; carries[c] is the state entering chunk c.</summary>
    public static void ChainCarries<T, TOps>(Index1D sequence, ArrayView<T> initial, ArrayView<T> products, ArrayView<T> lasts, ArrayView<T> carries, ArrayView<T> final, ScanArguments s)
        where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        T carry = s.HasInitial != 0 ? initial[sequence] : ops.Zero;
        for (int step = 0; step < s.Chunks; step++)
        {
            int chunk = s.Reverse != 0 ? s.Chunks - 1 - step : step;
            int index = sequence * s.Chunks + chunk;
            carries[index] = carry;
            carry = ops.MultiplyAdd(products[index], carry, lasts[index]);
        }
        final[sequence] = carry;
    }

    /// <summary>Phase 3: hₜ += (Π of a from the chunk's first step to t)·carry.</summary>
    public static void FixUp<T, TOps>(Index1D index, ArrayView<T> a, ArrayView<T> states, ArrayView<T> carries, ScanArguments s)
        where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        int sequence = index / s.Chunks, chunk = index % s.Chunks, steps = s.ChunkEnd(chunk) - s.ChunkStart(chunk);
        T carry = carries[index];
        T product = ops.One;
        for (int i = 0; i < steps; i++)
        {
            long at = At(s, sequence, TimeOf(s, chunk, i));
            product = ops.Multiply(product, a[at]);
            states[at] = ops.MultiplyAdd(product, carry, states[at]);
        }
    }
}
