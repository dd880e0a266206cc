using System.Runtime.CompilerServices;
using System.Numerics;
using System.Numerics.Tensors;
using Kernels.Backends.Cpu;
using Kernels.Linalg;
using Kernels.Linalg.Solvers;
using Kernels.Ops.StateSpace;
using Kernels.Ops.Transport;
using Kernels.Tensors;
using Kernels.Tensors.Sorting;

namespace Kernels.Devices;

/// <summary>
/// The reference device: every primitive runs on this process's CPU through the library's own kernels (the SIMD
/// element-wise driver, the blocked GEMM, the diagonal scan, the radix sort, the Poisson stencil), with buffers in
/// managed memory and nothing to copy. Every other backend is tested against it. Work runs synchronously on the
/// calling thread (and the library's worker pool inside GEMM and the scan).
/// </summary>
public sealed class CpuDevice : ComputeDevice
{
    /// <summary>Opens the CPU device.</summary>
    public CpuDevice(FallbackPolicy fallback = FallbackPolicy.CopyToCpu) : base(fallback)
    {
        long memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        Info = new DeviceInfo("cpu", $"{Environment.ProcessorCount}-thread CPU", DeviceKind.Cpu, memory,
            $"{CpuKernelSelection.Current} kernels", SupportsFloat64: true, DevicePrimitives.All);
    }

    /// <inheritdoc />
    public override DeviceInfo Info { get; }

    /// <inheritdoc />
    protected override DeviceBuffer<T> AllocateCore<T>(long length) => new CpuBuffer<T>(this, length);

    internal CpuBuffer<T> AllocateHost<T>(long length) where T : unmanaged => (CpuBuffer<T>)Allocate<T>(length);

    /// <inheritdoc />
    public override void Synchronize() => ThrowIfDisposed();

    private static Span<T> S<T>(DeviceBuffer<T> buffer) where T : unmanaged => ((CpuBuffer<T>)buffer).Span;

    private static NDArray<T> View<T>(DeviceBuffer<T> buffer, params ReadOnlySpan<int> shape) where T : unmanaged
    {
        long count = 1;
        foreach (int extent in shape) count *= extent;
        return new NDArray<T>(((CpuBuffer<T>)buffer).Memory[..(int)count], shape);
    }

    private static int Count<T>(DeviceBuffer<T> buffer) where T : unmanaged => checked((int)buffer.Length);

    /// <inheritdoc />
    protected override void FillCore<T>(DeviceBuffer<T> x, T value) => S(x).Fill(value);

    /// <inheritdoc />
    protected override void CopyCore<T>(DeviceBuffer<T> source, DeviceBuffer<T> destination) => S(source).CopyTo(S(destination));

    /// <inheritdoc />
    protected override void MapCore<T>(UnaryOperation operation, DeviceBuffer<T> x, DeviceBuffer<T> y)
    {
        int n = Count(x);
        NDArray<T> vx = View(x, n), vy = View(y, n);
        _ = operation switch
        {
            UnaryOperation.Negate => NDArray.Negate(vx, vy),
            UnaryOperation.Abs => NDArray.Abs(vx, vy),
            UnaryOperation.Sqrt => NDArray.Sqrt(vx, vy),
            UnaryOperation.Square => NDArray.Square(vx, vy),
            UnaryOperation.Exp => NDArray.Exp(vx, vy),
            UnaryOperation.Log => NDArray.Log(vx, vy),
            UnaryOperation.Tanh => NDArray.Tanh(vx, vy),
            UnaryOperation.Sigmoid => NDArray.Sigmoid(vx, vy),
            UnaryOperation.Silu => NDArray.Silu(vx, vy),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
    }

    /// <inheritdoc />
    protected override void ZipCore<T>(BinaryOperation operation, DeviceBuffer<T> x, DeviceBuffer<T> y, DeviceBuffer<T> z)
    {
        int n = Count(x);
        NDArray<T> vx = View(x, n), vy = View(y, n), vz = View(z, n);
        _ = operation switch
        {
            BinaryOperation.Add => NDArray.Add(vx, vy, vz),
            BinaryOperation.Subtract => NDArray.Subtract(vx, vy, vz),
            BinaryOperation.Multiply => NDArray.Multiply(vx, vy, vz),
            BinaryOperation.Divide => NDArray.Divide(vx, vy, vz),
            BinaryOperation.Minimum => NDArray.Minimum(vx, vy, vz),
            BinaryOperation.Maximum => NDArray.Maximum(vx, vy, vz),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
    }

    /// <inheritdoc />
    protected override void AxpbyCore<T>(T alpha, DeviceBuffer<T> x, T beta, DeviceBuffer<T> y)
    {
        Span<T> sy = S(y);
        if (T.IsZero(beta)) TensorPrimitives.Multiply(S(x), alpha, sy);
        else
        {
            TensorPrimitives.Multiply(sy, beta, sy);
            TensorPrimitives.MultiplyAdd(S(x), alpha, sy, sy);
        }
    }

    /// <inheritdoc />
    protected override T ReduceCore<T>(ReduceOperation operation, DeviceBuffer<T> x)
    {
        var v = View(x, Count(x));
        return operation switch
        {
            ReduceOperation.Sum => NDArray.Sum(v),
            ReduceOperation.SumOfSquares => NDArray.Dot(v, v),
            ReduceOperation.Min => NDArray.Min(v),
            ReduceOperation.Max => NDArray.Max(v),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
    }

    /// <inheritdoc />
    protected override T DotCore<T>(DeviceBuffer<T> x, DeviceBuffer<T> y)
    {
        int n = Count(x);
        return NDArray.Dot(View(x, n), View(y, n));
    }

    /// <inheritdoc />
    protected override void GemmCore<T>(int batch, bool transposeA, bool transposeB, int m, int n, int k, T alpha,
        DeviceBuffer<T> a, MatrixLayout layoutA, DeviceBuffer<T> b, MatrixLayout layoutB, T beta, DeviceBuffer<T> c, MatrixLayout layoutC)
    {
        Memory<T> ma = ((CpuBuffer<T>)a).Memory, mb = ((CpuBuffer<T>)b).Memory, mc = ((CpuBuffer<T>)c).Memory;
        for (int i = 0; i < batch; i++)
        {
            var ai = Matrix(ma, layoutA, i, transposeA ? k : m, transposeA ? m : k);
            var bi = Matrix(mb, layoutB, i, transposeB ? n : k, transposeB ? k : n);
            LinearAlgebra.Gemm(alpha, transposeA ? ai.Transpose() : ai, transposeB ? bi.Transpose() : bi, beta, Matrix(mc, layoutC, i, m, n));
        }
    }

    // Matrix `index` of a batch laid out by `layout`, as a rows × cols view (row stride = the leading dimension).
    private static NDArray<T> Matrix<T>(Memory<T> storage, MatrixLayout layout, int index, int rows, int cols) where T : unmanaged =>
        new(storage, [rows, cols], [(nint)layout.LeadingDimension, 1], checked((nint)(layout.Offset + index * layout.BatchStride)));

    /// <inheritdoc />
    protected override void CopyStridedCore<T>(StridedCopyPlan plan, DeviceBuffer<T> source, DeviceBuffer<T> destination)
    {
        int rank = plan.Rank, inner = rank - 1, across = plan.TransposedAxis;
        if (across < 0)
        {
            // Not a transpose in disguise: the library's strided copy (contiguous runs as block copies).
            View(source, plan, plan.SourceStrides, plan.SourceOffset).CopyTo(View(destination, plan, plan.DestinationStrides, plan.DestinationOffset));
            return;
        }
        // A transposed pair of axes (e.g. a permuted view made contiguous): the blocked transpose for each index of
        // the other axes, instead of reading the source one stride apart for every destination element.
        ref T x = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(S(source));
        ref T y = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(S(destination));
        int rows = plan.Extents[inner], cols = plan.Extents[across];
        nint sourceRowStride = checked((nint)plan.SourceStrides[inner]), destinationRowStride = checked((nint)plan.DestinationStrides[across]);
        Span<int> index = stackalloc int[rank];
        index.Clear();
        while (true)
        {
            long from = plan.SourceOffset, to = plan.DestinationOffset;
            for (int d = 0; d < rank; d++) { from += index[d] * plan.SourceStrides[d]; to += index[d] * plan.DestinationStrides[d]; }
            TransposeBlocked(ref Unsafe.Add(ref x, (nint)from), sourceRowStride, ref Unsafe.Add(ref y, (nint)to), destinationRowStride, rows, cols);
            int axis = inner - 1;   // odometer over every axis but `inner` and `across`
            for (; axis >= 0; axis--)
            {
                if (axis == across) continue;
                if (++index[axis] < plan.Extents[axis]) break;
                index[axis] = 0;
            }
            if (axis < 0) return;
        }
    }

    private static NDArray<T> View<T>(DeviceBuffer<T> buffer, StridedCopyPlan plan, ReadOnlySpan<long> strides, long offset) where T : unmanaged
    {
        Span<nint> native = stackalloc nint[plan.Rank];
        for (int d = 0; d < native.Length; d++) native[d] = checked((nint)strides[d]);
        return new NDArray<T>(((CpuBuffer<T>)buffer).Memory, plan.Extents, native, checked((nint)offset));
    }

    /// <inheritdoc />
    protected override void TransposeCore<T>(int rows, int cols, DeviceBuffer<T> x, DeviceBuffer<T> y) =>
        TransposeBlocked(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(S(x)), cols,
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(S(y)), rows, rows, cols);

    /// <summary>y[j·ldy + i] = x[i·ldx + j] for i &lt; rows, j &lt; cols (the row strides may be negative).</summary>
    private static void TransposeBlocked<T>(ref T source, nint sourceRowStride, ref T destination, nint destinationRowStride, int rows, int cols)
    {
        // Two levels of blocking. 64×64 blocks keep a block's source rows and destination columns in L2; inside, 8×8
        // blocks write only 8 destination lines at a time. The 8 matters: destination lines lie rows·sizeof(T) apart,
        // which for power-of-two sizes maps them all to one L1 set, and 8 lines fit an 8-way set where the 32 of a
        // plain 32×32 blocking evicted each other on every write (1.2 GB/s at 2048²).
        const int outer = 64, inner = 8;
        for (int i0 = 0; i0 < rows; i0 += outer)
        {
            int i1 = Math.Min(rows, i0 + outer);
            for (int j0 = 0; j0 < cols; j0 += outer)
            {
                int j1 = Math.Min(cols, j0 + outer);
                for (int bi = i0; bi < i1; bi += inner)
                {
                    int bi1 = Math.Min(i1, bi + inner);
                    for (int bj = j0; bj < j1; bj += inner)
                    {
                        int bj1 = Math.Min(j1, bj + inner);
                        for (int i = bi; i < bi1; i++)
                        {
                            ref T row = ref Unsafe.Add(ref source, i * sourceRowStride);
                            for (int j = bj; j < bj1; j++)
                                Unsafe.Add(ref destination, j * destinationRowStride + i) = Unsafe.Add(ref row, j);
                        }
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    protected override void DiagonalScanCore<T>(int batch, int length, int channels, DeviceBuffer<T> a, DeviceBuffer<T> b, DeviceBuffer<T>? initial,
        DeviceBuffer<T> states, DeviceBuffer<T> final, bool reverse)
    {
        int total = batch * length * channels, perState = batch * channels;
        if (!ReferenceEquals(states, b)) S(b)[..total].CopyTo(S(states));
        if (initial is null) S(final)[..perState].Clear();
        else S(initial)[..perState].CopyTo(S(final));
        Kernels.Ops.StateSpace.DiagonalScan.RunInPlace(View(a, batch, length, channels), View(states, batch, length, channels), View(final, batch, channels), reverse);
    }

    /// <inheritdoc />
    protected override void SelectiveScanCore<T>(SelectiveScanShape shape, DeviceBuffer<T> u, DeviceBuffer<T> delta, DeviceBuffer<T> a, DeviceBuffer<T> b,
        DeviceBuffer<T> c, DeviceBuffer<T>? d, DeviceBuffer<T>? z, DeviceBuffer<T>? deltaBias, bool deltaSoftplus, DeviceBuffer<T> y,
        DeviceBuffer<T> finalState, bool reverse)
    {
        var result = Kernels.Ops.StateSpace.SelectiveScan.Forward(ScanInputs(shape, u, delta, a, b, c, d, z, deltaBias, deltaSoftplus, reverse));
        result.Y.AsSpan().CopyTo(S(y));
        result.FinalState.AsSpan().CopyTo(S(finalState));
    }

    /// <inheritdoc />
    protected override void SelectiveScanBackwardCore<T>(SelectiveScanShape shape, DeviceBuffer<T> u, DeviceBuffer<T> delta, DeviceBuffer<T> a, DeviceBuffer<T> b,
        DeviceBuffer<T> c, DeviceBuffer<T>? d, DeviceBuffer<T>? z, DeviceBuffer<T>? deltaBias, bool deltaSoftplus, DeviceBuffer<T> outputGradient,
        DeviceBuffer<T>? finalStateGradient, SelectiveScanDeviceGradients<T> gradients, bool reverse)
    {
        var (batch, length, channels, state, _) = shape;
        var result = Kernels.Ops.StateSpace.SelectiveScan.Backward(ScanInputs(shape, u, delta, a, b, c, d, z, deltaBias, deltaSoftplus, reverse),
            View(outputGradient, batch, length, channels), finalStateGradient is null ? null : View(finalStateGradient, batch, channels, state));
        result.U.AsSpan().CopyTo(S(gradients.U));
        result.Delta.AsSpan().CopyTo(S(gradients.Delta));
        result.A.AsSpan().CopyTo(S(gradients.A));
        result.B.AsSpan().CopyTo(S(gradients.B));
        result.C.AsSpan().CopyTo(S(gradients.C));
        if (gradients.D is not null) result.D!.AsSpan().CopyTo(S(gradients.D));
        if (gradients.Z is not null) result.Z!.AsSpan().CopyTo(S(gradients.Z));
        if (gradients.DeltaBias is not null) result.DeltaBias!.AsSpan().CopyTo(S(gradients.DeltaBias));
    }

    // The library's selective-scan inputs as views of this device's buffers (no copies).
    private static Kernels.Ops.StateSpace.SelectiveScanInputs<T> ScanInputs<T>(SelectiveScanShape shape, DeviceBuffer<T> u, DeviceBuffer<T> delta, DeviceBuffer<T> a,
        DeviceBuffer<T> b, DeviceBuffer<T> c, DeviceBuffer<T>? d, DeviceBuffer<T>? z, DeviceBuffer<T>? deltaBias, bool deltaSoftplus, bool reverse)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (batch, length, channels, state, groups) = shape;
        return new()
        {
            U = View(u, batch, length, channels), Delta = View(delta, batch, length, channels), A = View(a, channels, state),
            B = View(b, batch, groups, length, state), C = View(c, batch, groups, length, state),
            D = d is null ? null : View(d, channels), Z = z is null ? null : View(z, batch, length, channels),
            DeltaBias = deltaBias is null ? null : View(deltaBias, channels), DeltaSoftplus = deltaSoftplus, Reverse = reverse,
        };
    }

    /// <inheritdoc />
    protected override void SortRowsCore<T>(int rows, int cols, DeviceBuffer<T> keys, DeviceBuffer<int> indices)
    {
        Span<T> k = S(keys);
        Span<int> idx = S(indices);
        var keyScratch = new T[cols];
        var indexScratch = new int[cols];
        for (int r = 0; r < rows; r++)
        {
            var rowIndices = idx.Slice(r * cols, cols);
            for (int j = 0; j < cols; j++) rowIndices[j] = j;
            RadixSort.Sort(k.Slice(r * cols, cols), rowIndices, keyScratch, indexScratch);
        }
    }

    /// <inheritdoc />
    protected override void RowPowerDistancesCore<T>(int rows, int cols, DeviceBuffer<T> x, DeviceBuffer<T> y, T p, DeviceBuffer<T> result)
    {
        // The matching step of Kernels.Ops.Transport.SlicedWasserstein itself (equal sizes, uniform weights: vectorised
        // for p = 1, 2, accumulated in double): one implementation of the matching for the CPU routine and the CPU device.
        ReadOnlySpan<T> sx = S(x), sy = S(y);
        Span<T> d = S(result);
        double order = double.CreateTruncating(p);
        for (int r = 0; r < rows; r++)
            d[r] = T.CreateTruncating(QuantileMatching.PowerCost(sx.Slice(r * cols, cols), default, sy.Slice(r * cols, cols), default, order, default, default));
    }

    /// <inheritdoc />
    protected override void CountSketchCore<T>(int m, int n, int s, DeviceBuffer<T> a, DeviceBuffer<int> buckets, DeviceBuffer<T> signs, DeviceBuffer<T> y)
    {
        ReadOnlySpan<T> sa = S(a), sign = S(signs);
        ReadOnlySpan<int> h = S(buckets);
        Span<T> sy = S(y)[..(s * n)];
        sy.Clear();
        // Row order within each output row, as the contract promises: the same sums as every device.
        for (int i = 0; i < m; i++)
            TensorPrimitives.MultiplyAdd(sa.Slice(i * n, n), sign[i], sy.Slice(h[i] * n, n), sy.Slice(h[i] * n, n));
    }

    /// <inheritdoc />
    protected override void CsrMultiplyCore<T>(DeviceCsrMatrix<T> matrix, DeviceBuffer<T> x, DeviceBuffer<T> y) =>
        CsrMatrix.Multiply<T>(matrix.Rows, S(matrix.RowPointers), S(matrix.ColumnIndices), S(matrix.Values), S(x), S(y));

    /// <inheritdoc />
    protected override void PoissonMultiplyCore<T>(int side, DeviceBuffer<T> x, DeviceBuffer<T> y)
    {
        int count = side * side;
        new PoissonStencil<T>(side).Apply(S(x)[..count], S(y)[..count]);
    }
}
