using ILGPU;
using ILGPU.Runtime;
using Kernels.Backends.Ilgpu.Kernels;

namespace Kernels.Backends.Ilgpu;

/// <summary>
/// The compiled launchers of one element type on one accelerator. Each kernel is compiled on first use and then
/// cached for the device's lifetime (ILGPU compiles IL to PTX/OpenCL C/CPU code once per specialisation).
/// </summary>
internal sealed class IlgpuKernelSet<T> where T : unmanaged
{
    private IlgpuKernelSet() { }

    public static IlgpuKernelSet<T> Create<TOps>(Accelerator accelerator) where TOps : struct, IDeviceArithmetic<T> => new()
    {
        Fill = new(() => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<T>, T>(ElementwiseKernels.Fill)),
        Map = new(() => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<T>, ArrayView<T>, int>(ElementwiseKernels.Map<T, TOps>)),
        Zip = new(() => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, int>(ElementwiseKernels.Zip<T, TOps>)),
        Axpby = new(() => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<T>, ArrayView<T>, T, T, int>(ElementwiseKernels.Axpby<T, TOps>)),
        Reduce = new(() => accelerator.LoadKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, int, int>(ReductionKernels.Reduce<T, TOps>)),
        ReduceWithWarpShuffles = new(() => accelerator.LoadKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, int, int>(ReductionKernels.ReduceWithWarpShuffles<T, TOps>)),
        Gemm = new(() => accelerator.LoadKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, GemmArguments<T>>(GemmKernels.Gemm<T, TOps>)),
        GemmLarge = new(() => accelerator.LoadKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, GemmArguments<T>>(GemmKernels.GemmLarge<T, TOps>)),
        GemmLargeDoubleBuffered = new(() => accelerator.LoadKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, GemmArguments<T>>(GemmKernels.GemmLargeDoubleBuffered<T, TOps>)),
        // Launch bounds (256 threads, 2 groups per multiprocessor) bound ptxas's register use; only CUDA has them.
        GemmLargeTwoGroups = new(() => accelerator.LoadKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, GemmArguments<T>>(GemmKernels.GemmLargeSlice8DoubleBuffered<T, TOps>,
            accelerator.AcceleratorType == AcceleratorType.Cuda ? new KernelSpecialization(GemmKernels.Threads * GemmKernels.Threads, 2) : KernelSpecialization.Empty)),
        Transpose = new(() => accelerator.LoadKernel<ArrayView<T>, ArrayView<T>, int, int>(TransposeKernels.Transpose)),
        StridedCopy = new(() => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<T>, ArrayView<T>, StridedCopyArguments>(StridedCopyKernels.Copy)),
        TransposedPair = new(() => accelerator.LoadKernel<ArrayView<T>, ArrayView<T>, int, int, long, long, StridedCopyArguments>(StridedCopyKernels.TransposedPair)),
        SelectiveScan = new(() => accelerator.LoadKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, SelectiveScanArguments>(SelectiveScanKernels.Forward<T, TOps>)),
        SelectiveScanBackward = new(() => accelerator.LoadKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, SelectiveScanBackwardArguments>(SelectiveScanBackwardKernels.Sequence<T, TOps>)),
        SumChannelsOfGroup = new(() => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<T>, ArrayView<T>, SelectiveScanArguments>(SelectiveScanBackwardKernels.SumChannelsOfGroup<T, TOps>)),
        SumBatches = new(() => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<T>, ArrayView<T>, int, int>(SelectiveScanBackwardKernels.SumBatches<T, TOps>)),
        ScanSequential = new(() => accelerator.LoadKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ScanArguments>(ScanKernels.Sequential<T, TOps>)),
        ScanLocal = new(() => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ScanArguments>(ScanKernels.LocalChunks<T, TOps>)),
        ScanChain = new(() => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ScanArguments>(ScanKernels.ChainCarries<T, TOps>)),
        ScanFixUp = new(() => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, ScanArguments>(ScanKernels.FixUp<T, TOps>)),
        SortLoad = new(() => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<T>, ArrayView<ulong>, ArrayView<int>, int, int>(SortKernels.Load<T, TOps>)),
        SortStore = new(() => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<ulong>, ArrayView<int>, ArrayView<T>, ArrayView<int>, int, int>(SortKernels.Store<T, TOps>)),
        Csr = new(() => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<T>, ArrayView<T>, ArrayView<T>>(SparseKernels.Csr<T, TOps>)),
        Poisson = new(() => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<T>, ArrayView<T>, int>(SparseKernels.Poisson<T, TOps>)),
        CountSketch = new(() => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<T>, ArrayView<int>, ArrayView<T>, ArrayView<T>, int, int, int>(SparseKernels.CountSketch<T, TOps>)),
        RowPowerDistances = new(() => accelerator.LoadKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, int, T, int>(SparseKernels.RowPowerDistances<T, TOps>)),
        RowPowerDistancesWithWarpShuffles = new(() => accelerator.LoadKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, int, T, int>(SparseKernels.RowPowerDistancesWithWarpShuffles<T, TOps>)),
    };

    public Lazy<Action<AcceleratorStream, Index1D, ArrayView<T>, T>> Fill { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, Index1D, ArrayView<T>, ArrayView<T>, int>> Map { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, int>> Zip { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, Index1D, ArrayView<T>, ArrayView<T>, T, T, int>> Axpby { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, int, int>> Reduce { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, int, int>> ReduceWithWarpShuffles { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, GemmArguments<T>>> Gemm { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, GemmArguments<T>>> GemmLarge { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, GemmArguments<T>>> GemmLargeDoubleBuffered { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, GemmArguments<T>>> GemmLargeTwoGroups { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, KernelConfig, ArrayView<T>, ArrayView<T>, int, int>> Transpose { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, Index1D, ArrayView<T>, ArrayView<T>, StridedCopyArguments>> StridedCopy { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, KernelConfig, ArrayView<T>, ArrayView<T>, int, int, long, long, StridedCopyArguments>> TransposedPair { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, SelectiveScanArguments>> SelectiveScan { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, SelectiveScanBackwardArguments>> SelectiveScanBackward { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, Index1D, ArrayView<T>, ArrayView<T>, SelectiveScanArguments>> SumChannelsOfGroup { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, Index1D, ArrayView<T>, ArrayView<T>, int, int>> SumBatches { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ScanArguments>> ScanSequential { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ScanArguments>> ScanLocal { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ScanArguments>> ScanChain { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, ScanArguments>> ScanFixUp { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, Index1D, ArrayView<T>, ArrayView<ulong>, ArrayView<int>, int, int>> SortLoad { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, Index1D, ArrayView<ulong>, ArrayView<int>, ArrayView<T>, ArrayView<int>, int, int>> SortStore { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, Index1D, ArrayView<int>, ArrayView<int>, ArrayView<T>, ArrayView<T>, ArrayView<T>>> Csr { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, Index1D, ArrayView<T>, ArrayView<T>, int>> Poisson { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, Index1D, ArrayView<T>, ArrayView<int>, ArrayView<T>, ArrayView<T>, int, int, int>> CountSketch { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, int, T, int>> RowPowerDistances { get; private init; } = null!;
    public Lazy<Action<AcceleratorStream, KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, int, T, int>> RowPowerDistancesWithWarpShuffles { get; private init; } = null!;
}
