namespace Kernels.Devices;

/// <summary>
/// The primitives of the device contract (<see cref="ComputeDevice"/>). A device reports the ones it executes
/// natively in <see cref="DeviceInfo.NativePrimitives"/>; any other primitive still works, by the explicit CPU
/// fallback described on <see cref="ComputeDevice"/>, and is counted in <see cref="DeviceStatistics"/>.
/// </summary>
[Flags]
public enum DevicePrimitives
{
    /// <summary>None.</summary>
    None = 0,
    /// <summary>Fill, copy, <see cref="ComputeDevice.Map{T}"/>, <see cref="ComputeDevice.Zip{T}"/>, <see cref="ComputeDevice.Axpby{T}"/>.</summary>
    Elementwise = 1 << 0,
    /// <summary><see cref="ComputeDevice.Reduce{T}"/> and <see cref="ComputeDevice.Dot{T}"/>.</summary>
    Reductions = 1 << 1,
    /// <summary><see cref="ComputeDevice.Gemm{T}"/>, <see cref="ComputeDevice.BatchedGemm{T}"/> and <see cref="ComputeDevice.StridedBatchedGemm{T}"/>.</summary>
    Gemm = 1 << 2,
    /// <summary><see cref="ComputeDevice.Transpose{T}"/>.</summary>
    Transpose = 1 << 3,
    /// <summary><see cref="ComputeDevice.DiagonalScan{T}"/>.</summary>
    DiagonalScan = 1 << 4,
    /// <summary><see cref="ComputeDevice.SortRows{T}"/> (sort with indices).</summary>
    SortRows = 1 << 5,
    /// <summary><see cref="ComputeDevice.RowPowerDistances{T}"/> (the quantile matching step of sliced Wasserstein).</summary>
    RowPowerDistances = 1 << 6,
    /// <summary><see cref="ComputeDevice.CountSketch{T}"/> (a sparse sign sketch; Gaussian sketches are a GEMM).</summary>
    CountSketch = 1 << 7,
    /// <summary><see cref="ComputeDevice.CsrMultiply{T}"/> and <see cref="ComputeDevice.PoissonMultiply{T}"/>.</summary>
    SparseMatVec = 1 << 8,
    /// <summary><see cref="ComputeDevice.SelectiveScan{T}"/> (the S6/Mamba forward scan).</summary>
    SelectiveScan = 1 << 9,
    /// <summary><see cref="ComputeDevice.SelectiveScanBackward{T}"/> (its gradients).</summary>
    SelectiveScanBackward = 1 << 10,
    /// <summary><see cref="ComputeDevice.CopyStrided{T}"/> (copies between N-d layouts).</summary>
    StridedCopy = 1 << 11,
    /// <summary>Every primitive above.</summary>
    All = Elementwise | Reductions | Gemm | Transpose | DiagonalScan | SortRows | RowPowerDistances | CountSketch | SparseMatVec | SelectiveScan | SelectiveScanBackward | StridedCopy,
}
