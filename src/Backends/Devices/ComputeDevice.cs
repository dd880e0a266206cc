using System.Numerics;
using System.Runtime.CompilerServices;
using Kernels.Tensors;

namespace Kernels.Devices;

/// <summary>
/// The device contract: buffers in a device's memory and the primitives every backend provides — element-wise
/// maps, reductions, GEMM and batched GEMM, transposes, the diagonal scan, sort with indices, the row distances of
/// sliced Wasserstein, CountSketch, CSR and stencil matrix–vector products. Algorithms that need only these
/// (<see cref="Algorithms.DeviceConjugateGradient"/>, <see cref="Algorithms.DeviceSlicedWasserstein"/>) are written
/// once against this class and run on every device.
/// <para>Every public method checks its arguments here, once for all backends (buffers on this device and not
/// disposed, lengths that fit the shapes, element type float or double), then calls the backend's kernel. A
/// primitive the backend lacks (not in <see cref="DeviceInfo.NativePrimitives"/>), or double precision on a device
/// without fp64, runs by the <b>CPU fallback</b>: operands are copied to the host, the CPU reference device computes,
/// results are copied back — the bytes moved are counted in <see cref="Statistics"/>; with
/// <see cref="FallbackPolicy.Throw"/> it throws <see cref="DeviceCapabilityException"/> instead.</para>
/// <para>Layouts are row-major and contiguous, except where a primitive takes a layout
/// (<see cref="StridedBatchedGemm{T}"/>, <see cref="CopyStrided{T}"/>); a buffer longer than a shape needs is allowed
/// (its leading elements are used). Work is queued on the calling context's current stream (<see cref="Use"/>; the
/// <see cref="DefaultStream"/> unless another is chosen); results are ready when a host copy or a scalar-returning
/// primitive returns, or after <see cref="DeviceStream.Synchronize"/> / <see cref="Synchronize"/>. A buffer used on
/// a stream other than the one that last queued work on it first waits for that stream (see
/// <see cref="DeviceStream"/>), so streams overlap independent work and never race on shared buffers. Methods may
/// be called from several threads. Results are deterministic for a device and shape (no atomics in reductions)
/// and do not depend on the stream.</para>
/// <para>A new backend (ComputeSharp/DirectX 12, Metal, …) derives from this class, implements the buffer methods
/// and <see cref="Synchronize"/>, and overrides the <c>…Core</c> kernels it has; everything else falls back.</para>
/// </summary>
public abstract class ComputeDevice : IDisposable
{
    private static readonly Lazy<CpuDevice> FallbackDevice = new(() => new CpuDevice(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly AsyncLocal<DeviceStream?> _currentStream = new();
    private DeviceStream? _defaultStream;
    private long _liveBuffers, _liveBytes, _fallbackCalls, _fallbackBytes, _liveStreams;
    private int _disposed;

    /// <summary>Sets the fallback policy.</summary>
    protected ComputeDevice(FallbackPolicy fallback) => Fallback = fallback;

    /// <summary>Name, kind, memory, capabilities.</summary>
    public abstract DeviceInfo Info { get; }

    /// <summary>What happens to primitives this device lacks.</summary>
    public FallbackPolicy Fallback { get; }

    /// <summary>Live buffers and fallback costs so far.</summary>
    public DeviceStatistics Statistics => new(Interlocked.Read(ref _liveBuffers), Interlocked.Read(ref _liveBytes), PooledBytes,
        Interlocked.Read(ref _fallbackCalls), Interlocked.Read(ref _fallbackBytes), Interlocked.Read(ref _liveStreams));

    /// <summary>Device memory the backend keeps pooled for reuse.</summary>
    protected virtual long PooledBytes => 0;

    /// <summary>Whether <see cref="Dispose()"/> has run.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    // ---------------------------------------------------------------- streams

    /// <summary>The device's own stream: where work goes unless <see cref="Use"/> chose another.</summary>
    public DeviceStream DefaultStream => LazyInitializer.EnsureInitialized(ref _defaultStream, CreateDefaultStream);

    /// <summary>The stream this calling context queues work on (its innermost <see cref="Use"/>, else the default).</summary>
    public DeviceStream CurrentStream => _currentStream.Value ?? DefaultStream;

    /// <summary>
    /// A new stream: work queued on it may overlap work on other streams of this device. Devices whose primitives
    /// finish before returning (the CPU device) hand out streams that only keep the contract uniform.
    /// </summary>
    public DeviceStream CreateStream()
    {
        ThrowIfDisposed();
        var stream = CreateStreamCore();
        Interlocked.Increment(ref _liveStreams);
        return stream;
    }

    internal void OnStreamReleased() => Interlocked.Decrement(ref _liveStreams);

    /// <summary>
    /// Makes <paramref name="stream"/> current for this thread and the async flow from it until the returned scope is
    /// disposed: <c>using (device.Use(stream)) { device.Gemm(…); }</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The stream belongs to another device.</exception>
    public StreamScope Use(DeviceStream stream)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(stream);
        if (!ReferenceEquals(stream.Device, this)) throw new ArgumentException($"The {stream} cannot queue work on {Info.Id}.", nameof(stream));
        stream.ThrowIfDisposed();
        return new StreamScope(_currentStream, stream);
    }

    /// <summary>The default stream (created once); backends with queues override it.</summary>
    protected virtual DeviceStream CreateDefaultStream() => new ImmediateStream(this, isDefault: true);

    /// <summary>A new stream; backends with queues override it.</summary>
    protected virtual DeviceStream CreateStreamCore() => new ImmediateStream(this, isDefault: false);

    /// <summary>The current stream, checked to be usable.</summary>
    private DeviceStream UsableStream()
    {
        var stream = CurrentStream;
        stream.ThrowIfDisposed();
        return stream;
    }

    // ---------------------------------------------------------------- buffers

    /// <summary>A buffer of <paramref name="length"/> elements (contents unspecified) from the device's pool.</summary>
    /// <exception cref="DeviceOutOfMemoryException">It does not fit in the device's memory.</exception>
    public DeviceBuffer<T> Allocate<T>(long length) where T : unmanaged
    {
        ThrowIfDisposed();
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double) && typeof(T) != typeof(int) && typeof(T) != typeof(uint) && typeof(T) != typeof(ulong))
            throw new NotSupportedException($"Device buffers hold float, double, int, uint or ulong, not {typeof(T).Name}.");
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        long size = Unsafe.SizeOf<T>();
        if (length > long.MaxValue / size || length * size > Info.MemoryBytes)
            throw new DeviceOutOfMemoryException($"{Info.Id}: a buffer of {length} × {typeof(T).Name} ({(double)length * size / (1 << 20):0.#} MiB) exceeds the device's {Info.MemoryBytes / (1 << 20)} MiB.");
        var stream = UsableStream();
        var buffer = AllocateCore<T>(length);
        buffer.QueueWrite(stream);   // the buffer belongs to the stream it was allocated on until used elsewhere
        Interlocked.Increment(ref _liveBuffers);
        Interlocked.Add(ref _liveBytes, length * size);
        return buffer;
    }

    /// <summary>A new buffer holding a copy of <paramref name="data"/>.</summary>
    public DeviceBuffer<T> Upload<T>(ReadOnlySpan<T> data) where T : unmanaged
    {
        var buffer = Allocate<T>(data.Length);
        try { buffer.CopyFrom(data); }
        catch { buffer.Dispose(); throw; }
        return buffer;
    }

    /// <summary>
    /// A new buffer holding <paramref name="array"/>'s elements in row-major order — any view (sliced, transposed,
    /// broadcast), gathered on the host first when it is not C-contiguous. <see cref="DeviceBuffer{T}.ToNDArray"/> is
    /// the way back.
    /// </summary>
    public DeviceBuffer<T> Upload<T>(NDArray<T> array) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        var contiguous = array.Contiguous();
        return contiguous.TryGetSpan(out var span) ? Upload<T>(span) : throw new InvalidOperationException("A contiguous copy has no span.");
    }

    /// <summary>Backend allocation; the size was checked against the device memory.</summary>
    protected abstract DeviceBuffer<T> AllocateCore<T>(long length) where T : unmanaged;

    /// <summary>Waits for all queued work on this device, on every stream.</summary>
    public abstract void Synchronize();

    internal void OnBufferReleased(long bytes)
    {
        Interlocked.Decrement(ref _liveBuffers);
        Interlocked.Add(ref _liveBytes, -bytes);
    }

    // ---------------------------------------------------------------- element-wise

    /// <summary>xᵢ = value for every element.</summary>
    public void Fill<T>(DeviceBuffer<T> x, T value) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Own(x, nameof(x), write: true);
        if (UseFallback<T>(DevicePrimitives.Elementwise, "Fill"))
        {
            using var hx = ToHost(x, read: false);
            Cpu.Fill(hx, value);
            FromHost(hx, x, x.Length);
        }
        else FillCore(x, value);
    }

    /// <summary>destination = source (equal lengths).</summary>
    public void Copy<T>(DeviceBuffer<T> source, DeviceBuffer<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Own(source, nameof(source)); Own(destination, nameof(destination), write: true);
        SameLength(source, destination, "Copy");
        if (UseFallback<T>(DevicePrimitives.Elementwise, "Copy"))
        {
            using var hs = ToHost(source);
            FromHost(hs, destination, destination.Length);
        }
        else CopyCore(source, destination);
    }

    /// <summary>yᵢ = f(xᵢ) (equal lengths; <paramref name="y"/> may be <paramref name="x"/>).</summary>
    public void Map<T>(UnaryOperation operation, DeviceBuffer<T> x, DeviceBuffer<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Own(x, nameof(x)); Own(y, nameof(y), write: true);
        SameLength(x, y, operation.ToString());
        if (!Enum.IsDefined(operation)) throw new ArgumentOutOfRangeException(nameof(operation), $"Unknown unary operation {(int)operation}.");
        if (UseFallback<T>(DevicePrimitives.Elementwise, operation.ToString()))
        {
            using var hx = ToHost(x);
            using var hy = ToHost(y, read: false);
            Cpu.Map(operation, hx, hy);
            FromHost(hy, y, y.Length);
        }
        else MapCore(operation, x, y);
    }

    /// <summary>zᵢ = f(xᵢ, yᵢ) (equal lengths; <paramref name="z"/> may be an input).</summary>
    public void Zip<T>(BinaryOperation operation, DeviceBuffer<T> x, DeviceBuffer<T> y, DeviceBuffer<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Own(x, nameof(x)); Own(y, nameof(y)); Own(z, nameof(z), write: true);
        SameLength(x, y, operation.ToString()); SameLength(x, z, operation.ToString());
        if (!Enum.IsDefined(operation)) throw new ArgumentOutOfRangeException(nameof(operation), $"Unknown binary operation {(int)operation}.");
        if (UseFallback<T>(DevicePrimitives.Elementwise, operation.ToString()))
        {
            using var hx = ToHost(x);
            using var hy = ToHost(y);
            using var hz = ToHost(z, read: false);
            Cpu.Zip(operation, hx, hy, hz);
            FromHost(hz, z, z.Length);
        }
        else ZipCore(operation, x, y, z);
    }

    /// <summary>y ← α·x + β·y (equal lengths; β = 0 does not read y).</summary>
    public void Axpby<T>(T alpha, DeviceBuffer<T> x, T beta, DeviceBuffer<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Own(x, nameof(x)); Own(y, nameof(y), write: true);
        SameLength(x, y, "Axpby");
        if (UseFallback<T>(DevicePrimitives.Elementwise, "Axpby"))
        {
            using var hx = ToHost(x);
            using var hy = ToHost(y, read: !T.IsZero(beta));
            Cpu.Axpby(alpha, hx, beta, hy);
            FromHost(hy, y, y.Length);
        }
        else AxpbyCore(alpha, x, beta, y);
    }

    // ---------------------------------------------------------------- reductions

    /// <summary>The reduction of all elements of <paramref name="x"/> (waits for the result).</summary>
    /// <exception cref="ArgumentException">Min/Max of an empty buffer.</exception>
    public T Reduce<T>(ReduceOperation operation, DeviceBuffer<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Own(x, nameof(x));
        if (!Enum.IsDefined(operation)) throw new ArgumentOutOfRangeException(nameof(operation), $"Unknown reduction {(int)operation}.");
        if (x.Length == 0 && operation is ReduceOperation.Min or ReduceOperation.Max)
            throw new ArgumentException($"{operation} of an empty buffer is undefined.", nameof(x));
        if (UseFallback<T>(DevicePrimitives.Reductions, operation.ToString()))
        {
            using var hx = ToHost(x);
            return Cpu.Reduce(operation, hx);
        }
        return ReduceCore(operation, x);
    }

    /// <summary>Σ xᵢ·yᵢ (equal lengths; waits for the result).</summary>
    public T Dot<T>(DeviceBuffer<T> x, DeviceBuffer<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Own(x, nameof(x)); Own(y, nameof(y));
        SameLength(x, y, "Dot");
        if (UseFallback<T>(DevicePrimitives.Reductions, "Dot"))
        {
            using var hx = ToHost(x);
            using var hy = ToHost(y);
            return Cpu.Dot(hx, hy);
        }
        return DotCore(x, y);
    }

    // ---------------------------------------------------------------- GEMM, transpose

    /// <summary>
    /// C ← α·op(A)·op(B) + β·C, row-major: op(A) is m×k (A stored k×m when <paramref name="transposeA"/>), op(B) is
    /// k×n, C is m×n. β = 0 does not read C (NaN there is overwritten, as in BLAS).
    /// </summary>
    public void Gemm<T>(bool transposeA, bool transposeB, int m, int n, int k, T alpha, DeviceBuffer<T> a, DeviceBuffer<T> b, T beta, DeviceBuffer<T> c)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        BatchedGemm(1, transposeA, transposeB, m, n, k, alpha, a, b, beta, c);

    /// <summary>
    /// Cᵢ ← α·op(Aᵢ)·op(Bᵢ) + β·Cᵢ for i &lt; <paramref name="batch"/>, the matrices stored one after another
    /// (Aᵢ at i·m·k, Bᵢ at i·k·n, Cᵢ at i·m·n); otherwise as <see cref="Gemm{T}"/>.
    /// </summary>
    public void BatchedGemm<T>(int batch, bool transposeA, bool transposeB, int m, int n, int k, T alpha, DeviceBuffer<T> a, DeviceBuffer<T> b, T beta, DeviceBuffer<T> c)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        StridedBatchedGemm(batch, transposeA, transposeB, m, n, k, alpha,
            a, MatrixLayout.Dense(transposeA ? k : m, transposeA ? m : k), b, MatrixLayout.Dense(transposeB ? n : k, transposeB ? k : n),
            beta, c, MatrixLayout.Dense(m, n));

    /// <summary>
    /// Cᵢ ← α·op(Aᵢ)·op(Bᵢ) + β·Cᵢ for i &lt; <paramref name="batch"/> with each operand where its
    /// <see cref="MatrixLayout"/> puts it (offset, leading dimension, batch stride — cuBLAS's strided-batched GEMM in
    /// row-major terms): sub-matrices of larger matrices, heads interleaved in a (tokens, heads·d) activation, one
    /// weight matrix shared by the batch (batch stride 0). A is stored k×m when <paramref name="transposeA"/> (so
    /// its leading dimension is at least m), B n×k when <paramref name="transposeB"/>. Elements of C outside the
    /// layout (between rows, between matrices) are left alone; β = 0 does not read C.
    /// </summary>
    /// <exception cref="ArgumentException">A layout reaches past its buffer, has a leading dimension below its stored
    /// column count, C's matrices overlap each other, or C's span of memory overlaps A's or B's in the same buffer
    /// (checked on the whole span from the first to the last element, so interleaved but disjoint operands in one
    /// buffer are refused too).</exception>
    public void StridedBatchedGemm<T>(int batch, bool transposeA, bool transposeB, int m, int n, int k, T alpha,
        DeviceBuffer<T> a, MatrixLayout layoutA, DeviceBuffer<T> b, MatrixLayout layoutB, T beta, DeviceBuffer<T> c, MatrixLayout layoutC)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Own(a, nameof(a)); Own(b, nameof(b)); Own(c, nameof(c), write: true);
        if (batch < 0 || m < 0 || n < 0 || k < 0)
            throw new ArgumentOutOfRangeException(nameof(m), $"GEMM shape batch {batch}, m {m}, n {n}, k {k} has a negative extent.");
        string shape = $"GEMM {batch}×({m}×{k})·({k}×{n})";
        int rowsA = transposeA ? k : m, colsA = transposeA ? m : k, rowsB = transposeB ? n : k, colsB = transposeB ? k : n;
        CheckLayout(a, layoutA, batch, rowsA, colsA, nameof(a), shape);
        CheckLayout(b, layoutB, batch, rowsB, colsB, nameof(b), shape);
        CheckLayout(c, layoutC, batch, m, n, nameof(c), shape);
        if (batch == 0 || m == 0 || n == 0) return;
        if (batch > 1 && layoutC.BatchStride < layoutC.End(1, m, n) - layoutC.Offset)
            throw new ArgumentException($"{shape}: c's batch stride {layoutC.BatchStride} is less than one {m}×{n} matrix spans with leading dimension {layoutC.LeadingDimension} ({layoutC.End(1, m, n) - layoutC.Offset}); the products would overwrite each other.", nameof(c));
        if (k > 0)
        {
            long startC = layoutC.Offset, endC = layoutC.End(batch, m, n);
            foreach (var (input, start, end, name) in new[] { (a, layoutA.Offset, layoutA.End(batch, rowsA, colsA), "a"), (b, layoutB.Offset, layoutB.End(batch, rowsB, colsB), "b") })
                if (ReferenceEquals(input, c) && startC < end && start < endC)
                    throw new ArgumentException($"{shape}: c (elements {startC}…{endC - 1}) overlaps {name} (elements {start}…{end - 1}) in the same buffer; an output must not alias an input.", nameof(c));
        }
        if (UseFallback<T>(DevicePrimitives.Gemm, "GEMM"))
        {
            // C is read when β ≠ 0, or when its layout has gaps: the span copied back must carry their old contents.
            bool gapless = (m == 1 || layoutC.LeadingDimension == n) && (batch == 1 || layoutC.BatchStride == (long)m * n);
            using var ha = ToHost(a);
            using var hb = ToHost(b);
            using var hc = ToHost(c, read: !T.IsZero(beta) || !gapless);
            Cpu.StridedBatchedGemm(batch, transposeA, transposeB, m, n, k, alpha, ha, layoutA, hb, layoutB, beta, hc, layoutC);
            FromHost(hc, c, layoutC.Offset, layoutC.End(batch, m, n) - layoutC.Offset);
        }
        else GemmCore(batch, transposeA, transposeB, m, n, k, alpha, a, layoutA, b, layoutB, beta, c, layoutC);
    }

    private static void CheckLayout<TB>(DeviceBuffer<TB> buffer, MatrixLayout layout, int batch, int rows, int cols, string name, string shape) where TB : unmanaged
    {
        if (layout.Offset < 0 || layout.BatchStride < 0)
            throw new ArgumentOutOfRangeException(name, $"{shape}: {name}'s layout ({layout}) has a negative offset or batch stride.");
        if (layout.LeadingDimension < Math.Max(1, cols))
            throw new ArgumentException($"{shape}: {name} is stored {rows}×{cols}, but its leading dimension is {layout.LeadingDimension} (needs ≥ {Math.Max(1, cols)}).", name);
        Need(buffer, layout.End(batch, rows, cols), name, shape);
    }

    /// <summary>y = xᵀ: x is rows×cols row-major, y is cols×rows (distinct buffers).</summary>
    public void Transpose<T>(int rows, int cols, DeviceBuffer<T> x, DeviceBuffer<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Own(x, nameof(x)); Own(y, nameof(y), write: true);
        if (rows < 0 || cols < 0) throw new ArgumentOutOfRangeException(nameof(rows), $"Transpose of a {rows}×{cols} matrix.");
        if (ReferenceEquals(x, y)) throw new ArgumentException("Transpose needs distinct input and output buffers.", nameof(y));
        Need(x, (long)rows * cols, nameof(x), $"transpose of {rows}×{cols}");
        Need(y, (long)rows * cols, nameof(y), $"transpose of {rows}×{cols}");
        if (rows == 0 || cols == 0) return;
        if (UseFallback<T>(DevicePrimitives.Transpose, "Transpose"))
        {
            using var hx = ToHost(x);
            using var hy = ToHost(y, read: false);
            Cpu.Transpose(rows, cols, hx, hy);
            FromHost(hy, y, (long)rows * cols);
        }
        else TransposeCore(rows, cols, x, y);
    }

    /// <summary>
    /// y[d₀ + Σₐ iₐ·dₐ] = x[s₀ + Σₐ iₐ·sₐ] for every index i below <paramref name="shape"/> — a copy between
    /// layouts: an N-d permutation into row-major order (a strided view made contiguous), a sub-block out of or into
    /// a larger array, a broadcast (source stride 0), a reversal (negative source stride). Strides are in elements.
    /// Elements of the destination the layout does not reach are left alone.
    /// </summary>
    /// <exception cref="ArgumentException">Stride and shape ranks differ; a layout reaches outside its buffer; the
    /// destination layout is not provably free of self-overlap (every |stride| must exceed the reach of the axes with
    /// smaller strides — so no stride 0 on an axis longer than 1); source and destination are one buffer and their
    /// spans (first to last element reached) intersect; more than 2³¹ − 1 elements, or more than
    /// <see cref="StridedCopyPlan.MaxRank"/> axes that cannot be merged.</exception>
    public void CopyStrided<T>(ReadOnlySpan<int> shape, DeviceBuffer<T> source, long sourceOffset, ReadOnlySpan<long> sourceStrides,
        DeviceBuffer<T> destination, long destinationOffset, ReadOnlySpan<long> destinationStrides) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Own(source, nameof(source)); Own(destination, nameof(destination), write: true);
        string what = $"Strided copy of shape ({string.Join(", ", shape.ToArray())})";
        if (sourceStrides.Length != shape.Length || destinationStrides.Length != shape.Length)
            throw new ArgumentException($"{what}: {sourceStrides.Length} source and {destinationStrides.Length} destination strides for {shape.Length} axes.", nameof(shape));
        long count = 1;
        foreach (int extent in shape)
        {
            if (extent < 0) throw new ArgumentOutOfRangeException(nameof(shape), $"{what} has a negative extent.");
            count = extent == 0 || count == 0 ? 0 : Math.Min(count * extent, (long)int.MaxValue + 1);
        }
        if (count == 0) return;
        if (count > int.MaxValue) throw new ArgumentException($"{what}: more than {int.MaxValue} elements in one call.", nameof(shape));
        var (sourceFirst, sourceLast) = Reach(shape, sourceOffset, sourceStrides, source.Length, nameof(source), what);
        var (destinationFirst, destinationLast) = Reach(shape, destinationOffset, destinationStrides, destination.Length, nameof(destination), what);
        // Sorted by |stride|, each axis must step past everything the smaller ones reach: then no element is written twice.
        long reach = 0;
        foreach (var (extent, stride) in shape.ToArray().Zip(destinationStrides.ToArray()).Where(p => p.First > 1).OrderBy(p => Math.Abs(p.Second)))
        {
            if (Math.Abs(stride) <= reach)
                throw new ArgumentException($"{what}: destination strides ({string.Join(", ", destinationStrides.ToArray())}) may write an element twice (|stride| {Math.Abs(stride)} does not exceed the {reach} elements the smaller strides reach).", nameof(destination));
            reach += (extent - 1) * Math.Abs(stride);
        }
        if (ReferenceEquals(source, destination) && sourceFirst <= destinationLast && destinationFirst <= sourceLast)
            throw new ArgumentException($"{what}: source (elements {sourceFirst}…{sourceLast}) and destination (elements {destinationFirst}…{destinationLast}) overlap in one buffer.", nameof(destination));
        var plan = StridedCopyPlan.Create(shape, sourceOffset, sourceStrides, destinationOffset, destinationStrides);
        if (UseFallback<T>(DevicePrimitives.StridedCopy, "CopyStrided"))
        {
            using var hx = ToHost(source);
            using var hy = ToHost(destination);   // read whole: the copied-back span carries the elements between those written
            Cpu.CopyStrided(shape, hx, sourceOffset, sourceStrides, hy, destinationOffset, destinationStrides);
            FromHost(hy, destination, destinationFirst, destinationLast - destinationFirst + 1);
        }
        else CopyStridedCore(plan, source, destination);
    }

    // The first and last elements a layout reaches (extents all positive), checked to lie in the buffer.
    private static (long First, long Last) Reach(ReadOnlySpan<int> shape, long offset, ReadOnlySpan<long> strides, long length, string name, string what)
    {
        long first = offset, last = offset;
        try
        {
            for (int d = 0; d < shape.Length; d++)
            {
                long span = checked((shape[d] - 1) * strides[d]);
                if (span < 0) first = checked(first + span); else last = checked(last + span);
            }
        }
        catch (OverflowException)
        {
            throw new ArgumentException($"{what}: {name} strides ({string.Join(", ", strides.ToArray())}) overflow a 64-bit index.", name);
        }
        if (first < 0 || last >= length)
            throw new ArgumentException($"{what}: {name} at offset {offset} with strides ({string.Join(", ", strides.ToArray())}) reaches elements {first}…{last}, outside its {length} elements.", name);
        return (first, last);
    }

    // ---------------------------------------------------------------- scans

    /// <summary>
    /// hₜ = aₜ ⊙ hₜ₋₁ + bₜ over (batch, length, channels) row-major, from h₋₁ = <paramref name="initial"/> (batch ×
    /// channels; zeros when null), forward in t or <paramref name="reverse"/>; writes every hₜ to
    /// <paramref name="states"/> (may be <paramref name="b"/>) and the last to <paramref name="final"/>. Devices
    /// may split long sequences into chunks combined by (a₁, b₁)∘(a₂, b₂) = (a₁a₂, a₂b₁ + b₂): results agree with
    /// the sequential recurrence to rounding, not bit for bit.
    /// </summary>
    public void DiagonalScan<T>(int batch, int length, int channels, DeviceBuffer<T> a, DeviceBuffer<T> b, DeviceBuffer<T>? initial,
        DeviceBuffer<T> states, DeviceBuffer<T> final, bool reverse = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Own(a, nameof(a)); Own(b, nameof(b)); Own(states, nameof(states), write: true); Own(final, nameof(final), write: true);
        if (initial is not null) Own(initial, nameof(initial));
        if (batch < 0 || length < 0 || channels < 0)
            throw new ArgumentOutOfRangeException(nameof(length), $"Scan shape ({batch}, {length}, {channels}) has a negative extent.");
        string shape = $"scan of ({batch}, {length}, {channels})";
        long total = (long)batch * length * channels, perState = (long)batch * channels;
        Need(a, total, nameof(a), shape); Need(b, total, nameof(b), shape); Need(states, total, nameof(states), shape);
        Need(final, perState, nameof(final), shape);
        if (initial is not null) Need(initial, perState, nameof(initial), shape);
        if (ReferenceEquals(final, a) || ReferenceEquals(final, b) || ReferenceEquals(final, states) || ReferenceEquals(states, a))
            throw new ArgumentException("Scan: final must be its own buffer and states may alias b only.", nameof(final));
        if (perState == 0) return;
        if (UseFallback<T>(DevicePrimitives.DiagonalScan, "DiagonalScan"))
        {
            using var ha = ToHost(a);
            using var hb = ToHost(b);
            using var h0 = initial is null ? null : ToHost(initial);
            using var hs = ToHost(states, read: false);
            using var hf = ToHost(final, read: false);
            Cpu.DiagonalScan(batch, length, channels, ha, hb, h0, hs, hf, reverse);
            FromHost(hs, states, total);
            FromHost(hf, final, perState);
        }
        else DiagonalScanCore(batch, length, channels, a, b, initial, states, final, reverse);
    }

    /// <summary>
    /// The selective scan (S6/Mamba) forward pass, as <see cref="Kernels.Ops.StateSpace.SelectiveScan.Forward{T}"/>:
    /// with Δ' = softplus(Δ + bias) (or Δ + bias), h_t = exp(Δ'_t A) ⊙ h_{t−1} + (Δ'_t u_t) B_t from h₋₁ = 0,
    /// y_t = C_t·h_t + D ⊙ u_t, y ← y ⊙ SiLU(z). Layouts (row-major): u, Δ, z, y (batch, length, channels); A
    /// (channels, state); B, C (batch, groups, length, state); D, bias (channels); final state (batch, channels, state).
    /// <paramref name="d"/>, <paramref name="z"/> and <paramref name="deltaBias"/> may be null.
    /// </summary>
    /// <remarks>
    /// Values are not checked on devices (the CPU device rejects NaN/∞ and, without the softplus, Δ + bias &lt; 0
    /// as the library does; other devices compute the recurrence as written). Gradients:
    /// <see cref="SelectiveScanBackward{T}"/>.
    /// </remarks>
    public void SelectiveScan<T>(SelectiveScanShape shape, DeviceBuffer<T> u, DeviceBuffer<T> delta, DeviceBuffer<T> a, DeviceBuffer<T> b, DeviceBuffer<T> c,
        DeviceBuffer<T>? d, DeviceBuffer<T>? z, DeviceBuffer<T>? deltaBias, bool deltaSoftplus, DeviceBuffer<T> y, DeviceBuffer<T> finalState, bool reverse = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        string what = $"selective scan of {shape}";
        CheckSelectiveScanInputs(shape, what, u, delta, a, b, c, d, z, deltaBias);
        Own(y, nameof(y), write: true); Own(finalState, nameof(finalState), write: true);
        var (batch, length, channels, state, _) = shape;
        long sequence = (long)batch * length * channels;
        Need(y, sequence, nameof(y), what);
        Need(finalState, (long)batch * channels * state, nameof(finalState), what);
        foreach (var input in new DeviceBuffer<T>?[] { u, delta, a, b, c, d, z, deltaBias })
            if (ReferenceEquals(input, y) || ReferenceEquals(input, finalState))
                throw new ArgumentException("Selective scan: y and the final state must be buffers of their own.", nameof(y));
        if (ReferenceEquals(y, finalState)) throw new ArgumentException("Selective scan: y and the final state must be different buffers.", nameof(finalState));
        if ((long)batch * channels == 0) return;
        if (UseFallback<T>(DevicePrimitives.SelectiveScan, "SelectiveScan"))
        {
            using var hu = ToHost(u); using var hdelta = ToHost(delta); using var ha = ToHost(a); using var hb = ToHost(b); using var hc = ToHost(c);
            using var hd = d is null ? null : ToHost(d);
            using var hz = z is null ? null : ToHost(z);
            using var hbias = deltaBias is null ? null : ToHost(deltaBias);
            using var hy = ToHost(y, read: false);
            using var hf = ToHost(finalState, read: false);
            Cpu.SelectiveScan(shape, hu, hdelta, ha, hb, hc, hd, hz, hbias, deltaSoftplus, hy, hf, reverse);
            FromHost(hy, y, sequence);
            FromHost(hf, finalState, (long)batch * channels * state);
        }
        else SelectiveScanCore(shape, u, delta, a, b, c, d, z, deltaBias, deltaSoftplus, y, finalState, reverse);
    }

    /// <summary>
    /// Gradients of a loss L through <see cref="SelectiveScan{T}"/> (same inputs and flags) given ∂L/∂y
    /// (<paramref name="outputGradient"/>, batch × length × channels) and optionally ∂L/∂(final state) (batch ×
    /// channels × state), as <see cref="Kernels.Ops.StateSpace.SelectiveScan.Backward{T}"/>: the adjoint
    /// g_t = exp(Δ'_{t+1}A) ⊙ g_{t+1} + ŷ_t C_t runs back through the recomputed states. Every gradient buffer is
    /// overwritten (not accumulated into).
    /// </summary>
    /// <remarks>
    /// Devices may keep every state h_t and per-channel parts of ∂B and ∂C: the ILGPU kernel uses 2·batch·channels·
    /// length·state scratch elements (an out-of-memory error names the size) and sums the parts over channels,
    /// batches and time in a fixed order (deterministic, no atomics). Values are not checked on devices, as for the forward pass.
    /// </remarks>
    public void SelectiveScanBackward<T>(SelectiveScanShape shape, DeviceBuffer<T> u, DeviceBuffer<T> delta, DeviceBuffer<T> a, DeviceBuffer<T> b, DeviceBuffer<T> c,
        DeviceBuffer<T>? d, DeviceBuffer<T>? z, DeviceBuffer<T>? deltaBias, bool deltaSoftplus, DeviceBuffer<T> outputGradient, DeviceBuffer<T>? finalStateGradient,
        SelectiveScanDeviceGradients<T> gradients, bool reverse = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(gradients);
        string what = $"selective scan backward of {shape}";
        CheckSelectiveScanInputs(shape, what, u, delta, a, b, c, d, z, deltaBias);
        Own(outputGradient, nameof(outputGradient));
        if (finalStateGradient is not null) Own(finalStateGradient, nameof(finalStateGradient));
        var (batch, length, channels, state, groups) = shape;
        long sequence = (long)batch * length * channels, projection = (long)batch * groups * length * state;
        Need(outputGradient, sequence, nameof(outputGradient), what);
        if (finalStateGradient is not null) Need(finalStateGradient, (long)batch * channels * state, nameof(finalStateGradient), what);
        if ((gradients.D is null) != (d is null) || (gradients.Z is null) != (z is null) || (gradients.DeltaBias is null) != (deltaBias is null))
            throw new ArgumentException($"{what}: ∂D, ∂z and ∂bias must be given exactly when D, z and the Δ bias are (D {d is not null}/{gradients.D is not null}, z {z is not null}/{gradients.Z is not null}, bias {deltaBias is not null}/{gradients.DeltaBias is not null}).", nameof(gradients));
        var outputs = gradients.Present().ToArray();
        var needs = new long[outputs.Length];
        for (int i = 0; i < outputs.Length; i++)
        {
            var (buffer, name) = outputs[i];
            Own(buffer, name, write: true);
            long need = needs[i] = name switch
            {
                "∂u" or "∂Δ" or "∂z" => sequence,
                "∂A" => (long)channels * state,
                "∂B" or "∂C" => projection,
                _ => channels,
            };
            Need(buffer, need, name, what);
        }
        var inputs = new DeviceBuffer<T>?[] { u, delta, a, b, c, d, z, deltaBias, outputGradient, finalStateGradient };
        for (int i = 0; i < outputs.Length; i++)
        {
            if (inputs.Any(input => ReferenceEquals(input, outputs[i].Buffer)))
                throw new ArgumentException($"{what}: gradient {outputs[i].Name} must not be an input buffer.", nameof(gradients));
            for (int j = 0; j < i; j++)
                if (ReferenceEquals(outputs[i].Buffer, outputs[j].Buffer))
                    throw new ArgumentException($"{what}: gradients {outputs[j].Name} and {outputs[i].Name} are the same buffer.", nameof(gradients));
        }
        if (sequence == 0)
        {
            // No step ran: the per-step gradients are empty and ∂A, ∂D, ∂bias (sums over steps) are zero.
            for (int i = 0; i < outputs.Length; i++) if (needs[i] > 0) outputs[i].Buffer.CopyFrom(new T[needs[i]]);
            return;
        }
        if (UseFallback<T>(DevicePrimitives.SelectiveScanBackward, "SelectiveScanBackward"))
        {
            using var hu = ToHost(u); using var hdelta = ToHost(delta); using var ha = ToHost(a); using var hb = ToHost(b); using var hc = ToHost(c);
            using var hd = d is null ? null : ToHost(d);
            using var hz = z is null ? null : ToHost(z);
            using var hbias = deltaBias is null ? null : ToHost(deltaBias);
            using var hdy = ToHost(outputGradient);
            using var hdf = finalStateGradient is null ? null : ToHost(finalStateGradient);
            var hostGradients = new SelectiveScanDeviceGradients<T>(ToHost(gradients.U, read: false), ToHost(gradients.Delta, read: false),
                ToHost(gradients.A, read: false), ToHost(gradients.B, read: false), ToHost(gradients.C, read: false),
                gradients.D is null ? null : ToHost(gradients.D, read: false), gradients.Z is null ? null : ToHost(gradients.Z, read: false),
                gradients.DeltaBias is null ? null : ToHost(gradients.DeltaBias, read: false));
            try
            {
                Cpu.SelectiveScanBackward(shape, hu, hdelta, ha, hb, hc, hd, hz, hbias, deltaSoftplus, hdy, hdf, hostGradients, reverse);
                int k = 0;
                foreach (var (host, _) in hostGradients.Present()) { FromHost((CpuBuffer<T>)host, outputs[k].Buffer, needs[k]); k++; }
            }
            finally
            {
                foreach (var (host, _) in hostGradients.Present()) host.Dispose();
            }
        }
        else SelectiveScanBackwardCore(shape, u, delta, a, b, c, d, z, deltaBias, deltaSoftplus, outputGradient, finalStateGradient, gradients, reverse);
    }

    // The checks the forward and backward selective scans share: ownership, extents, and input lengths.
    private void CheckSelectiveScanInputs<T>(SelectiveScanShape shape, string what, DeviceBuffer<T> u, DeviceBuffer<T> delta, DeviceBuffer<T> a,
        DeviceBuffer<T> b, DeviceBuffer<T> c, DeviceBuffer<T>? d, DeviceBuffer<T>? z, DeviceBuffer<T>? deltaBias) where T : unmanaged
    {
        Own(u, nameof(u)); Own(delta, nameof(delta)); Own(a, nameof(a)); Own(b, nameof(b)); Own(c, nameof(c));
        if (d is not null) Own(d, nameof(d));
        if (z is not null) Own(z, nameof(z));
        if (deltaBias is not null) Own(deltaBias, nameof(deltaBias));
        var (batch, length, channels, state, groups) = shape;
        if (batch < 0 || length < 0 || channels < 0 || state < 0 || groups < 1 || (channels > 0 && channels % groups != 0))
            throw new ArgumentOutOfRangeException(nameof(shape), $"Selective scan shape {shape}: extents must be ≥ 0 and groups ≥ 1 must divide the channels.");
        long sequence = (long)batch * length * channels, projection = (long)batch * groups * length * state;
        Need(u, sequence, nameof(u), what); Need(delta, sequence, nameof(delta), what);
        Need(a, (long)channels * state, nameof(a), what);
        Need(b, projection, nameof(b), what); Need(c, projection, nameof(c), what);
        if (d is not null) Need(d, channels, nameof(d), what);
        if (deltaBias is not null) Need(deltaBias, channels, nameof(deltaBias), what);
        if (z is not null) Need(z, sequence, nameof(z), what);
    }

    // ---------------------------------------------------------------- sort, transport

    /// <summary>
    /// Sorts each row of <paramref name="keys"/> (rows × cols) ascending in place in IEEE 754 totalOrder
    /// (−NaN &lt; −∞ &lt; … &lt; −0 &lt; +0 &lt; … &lt; +∞ &lt; +NaN) and writes to <paramref name="indices"/> the
    /// original column of each sorted key; equal keys keep their original order (a stable sort, so the result is
    /// unique and the same on every device).
    /// </summary>
    public void SortRows<T>(int rows, int cols, DeviceBuffer<T> keys, DeviceBuffer<int> indices) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Own(keys, nameof(keys), write: true); Own(indices, nameof(indices), write: true);
        if (rows < 0 || cols < 0) throw new ArgumentOutOfRangeException(nameof(rows), $"SortRows of {rows}×{cols}.");
        Need(keys, (long)rows * cols, nameof(keys), $"sort of {rows}×{cols}");
        Need(indices, (long)rows * cols, nameof(indices), $"sort of {rows}×{cols}");
        if (rows == 0 || cols == 0) return;
        if (UseFallback<T>(DevicePrimitives.SortRows, "SortRows"))
        {
            using var hk = ToHost(keys);
            using var hi = ToHost(indices, read: false);
            Cpu.SortRows(rows, cols, hk, hi);
            FromHost(hk, keys, (long)rows * cols);
            FromHost(hi, indices, (long)rows * cols);
        }
        else SortRowsCore(rows, cols, keys, indices);
    }

    /// <summary>
    /// dᵣ = (1/cols)·Σⱼ |xᵣⱼ − yᵣⱼ|ᵖ for each of <paramref name="rows"/> rows: with both rows sorted, the W_pᵖ
    /// between two uniform empirical measures of equal size (the matching step of sliced Wasserstein).
    /// </summary>
    public void RowPowerDistances<T>(int rows, int cols, DeviceBuffer<T> x, DeviceBuffer<T> y, T p, DeviceBuffer<T> result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Own(x, nameof(x)); Own(y, nameof(y)); Own(result, nameof(result), write: true);
        if (rows < 0 || cols <= 0) throw new ArgumentOutOfRangeException(nameof(cols), $"Row distances of {rows}×{cols} (cols must be positive).");
        if (!T.IsFinite(p) || p < T.One) throw new ArgumentOutOfRangeException(nameof(p), $"p = {p}: the Wasserstein order must be finite and ≥ 1.");
        Need(x, (long)rows * cols, nameof(x), $"rows {rows}×{cols}"); Need(y, (long)rows * cols, nameof(y), $"rows {rows}×{cols}");
        Need(result, rows, nameof(result), $"rows {rows}×{cols}");
        if (rows == 0) return;
        if (UseFallback<T>(DevicePrimitives.RowPowerDistances, "RowPowerDistances"))
        {
            using var hx = ToHost(x);
            using var hy = ToHost(y);
            using var hr = ToHost(result, read: false);
            Cpu.RowPowerDistances(rows, cols, hx, hy, p, hr);
            FromHost(hr, result, rows);
        }
        else RowPowerDistancesCore(rows, cols, x, y, p, result);
    }

    // ---------------------------------------------------------------- sketching, sparse

    /// <summary>
    /// Y = S·A for the CountSketch S (s × m) with one nonzero σᵢ = <paramref name="signs"/>[i] in row
    /// hᵢ = <paramref name="buckets"/>[i] of column i: A is m × n row-major, Y is s × n and is overwritten. Each
    /// column of Y sums its rows in row order (deterministic on every device).
    /// </summary>
    public void CountSketch<T>(int m, int n, int s, DeviceBuffer<T> a, DeviceBuffer<int> buckets, DeviceBuffer<T> signs, DeviceBuffer<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Own(a, nameof(a)); Own(buckets, nameof(buckets)); Own(signs, nameof(signs)); Own(y, nameof(y), write: true);
        if (m < 0 || n < 0 || s <= 0) throw new ArgumentOutOfRangeException(nameof(s), $"CountSketch of {m}×{n} into {s} rows.");
        string shape = $"CountSketch ({s}×{m})·({m}×{n})";
        Need(a, (long)m * n, nameof(a), shape); Need(buckets, m, nameof(buckets), shape); Need(signs, m, nameof(signs), shape);
        Need(y, (long)s * n, nameof(y), shape);
        if (n == 0) return;
        // Buckets are indices: check them once here so no backend reads outside y (a small host copy, m ints).
        var hostBuckets = new int[m];
        buckets.CopyTo(hostBuckets);
        for (int i = 0; i < m; i++)
            if ((uint)hostBuckets[i] >= (uint)s) throw new ArgumentException($"{shape}: bucket {hostBuckets[i]} of row {i} is outside 0…{s - 1}.", nameof(buckets));
        if (UseFallback<T>(DevicePrimitives.CountSketch, "CountSketch"))
        {
            using var ha = ToHost(a);
            using var hb = ToHost(buckets);
            using var hs = ToHost(signs);
            using var hy = ToHost(y, read: false);
            Cpu.CountSketch(m, n, s, ha, hb, hs, hy);
            FromHost(hy, y, (long)s * n);
        }
        else CountSketchCore(m, n, s, a, buckets, signs, y);
    }

    /// <summary>y = A·x for a CSR matrix uploaded to this device (x has A.Columns elements, y A.Rows).</summary>
    public void CsrMultiply<T>(DeviceCsrMatrix<T> matrix, DeviceBuffer<T> x, DeviceBuffer<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!ReferenceEquals(matrix.Device, this)) throw new ArgumentException($"The CSR matrix lives on {matrix.Device.Info.Id}, not {Info.Id}.", nameof(matrix));
        matrix.ThrowIfDisposed();
        Own(matrix.RowPointers, nameof(matrix)); Own(matrix.ColumnIndices, nameof(matrix)); Own(matrix.Values, nameof(matrix));
        Own(x, nameof(x)); Own(y, nameof(y), write: true);
        string shape = $"CSR ({matrix.Rows}×{matrix.Columns})·x";
        Need(x, matrix.Columns, nameof(x), shape); Need(y, matrix.Rows, nameof(y), shape);
        if (ReferenceEquals(x, y)) throw new ArgumentException($"{shape}: x and y must be distinct buffers.", nameof(y));
        if (matrix.Rows == 0) return;
        if (UseFallback<T>(DevicePrimitives.SparseMatVec, "CsrMultiply"))
        {
            using var hp = ToHost(matrix.RowPointers);
            using var hc = ToHost(matrix.ColumnIndices);
            using var hv = ToHost(matrix.Values);
            using var hx = ToHost(x);
            using var hy = ToHost(y, read: false);
            Kernels.Linalg.Solvers.CsrMatrix.Multiply<T>(matrix.Rows, hp.Span, hc.Span, hv.Span, hx.Span, hy.Span);
            FromHost(hy, y, matrix.Rows);
        }
        else CsrMultiplyCore(matrix, x, y);
    }

    /// <summary>
    /// y = A·x for the Dirichlet Poisson operator on a side×side grid (5-point: 4u − Σ neighbours, the operator of
    /// <c>Kernels.Linalg.Solvers.PoissonStencil</c> in 2-D), applied without a matrix.
    /// </summary>
    public void PoissonMultiply<T>(int side, DeviceBuffer<T> x, DeviceBuffer<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Own(x, nameof(x)); Own(y, nameof(y), write: true);
        ArgumentOutOfRangeException.ThrowIfNegative(side);
        long unknowns = (long)side * side;
        Need(x, unknowns, nameof(x), $"Poisson {side}×{side}"); Need(y, unknowns, nameof(y), $"Poisson {side}×{side}");
        if (ReferenceEquals(x, y)) throw new ArgumentException("Poisson stencil: x and y must be distinct buffers.", nameof(y));
        if (side == 0) return;
        if (UseFallback<T>(DevicePrimitives.SparseMatVec, "PoissonMultiply"))
        {
            using var hx = ToHost(x);
            using var hy = ToHost(y, read: false);
            Cpu.PoissonMultiply(side, hx, hy);
            FromHost(hy, y, unknowns);
        }
        else PoissonMultiplyCore(side, x, y);
    }

    // ---------------------------------------------------------------- backend kernels (override what the device has)

    /// <summary>Native fill.</summary>
    protected virtual void FillCore<T>(DeviceBuffer<T> x, T value) where T : unmanaged, IFloatingPointIeee754<T> => throw NotNative("Fill");
    /// <summary>Native copy.</summary>
    protected virtual void CopyCore<T>(DeviceBuffer<T> source, DeviceBuffer<T> destination) where T : unmanaged, IFloatingPointIeee754<T> => throw NotNative("Copy");
    /// <summary>Native unary map.</summary>
    protected virtual void MapCore<T>(UnaryOperation operation, DeviceBuffer<T> x, DeviceBuffer<T> y) where T : unmanaged, IFloatingPointIeee754<T> => throw NotNative("Map");
    /// <summary>Native binary map.</summary>
    protected virtual void ZipCore<T>(BinaryOperation operation, DeviceBuffer<T> x, DeviceBuffer<T> y, DeviceBuffer<T> z) where T : unmanaged, IFloatingPointIeee754<T> => throw NotNative("Zip");
    /// <summary>Native αx + βy.</summary>
    protected virtual void AxpbyCore<T>(T alpha, DeviceBuffer<T> x, T beta, DeviceBuffer<T> y) where T : unmanaged, IFloatingPointIeee754<T> => throw NotNative("Axpby");
    /// <summary>Native reduction.</summary>
    protected virtual T ReduceCore<T>(ReduceOperation operation, DeviceBuffer<T> x) where T : unmanaged, IFloatingPointIeee754<T> => throw NotNative("Reduce");
    /// <summary>Native dot product.</summary>
    protected virtual T DotCore<T>(DeviceBuffer<T> x, DeviceBuffer<T> y) where T : unmanaged, IFloatingPointIeee754<T> => throw NotNative("Dot");
    /// <summary>Native strided-batched GEMM; batch, m and n positive, layouts checked (in range, C's matrices disjoint and apart from A's and B's).</summary>
    protected virtual void GemmCore<T>(int batch, bool transposeA, bool transposeB, int m, int n, int k, T alpha,
        DeviceBuffer<T> a, MatrixLayout layoutA, DeviceBuffer<T> b, MatrixLayout layoutB, T beta, DeviceBuffer<T> c, MatrixLayout layoutC)
        where T : unmanaged, IFloatingPointIeee754<T> => throw NotNative("GEMM");
    /// <summary>Native strided copy of a checked, simplified plan (source and destination spans disjoint if one buffer).</summary>
    protected virtual void CopyStridedCore<T>(StridedCopyPlan plan, DeviceBuffer<T> source, DeviceBuffer<T> destination) where T : unmanaged, IFloatingPointIeee754<T> => throw NotNative("CopyStrided");
    /// <summary>Native transpose; extents positive.</summary>
    protected virtual void TransposeCore<T>(int rows, int cols, DeviceBuffer<T> x, DeviceBuffer<T> y) where T : unmanaged, IFloatingPointIeee754<T> => throw NotNative("Transpose");
    /// <summary>The device kernel of <see cref="SelectiveScan{T}"/>; arguments are already checked (batch·channels &gt; 0).</summary>
    protected virtual void SelectiveScanCore<T>(SelectiveScanShape shape, DeviceBuffer<T> u, DeviceBuffer<T> delta, DeviceBuffer<T> a, DeviceBuffer<T> b,
        DeviceBuffer<T> c, DeviceBuffer<T>? d, DeviceBuffer<T>? z, DeviceBuffer<T>? deltaBias, bool deltaSoftplus, DeviceBuffer<T> y,
        DeviceBuffer<T> finalState, bool reverse) where T : unmanaged, IFloatingPointIeee754<T> => throw NotNative("SelectiveScan");

    /// <summary>The device kernel of <see cref="SelectiveScanBackward{T}"/>; arguments are already checked (every extent positive).</summary>
    protected virtual void SelectiveScanBackwardCore<T>(SelectiveScanShape shape, DeviceBuffer<T> u, DeviceBuffer<T> delta, DeviceBuffer<T> a, DeviceBuffer<T> b,
        DeviceBuffer<T> c, DeviceBuffer<T>? d, DeviceBuffer<T>? z, DeviceBuffer<T>? deltaBias, bool deltaSoftplus, DeviceBuffer<T> outputGradient,
        DeviceBuffer<T>? finalStateGradient, SelectiveScanDeviceGradients<T> gradients, bool reverse) where T : unmanaged, IFloatingPointIeee754<T> =>
        throw NotNative("SelectiveScanBackward");

    /// <summary>Native diagonal scan; batch·channels positive.</summary>
    protected virtual void DiagonalScanCore<T>(int batch, int length, int channels, DeviceBuffer<T> a, DeviceBuffer<T> b, DeviceBuffer<T>? initial,
        DeviceBuffer<T> states, DeviceBuffer<T> final, bool reverse) where T : unmanaged, IFloatingPointIeee754<T> => throw NotNative("DiagonalScan");
    /// <summary>Native row sort with indices; extents positive.</summary>
    protected virtual void SortRowsCore<T>(int rows, int cols, DeviceBuffer<T> keys, DeviceBuffer<int> indices) where T : unmanaged, IFloatingPointIeee754<T> => throw NotNative("SortRows");
    /// <summary>Native row distances; rows positive.</summary>
    protected virtual void RowPowerDistancesCore<T>(int rows, int cols, DeviceBuffer<T> x, DeviceBuffer<T> y, T p, DeviceBuffer<T> result)
        where T : unmanaged, IFloatingPointIeee754<T> => throw NotNative("RowPowerDistances");
    /// <summary>Native CountSketch; buckets already checked to lie in 0…s−1.</summary>
    protected virtual void CountSketchCore<T>(int m, int n, int s, DeviceBuffer<T> a, DeviceBuffer<int> buckets, DeviceBuffer<T> signs, DeviceBuffer<T> y)
        where T : unmanaged, IFloatingPointIeee754<T> => throw NotNative("CountSketch");
    /// <summary>Native CSR product.</summary>
    protected virtual void CsrMultiplyCore<T>(DeviceCsrMatrix<T> matrix, DeviceBuffer<T> x, DeviceBuffer<T> y) where T : unmanaged, IFloatingPointIeee754<T> => throw NotNative("CsrMultiply");
    /// <summary>Native Poisson stencil; side positive.</summary>
    protected virtual void PoissonMultiplyCore<T>(int side, DeviceBuffer<T> x, DeviceBuffer<T> y) where T : unmanaged, IFloatingPointIeee754<T> => throw NotNative("PoissonMultiply");

    private NotSupportedException NotNative(string primitive) =>
        new($"{GetType().Name} reports {primitive} as native but does not override its kernel.");

    // ---------------------------------------------------------------- checks and the fallback

    /// <summary>Throws <see cref="ObjectDisposedException"/> once the device is disposed.</summary>
    protected void ThrowIfDisposed()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
    }

    // Checks that the buffer is usable here and orders it on the current stream: a read waits for another stream
    // that last wrote it, a write for every other stream that wrote or read it since, so this call's work cannot
    // race with theirs (see DeviceBuffer).
    private void Own<TB>(DeviceBuffer<TB> buffer, string name, bool write = false) where TB : unmanaged
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(buffer, name);
        if (!ReferenceEquals(buffer.Device, this))
            throw new ArgumentException($"Buffer {name} lives on {buffer.Device.Info.Id}, not on {Info.Id}; copy it through the host first.", name);
        buffer.ThrowIfDisposed();
        var stream = UsableStream();
        if (write) buffer.QueueWrite(stream);
        else buffer.QueueRead(stream);
    }

    private static void SameLength<TB>(DeviceBuffer<TB> x, DeviceBuffer<TB> y, string what) where TB : unmanaged
    {
        if (x.Length != y.Length) throw new ArgumentException($"{what}: buffers of {x.Length} and {y.Length} elements (lengths must be equal).");
    }

    private static void Need<TB>(DeviceBuffer<TB> buffer, long count, string name, string shape) where TB : unmanaged
    {
        if (buffer.Length < count) throw new ArgumentException($"{shape}: {name} has {buffer.Length} elements, needs {count}.", name);
    }

    private bool UseFallback<T>(DevicePrimitives primitive, string what)
    {
        bool native = (Info.NativePrimitives & primitive) == primitive && (typeof(T) != typeof(double) || Info.SupportsFloat64);
        if (native) return false;
        if (Fallback == FallbackPolicy.Throw)
            throw new DeviceCapabilityException(typeof(T) == typeof(double) && !Info.SupportsFloat64
                ? $"{Info.Id} ({Info.Name}) has no double precision for {what}, and the fallback policy forbids copying to the CPU."
                : $"{Info.Id} ({Info.Name}) has no native {what}, and the fallback policy forbids copying to the CPU.");
        Interlocked.Increment(ref _fallbackCalls);
        return true;
    }

    private static CpuDevice Cpu => FallbackDevice.Value;

    private CpuBuffer<TB> ToHost<TB>(DeviceBuffer<TB> buffer, bool read = true) where TB : unmanaged
    {
        var host = Cpu.AllocateHost<TB>(buffer.Length);
        if (read)
        {
            buffer.CopyTo(host.Span);
            Interlocked.Add(ref _fallbackBytes, buffer.Bytes);
        }
        return host;
    }

    // Copies back only the leading count elements the primitive wrote: a buffer longer than its shape keeps its tail,
    // as it does on devices with the native kernel.
    private void FromHost<TB>(CpuBuffer<TB> host, DeviceBuffer<TB> buffer, long count) where TB : unmanaged => FromHost(host, buffer, 0, count);

    // Copies back elements start … start + count − 1 (the span a strided primitive wrote).
    private void FromHost<TB>(CpuBuffer<TB> host, DeviceBuffer<TB> buffer, long start, long count) where TB : unmanaged
    {
        buffer.CopyFrom(host.Span.Slice(checked((int)start), checked((int)count)), start);
        Interlocked.Add(ref _fallbackBytes, count * Unsafe.SizeOf<TB>());
    }

    // ---------------------------------------------------------------- lifetime

    /// <summary>Frees the device's pooled memory and context; buffers still alive become unusable. Safe to call twice.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Backend release.</summary>
    protected virtual void Dispose(bool disposing) { }

    /// <inheritdoc />
    public override string ToString() => Info.ToString();
}
