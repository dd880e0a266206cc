using BenchmarkDotNet.Attributes;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Factorizations;
using Kernels.Tensors;

namespace Kernels.Benchmarks;

/// <summary>
/// The span-level factorizations on the shapes, double, per thread count. Each call factors a fresh copy of
/// the input (the copy is a memcpy, &lt;1% of the time). Compare with LAPACK through
/// <c>OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/lapack_reference.py</c> on the same machine.
/// </summary>
[MemoryDiagnoser]
public class FactorizationBenchmarks
{
    [Params(1, 2)] public int Threads { get; set; }

    private double[] _square = [], _tall = [], _spd = [], _general = [], _work = [], _tau = [];
    private float[] _squareF = [], _workF = [], _tauF = [];
    private int[] _pivots = [];
    private GemmOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _options = new GemmOptions { Threads = Threads };
        _square = NDArray.RandomUniform(1UL, -1.0, 1.0, 1024 * 1024).ToArray();
        _squareF = _square.Select(x => (float)x).ToArray();
        _tall = NDArray.RandomUniform(2UL, -1.0, 1.0, 4000 * 400).ToArray();
        var g = NDArray.RandomUniform(3UL, -1.0, 1.0, 2048 * 2048).ToArray();
        _general = g;
        _spd = new double[2048 * 2048];
        Blas.Syrk<double>(MatrixOrder.RowMajor, Triangle.Lower, Transpose.None, 2048, 2048, 1.0, g, 2048, 0.0, _spd, 2048);
        for (int i = 0; i < 2048; i++) _spd[i * 2048 + i] += 2048;
        _work = new double[2048 * 2048];
        _workF = new float[1024 * 1024];
        _tau = new double[1024];
        _tauF = new float[1024];
        _pivots = new int[2048];
    }

    [Benchmark]
    public void Geqrf1024()
    {
        _square.CopyTo(_work, 0);
        Lapack.Geqrf<double>(MatrixOrder.RowMajor, 1024, 1024, _work, 1024, _tau, _options);
    }

    [Benchmark]
    public void Sgeqrf1024()
    {
        _squareF.CopyTo(_workF, 0);
        Lapack.Geqrf<float>(MatrixOrder.RowMajor, 1024, 1024, _workF, 1024, _tauF, _options);
    }

    [Benchmark]
    public void GeqrfOrgqr1024()
    {
        _square.CopyTo(_work, 0);
        Lapack.Geqrf<double>(MatrixOrder.RowMajor, 1024, 1024, _work, 1024, _tau, _options);
        Lapack.Orgqr<double>(MatrixOrder.RowMajor, 1024, 1024, 1024, _work, 1024, _tau, _options);
    }

    [Benchmark]
    public void Geqrf4000x400()
    {
        _tall.CopyTo(_work, 0);
        Lapack.Geqrf<double>(MatrixOrder.RowMajor, 4000, 400, _work, 400, _tau, _options);
    }

    [Benchmark]
    public void Potrf2048()
    {
        _spd.CopyTo(_work, 0);
        Lapack.Potrf<double>(MatrixOrder.RowMajor, Triangle.Lower, 2048, _work, 2048, _options);
    }

    [Benchmark]
    public void Getrf2048()
    {
        _general.CopyTo(_work, 0); // random: partial pivoting swaps rows throughout
        Lapack.Getrf<double>(MatrixOrder.RowMajor, 2048, 2048, _work, 2048, _pivots, _options);
    }
}
