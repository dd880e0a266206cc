using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;
using Kernels.Devices;

namespace Kernels.Backends.Ilgpu;

/// <summary>
/// Enumerates ILGPU's devices — CUDA GPUs (<c>cuda:N</c>), OpenCL devices (<c>opencl:N</c>) and the CPU
/// accelerator (<c>ilgpu-cpu</c>) — for <see cref="DeviceCatalog"/>. A missing CUDA driver or OpenCL loader simply
/// yields no devices of that kind. (Debian's PoCL 3.1 is listed by ILGPU only when it reports generic address
/// space; see the repository's PLATFORMS notes.)
/// </summary>
public sealed class IlgpuDeviceProvider : IDeviceProvider
{
    // Internal so the code-shape tests compile kernels with exactly these settings.
    internal static Context CreateContext() =>
        Context.Create(builder => builder.Cuda().OpenCL().CPU(CPUDeviceKind.Nvidia).EnableAlgorithms().Optimize(OptimizationLevel.O1));

    private static List<(DeviceInfo Info, int Position)> List(Context context)
    {
        var result = new List<(DeviceInfo, int)>();
        int cuda = 0, opencl = 0, position = 0;
        foreach (var device in context.Devices)
        {
            string id = device switch
            {
                CudaDevice => $"cuda:{cuda++}",
                CLDevice => $"opencl:{opencl++}",
                _ => "ilgpu-cpu",
            };
            result.Add((IlgpuDevice.Describe(device, id), position++));
        }
        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<DeviceInfo> Enumerate()
    {
        try
        {
            using var context = CreateContext();
            return [.. List(context).Select(d => d.Info)];
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or InvalidOperationException or AcceleratorException)
        {
            return [];
        }
    }

    /// <inheritdoc />
    public ComputeDevice Open(DeviceInfo device, FallbackPolicy fallback)
    {
        ArgumentNullException.ThrowIfNull(device);
        return OpenById(device.Id, fallback);
    }

    /// <summary>Opens the device with this id (its own ILGPU context, disposed with it).</summary>
    /// <exception cref="DeviceException">No such device now (it may have vanished since it was listed).</exception>
    public static IlgpuDevice OpenById(string id, FallbackPolicy fallback = FallbackPolicy.CopyToCpu)
    {
        var context = CreateContext();
        var match = List(context).FirstOrDefault(d => string.Equals(d.Info.Id, id, StringComparison.OrdinalIgnoreCase));
        if (match.Info is null)
        {
            context.Dispose();
            throw new DeviceException($"ILGPU has no device '{id}' now.");
        }
        return new IlgpuDevice(context, context.Devices[match.Position], match.Info, fallback);
    }
}
