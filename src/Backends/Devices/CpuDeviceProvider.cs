namespace Kernels.Devices;

/// <summary>Provides the one <see cref="CpuDevice"/> (always present).</summary>
public sealed class CpuDeviceProvider : IDeviceProvider
{
    private static readonly Lazy<DeviceInfo> Description = new(() =>
    {
        using var device = new CpuDevice();
        return device.Info;
    });

    /// <inheritdoc />
    public IReadOnlyList<DeviceInfo> Enumerate() => [Description.Value];

    /// <inheritdoc />
    public ComputeDevice Open(DeviceInfo device, FallbackPolicy fallback)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device.Id != "cpu") throw new DeviceException($"The CPU provider has no device '{device.Id}'.");
        return new CpuDevice(fallback);
    }
}
