using System.Numerics;
using Kernels.Tensors;

namespace Kernels.Ops.StateSpace;

/// <summary>Output of <see cref="SelectiveScan.Forward{T}"/>: y (batch, length, channels) and the state after the last step (batch, channels, state).</summary>
public sealed record SelectiveScanResult<T>(NDArray<T> Y, NDArray<T> FinalState) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The chunk states for <see cref="SelectiveScan.Backward{T}"/>, when <see cref="SelectiveScanOptions.KeepCheckpoints"/> was set; else null.</summary>
    public SelectiveScanCheckpoints<T>? Checkpoints { get; init; }
}
