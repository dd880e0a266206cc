using ILGPU;

namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>
/// Two-pass tree reduction without atomics: a fixed grid of groups each reduces a grid-strided share into one
/// partial through shared memory (dynamic: one element per thread), then one group reduces the partials. The grid
/// depends only on n and the device's launch shape (<see cref="ReductionShape"/>), so the sum's association — and
/// its bits — are the same on every run on that device.
/// </summary>
internal static class ReductionKernels
{

    /// <summary>Operation codes: 0 Σx, 1 Σx², 2 min, 3 max, 4 Σxy.</summary>
    public static void Reduce<T, TOps>(ArrayView<T> x, ArrayView<T> y, ArrayView<T> partials, int n, int operation) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        var shared = SharedMemory.GetDynamic<T>();
        T acc = Identity<T, TOps>(ops, operation);
        int stride = Grid.DimX * Group.DimX;
        for (int i = Grid.IdxX * Group.DimX + Group.IdxX; i < n; i += stride)
        {
            T v = x[i];
            acc = operation switch
            {
                0 => ops.Add(acc, v),
                1 => ops.MultiplyAdd(v, v, acc),
                2 => DeviceMinMax.Minimum<T, TOps>(ops, acc, v),
                3 => DeviceMinMax.Maximum<T, TOps>(ops, acc, v),
                _ => ops.MultiplyAdd(v, y[i], acc),
            };
        }
        shared[Group.IdxX] = acc;
        Group.Barrier();
        for (int half = Group.DimX / 2; half > 0; half /= 2)
        {
            if (Group.IdxX < half) shared[Group.IdxX] = Combine<T, TOps>(ops, operation, shared[Group.IdxX], shared[Group.IdxX + half]);
            Group.Barrier();
        }
        if (Group.IdxX == 0) partials[Grid.IdxX] = shared[0];
    }

    private static T Identity<T, TOps>(TOps ops, int operation) where T : unmanaged where TOps : struct, IDeviceArithmetic<T> =>
        operation switch { 2 => ops.PositiveInfinity, 3 => ops.NegativeInfinity, _ => ops.Zero };

    private static T Combine<T, TOps>(TOps ops, int operation, T a, T b) where T : unmanaged where TOps : struct, IDeviceArithmetic<T> =>
        operation switch
        {
            2 => DeviceMinMax.Minimum<T, TOps>(ops, a, b),
            3 => DeviceMinMax.Maximum<T, TOps>(ops, a, b),
            _ => ops.Add(a, b),
        };

    /// <summary>The operation that combines partials of <paramref name="operation"/> (sums of squares and dots add).</summary>
    public static int PartialOperation(int operation) => operation is 2 or 3 ? operation : 0;
}

/// <summary>
/// Launch shape of the reductions on one device: group size (a power of two) and the most groups. GPUs take 256
/// threads and up to 8 groups per multiprocessor (at least 256); ILGPU's CPU accelerator, which simulates every thread and barrier with OS
/// threads, takes 32 and 4 (the same kernel, far fewer synchronisations).
/// </summary>
internal readonly record struct ReductionShape(int GroupSize, int MaxGroups)
{
    /// <summary>Groups for n elements: enough to fill the device, never more than the elements need.</summary>
    public int Groups(int n) => Math.Clamp((n + GroupSize - 1) / GroupSize, 1, MaxGroups);
}
