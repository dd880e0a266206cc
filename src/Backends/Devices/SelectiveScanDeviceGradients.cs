using System.Numerics;

namespace Kernels.Devices;

/// <summary>
/// The buffers <see cref="ComputeDevice.SelectiveScanBackward{T}"/> writes, each shaped like its input: ∂L/∂u and
/// ∂L/∂Δ (batch, length, channels), ∂L/∂A (channels, state), ∂L/∂B and ∂L/∂C (batch, groups, length, state), and
/// ∂L/∂D, ∂L/∂z, ∂L/∂bias — given exactly when the forward pass had D, z and a Δ bias.
/// </summary>
public sealed record SelectiveScanDeviceGradients<T>(
    DeviceBuffer<T> U,
    DeviceBuffer<T> Delta,
    DeviceBuffer<T> A,
    DeviceBuffer<T> B,
    DeviceBuffer<T> C,
    DeviceBuffer<T>? D = null,
    DeviceBuffer<T>? Z = null,
    DeviceBuffer<T>? DeltaBias = null) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Every buffer given, in declaration order.</summary>
    internal IEnumerable<(DeviceBuffer<T> Buffer, string Name)> Present()
    {
        yield return (U, "∂u"); yield return (Delta, "∂Δ"); yield return (A, "∂A"); yield return (B, "∂B"); yield return (C, "∂C");
        if (D is not null) yield return (D, "∂D");
        if (Z is not null) yield return (Z, "∂z");
        if (DeltaBias is not null) yield return (DeltaBias, "∂bias");
    }
}
