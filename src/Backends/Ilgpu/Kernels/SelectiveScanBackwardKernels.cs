using ILGPU;

namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>Scalar arguments of <see cref="SelectiveScanBackwardKernels.Sequence{T, TOps}"/>: the forward's, and whether ∂(final state) is given.</summary>
internal readonly record struct SelectiveScanBackwardArguments(SelectiveScanArguments Scan, int HasFinalGradient);

/// <summary>
/// The selective scan backward pass in three launches, with no atomics (results are the same bits run to run):
/// <list type="number">
/// <item><see cref="Sequence{T, TOps}"/>: one group of <see cref="SelectiveScanKernels.Lanes"/> threads per (batch,
/// channel) sequence, state n on lane n mod 32 as in the forward kernel. It recomputes the forward states into
/// scratch (every h_t: batch·channels·length·state elements), then walks back in time with the adjoint
/// g_t = ŷ_t C_t + exp(Δ'_{t+1}A) ⊙ g_{t+1} (ŷ = ∂L/∂y before the gate): writes ∂u, ∂Δ, ∂z per step; this
/// channel's parts of ∂C_t = ŷ_t h_t (over h_t, no longer needed) and ∂B_t = Δ'_t u_t g_t; and its sums over
/// time of ∂A = Σ_t g_t Δ'_t exp(Δ'_t A) h_{t−1}, ∂D = Σ_t ŷ_t u_t and ∂bias = Σ_t ∂Δ_t.</item>
/// <item><see cref="SumChannelsOfGroup{T, TOps}"/>: ∂B and ∂C summed over the channels of each group, in channel order.</item>
/// <item><see cref="SumBatches{T, TOps}"/>: ∂A, ∂D, ∂bias summed over the batch, in batch order.</item>
/// </list>
/// </summary>
internal static class SelectiveScanBackwardKernels
{
    private const int Lanes = SelectiveScanKernels.Lanes;

    /// <summary>Dynamic shared memory of <see cref="Sequence{T, TOps}"/> in elements.</summary>
    public static int SharedElements(int state) => 2 * state + 2 * Lanes;

    /// <summary>Elements of the <c>kept</c> scratch: every h_t (later this channel's ∂C parts), then the ∂B parts.</summary>
    public static long KeptElements(SelectiveScanArguments s) => 2L * s.Batch * s.Channels * s.Length * s.State;

    /// <summary>
    /// Elements of the <c>results</c> scratch: ∂u, ∂Δ, ∂z (batch·length·channels each), then per sequence Σ_t ∂A
    /// (state each), Σ_t ∂D and Σ_t ∂bias. (One buffer for many arrays keeps the launch within ILGPU's parameter count.)
    /// </summary>
    public static long ResultElements(SelectiveScanArguments s)
    {
        long sequences = (long)s.Batch * s.Channels;
        return 3 * sequences * s.Length + sequences * s.State + 2 * sequences;
    }

    public static void Sequence<T, TOps>(ArrayView<T> u, ArrayView<T> delta, ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, ArrayView<T> d,
        ArrayView<T> z, ArrayView<T> bias, ArrayView<T> dy, ArrayView<T> dFinal, ArrayView<T> kept, ArrayView<T> results,
        SelectiveScanBackwardArguments arguments)
        where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        var s = arguments.Scan;
        long steps = (long)s.Batch * s.Length * s.Channels, sequences = (long)s.Batch * s.Channels;
        var states = kept.SubView(0, steps * s.State);
        var partB = kept.SubView(steps * s.State, steps * s.State);
        var du = results.SubView(0, steps);
        var dDelta = results.SubView(steps, steps);
        var dz = results.SubView(2 * steps, steps);
        var partA = results.SubView(3 * steps, sequences * s.State);
        var partD = results.SubView(3 * steps + sequences * s.State, sequences);
        var partBias = results.SubView(3 * steps + sequences * s.State + sequences, sequences);
        // [0, N): the state, then the adjoint carry exp(Δ'A) ⊙ g; [N, 2N): Σ_t of ∂A; then two rows of lane sums.
        var shared = SharedMemory.GetDynamic<T>();
        int carry = 0, sumA = s.State, partsU = 2 * s.State, partsDelta = partsU + Lanes;
        int sequence = Grid.IdxX, lane = Group.IdxX;
        int batch = sequence / s.Channels, channel = sequence % s.Channels;
        int group = (int)((long)channel * s.Groups / s.Channels);
        long stateRow = (long)channel * s.State;
        T one = ops.One;

        // Forward again, keeping every state.
        for (int n = lane; n < s.State; n += Lanes) shared[carry + n] = ops.Zero;
        for (int step = 0; step < s.Length; step++)
        {
            int t = s.Reverse != 0 ? s.Length - 1 - step : step;
            long at = ((long)batch * s.Length + t) * s.Channels + channel;
            long row = (((long)batch * s.Groups + group) * s.Length + t) * s.State;
            long here = ((long)sequence * s.Length + t) * s.State;
            T dt = SelectiveScanStep.DeltaPrime(ops, delta[at], bias, channel, s);
            T drive = ops.Multiply(dt, u[at]);
            for (int n = lane; n < s.State; n += Lanes)
            {
                T h = ops.MultiplyAdd(ops.Exp(ops.Multiply(dt, a[stateRow + n])), shared[carry + n], ops.Multiply(drive, b[row + n]));
                shared[carry + n] = h;
                states[here + n] = h;
            }
        }

        // Backward through time.
        for (int n = lane; n < s.State; n += Lanes)
        {
            shared[carry + n] = arguments.HasFinalGradient != 0 ? dFinal[(long)sequence * s.State + n] : ops.Zero;
            shared[sumA + n] = ops.Zero;
        }
        T sumD = ops.Zero, sumBias = ops.Zero;
        for (int step = s.Length - 1; step >= 0; step--)
        {
            int t = s.Reverse != 0 ? s.Length - 1 - step : step;
            int previous = s.Reverse != 0 ? t + 1 : t - 1;   // the time of h_{t−1} in scan order (read only when step > 0)
            long at = ((long)batch * s.Length + t) * s.Channels + channel;
            long row = (((long)batch * s.Groups + group) * s.Length + t) * s.State;
            long here = ((long)sequence * s.Length + t) * s.State;
            long before = ((long)sequence * s.Length + previous) * s.State;
            T raw = delta[at];
            if (s.HasBias != 0) raw = ops.Add(raw, bias[channel]);
            T dt = SelectiveScanStep.DeltaPrime(ops, delta[at], bias, channel, s);
            T input = u[at];

            // y before D·u and the gate: Σ_n C_n h_n, lane parts summed in lane order by every lane.
            T part = ops.Zero;
            for (int n = lane; n < s.State; n += Lanes) part = ops.MultiplyAdd(c[row + n], states[here + n], part);
            shared[partsU + lane] = part;
            Group.Barrier();
            T y = ops.Zero;
            for (int i = 0; i < Lanes; i++) y = ops.Add(y, shared[partsU + i]);
            if (s.HasD != 0) y = ops.MultiplyAdd(d[channel], input, y);
            T dyPre = dy[at], dGate = ops.Zero;
            if (s.HasZ != 0)
            {
                // out = y·SiLU(z): ∂y = ∂out·SiLU(z), ∂z = ∂out·y·σ(z)(1 + z(1 − σ(z))).
                T gate = z[at];
                T sigma = ops.Divide(one, ops.Add(one, ops.Exp(ops.Subtract(ops.Zero, gate))));
                dGate = ops.Multiply(ops.Multiply(dyPre, y), ops.Multiply(sigma, ops.MultiplyAdd(gate, ops.Subtract(one, sigma), one)));
                dyPre = ops.Multiply(dyPre, ops.Multiply(gate, sigma));
            }
            Group.Barrier();   // every lane has read the parts before they are overwritten

            T partU = ops.Zero, partDelta = ops.Zero;
            T dtInput = ops.Multiply(dt, input);
            for (int n = lane; n < s.State; n += Lanes)
            {
                T an = a[stateRow + n];
                T decay = ops.Exp(ops.Multiply(dt, an));
                T h = states[here + n];
                T hBefore = step > 0 ? states[before + n] : ops.Zero;
                T bn = b[row + n];
                T g = ops.MultiplyAdd(dyPre, c[row + n], shared[carry + n]);
                states[here + n] = ops.Multiply(dyPre, h);          // this channel's ∂C_t part (h_t is not read again)
                partB[here + n] = ops.Multiply(g, dtInput);          // this channel's ∂B_t part
                partU = ops.MultiplyAdd(ops.Multiply(g, dt), bn, partU);
                T decayed = ops.Multiply(decay, hBefore);
                partDelta = ops.MultiplyAdd(g, ops.MultiplyAdd(an, decayed, ops.Multiply(input, bn)), partDelta);
                shared[sumA + n] = ops.MultiplyAdd(ops.Multiply(g, dt), decayed, shared[sumA + n]);
                shared[carry + n] = ops.Multiply(decay, g);
            }
            shared[partsU + lane] = partU;
            shared[partsDelta + lane] = partDelta;
            Group.Barrier();
            if (lane == 0)
            {
                T gu = s.HasD != 0 ? ops.Multiply(dyPre, d[channel]) : ops.Zero;
                T gDelta = ops.Zero;
                for (int i = 0; i < Lanes; i++)
                {
                    gu = ops.Add(gu, shared[partsU + i]);
                    gDelta = ops.Add(gDelta, shared[partsDelta + i]);
                }
                // Δ' = softplus(raw): ∂raw = ∂Δ'·σ(raw).
                if (s.Softplus != 0) gDelta = ops.Divide(gDelta, ops.Add(one, ops.Exp(ops.Subtract(ops.Zero, raw))));
                du[at] = gu;
                dDelta[at] = gDelta;
                if (s.HasZ != 0) dz[at] = dGate;
                sumD = ops.MultiplyAdd(dyPre, input, sumD);
                sumBias = ops.Add(sumBias, gDelta);
            }
            Group.Barrier();
        }
        for (int n = lane; n < s.State; n += Lanes) partA[(long)sequence * s.State + n] = shared[sumA + n];
        if (lane == 0)
        {
            partD[sequence] = sumD;
            partBias[sequence] = sumBias;
        }
    }

    /// <summary>out[b, g, t, n] = Σ over the channels of group g, in order, of parts[b, channel, t, n].</summary>
    public static void SumChannelsOfGroup<T, TOps>(Index1D index, ArrayView<T> parts, ArrayView<T> output, SelectiveScanArguments s)
        where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        long i = index;
        long perGroup = (long)s.Length * s.State;
        long inGroup = i % perGroup;                 // t·N + n
        long batchGroup = i / perGroup;
        int g = (int)(batchGroup % s.Groups), batch = (int)(batchGroup / s.Groups);
        int width = s.Channels / s.Groups;
        T sum = ops.Zero;
        for (int k = 0; k < width; k++)
        {
            long channel = (long)g * width + k;
            sum = ops.Add(sum, parts[((long)batch * s.Channels + channel) * perGroup + inGroup]);
        }
        output[i] = sum;
    }

    /// <summary>out[i] = Σ_b parts[b·count + i], in batch order.</summary>
    public static void SumBatches<T, TOps>(Index1D index, ArrayView<T> parts, ArrayView<T> output, int count, int batches)
        where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        T sum = ops.Zero;
        for (int batch = 0; batch < batches; batch++) sum = ops.Add(sum, parts[(long)batch * count + index]);
        output[index] = sum;
    }
}
