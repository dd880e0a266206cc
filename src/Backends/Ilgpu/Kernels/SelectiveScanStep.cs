using ILGPU;

namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>The per-step pieces the selective scan's forward and backward kernels share.</summary>
internal static class SelectiveScanStep
{
    /// <summary>Δ' = softplus(Δ + bias) or Δ + bias, with softplus(x) = max(x, 0) + log(1 + e^{−|x|}) (no overflow).</summary>
    public static T DeltaPrime<T, TOps>(TOps ops, T delta, ArrayView<T> bias, int channel, SelectiveScanArguments s)
        where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        T dt = delta;
        if (s.HasBias != 0) dt = ops.Add(dt, bias[channel]);
        if (s.Softplus != 0)
        {
            T positive = ops.IsNegative(dt) ? ops.Zero : dt;
            dt = ops.Add(positive, ops.Log(ops.Add(ops.One, ops.Exp(ops.Subtract(ops.Zero, ops.Abs(dt))))));
        }
        return dt;
    }
}
