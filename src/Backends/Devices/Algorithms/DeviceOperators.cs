using System.Numerics;

namespace Kernels.Devices.Algorithms;

/// <summary>A CSR matrix on the device as a <see cref="IDeviceOperator{T}"/> (square).</summary>
public sealed class DeviceCsrOperator<T> : IDeviceOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly DeviceCsrMatrix<T> _matrix;

    /// <exception cref="ArgumentException">The matrix is not square.</exception>
    public DeviceCsrOperator(DeviceCsrMatrix<T> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Rows != matrix.Columns) throw new ArgumentException($"A solver operator must be square; the CSR matrix is {matrix.Rows}×{matrix.Columns}.", nameof(matrix));
        _matrix = matrix;
    }

    /// <inheritdoc />
    public int Size => _matrix.Rows;

    /// <inheritdoc />
    public void Apply(ComputeDevice device, DeviceBuffer<T> x, DeviceBuffer<T> y)
    {
        ArgumentNullException.ThrowIfNull(device);
        device.CsrMultiply(_matrix, x, y);
    }
}

/// <summary>The 2-D Dirichlet Poisson stencil on a side×side grid as a <see cref="IDeviceOperator{T}"/>.</summary>
/// <param name="side">Grid points per side.</param>
public sealed class DevicePoissonOperator<T>(int side) : IDeviceOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc />
    public int Size { get; } = checked(side * side);

    /// <inheritdoc />
    public void Apply(ComputeDevice device, DeviceBuffer<T> x, DeviceBuffer<T> y)
    {
        ArgumentNullException.ThrowIfNull(device);
        device.PoissonMultiply(side, x, y);
    }
}
