using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Kernels.Tensors;

namespace Kernels.Benchmarks;

/// <summary>Contiguous, strided and broadcast element-wise ops: ours vs TensorPrimitives vs a naive loop (baseline).</summary>
[MemoryDiagnoser]
public class ElementwiseBenchmarks
{
    [Params(1 << 12, 1 << 24)] public int N { get; set; }
    private float[] _x = [], _y = [], _z = [];
    private NDArray<float> _a = null!, _b = null!, _c = null!, _wide = null!, _everyOther = null!, _row = null!, _mat = null!, _mat2 = null!, _out = null!;

    [GlobalSetup]
    public void Setup()
    {
        _a = NDArray.RandomUniform(1UL, -1f, 1f, N);
        _b = NDArray.RandomUniform(2UL, -1f, 1f, N);
        _c = new NDArray<float>(N);
        _x = _a.ToArray(); _y = _b.ToArray(); _z = new float[N];
        int cols = 1024, rows = Math.Max(1, N / cols);
        _wide = NDArray.RandomUniform(3UL, -1f, 1f, rows, 2 * cols);
        _everyOther = _wide.Slice(AxisRange.All, new AxisRange(null, null, 2));
        _mat = NDArray.RandomUniform(4UL, -1f, 1f, rows, cols);
        _mat2 = NDArray.RandomUniform(6UL, -1f, 1f, rows, cols);
        _row = NDArray.RandomUniform(5UL, -1f, 1f, cols);
        _out = new NDArray<float>(rows, cols);
    }

    [Benchmark(Baseline = true)]
    public void AddNaiveLoop() { for (int i = 0; i < _x.Length; i++) _z[i] = _x[i] + _y[i]; }
    [Benchmark] public void AddTensorPrimitives() => TensorPrimitives.Add(_x, _y, _z);
    [Benchmark] public void AddKernels() => NDArray.Add(_a, _b, _c);
    [Benchmark] public void MultiplyTensorPrimitives() => TensorPrimitives.Multiply(_x, _y, _z);
    [Benchmark] public void MultiplyKernels() => NDArray.Multiply(_a, _b, _c);
    [Benchmark] public void ExpTensorPrimitives() => TensorPrimitives.Exp(_x, _z);
    [Benchmark] public void ExpKernels() => NDArray.Exp(_a, _c);
    // Two distinct operands, like the strided case (adding a matrix to itself would read half the memory).
    [Benchmark] public void AddContiguousMatrix() => NDArray.Add(_mat2, _mat, _out);
    [Benchmark] public void AddEveryOtherColumn() => NDArray.Add(_everyOther, _mat, _out);
    [Benchmark] public void AddRowBroadcast() => NDArray.Add(_mat, _row, _out);
}
