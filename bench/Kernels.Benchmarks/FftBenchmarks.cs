using System.Numerics;
using BenchmarkDotNet.Attributes;
using Kernels.Linalg.Fourier;
using Kernels.Tensors;

namespace Kernels.Benchmarks;

/// <summary>
/// Issue 7's FFT: complex transforms of a power-of-two, a 2·3·5-smooth and a prime (Bluestein) length, a batched
/// rfft and the causal FFT convolution. Compare with <c>/usr/bin/python3 bench/fft_reference.py</c> (numpy.fft).
/// </summary>
[MemoryDiagnoser]
public class FftBenchmarks
{
    [Params(1024, 1000, 1009, 1 << 20)] public int Length { get; set; }

    private Complex[] _source = [], _work = [];
    private readonly NDArray<double> _batch = NDArray.RandomNormal(5UL, 0.0, 1.0, 256, 4096);

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(Length);
        _source = Enumerable.Range(0, Length).Select(_ => new Complex(rng.NextDouble(), rng.NextDouble())).ToArray();
        _work = new Complex[Length];
    }

    [Benchmark] public void Forward() { _source.CopyTo(_work, 0); Fft.Forward(_work); }

    [Benchmark] public object BatchedRfft() => Fft.Rfft(_batch);
}
