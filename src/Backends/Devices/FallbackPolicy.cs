namespace Kernels.Devices;

/// <summary>What a device does with a primitive (or precision) it cannot execute natively.</summary>
public enum FallbackPolicy
{
    /// <summary>Copy the operands to the host, run the CPU reference, copy the results back (counted in <see cref="DeviceStatistics"/>).</summary>
    CopyToCpu,
    /// <summary>Throw <see cref="DeviceCapabilityException"/> naming the primitive instead of copying.</summary>
    Throw,
}
