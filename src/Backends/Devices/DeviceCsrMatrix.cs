using System.Numerics;
using Kernels.Linalg.Solvers;

namespace Kernels.Devices;

/// <summary>
/// A CSR matrix in a device's memory (row pointers, column indices, values), uploaded from a validated host
/// <see cref="CsrMatrix{T}"/> so the device kernels never see inconsistent indices.
/// </summary>
public sealed class DeviceCsrMatrix<T> : IDisposable where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Copies <paramref name="matrix"/> to <paramref name="device"/>.</summary>
    public DeviceCsrMatrix(ComputeDevice device, CsrMatrix<T> matrix)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(matrix);
        Device = device;
        Rows = matrix.Rows;
        Columns = matrix.Columns;
        RowPointers = device.Upload(matrix.RowPointers);
        try
        {
            ColumnIndices = device.Upload(matrix.ColumnIndices);
            try { Values = device.Upload(matrix.Values); }
            catch { ColumnIndices.Dispose(); throw; }
        }
        catch
        {
            RowPointers.Dispose();
            throw;
        }
    }

    /// <summary>The owning device.</summary>
    public ComputeDevice Device { get; }

    /// <summary>Rows m.</summary>
    public int Rows { get; }

    /// <summary>Columns n.</summary>
    public int Columns { get; }

    /// <summary>m + 1 row pointers.</summary>
    public DeviceBuffer<int> RowPointers { get; }

    /// <summary>Column index per stored entry.</summary>
    public DeviceBuffer<int> ColumnIndices { get; }

    /// <summary>Value per stored entry.</summary>
    public DeviceBuffer<T> Values { get; }

    /// <summary>Throws when any part was disposed.</summary>
    public void ThrowIfDisposed()
    {
        RowPointers.ThrowIfDisposed();
        ColumnIndices.ThrowIfDisposed();
        Values.ThrowIfDisposed();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        RowPointers.Dispose();
        ColumnIndices.Dispose();
        Values.Dispose();
    }
}
