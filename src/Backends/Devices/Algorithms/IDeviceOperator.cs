using System.Numerics;

namespace Kernels.Devices.Algorithms;

/// <summary>A square linear operator applied on a device: y = A·x with x, y of <see cref="Size"/> elements.</summary>
public interface IDeviceOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows = columns.</summary>
    int Size { get; }

    /// <summary>y = A·x on <paramref name="device"/> (x and y distinct).</summary>
    void Apply(ComputeDevice device, DeviceBuffer<T> x, DeviceBuffer<T> y);
}
