using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Kernels.Tensors;

namespace Kernels.Benchmarks;

/// <summary>Reductions: ours vs TensorPrimitives vs a naive loop (baseline).</summary>
[MemoryDiagnoser]
public class ReductionBenchmarks
{
    [Params(1 << 12, 1 << 24)] public int N { get; set; }
    private float[] _x = [], _y = [];
    private NDArray<float> _a = null!, _b = null!, _m = null!;

    [GlobalSetup]
    public void Setup()
    {
        _a = NDArray.RandomUniform(1UL, -1f, 1f, N);
        _b = NDArray.RandomUniform(2UL, -1f, 1f, N);
        _x = _a.ToArray(); _y = _b.ToArray();
        _m = _a.Reshape(-1, 256);
    }

    [Benchmark(Baseline = true)]
    public float SumNaiveLoop() { float s = 0; foreach (var v in _x) s += v; return s; }
    [Benchmark] public float SumTensorPrimitives() => TensorPrimitives.Sum(_x);
    [Benchmark] public float SumKernels() => NDArray.Sum(_a);
    [Benchmark] public float DotTensorPrimitives() => TensorPrimitives.Dot(_x, _y);
    [Benchmark] public float DotKernels() => NDArray.Dot(_a, _b);
    [Benchmark] public float MaxTensorPrimitives() => TensorPrimitives.Max(_x);
    [Benchmark] public float MaxKernels() => NDArray.Max(_a);
    [Benchmark] public NDArray<float> SumAxis0() => NDArray.Sum(_m, [0]);
    [Benchmark] public NDArray<float> SumAxis1() => NDArray.Sum(_m, [1]);
    [Benchmark] public NDArray<float> SoftmaxRows() => NDArray.Softmax(_m, -1);
}
