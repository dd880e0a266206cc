using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;
using Kernels.Backends.Ilgpu.Kernels;
using Kernels.Devices;

namespace Kernels.Backends.Ilgpu;

/// <summary>
/// A <see cref="ComputeDevice"/> on an ILGPU accelerator: a CUDA GPU, an OpenCL device, or ILGPU's CPU accelerator
/// (which runs the same GPU kernels by simulating GPU threads — for testing without a GPU, never for speed). Every
/// primitive of the contract has a device kernel (<see cref="DevicePrimitives.All"/>); double precision on an
/// OpenCL device without <c>cl_khr_fp64</c> takes the CPU fallback. Kernels are compiled on first use and cached;
/// buffers come from a pool (<see cref="DeviceStatistics.PooledBytes"/>). <see cref="ComputeDevice.CreateStream"/>
/// gives ILGPU streams (CUDA streams, OpenCL command queues); kernels are queued on the caller's current stream.
/// Launches and copies are serialised by one lock (ILGPU sets kernel arguments on shared kernel objects), while
/// waits for a stream happen outside it, so the device may be shared between threads.
/// </summary>
public sealed class IlgpuDevice : ComputeDevice
{
    private readonly Context _context;
    private readonly IlgpuMemoryPool _pool;
    private readonly Lazy<IlgpuKernelSet<float>> _single;
    private readonly Lazy<IlgpuKernelSet<double>> _double;
    private readonly Lazy<Action<AcceleratorStream, Index1D, ArrayView<ulong>, ArrayView<int>, int, int, int>> _compareExchange;
    private readonly Lazy<Action<AcceleratorStream, KernelConfig, ArrayView<ulong>, ArrayView<int>, int, int>> _sortTiles;
    private readonly Lazy<Action<AcceleratorStream, KernelConfig, ArrayView<ulong>, ArrayView<int>, int, int, int>> _mergeTiles;
    private readonly Lazy<Action<AcceleratorStream, KernelConfig, ArrayView<ulong>, ArrayView<int>, int, int, int>> _radixCount;
    private readonly Lazy<Action<AcceleratorStream, KernelConfig, ArrayView<int>, int>> _radixScan;
    private readonly Lazy<Action<AcceleratorStream, KernelConfig, ArrayView<ulong>, ArrayView<int>, ArrayView<ulong>, ArrayView<int>, ArrayView<int>, int, int, int>> _radixScatter;
    private readonly int _parallelism;
    private readonly int _sequentialScanMinimum;
    private readonly ReductionShape _reduction;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IlgpuStream, byte> _streams = new();
    private int _gone;

    internal IlgpuDevice(Context context, Device device, DeviceInfo info, FallbackPolicy fallback) : base(fallback)
    {
        _context = context;
        Info = info;
        try
        {
            Accelerator = device.CreateAccelerator(context);
        }
        catch (Exception e)
        {
            context.Dispose();
            throw new DeviceException($"{info.Id} ({info.Name}): ILGPU could not create the accelerator: {e.Message}", e);
        }
        _pool = new IlgpuMemoryPool(Accelerator, Math.Min(info.MemoryBytes / 4, 1L << 30));
        _single = new(() => IlgpuKernelSet<float>.Create<SingleArithmetic>(Accelerator));
        _double = new(() => IlgpuKernelSet<double>.Create<DoubleArithmetic>(Accelerator));
        _compareExchange = new(() => Accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<ulong>, ArrayView<int>, int, int, int>(SortKernels.CompareExchange));
        _sortTiles = new(() => Accelerator.LoadKernel<ArrayView<ulong>, ArrayView<int>, int, int>(SortKernels.SortTiles));
        _mergeTiles = new(() => Accelerator.LoadKernel<ArrayView<ulong>, ArrayView<int>, int, int, int>(SortKernels.MergeTiles));
        _radixCount = new(() => Accelerator.LoadKernel<ArrayView<ulong>, ArrayView<int>, int, int, int>(RadixSortKernels.CountDigits));
        _radixScan = new(() => Accelerator.LoadKernel<ArrayView<int>, int>(RadixSortKernels.ScanCounts));
        _radixScatter = new(() => Accelerator.LoadKernel<ArrayView<ulong>, ArrayView<int>, ArrayView<ulong>, ArrayView<int>, ArrayView<int>, int, int, int>(RadixSortKernels.Scatter));
        _parallelism = Math.Max(1, Accelerator.NumMultiprocessors * Accelerator.MaxNumThreadsPerMultiprocessor);
        _sequentialScanMinimum = Math.Max(1, Accelerator.NumMultiprocessors * 2 * ScanKernels.SequentialGroup);
        // GPUs: enough 256-thread groups to fill every multiprocessor (8 per SM = 2048 threads on an H100), so the
        // first pass keeps enough loads in flight; 256 groups in all reached 22 % of copy bandwidth on an H100.
        _reduction = info.Kind == DeviceKind.IlgpuCpu ? new ReductionShape(32, 4)
            : new ReductionShape(256, Math.Max(256, Accelerator.NumMultiprocessors * 8));
        int warp = Accelerator.WarpSize;
        HasWarpShuffles = Accelerator.AcceleratorType is AcceleratorType.Cuda or AcceleratorType.CPU
            && warp > 1 && System.Numerics.BitOperations.IsPow2(warp) && warp <= _reduction.GroupSize;
        WarpShuffleReductions = HasWarpShuffles;
        GridLimit = Accelerator.MaxGridSize;
    }

    /// <summary>
    /// The largest grid one launch may have per axis (the accelerator's; CUDA allows 65 535 groups along y and z).
    /// GEMM splits larger batches and row-tile counts into several launches (same bits: every tile computes as in
    /// one launch); a transpose too tall or wide for the tiled kernel's grid runs as a strided copy. Settable for
    /// tests, which shrink it to exercise the splits on small shapes.
    /// </summary>
    internal Index3D GridLimit { get; set; }

    /// <summary>Opens ILGPU's CPU accelerator (a simulated GPU with 32-wide warps and up to 1024 threads per group).</summary>
    public static IlgpuDevice CreateCpuAccelerator(FallbackPolicy fallback = FallbackPolicy.CopyToCpu) =>
        IlgpuDeviceProvider.OpenById("ilgpu-cpu", fallback);

    /// <inheritdoc />
    public override DeviceInfo Info { get; }

    /// <summary>The ILGPU accelerator, for launching one's own kernels on <see cref="IlgpuBuffer{T}.View"/>s.</summary>
    public Accelerator Accelerator { get; }

    /// <summary>
    /// Time chunks per sequence for <see cref="ComputeDevice.DiagonalScan{T}"/>; null (default) picks enough chunks
    /// to give every hardware thread work (1 when batch·channels alone fills the device).
    /// </summary>
    public int? ScanChunks { get; set; }

    /// <summary>
    /// The float GEMM kernel (see <see cref="FloatGemmKernel"/>): double-buffered by default, the fastest of the three
    /// on an H200 (8192³: 40.1 against 37.4 single-buffered and 38.9 with two groups per multiprocessor, TFLOP/s).
    /// All three give the same bits and are tested on every device; <c>kernels bench devices</c> times each.
    /// </summary>
    public FloatGemmKernel FloatGemm { get; set; } = FloatGemmKernel.DoubleBuffered;

    /// <summary>
    /// The algorithm behind <see cref="ComputeDevice.SortRows{T}"/>. Both give the same permutation (a stable sort in
    /// IEEE totalOrder) bit for bit; they differ only in speed. <see cref="RowSortAlgorithm.Bitonic"/> (default) is
    /// the one timed on a GPU so far (256×8192 floats in 1.13 ms on an H100); <see cref="RowSortAlgorithm.Radix"/>
    /// moves ≈ 32 bytes per key per 8-bit pass instead of the network's log²-many stages and is tested on every
    /// device but not yet timed on a GPU — <c>kernels bench devices</c> prints both rows.
    /// </summary>
    public RowSortAlgorithm RowSort { get; set; }

    /// <summary>
    /// Whether reductions finish their last warp's worth of steps with warp shuffles (registers, no barriers) instead
    /// of shared memory. On by default where ILGPU's shuffles are native — CUDA and the CPU accelerator (warps of 32) —
    /// off on OpenCL, where they need a sub-group extension whose width ILGPU does not pin. Same bits either way.
    /// Setting it where <see cref="HasWarpShuffles"/> is false changes nothing.
    /// </summary>
    public bool WarpShuffleReductions { get; set; }

    /// <summary>Whether this device can finish reductions with warp shuffles (CUDA, the CPU accelerator).</summary>
    public bool HasWarpShuffles { get; }

    private bool UsesWarpShuffles => WarpShuffleReductions && HasWarpShuffles;

    internal object Gate { get; } = new();

    /// <inheritdoc />
    protected override DeviceStream CreateDefaultStream() => new IlgpuStream(this, Accelerator.DefaultStream, isDefault: true);

    /// <inheritdoc />
    protected override DeviceStream CreateStreamCore()
    {
        lock (Gate)
        {
            ThrowIfGone();
            AcceleratorStream queue;
            try { queue = Accelerator.CreateStream(); }
            catch (Exception e) when (IsBackendFailure(e))
            {
                throw Failed("stream creation", e);
            }
            var stream = new IlgpuStream(this, queue, isDefault: false);
            _streams[stream] = 0;
            return stream;
        }
    }

    internal void Forget(IlgpuStream stream) => _streams.TryRemove(stream, out _);

    /// <inheritdoc />
    protected override long PooledBytes { get { lock (Gate) return _pool.PooledBytes; } }

    /// <summary>Allocations that reached the driver (the rest were served by the pool).</summary>
    public long DriverAllocations { get { lock (Gate) return _pool.DriverAllocations; } }

    internal void ThrowIfGone()
    {
        ThrowIfDisposed();
        if (Volatile.Read(ref _gone) != 0) throw new DeviceException($"{Info.Id} ({Info.Name}) failed earlier and is no longer usable; open the device again.");
    }

    /// <inheritdoc />
    protected override DeviceBuffer<T> AllocateCore<T>(long length)
    {
        lock (Gate)
        {
            ThrowIfGone();
            try
            {
                return new IlgpuBuffer<T>(this, _pool.Rent<T>(length, CurrentStream), length);
            }
            catch (Exception first) when (IsOutOfMemory(first))
            {
                _pool.Trim();
                try
                {
                    return new IlgpuBuffer<T>(this, _pool.Rent<T>(length, CurrentStream), length);
                }
                catch (Exception e) when (IsOutOfMemory(e))
                {
                    throw new DeviceOutOfMemoryException(
                        $"{Info.Id} ({Info.Name}): out of memory allocating {length} × {typeof(T).Name} ({(double)length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>() / (1 << 20):0.#} MiB) of {Info.MemoryBytes / (1 << 20)} MiB.", e);
                }
            }
        }
    }

    private static bool IsOutOfMemory(Exception e) =>
        e is OutOfMemoryException ||
        (e is AcceleratorException && e.Message.Contains("memory", StringComparison.OrdinalIgnoreCase));

    internal void ReturnMemory<T>(MemoryBuffer1D<T, Stride1D.Dense> memory, DeviceStream[] streams) where T : unmanaged
    {
        lock (Gate)
        {
            if (IsDisposed) return;   // the context already freed it
            _pool.Return(memory, streams);
        }
    }

    /// <inheritdoc />
    public override void Synchronize()
    {
        ThrowIfGone();
        DefaultStream.Synchronize();
        foreach (var stream in _streams.Keys) stream.WaitIdle();
    }

    // Runs a launch sequence under the lock and turns backend failures into DeviceException; after a driver error
    // the device is marked gone (a CUDA context with a launch error is unusable), while a kernel that failed to
    // compile leaves the device usable.
    private void Guard(string what, Action action)
    {
        try { action(); }
        catch (Exception e) when (IsBackendFailure(e))
        {
            throw Failed(what, e);
        }
    }

    /// <summary>Whether <paramref name="e"/> came from the backend (not our own argument or lifetime checks).</summary>
    internal static bool IsBackendFailure(Exception e) => e is not DeviceException and not ArgumentException and not ObjectDisposedException;

    /// <summary>The DeviceException for a failed launch or transfer; a driver error also marks the device unusable.</summary>
    internal DeviceException Failed(string what, Exception e)
    {
        if (e is AcceleratorException) Volatile.Write(ref _gone, 1);
        return new DeviceException($"{Info.Id} ({Info.Name}): {what} failed: {e.Message}", e);
    }

    // Queues a launch sequence on the caller's current stream, under the device lock.
    internal void Run(Action<AcceleratorStream> launch, string what)
    {
        var stream = ((IlgpuStream)CurrentStream).AcceleratorStream;
        lock (Gate)
        {
            ThrowIfGone();
            Guard(what, () => launch(stream));
        }
    }

    private IlgpuKernelSet<T> Set<T>() where T : unmanaged =>
        typeof(T) == typeof(float) ? (IlgpuKernelSet<T>)(object)_single.Value : (IlgpuKernelSet<T>)(object)_double.Value;

    private static ArrayView<T> V<T>(DeviceBuffer<T> buffer) where T : unmanaged => ((IlgpuBuffer<T>)buffer).View;

    private static int Elements<T>(DeviceBuffer<T> buffer) where T : unmanaged =>
        buffer.Length <= int.MaxValue ? (int)buffer.Length : throw new ArgumentException($"ILGPU kernels index up to {int.MaxValue} elements; the buffer has {buffer.Length}.");

    /// <inheritdoc />
    protected override void FillCore<T>(DeviceBuffer<T> x, T value)
    {
        int n = Elements(x);
        if (n > 0) Run(queue => Set<T>().Fill.Value(queue, n, V(x), value), "fill");
    }

    /// <inheritdoc />
    protected override void CopyCore<T>(DeviceBuffer<T> source, DeviceBuffer<T> destination)
    {
        if (source.Length > 0) Run(queue => V(source).CopyTo(queue, V(destination)), "copy");
    }

    /// <inheritdoc />
    protected override void MapCore<T>(UnaryOperation operation, DeviceBuffer<T> x, DeviceBuffer<T> y)
    {
        int n = Elements(x);
        if (n > 0) Run(queue => Set<T>().Map.Value(queue, n, V(x), V(y), (int)operation), operation.ToString());
    }

    /// <inheritdoc />
    protected override void ZipCore<T>(BinaryOperation operation, DeviceBuffer<T> x, DeviceBuffer<T> y, DeviceBuffer<T> z)
    {
        int n = Elements(x);
        if (n > 0) Run(queue => Set<T>().Zip.Value(queue, n, V(x), V(y), V(z), (int)operation), operation.ToString());
    }

    /// <inheritdoc />
    protected override void AxpbyCore<T>(T alpha, DeviceBuffer<T> x, T beta, DeviceBuffer<T> y)
    {
        int n = Elements(x);
        if (n > 0) Run(queue => Set<T>().Axpby.Value(queue, n, V(x), V(y), alpha, beta, T.IsZero(beta) ? 0 : 1), "axpby");
    }

    /// <inheritdoc />
    protected override T ReduceCore<T>(ReduceOperation operation, DeviceBuffer<T> x) =>
        ReduceTwoPass(operation switch { ReduceOperation.Sum => 0, ReduceOperation.SumOfSquares => 1, ReduceOperation.Min => 2, _ => 3 }, x, x);

    /// <inheritdoc />
    protected override T DotCore<T>(DeviceBuffer<T> x, DeviceBuffer<T> y) => ReduceTwoPass(4, x, y);

    private T ReduceTwoPass<T>(int operation, DeviceBuffer<T> x, DeviceBuffer<T> y) where T : unmanaged
    {
        int n = Elements(x), groups = _reduction.Groups(n), size = _reduction.GroupSize;
        using var partials = (IlgpuBuffer<T>)Allocate<T>(groups);
        using var total = (IlgpuBuffer<T>)Allocate<T>(1);
        Run(queue =>
        {
            var reduce = (UsesWarpShuffles ? Set<T>().ReduceWithWarpShuffles : Set<T>().Reduce).Value;
            var shared = SharedMemoryConfig.RequestDynamic<T>(size);
            reduce(queue, new KernelConfig(groups, size, shared), V(x), V(y), partials.View, n, operation);
            reduce(queue, new KernelConfig(1, size, shared), partials.View, partials.View, total.View, groups, ReductionKernels.PartialOperation(operation));
        }, "reduction");
        Span<T> result = stackalloc T[1];
        total.CopyTo(result);   // waits for the stream outside the device lock
        return result[0];
    }

    /// <inheritdoc />
    protected override void GemmCore<T>(int batch, bool transposeA, bool transposeB, int m, int n, int k, T alpha,
        DeviceBuffer<T> a, MatrixLayout layoutA, DeviceBuffer<T> b, MatrixLayout layoutB, T beta, DeviceBuffer<T> c, MatrixLayout layoutC)
    {
        // Float takes the 128-tile kernel with its 8×8 register block; double's 4×4 block keeps it out of spills.
        bool large = typeof(T) == typeof(float);
        int tile = large ? GemmKernels.LargeTile : GemmKernels.Tile;
        int columnTiles = (n + tile - 1) / tile;
        if (columnTiles > GridLimit.X)
            throw new ArgumentException($"{Info.Id}: a GEMM with n = {n} needs {columnTiles} column tiles; one launch takes at most {GridLimit.X}.", nameof(n));
        var kernel = !large ? Set<T>().Gemm : FloatGemm switch
        {
            FloatGemmKernel.DoubleBuffered => Set<T>().GemmLargeDoubleBuffered,
            FloatGemmKernel.TwoGroupsPerMultiprocessor => Set<T>().GemmLargeTwoGroups,
            _ => Set<T>().GemmLarge,
        };
        // Batches and row tiles beyond the grid's y/z limits go in further launches, each an offset into the layouts.
        long rowsPerLaunch = (long)GridLimit.Y * tile;
        for (int b0 = 0; b0 < batch; b0 += GridLimit.Z)
        {
            int batches = Math.Min(GridLimit.Z, batch - b0);
            for (long r0 = 0; r0 < m; r0 += rowsPerLaunch)
            {
                int rows = (int)Math.Min(rowsPerLaunch, m - r0);
                long offsetA = layoutA.Offset + b0 * layoutA.BatchStride + (transposeA ? r0 : r0 * layoutA.LeadingDimension);
                long offsetB = layoutB.Offset + b0 * layoutB.BatchStride, offsetC = layoutC.Offset + b0 * layoutC.BatchStride + r0 * layoutC.LeadingDimension;
                var arguments = new GemmArguments<T>(rows, n, k, transposeA ? 1 : 0, transposeB ? 1 : 0, alpha, beta, T.IsZero(beta) ? 0 : 1,
                    layoutA.LeadingDimension, layoutB.LeadingDimension, layoutC.LeadingDimension, offsetA, offsetB, offsetC,
                    layoutA.BatchStride, layoutB.BatchStride, layoutC.BatchStride);
                var config = new KernelConfig(new Index3D(columnTiles, (rows + tile - 1) / tile, batches), new Index3D(GemmKernels.Threads, GemmKernels.Threads, 1));
                Run(queue => kernel.Value(queue, config, V(a), V(b), V(c), arguments), "GEMM");
            }
        }
    }

    /// <inheritdoc />
    protected override void CopyStridedCore<T>(StridedCopyPlan plan, DeviceBuffer<T> source, DeviceBuffer<T> destination)
    {
        int rank = plan.Rank, inner = rank - 1, across = plan.TransposedAxis;
        int rows = plan.Extents[inner], cols = across < 0 ? 0 : plan.Extents[across];
        // A transposed pair of axes, each long enough to fill a good part of a 32 × 32 tile: the tiled kernel.
        if (across >= 0 && rows >= 8 && cols >= 8)
        {
            Span<int> extents = stackalloc int[rank - 2];
            Span<long> sourceStrides = stackalloc long[rank - 2], destinationStrides = stackalloc long[rank - 2];
            for (int d = 0, o = 0; d < inner; d++)
                if (d != across) { extents[o] = plan.Extents[d]; sourceStrides[o] = plan.SourceStrides[d]; destinationStrides[o++] = plan.DestinationStrides[d]; }
            var others = StridedCopyArguments.FromAxes(extents, sourceStrides, destinationStrides, plan.SourceOffset, plan.DestinationOffset);
            long batches = plan.Count / ((long)rows * cols);
            long groups = (long)((rows + StridedCopyKernels.Tile - 1) / StridedCopyKernels.Tile) * ((cols + StridedCopyKernels.Tile - 1) / StridedCopyKernels.Tile) * batches;
            if (groups <= GridLimit.X)
            {
                long ldx = plan.SourceStrides[inner], ldy = plan.DestinationStrides[across];
                var config = new KernelConfig(new Index2D((int)groups, 1), new Index2D(StridedCopyKernels.Tile, StridedCopyKernels.PairRows));
                Run(queue => Set<T>().TransposedPair.Value(queue, config, V(source), V(destination), rows, cols, ldx, ldy, others), "strided copy");
                return;
            }
        }
        var arguments = StridedCopyArguments.From(plan);
        int count = (int)plan.Count;   // the contract caps a call at int.MaxValue elements
        Run(queue => Set<T>().StridedCopy.Value(queue, count, V(source), V(destination), arguments), "strided copy");
    }

    /// <inheritdoc />
    protected override void TransposeCore<T>(int rows, int cols, DeviceBuffer<T> x, DeviceBuffer<T> y)
    {
        var grid = new Index2D((cols + TransposeKernels.Tile - 1) / TransposeKernels.Tile, (rows + TransposeKernels.Tile - 1) / TransposeKernels.Tile);
        if (grid.X > GridLimit.X || grid.Y > GridLimit.Y)
        {
            // Too tall or wide for one tiled launch (CUDA: 65 535 row tiles, i.e. 2 M rows): y[j, i] = x[i, j] as a
            // strided copy, whose one-dimensional grid has no such limit.
            CopyStridedCore(StridedCopyPlan.Create([cols, rows], 0, [1, cols], 0, [rows, 1]), x, y);
            return;
        }
        Run(queue => Set<T>().Transpose.Value(queue, new KernelConfig(grid, new Index2D(TransposeKernels.Tile, TransposeKernels.Rows)), V(x), V(y), rows, cols), "transpose");
    }

    /// <inheritdoc />
    protected override void DiagonalScanCore<T>(int batch, int length, int channels, DeviceBuffer<T> a, DeviceBuffer<T> b, DeviceBuffer<T>? initial,
        DeviceBuffer<T> states, DeviceBuffer<T> final, bool reverse)
    {
        int sequences = checked(batch * channels);
        // One thread per sequence reads each array once; chunking in time costs two more passes. Measured on an
        // H100 at 65 536 sequences (8, 4096, 8192): one thread per sequence 2509 GB/s (90 % of a copy), 4 chunks
        // 1163 GB/s. So chunk only when there are fewer than two 128-thread groups of sequences per multiprocessor.
        int chunks = ScanChunks ?? (sequences >= _sequentialScanMinimum ? 1 : Math.Min(_parallelism / sequences, Math.Max(1, length / 32)));
        chunks = Math.Clamp(chunks, 1, Math.Max(1, length));
        var arguments = new ScanArguments(batch, length, channels, chunks, reverse ? 1 : 0, initial is null ? 0 : 1);
        var set = Set<T>();
        ArrayView<T> h0 = initial is null ? V(final) : V(initial);   // not read when HasInitial = 0
        if (chunks == 1)
        {
            int group = ScanKernels.SequentialGroup;
            var config = new KernelConfig((sequences + group - 1) / group, group);
            Run(queue => set.ScanSequential.Value(queue, config, V(a), V(b), h0, V(states), V(final), arguments), "diagonal scan");
            return;
        }
        long parts = (long)sequences * chunks;
        using var products = (IlgpuBuffer<T>)Allocate<T>(parts);
        using var lasts = (IlgpuBuffer<T>)Allocate<T>(parts);
        using var carries = (IlgpuBuffer<T>)Allocate<T>(parts);
        Run(queue =>
        {
            set.ScanLocal.Value(queue, (int)parts, V(a), V(b), V(states), products.View, lasts.View, arguments);
            set.ScanChain.Value(queue, sequences, h0, products.View, lasts.View, carries.View, V(final), arguments);
            set.ScanFixUp.Value(queue, (int)parts, V(a), V(states), carries.View, arguments);
        }, "chunked diagonal scan");
    }

    /// <inheritdoc />
    protected override void SelectiveScanCore<T>(SelectiveScanShape shape, DeviceBuffer<T> u, DeviceBuffer<T> delta, DeviceBuffer<T> a, DeviceBuffer<T> b,
        DeviceBuffer<T> c, DeviceBuffer<T>? d, DeviceBuffer<T>? z, DeviceBuffer<T>? deltaBias, bool deltaSoftplus, DeviceBuffer<T> y,
        DeviceBuffer<T> finalState, bool reverse)
    {
        var (batch, length, channels, state, groups) = shape;
        var arguments = new SelectiveScanArguments(batch, length, channels, state, groups, reverse ? 1 : 0, deltaSoftplus ? 1 : 0,
            d is null ? 0 : 1, z is null ? 0 : 1, deltaBias is null ? 0 : 1);
        int sequences = checked(batch * channels);
        // Absent operands are never read (their flags are 0); any valid view stands in for them.
        var config = new KernelConfig(sequences, SelectiveScanKernels.Lanes, SharedMemoryConfig.RequestDynamic<T>(state + SelectiveScanKernels.Lanes));
        Run(queue => Set<T>().SelectiveScan.Value(queue, config, V(u), V(delta), V(a), V(b), V(c), V(d ?? u), V(z ?? u), V(deltaBias ?? u), V(y), V(finalState), arguments),
            "selective scan");
    }

    /// <inheritdoc />
    protected override void SelectiveScanBackwardCore<T>(SelectiveScanShape shape, DeviceBuffer<T> u, DeviceBuffer<T> delta, DeviceBuffer<T> a, DeviceBuffer<T> b,
        DeviceBuffer<T> c, DeviceBuffer<T>? d, DeviceBuffer<T>? z, DeviceBuffer<T>? deltaBias, bool deltaSoftplus, DeviceBuffer<T> outputGradient,
        DeviceBuffer<T>? finalStateGradient, SelectiveScanDeviceGradients<T> gradients, bool reverse)
    {
        var (batch, length, channels, state, groups) = shape;
        var scan = new SelectiveScanArguments(batch, length, channels, state, groups, reverse ? 1 : 0, deltaSoftplus ? 1 : 0,
            d is null ? 0 : 1, z is null ? 0 : 1, deltaBias is null ? 0 : 1);
        var arguments = new SelectiveScanBackwardArguments(scan, finalStateGradient is null ? 0 : 1);
        int sequences = checked(batch * channels);
        long steps = (long)sequences * length, projection = (long)batch * groups * length * state;
        if (projection > int.MaxValue || (long)channels * state > int.MaxValue)
            throw new ArgumentException($"Selective scan backward of {shape}: ∂B/∂C of {projection} elements exceed the {int.MaxValue} an ILGPU launch indexes.");
        // Scratch: every state h_t (then overwritten by this channel's ∂C_t part) and every ∂B_t part, 2·B·D·L·N in
        // all; and the per-step gradients with the per-sequence sums (copied or summed into the caller's buffers).
        using var kept = (IlgpuBuffer<T>)Allocate<T>(SelectiveScanBackwardKernels.KeptElements(scan));
        using var results = (IlgpuBuffer<T>)Allocate<T>(SelectiveScanBackwardKernels.ResultElements(scan));
        var set = Set<T>();
        var config = new KernelConfig(sequences, SelectiveScanKernels.Lanes, SharedMemoryConfig.RequestDynamic<T>(SelectiveScanBackwardKernels.SharedElements(state)));
        long sumsAt = 3 * steps;
        Run(queue =>
        {
            // Absent operands are never read (their flags are 0); any valid view stands in for them.
            set.SelectiveScanBackward.Value(queue, config, V(u), V(delta), V(a), V(b), V(c), V(d ?? u), V(z ?? u), V(deltaBias ?? u), V(outputGradient),
                V(finalStateGradient ?? outputGradient), kept.View, results.View, arguments);
            results.View.SubView(0, steps).CopyTo(queue, V(gradients.U).SubView(0, steps));
            results.View.SubView(steps, steps).CopyTo(queue, V(gradients.Delta).SubView(0, steps));
            if (gradients.Z is not null) results.View.SubView(2 * steps, steps).CopyTo(queue, V(gradients.Z).SubView(0, steps));
            long keptHalf = steps * state;
            if (projection > 0)
            {
                set.SumChannelsOfGroup.Value(queue, (int)projection, kept.View.SubView(0, keptHalf), V(gradients.C), scan);
                set.SumChannelsOfGroup.Value(queue, (int)projection, kept.View.SubView(keptHalf, keptHalf), V(gradients.B), scan);
            }
            if (state > 0) set.SumBatches.Value(queue, channels * state, results.View.SubView(sumsAt, (long)sequences * state), V(gradients.A), channels * state, batch);
            long scalarsAt = sumsAt + (long)sequences * state;
            if (gradients.D is not null) set.SumBatches.Value(queue, channels, results.View.SubView(scalarsAt, sequences), V(gradients.D), channels, batch);
            if (gradients.DeltaBias is not null) set.SumBatches.Value(queue, channels, results.View.SubView(scalarsAt + sequences, sequences), V(gradients.DeltaBias), channels, batch);
        }, "selective scan backward");
    }

    /// <inheritdoc />
    protected override void SortRowsCore<T>(int rows, int cols, DeviceBuffer<T> keys, DeviceBuffer<int> indices)
    {
        if (RowSort == RowSortAlgorithm.Radix) SortRowsByRadix(rows, cols, keys, indices);
        else SortRowsByBitonicNetwork(rows, cols, keys, indices);
    }

    private void SortRowsByBitonicNetwork<T>(int rows, int cols, DeviceBuffer<T> keys, DeviceBuffer<int> indices) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int padded = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)cols);
        long total = (long)rows * padded;
        if (total > int.MaxValue) throw new ArgumentException($"SortRows: {rows} rows of {cols} (padded to {padded}) exceed {int.MaxValue} elements.");
        using var ranks = (IlgpuBuffer<ulong>)Allocate<ulong>(total);
        using var order = (IlgpuBuffer<int>)Allocate<int>(total);
        var set = Set<T>();
        Run(queue =>
        {
            set.SortLoad.Value(queue, (int)total, V(keys), ranks.View, order.View, cols, padded);
            if (padded >= 2)
            {
                // Stages with distance j < tile run in shared memory; only j ≥ tile goes through global memory.
                int tile = Math.Min(Math.Min(SortKernels.MaxTile, padded), 2 * Math.Min(256, Accelerator.MaxNumThreadsPerGroup));
                var tiles = new KernelConfig((int)(total / tile), tile / 2);
                _sortTiles.Value(queue, tiles, ranks.View, order.View, padded, tile);
                var exchange = _compareExchange.Value;
                for (int k = 2 * tile; k <= padded; k <<= 1)
                {
                    for (int j = k >> 1; j >= tile; j >>= 1)
                        exchange(queue, (int)total, ranks.View, order.View, padded, k, j);
                    _mergeTiles.Value(queue, tiles, ranks.View, order.View, padded, tile, k);
                }
            }
            set.SortStore.Value(queue, rows * cols, ranks.View, order.View, V(keys), V(indices), cols, padded);
        }, "row sort");
    }

    // LSD radix sort, 8 bits a pass over the ranks' significant bits (32 for float, 64 for double), ping-ponging
    // between two buffer pairs; the tile (4 keys a thread) never crosses a row.
    private void SortRowsByRadix<T>(int rows, int cols, DeviceBuffer<T> keys, DeviceBuffer<int> indices) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        long total = (long)rows * cols;
        if (total > int.MaxValue) throw new ArgumentException($"SortRows: {rows} rows of {cols} exceed {int.MaxValue} elements.");
        // The CPU accelerator runs a group's threads as OS threads meeting at every barrier (a tile's splits take ~40):
        // 32 threads there, where 256 made a 8×1024 sort five times slower than the bitonic network.
        int group = Info.Kind == DeviceKind.IlgpuCpu ? 32 : Math.Min(RadixSortKernels.MaxGroupSize, Accelerator.MaxNumThreadsPerGroup);
        int tile = RadixSortKernels.ItemsPerThread * group;
        int tilesPerRow = (int)((cols + (long)tile - 1) / tile);
        int segment = checked(RadixSortKernels.Buckets * tilesPerRow);
        int passes = System.Runtime.CompilerServices.Unsafe.SizeOf<T>() * 8 / RadixSortKernels.DigitBits;
        using var ranks = (IlgpuBuffer<ulong>)Allocate<ulong>(total);
        using var order = (IlgpuBuffer<int>)Allocate<int>(total);
        using var ranks2 = (IlgpuBuffer<ulong>)Allocate<ulong>(total);
        using var order2 = (IlgpuBuffer<int>)Allocate<int>(total);
        using var counts = (IlgpuBuffer<int>)Allocate<int>((long)rows * segment);
        var set = Set<T>();
        Run(queue =>
        {
            set.SortLoad.Value(queue, (int)total, V(keys), ranks.View, order.View, cols, cols);
            var tiles = new KernelConfig(checked(rows * tilesPerRow), group);
            var rowGroups = new KernelConfig(rows, group);
            var (fromRanks, fromOrder, toRanks, toOrder) = (ranks.View, order.View, ranks2.View, order2.View);
            for (int pass = 0; pass < passes; pass++)
            {
                int shift = pass * RadixSortKernels.DigitBits;
                _radixCount.Value(queue, tiles, fromRanks, counts.View, cols, tilesPerRow, shift);
                _radixScan.Value(queue, rowGroups, counts.View, segment);
                _radixScatter.Value(queue, tiles, fromRanks, fromOrder, toRanks, toOrder, counts.View, cols, tilesPerRow, shift);
                (fromRanks, fromOrder, toRanks, toOrder) = (toRanks, toOrder, fromRanks, fromOrder);
            }
            set.SortStore.Value(queue, (int)total, fromRanks, fromOrder, V(keys), V(indices), cols, cols);
        }, "row sort");
    }

    /// <inheritdoc />
    protected override void RowPowerDistancesCore<T>(int rows, int cols, DeviceBuffer<T> x, DeviceBuffer<T> y, T p, DeviceBuffer<T> result)
    {
        int kind = p == T.One ? 1 : p == T.CreateTruncating(2) ? 2 : 0;
        int size = _reduction.GroupSize;
        Run(queue => (UsesWarpShuffles ? Set<T>().RowPowerDistancesWithWarpShuffles : Set<T>().RowPowerDistances).Value(queue, new KernelConfig(rows, size, SharedMemoryConfig.RequestDynamic<T>(size)), V(x), V(y), V(result), cols, p, kind), "row distances");
    }

    /// <inheritdoc />
    protected override void CountSketchCore<T>(int m, int n, int s, DeviceBuffer<T> a, DeviceBuffer<int> buckets, DeviceBuffer<T> signs, DeviceBuffer<T> y) =>
        Run(queue => Set<T>().CountSketch.Value(queue, n, V(a), V(buckets), V(signs), V(y), m, n, s), "CountSketch");

    /// <inheritdoc />
    protected override void CsrMultiplyCore<T>(DeviceCsrMatrix<T> matrix, DeviceBuffer<T> x, DeviceBuffer<T> y) =>
        Run(queue => Set<T>().Csr.Value(queue, matrix.Rows, V(matrix.RowPointers), V(matrix.ColumnIndices), V(matrix.Values), V(x), V(y)), "CSR product");

    /// <inheritdoc />
    protected override void PoissonMultiplyCore<T>(int side, DeviceBuffer<T> x, DeviceBuffer<T> y) =>
        Run(queue => Set<T>().Poisson.Value(queue, side * side, V(x), V(y), side), "Poisson stencil");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (Gate)
            {
                try
                {
                    Accelerator.Synchronize();
                    foreach (var stream in _streams.Keys) stream.AcceleratorStream.Synchronize();
                }
                catch (AcceleratorException) { }
                _pool.Dispose();
                Accelerator.Dispose();
                _context.Dispose();
            }
        }
        base.Dispose(disposing);
    }

    internal static DeviceInfo Describe(Device device, string id)
    {
        var kind = device switch
        {
            CudaDevice => DeviceKind.Cuda,
            CLDevice => DeviceKind.OpenCL,
            _ => DeviceKind.IlgpuCpu,
        };
        long memory = kind == DeviceKind.IlgpuCpu ? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes : device.MemorySize;
        string capability = device switch
        {
            CudaDevice cuda => $"sm_{cuda.Architecture}",
            CLDevice cl => $"OpenCL C {cl.CVersion}",
            _ => $"simulated, warp {device.WarpSize}",
        };
        bool fp64 = device is not CLDevice cl64 || cl64.Capabilities.Float64;
        return new DeviceInfo(id, device.Name, kind, memory, capability, fp64, DevicePrimitives.All);
    }
}
