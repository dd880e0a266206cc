using ILGPU;

namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>Scalar arguments of <see cref="SelectiveScanKernels.Forward{T, TOps}"/> (flags as 0/1).</summary>
internal readonly record struct SelectiveScanArguments(int Batch, int Length, int Channels, int State, int Groups,
    int Reverse, int Softplus, int HasD, int HasZ, int HasBias);

/// <summary>
/// The selective scan forward pass. One group of <see cref="Lanes"/> threads owns one (batch, channel) sequence and
/// splits its state vector across lanes (state n on lane n mod 32), kept in shared memory for the whole sequence;
/// each step every lane advances its states, h_n = exp(Δ'A_n)·h_n + Δ'u·B_n, and forms its part of C·h; the parts
/// are summed by lane 0 in lane order (deterministic, no atomics), which adds D·u, applies the gate and writes y.
/// B_t and C_t are read by consecutive lanes (coalesced); u, Δ and z are one broadcast load per step.
/// </summary>
internal static class SelectiveScanKernels
{
    public const int Lanes = 32;

    public static void Forward<T, TOps>(ArrayView<T> u, ArrayView<T> delta, ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, ArrayView<T> d,
        ArrayView<T> z, ArrayView<T> bias, ArrayView<T> y, ArrayView<T> final, SelectiveScanArguments s)
        where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        var shared = SharedMemory.GetDynamic<T>();   // [0, State): h; [State, State + Lanes): lane sums
        int sequence = Grid.IdxX, lane = Group.IdxX;
        int batch = sequence / s.Channels, channel = sequence % s.Channels;
        int group = (int)((long)channel * s.Groups / s.Channels);
        for (int n = lane; n < s.State; n += Lanes) shared[n] = ops.Zero;
        T one = ops.One;
        for (int step = 0; step < s.Length; step++)
        {
            int t = s.Reverse != 0 ? s.Length - 1 - step : step;
            long at = ((long)batch * s.Length + t) * s.Channels + channel;
            long row = (((long)batch * s.Groups + group) * s.Length + t) * s.State;
            T dt = SelectiveScanStep.DeltaPrime(ops, delta[at], bias, channel, s);
            T input = u[at];
            T drive = ops.Multiply(dt, input);
            T part = ops.Zero;
            for (int n = lane; n < s.State; n += Lanes)
            {
                T h = ops.MultiplyAdd(ops.Exp(ops.Multiply(dt, a[(long)channel * s.State + n])), shared[n], ops.Multiply(drive, b[row + n]));
                shared[n] = h;
                part = ops.MultiplyAdd(c[row + n], h, part);
            }
            shared[s.State + lane] = part;
            Group.Barrier();
            if (lane == 0)
            {
                T sum = ops.Zero;
                for (int i = 0; i < Lanes; i++) sum = ops.Add(sum, shared[s.State + i]);
                if (s.HasD != 0) sum = ops.MultiplyAdd(d[channel], input, sum);
                if (s.HasZ != 0)
                {
                    T gate = z[at];
                    sum = ops.Multiply(sum, ops.Divide(gate, ops.Add(one, ops.Exp(ops.Subtract(ops.Zero, gate)))));
                }
                y[at] = sum;
            }
            Group.Barrier();
        }
        for (int n = lane; n < s.State; n += Lanes) final[(long)sequence * s.State + n] = shared[n];
    }
}
