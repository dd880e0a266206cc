namespace Kernels.Backends.Ilgpu;

/// <summary>How <see cref="IlgpuDevice"/> sorts rows (<see cref="IlgpuDevice.RowSort"/>); both give the same stable
/// totalOrder permutation.</summary>
public enum RowSortAlgorithm
{
    /// <summary>Bitonic network over each row padded to a power of two, stages below 512 in shared memory:
    /// O(n log² n) work, few launches for short rows.</summary>
    Bitonic,

    /// <summary>LSD radix sort, 8 bits a pass (4 passes for float, 8 for double), three launches a pass: O(n) work,
    /// ≈ 32 bytes moved per key per pass.</summary>
    Radix,
}
