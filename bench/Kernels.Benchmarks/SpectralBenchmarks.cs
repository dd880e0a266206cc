using BenchmarkDotNet.Attributes;
using Kernels.Linalg;
using Kernels.Linalg.Blas;
using Kernels.Tensors;

namespace Kernels.Benchmarks;

/// <summary>
/// SVD and eigensolvers on the shapes, double, one thread, against Math.NET Numerics' managed SVD (the .NET
/// alternative) in the same run. Compare with LAPACK through
/// <c>OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/lapack_reference.py --spectral</c>.
/// </summary>
[MemoryDiagnoser]
public class SpectralBenchmarks
{
    private NDArray<double> _a1024 = null!, _a512 = null!, _tall = null!, _sym = null!, _general = null!;
    private MathNet.Numerics.LinearAlgebra.Matrix<double> _mathNet512 = null!;
    private readonly GemmOptions _options = new() { Threads = 1 };

    [GlobalSetup]
    public void Setup()
    {
        // Math.NET's managed provider, single-threaded like ours.
        MathNet.Numerics.Control.UseManaged();
        MathNet.Numerics.Control.UseSingleThread();
        _a1024 = NDArray.RandomUniform(1UL, -1.0, 1.0, 1024, 1024);
        _a512 = NDArray.RandomUniform(2UL, -1.0, 1.0, 512, 512);
        _tall = NDArray.RandomUniform(3UL, -1.0, 1.0, 2000, 200);
        _sym = NDArray.RandomUniform(4UL, -1.0, 1.0, 1024, 1024);
        _general = NDArray.RandomUniform(5UL, -1.0, 1.0, 256, 256);
        var data = _a512.ToArray();
        _mathNet512 = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(512, 512, (i, j) => data[i * 512 + j]);
    }

    [Benchmark] public object Svd1024Vectors() => new SingularValueDecomposition<double>(_a1024, SvdMode.Full, SvdMethod.Auto, _options);

    [Benchmark] public object Svd1024Values() => new SingularValueDecomposition<double>(_a1024, SvdMode.ValuesOnly, SvdMethod.Auto, _options);

    [Benchmark] public object Svd512Vectors() => new SingularValueDecomposition<double>(_a512, SvdMode.Full, SvdMethod.Auto, _options);

    [Benchmark] public object MathNetSvd512Vectors() => _mathNet512.Svd(computeVectors: true);

    [Benchmark] public object SvdThin2000x200() => new SingularValueDecomposition<double>(_tall, SvdMode.Thin, SvdMethod.Auto, _options);

    [Benchmark] public object Eigh1024Vectors() => new SymmetricEigenDecomposition<double>(_sym, true, _options);

    [Benchmark] public object Eigh1024Values() => new SymmetricEigenDecomposition<double>(_sym, false, _options);

    [Benchmark] public object Eig256() => new EigenDecomposition<double>(_general, true, true, _options);
}
