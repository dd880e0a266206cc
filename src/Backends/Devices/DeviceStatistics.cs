namespace Kernels.Devices;

/// <summary>
/// Counters a device keeps (read with <see cref="ComputeDevice.Statistics"/>): live buffers and streams, and what
/// the CPU fallback cost. Thread-safe snapshots.
/// </summary>
/// <param name="LiveBuffers">Buffers allocated and not yet disposed.</param>
/// <param name="LiveBytes">Bytes those buffers hold.</param>
/// <param name="PooledBytes">Device memory kept by the allocation pool for reuse (freed when the device is disposed).</param>
/// <param name="FallbackCalls">Primitive calls that ran on the CPU because the device lacks them.</param>
/// <param name="FallbackBytesCopied">Bytes those calls copied device → host and host → device.</param>
/// <param name="LiveStreams">Streams created by <see cref="ComputeDevice.CreateStream"/> and not yet disposed.</param>
public readonly record struct DeviceStatistics(long LiveBuffers, long LiveBytes, long PooledBytes, long FallbackCalls, long FallbackBytesCopied, long LiveStreams);
