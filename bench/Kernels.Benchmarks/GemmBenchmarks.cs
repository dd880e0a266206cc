using BenchmarkDotNet.Attributes;
using Kernels.Backends.Cpu;
using Kernels.Linalg.Blas;
using Kernels.Tensors;

namespace Kernels.Benchmarks;

/// <summary>
/// Row-major GEMM C ← A·B per kernel set and thread count, with a caller-owned workspace (MemoryDiagnoser must show
/// 0 B). Compare with NumPy/OpenBLAS through <c>bench/gemm-vs-openblas.sh</c>, which runs both in one go.
/// </summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    [Params("256x256x256", "1024x1024x1024", "16x4096x4096")] public string Shape { get; set; } = "";
    [Params(CpuKernelSet.Avx512, CpuKernelSet.Avx2Fma)] public CpuKernelSet KernelSet { get; set; }
    [Params(1, 2)] public int Threads { get; set; }

    private int _m, _n, _k;
    private float[] _a = [], _b = [], _c = [];
    private double[] _ad = [], _bd = [], _cd = [];
    private GemmOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        var d = Shape.Split('x').Select(int.Parse).ToArray();
        (_m, _n, _k) = (d[0], d[1], d[2]);
        _a = NDArray.RandomUniform(1UL, -1f, 1f, _m * _k).ToArray();
        _b = NDArray.RandomUniform(2UL, -1f, 1f, _k * _n).ToArray();
        _c = new float[_m * _n];
        _ad = _a.Select(x => (double)x).ToArray();
        _bd = _b.Select(x => (double)x).ToArray();
        _cd = new double[_m * _n];
        // Falls back to the machine's own set if the requested one cannot run here (reported in the Job column).
        var set = CpuKernelSelection.CanExecute(KernelSet) ? KernelSet : CpuKernelSelection.Current;
        _options = new GemmOptions { KernelSet = set, Threads = Threads, Workspace = new GemmWorkspace() };
    }

    [Benchmark] public void SgemmRowMajor() => Blas.Gemm<float>(_m, _n, _k, _a, _b, _c, _options);
    [Benchmark] public void DgemmRowMajor() => Blas.Gemm<double>(_m, _n, _k, _ad, _bd, _cd, _options);
}
