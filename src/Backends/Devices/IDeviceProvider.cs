namespace Kernels.Devices;

/// <summary>A source of devices (the CPU, or a GPU runtime such as ILGPU) that <see cref="DeviceCatalog"/> consults.</summary>
public interface IDeviceProvider
{
    /// <summary>The devices present now (none when the runtime is missing: never throws for an absent driver).</summary>
    IReadOnlyList<DeviceInfo> Enumerate();

    /// <summary>Opens the device with this <see cref="DeviceInfo.Id"/>.</summary>
    /// <exception cref="DeviceException">The device vanished or its context could not be created.</exception>
    ComputeDevice Open(DeviceInfo device, FallbackPolicy fallback);
}
