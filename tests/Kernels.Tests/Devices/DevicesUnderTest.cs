using Kernels.Devices;
#if KERNELS_ILGPU
using Kernels.Backends.Ilgpu;
#endif

namespace Kernels.Tests.Devices;

/// <summary>
/// Every device the cross-backend suite runs on: the CPU reference, ILGPU's CPU accelerator (always, in CI), and
/// any CUDA or OpenCL device ILGPU finds on the machine. Devices are opened once per test process and shared.
/// The in-process runner (qemu/Bochs) compiles without ILGPU and runs the suite on the CPU device only.
/// </summary>
internal static class DevicesUnderTest
{
    private static readonly Dictionary<string, ComputeDevice> Open = [];

    public static IEnumerable<object[]> Ids
    {
        get
        {
            yield return ["cpu"];
#if KERNELS_ILGPU
            foreach (var info in new IlgpuDeviceProvider().Enumerate()) yield return [info.Id];
#endif
        }
    }

    public static DeviceCatalog Catalog =>
#if KERNELS_ILGPU
        new(new IlgpuDeviceProvider());
#else
        new();
#endif

    public static ComputeDevice Get(string id)
    {
        lock (Open)
        {
            if (!Open.TryGetValue(id, out var device)) Open[id] = device = Catalog.Open(id);
            return device;
        }
    }

    /// <summary>The float GEMM kernels other than the default, where the device has them (none elsewhere).</summary>
    public static IEnumerable<IDisposable> OtherFloatGemmKernels(ComputeDevice device)
    {
#if KERNELS_ILGPU
        if (device is IlgpuDevice gpu)
        {
            var kept = gpu.FloatGemm;
            foreach (var variant in Enum.GetValues<FloatGemmKernel>().Where(v => v != kept))
            {
                gpu.FloatGemm = variant;
                yield return new Restore(() => gpu.FloatGemm = kept);
            }
        }
#else
        _ = device;
        yield break;
#endif
    }

    /// <summary>
    /// Shrinks the largest grid per launch (x, y, z) where the device splits launches at it, until the returned scope
    /// is disposed; null where the device has no such limit.
    /// </summary>
    public static IDisposable? LimitGrid(ComputeDevice device, int x, int y, int z)
    {
#if KERNELS_ILGPU
        if (device is IlgpuDevice gpu)
        {
            var before = gpu.GridLimit;
            gpu.GridLimit = new ILGPU.Index3D(x, y, z);
            return new Restore(() => gpu.GridLimit = before);
        }
#endif
        return null;
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    /// <summary>Switches the row sort to the radix sort (or back to the bitonic network) where the device has both; returns false otherwise.</summary>
    public static bool TrySetRadixRowSort(ComputeDevice device, bool on)
    {
#if KERNELS_ILGPU
        if (device is IlgpuDevice gpu)
        {
            gpu.RowSort = on ? RowSortAlgorithm.Radix : RowSortAlgorithm.Bitonic;
            return true;
        }
#endif
        return false;
    }

    /// <summary>Switches warp-shuffle reductions on or off where the device has them; returns false otherwise.</summary>
    public static bool TrySetWarpShuffleReductions(ComputeDevice device, bool on)
    {
#if KERNELS_ILGPU
        if (device is IlgpuDevice { HasWarpShuffles: true } gpu)
        {
            gpu.WarpShuffleReductions = on;
            return true;
        }
#endif
        return false;
    }

    /// <summary>Sets the scan's time chunking when the device has the knob (GPU devices); returns false otherwise.</summary>
    public static bool TrySetScanChunks(ComputeDevice device, int? chunks)
    {
#if KERNELS_ILGPU
        if (device is IlgpuDevice gpu)
        {
            gpu.ScanChunks = chunks;
            return true;
        }
#endif
        return false;
    }
}
