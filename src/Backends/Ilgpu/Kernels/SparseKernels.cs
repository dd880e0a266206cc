using ILGPU;

namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>Matrix-free and sparse products, the CountSketch and the sliced-Wasserstein row distances.</summary>
internal static class SparseKernels
{
    /// <summary>y = A·x, one thread per row, entries summed in storage order (the CPU reference splits each row over four accumulators: equal to rounding).</summary>
    public static void Csr<T, TOps>(Index1D row, ArrayView<int> pointers, ArrayView<int> columns, ArrayView<T> values, ArrayView<T> x, ArrayView<T> y)
        where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        T sum = ops.Zero;
        for (int p = pointers[row]; p < pointers[row + 1]; p++) sum = ops.MultiplyAdd(values[p], x[columns[p]], sum);
        y[row] = sum;
    }

    /// <summary>y = 4u − Σ neighbours on a side×side grid (zero outside), one thread per point.</summary>
    public static void Poisson<T, TOps>(Index1D point, ArrayView<T> x, ArrayView<T> y, int side) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        int i = point / side, j = point % side;
        T neighbours = ops.Zero;
        if (i > 0) neighbours = ops.Add(neighbours, x[point - side]);
        if (i < side - 1) neighbours = ops.Add(neighbours, x[point + side]);
        if (j > 0) neighbours = ops.Add(neighbours, x[point - 1]);
        if (j < side - 1) neighbours = ops.Add(neighbours, x[point + 1]);
        y[point] = ops.Subtract(ops.Multiply(ops.FromInt(4), x[point]), neighbours);
    }

    /// <summary>Y = S·A: one thread per column j adds σᵢ·A[i, j] into row hᵢ of Y for i in order (no atomics).</summary>
    public static void CountSketch<T, TOps>(Index1D column, ArrayView<T> a, ArrayView<int> buckets, ArrayView<T> signs, ArrayView<T> y, int m, int n, int s)
        where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        for (int r = 0; r < s; r++) y[(long)r * n + column] = ops.Zero;
        for (int i = 0; i < m; i++)
        {
            long at = (long)buckets[i] * n + column;
            y[at] = ops.MultiplyAdd(signs[i], a[(long)i * n + column], y[at]);
        }
    }

    /// <summary>dᵣ = (1/cols)·Σⱼ |xᵣⱼ − yᵣⱼ|ᵖ: one group per row (power-of-two size), the group's partial sums combined
    /// by <see cref="ReductionKernels.SharedTreeReduce{T, TOps}"/>.</summary>
    public static void RowPowerDistances<T, TOps>(ArrayView<T> x, ArrayView<T> y, ArrayView<T> result, int cols, T p, int kind)
        where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        T sum = ReductionKernels.SharedTreeReduce<T, TOps>(ops, SharedMemory.GetDynamic<T>(), RowPowerPartial<T, TOps>(ops, x, y, cols, p, kind), 0);
        if (Group.IdxX == 0) result[Grid.IdxX] = ops.Divide(sum, ops.FromInt(cols));
    }

    /// <summary><see cref="RowPowerDistances{T, TOps}"/> finishing in a warp (<see cref="ReductionKernels.WarpShuffleReduce{T, TOps}"/>): same bits.</summary>
    public static void RowPowerDistancesWithWarpShuffles<T, TOps>(ArrayView<T> x, ArrayView<T> y, ArrayView<T> result, int cols, T p, int kind)
        where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        T sum = ReductionKernels.WarpShuffleReduce<T, TOps>(ops, SharedMemory.GetDynamic<T>(), RowPowerPartial<T, TOps>(ops, x, y, cols, p, kind), 0);
        if (Group.IdxX == 0) result[Grid.IdxX] = ops.Divide(sum, ops.FromInt(cols));
    }

    // This thread's share of row Grid.IdxX: columns Group.IdxX, + group size, ….
    private static T RowPowerPartial<T, TOps>(TOps ops, ArrayView<T> x, ArrayView<T> y, int cols, T p, int kind)
        where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        long rowBase = (long)Grid.IdxX * cols;
        T acc = ops.Zero;
        for (int j = Group.IdxX; j < cols; j += Group.DimX)
        {
            T d = ops.Subtract(x[rowBase + j], y[rowBase + j]);
            acc = kind switch
            {
                1 => ops.Add(acc, ops.Abs(d)),
                2 => ops.MultiplyAdd(d, d, acc),
                _ => ops.Add(acc, ops.Pow(ops.Abs(d), p)),
            };
        }
        return acc;
    }
}
