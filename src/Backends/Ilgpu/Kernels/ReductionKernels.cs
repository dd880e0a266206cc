using ILGPU;

namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>
/// Two-pass tree reduction without atomics: a fixed grid of groups each reduces a grid-strided share into one
/// partial (a shared-memory tree, finished by warp shuffles where the device has them), then one group reduces the
/// partials. The grid depends only on n and the device's launch shape (<see cref="ReductionShape"/>), so the sum's
/// association — and its bits — are the same on every run on that device.
/// </summary>
internal static class ReductionKernels
{

    /// <summary>One partial per group through the shared-memory tree (<see cref="SharedTreeReduce{T, TOps}"/>).
    /// Operation codes: 0 Σx, 1 Σx², 2 min, 3 max, 4 Σxy.</summary>
    public static void Reduce<T, TOps>(ArrayView<T> x, ArrayView<T> y, ArrayView<T> partials, int n, int operation) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        T total = SharedTreeReduce<T, TOps>(ops, SharedMemory.GetDynamic<T>(), Accumulate<T, TOps>(ops, x, y, n, operation), operation);
        if (Group.IdxX == 0) partials[Grid.IdxX] = total;
    }

    /// <summary><see cref="Reduce{T, TOps}"/> finishing in a warp (<see cref="WarpShuffleReduce{T, TOps}"/>): same bits.
    /// A kernel of its own because ILGPU cannot compile a shuffle for OpenCL devices without sub-groups, even unreached.</summary>
    public static void ReduceWithWarpShuffles<T, TOps>(ArrayView<T> x, ArrayView<T> y, ArrayView<T> partials, int n, int operation) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        T total = WarpShuffleReduce<T, TOps>(ops, SharedMemory.GetDynamic<T>(), Accumulate<T, TOps>(ops, x, y, n, operation), operation);
        if (Group.IdxX == 0) partials[Grid.IdxX] = total;
    }

    // This thread's grid-strided share.
    private static T Accumulate<T, TOps>(TOps ops, ArrayView<T> x, ArrayView<T> y, int n, int operation) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
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
        return acc;
    }

    /// <summary>
    /// v₀ ⊕ v₁ ⊕ … over the group's threads (power-of-two size), valid in thread 0: thread t &lt; h combines its
    /// partial with thread t + h's for h = size/2, …, 1, through shared memory with a barrier per step.
    /// </summary>
    public static T SharedTreeReduce<T, TOps>(TOps ops, ArrayView<T> shared, T value, int operation) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        SharedTreeSteps<T, TOps>(ops, shared, value, operation, 1);
        return shared[0];
    }

    /// <summary>
    /// The same pairs in the same order as <see cref="SharedTreeReduce{T, TOps}"/>, so the same bits, but the last
    /// steps (h below the warp size) run in registers by warp shuffles with no barrier. Needs a group of at least
    /// one warp; valid in thread 0.
    /// </summary>
    public static T WarpShuffleReduce<T, TOps>(TOps ops, ArrayView<T> shared, T value, int operation) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        int lanes = Warp.WarpSize;
        SharedTreeSteps<T, TOps>(ops, shared, value, operation, lanes);
        T v = value;
        if (Group.IdxX < lanes)
        {
            // The whole first warp takes part in every shuffle; lanes ≥ h compute values nobody reads.
            v = shared[Group.IdxX];
            for (int half = lanes / 2; half > 0; half /= 2)
                v = Combine<T, TOps>(ops, operation, v, Warp.ShuffleDown(v, half));
        }
        return v;
    }

    // Steps h = size/2 … stopAt of the shared-memory tree (none when the group is no larger than stopAt): afterwards
    // shared[0 … max(stopAt, 1) − 1] hold the partials left.
    private static void SharedTreeSteps<T, TOps>(TOps ops, ArrayView<T> shared, T value, int operation, int stopAt) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        int t = Group.IdxX;
        shared[t] = value;
        Group.Barrier();
        for (int half = Group.DimX / 2; half >= stopAt && half > 0; half /= 2)
        {
            if (t < half) shared[t] = Combine<T, TOps>(ops, operation, shared[t], shared[t + half]);
            Group.Barrier();
        }
    }

    private static T Identity<T, TOps>(TOps ops, int operation) where T : unmanaged where TOps : struct, IDeviceArithmetic<T> =>
        operation switch { 2 => ops.PositiveInfinity, 3 => ops.NegativeInfinity, _ => ops.Zero };

    // a ⊕ b for the operation codes of Reduce (sums and dots add).
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
