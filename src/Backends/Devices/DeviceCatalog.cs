namespace Kernels.Devices;

/// <summary>
/// The devices of a set of providers, and how one is chosen: by id (<c>cpu</c>, <c>cuda:0</c>, <c>opencl:1</c>,
/// <c>ilgpu-cpu</c>; case-insensitive; a kind alone such as <c>cuda</c> takes its first device), else the
/// <c>KERNELS_DEVICE</c> environment variable, else the best present: CUDA, then OpenCL, then the CPU. ILGPU's CPU
/// accelerator is never chosen automatically (it simulates a GPU and is far slower than <see cref="CpuDevice"/>).
/// </summary>
public sealed class DeviceCatalog
{
    /// <summary>The environment variable consulted when no device is named.</summary>
    public const string EnvironmentVariable = "KERNELS_DEVICE";

    private readonly IDeviceProvider[] _providers;

    /// <summary>A catalog over the CPU and <paramref name="providers"/>.</summary>
    public DeviceCatalog(params IDeviceProvider[] providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _providers = [new CpuDeviceProvider(), .. providers];
    }

    /// <summary>Every device the providers report now.</summary>
    public IReadOnlyList<DeviceInfo> Devices => [.. _providers.SelectMany(p => p.Enumerate())];

    /// <summary>Opens the named device, or the environment's, or the best present.</summary>
    /// <exception cref="DeviceCapabilityException">No device has that id (the message lists those present).</exception>
    public ComputeDevice Open(string? id = null, FallbackPolicy fallback = FallbackPolicy.CopyToCpu)
    {
        id ??= Environment.GetEnvironmentVariable(EnvironmentVariable);
        // Enumerate once: a GPU provider creates a driver context to list its devices.
        var present = _providers.SelectMany(p => p.Enumerate().Select(d => (Provider: p, Device: d))).ToList();
        (IDeviceProvider Provider, DeviceInfo Device) choice;
        if (!string.IsNullOrWhiteSpace(id))
        {
            string wanted = id.Trim();
            choice = present.FirstOrDefault(e => string.Equals(e.Device.Id, wanted, StringComparison.OrdinalIgnoreCase));
            if (choice.Device is null) choice = present.FirstOrDefault(e => e.Device.Id.StartsWith(wanted + ":", StringComparison.OrdinalIgnoreCase));
            if (choice.Device is null)
                throw new DeviceCapabilityException($"No device '{id}'. Present: {string.Join(", ", present.Select(e => e.Device.Id))}.");
        }
        else
        {
            choice = present.Where(e => e.Device.Kind != DeviceKind.IlgpuCpu)
                .OrderBy(e => e.Device.Kind switch { DeviceKind.Cuda => 0, DeviceKind.OpenCL => 1, _ => 2 }).First();
        }
        return choice.Provider.Open(choice.Device, fallback);
    }
}
