using BenchmarkDotNet.Attributes;
using Kernels.Backends.Ilgpu;
using Kernels.Devices;
using Kernels.Devices.Algorithms;

namespace Kernels.Benchmarks;

/// <summary>
/// Issue 9: the same device-contract operations on every backend present — the CPU device, ILGPU's CPU accelerator,
/// and any CUDA/OpenCL device ILGPU finds (run with <c>--filter *DeviceBenchmarks*</c>). Data stays on the device;
/// each operation ends with a synchronisation. Sizes are small enough for the simulated CPU accelerator, whose
/// figures measure the simulation, not a GPU; <c>kernels bench devices</c> runs larger sizes on real devices.
/// </summary>
public class DeviceBenchmarks
{
    public static IEnumerable<string> Backends => new DeviceCatalog(new IlgpuDeviceProvider()).Devices.Select(d => d.Id);

    [ParamsSource(nameof(Backends))] public string Backend { get; set; } = "cpu";

    private const int Vector = 1 << 16, N = 128, Rows = 8, Cols = 1024, Batch = 2, Length = 256, Channels = 64;
    private ComputeDevice _device = null!;
    private DeviceBuffer<float> _x = null!, _y = null!, _a = null!, _b = null!, _c = null!, _keys = null!, _scanA = null!, _scanB = null!, _states = null!, _final = null!;
    private DeviceBuffer<int> _order = null!;
    private float[] _hostKeys = null!;
    private static readonly SelectiveScanShape Ssm = new(Batch, Length, 16, 16);
    private DeviceBuffer<float> _u = null!, _delta = null!, _decay = null!, _ssmB = null!, _ssmC = null!, _ssmY = null!, _ssmFinal = null!, _dy = null!;
    private SelectiveScanDeviceGradients<float> _gradients = null!;
    private DeviceBuffer<float> _transposed = null!;
    private DeviceStream[] _streams = null!;
    private DeviceBuffer<float>[] _smallC = null!;

    [GlobalSetup]
    public void Setup()
    {
        _device = new DeviceCatalog(new IlgpuDeviceProvider()).Open(Backend);
        var random = new Random(1);
        float[] Data(int n, float lo = -1, float hi = 1) => [.. Enumerable.Range(0, n).Select(_ => lo + (hi - lo) * random.NextSingle())];
        _x = _device.Upload<float>(Data(Vector));
        _y = _device.Upload<float>(Data(Vector));
        _a = _device.Upload<float>(Data(N * N));
        _b = _device.Upload<float>(Data(N * N));
        _c = _device.Allocate<float>(N * N);
        _hostKeys = Data(Rows * Cols);
        _keys = _device.Allocate<float>(Rows * Cols);
        _order = _device.Allocate<int>(Rows * Cols);
        _scanA = _device.Upload<float>(Data(Batch * Length * Channels, 0.9f, 1f));
        _scanB = _device.Upload<float>(Data(Batch * Length * Channels));
        _states = _device.Allocate<float>(Batch * Length * Channels);
        _final = _device.Allocate<float>(Batch * Channels);
        int steps = Ssm.Batch * Ssm.Length * Ssm.Channels, projection = Ssm.Batch * Ssm.Length * Ssm.State;
        _u = _device.Upload<float>(Data(steps));
        _delta = _device.Upload<float>(Data(steps, 0.05f, 0.5f));
        _decay = _device.Upload<float>(Data(Ssm.Channels * Ssm.State, -2f, -0.1f));
        _ssmB = _device.Upload<float>(Data(projection));
        _ssmC = _device.Upload<float>(Data(projection));
        _ssmY = _device.Allocate<float>(steps);
        _ssmFinal = _device.Allocate<float>(Ssm.Batch * Ssm.Channels * Ssm.State);
        _dy = _device.Upload<float>(Data(steps));
        _transposed = _device.Allocate<float>(N * N);
        _streams = [.. Enumerable.Range(0, 4).Select(_ => _device.CreateStream())];
        _smallC = [.. Enumerable.Range(0, 8).Select(_ => _device.Allocate<float>(N * N))];
        _gradients = new(_device.Allocate<float>(steps), _device.Allocate<float>(steps), _device.Allocate<float>(Ssm.Channels * Ssm.State),
            _device.Allocate<float>(projection), _device.Allocate<float>(projection));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var stream in _streams) stream.Dispose();
        _device.Dispose();
    }

    [Benchmark] public void Axpby() { _device.Axpby(1f, _x, 1f, _y); _device.Synchronize(); }

    [Benchmark] public float Sum() => _device.Reduce(ReduceOperation.Sum, _x);

    [Benchmark] public void Gemm128() { _device.Gemm(false, false, N, N, N, 1f, _a, _b, 0f, _c); _device.Synchronize(); }

    [Benchmark] public void Transpose128() { _device.Transpose(N, N, _a, _transposed); _device.Synchronize(); }

    /// <summary>The 128 × 128 transpose as a general strided copy (the N-d kernel against the tiled 2-D one).</summary>
    [Benchmark] public void TransposeAsStridedCopy128() { _device.CopyStrided([N, N], _a, 0, [1, N], _transposed, 0, [N, 1]); _device.Synchronize(); }

    /// <summary>Attention's head split (tokens, heads, d) → (heads, tokens, d) on 128² elements: 64-element runs.</summary>
    [Benchmark] public void HeadSplitPermute() { _device.CopyStrided([4, 64, 64], _a, 0, [64, 4 * 64, 1], _transposed, 0, [64 * 64, 64, 1]); _device.Synchronize(); }

    /// <summary>A 64³ GEMM on the top-left blocks of the 128 × 128 operands (leading dimension 128).</summary>
    [Benchmark] public void SubMatrixGemm64()
    {
        var layout = new MatrixLayout(0, N, 0);
        _device.StridedBatchedGemm(1, false, false, N / 2, N / 2, N / 2, 1f, _a, layout, _b, layout, 0f, _c, layout);
        _device.Synchronize();
    }

    /// <summary>Eight independent 128³ GEMMs on one stream, then spread over four: faster only where streams overlap.</summary>
    [Benchmark] public void EightGemmsOneStream() => EightGemms(1);

    [Benchmark] public void EightGemmsFourStreams() => EightGemms(4);

    private void EightGemms(int streams)
    {
        for (int i = 0; i < _smallC.Length; i++)
            using (_device.Use(_streams[i % streams]))
                _device.Gemm(false, false, N, N, N, 1f, _a, _b, 0f, _smallC[i]);
        _device.Synchronize();
    }

    [Benchmark] public void DiagonalScan() { _device.DiagonalScan(Batch, Length, Channels, _scanA, _scanB, null, _states, _final); _device.Synchronize(); }

    [Benchmark] public void SelectiveScan() { _device.SelectiveScan(Ssm, _u, _delta, _decay, _ssmB, _ssmC, null, null, null, false, _ssmY, _ssmFinal); _device.Synchronize(); }

    [Benchmark] public void SelectiveScanBackward()
    {
        _device.SelectiveScanBackward(Ssm, _u, _delta, _decay, _ssmB, _ssmC, null, null, null, false, _dy, null, _gradients);
        _device.Synchronize();
    }

    [Benchmark] public void SortRows() { _keys.CopyFrom(_hostKeys); _device.SortRows(Rows, Cols, _keys, _order); _device.Synchronize(); }

    /// <summary>The same sort by the radix kernels on GPU-kind devices (the CPU device has one sort: same row as above).</summary>
    [Benchmark] public void SortRowsRadix()
    {
        var gpu = _device as IlgpuDevice;
        if (gpu is not null) gpu.RowSort = RowSortAlgorithm.Radix;
        try { SortRows(); }
        finally { if (gpu is not null) gpu.RowSort = RowSortAlgorithm.Bitonic; }
    }

    [Benchmark] public void PoissonCg()
    {
        _device.Fill(_y, 0f);
        using var rhs = _device.Allocate<float>(Vector);
        _device.Fill(rhs, 1f);
        DeviceConjugateGradient.Solve(_device, new DevicePoissonOperator<float>(256), rhs, _y, tolerance: 1e-30, maxIterations: 10);
    }
}
