using System.Numerics;

namespace Kernels.Devices.Algorithms;

/// <summary>SW_p and the per-direction W_pᵖ from <see cref="DeviceSlicedWasserstein.Compute{T}"/>.</summary>
/// <param name="Distance">SW_p = (mean over directions of W_pᵖ)^(1/p).</param>
/// <param name="Projected">W_pᵖ of the two projected samples along each direction.</param>
public sealed record DeviceSlicedWassersteinResult<T>(T Distance, T[] Projected);

/// <summary>
/// Sliced p-Wasserstein distance between two uniform point clouds of equal size n in dimension d, along the
/// given unit directions, written once against <see cref="ComputeDevice"/>: one GEMM projects both clouds on
/// all P directions (n×P), a transpose makes each direction a row, <see cref="ComputeDevice.SortRows{T}"/> sorts
/// every row, and <see cref="ComputeDevice.RowPowerDistances{T}"/> matches the sorted rows. The same definition
/// as <c>Kernels.Ops.Transport.SlicedWasserstein</c> with explicit directions (POT's convention); weighted or
/// unequal-size clouds use that CPU routine.
/// </summary>
public static class DeviceSlicedWasserstein
{
    /// <summary>
    /// SW_p between X and Y (both n×d row-major on <paramref name="device"/>) along <paramref name="directions"/>
    /// (d×P row-major: column j is direction j, used as given).
    /// </summary>
    /// <exception cref="ArgumentException">Extents not positive, buffers too short, or p &lt; 1.</exception>
    public static DeviceSlicedWassersteinResult<T> Compute<T>(ComputeDevice device, DeviceBuffer<T> x, DeviceBuffer<T> y, DeviceBuffer<T> directions,
        int n, int d, int projections, T p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(device);
        if (n <= 0 || d <= 0 || projections <= 0)
            throw new ArgumentException($"Sliced Wasserstein needs n, d, P > 0; got n = {n}, d = {d}, P = {projections}.");
        if (!T.IsFinite(p) || p < T.One) throw new ArgumentOutOfRangeException(nameof(p), $"p = {p} must be finite and ≥ 1.");
        long size = (long)n * projections;
        using var projectedX = device.Allocate<T>(size);
        using var projectedY = device.Allocate<T>(size);
        using var rowsX = device.Allocate<T>(size);
        using var rowsY = device.Allocate<T>(size);
        using var order = device.Allocate<int>(size);
        using var costs = device.Allocate<T>(projections);
        device.Gemm(false, false, n, projections, d, T.One, x, directions, T.Zero, projectedX);
        device.Gemm(false, false, n, projections, d, T.One, y, directions, T.Zero, projectedY);
        device.Transpose(n, projections, projectedX, rowsX);
        device.Transpose(n, projections, projectedY, rowsY);
        device.SortRows(projections, n, rowsX, order);
        device.SortRows(projections, n, rowsY, order);
        device.RowPowerDistances(projections, n, rowsX, rowsY, p, costs);
        var perDirection = costs.ToArray();
        T mean = T.Zero;
        foreach (T c in perDirection) mean += c;
        mean /= T.CreateTruncating(projections);
        return new DeviceSlicedWassersteinResult<T>(T.Pow(mean, T.One / p), perDirection);
    }
}
