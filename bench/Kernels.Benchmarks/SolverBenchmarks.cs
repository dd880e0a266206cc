using BenchmarkDotNet.Attributes;
using Kernels.Linalg;
using Kernels.Linalg.Kronecker;
using Kernels.Linalg.Sketching;
using Kernels.Linalg.Solvers;
using Kernels.Tensors;

namespace Kernels.Benchmarks;

/// <summary>
/// The 512×512 Poisson problem of issue 6: CSR matvec and the matrix-free stencil, and a full CG solve to rtol 1e−8
/// (941 iterations, as SciPy's). Compare with <c>/usr/bin/python3 bench/cg_reference.py 512</c>.
/// </summary>
[MemoryDiagnoser]
public class SolverBenchmarks
{
    private readonly CsrMatrix<double> _csr = CsrMatrix.Poisson2D<double>(512);
    private readonly PoissonStencil<double> _stencil = new(512);
    private readonly double[] _x = Enumerable.Range(0, 512 * 512).Select(i => Math.Sin(i)).ToArray();
    private readonly double[] _y = new double[512 * 512];
    private readonly double[] _b = Enumerable.Repeat(1.0, 512 * 512).ToArray();

    [Benchmark] public void CsrMatVec() => _csr.Apply(_x, _y);

    [Benchmark] public void StencilApply() => _stencil.Apply(_x, _y);

    [Benchmark] public object CgPoisson512() => ConjugateGradient.Solve<double>(_stencil, _b, options: new IterativeSolverOptions<double> { RelativeTolerance = 1e-8 });

    private readonly IncompleteCholeskyPreconditioner<double> _ic0 = new(CsrMatrix.Poisson2D<double>(512));

    [Benchmark] public void Ic0Apply() => _ic0.Apply(_x, _y);
}

/// <summary>
/// Issue 6's dense randomized kernels: randomized SVD (4000×2000, rank 50, scikit-learn's defaults), sketch-and-precondition
/// LSQR against a Householder QR solve (20000×200), and a Kronecker operator against its explicit 4096×4096 product.
/// Compare with <c>/usr/bin/python3 bench/sketch_reference.py</c>.
/// </summary>
[MemoryDiagnoser]
public class SketchingBenchmarks
{
    private readonly NDArray<double> _wide = NDArray.RandomNormal(1UL, 0.0, 1.0, 4000, 2000);
    private readonly NDArray<double> _tall = NDArray.RandomNormal(2UL, 0.0, 1.0, 20000, 200);
    private readonly NDArray<double> _b = NDArray.RandomNormal(3UL, 0.0, 1.0, 20000);
    private readonly KroneckerOperator<double> _kron = new(NDArray.RandomNormal(4UL, 0.0, 1.0, 64, 64), NDArray.RandomNormal(5UL, 0.0, 1.0, 64, 64));
    private readonly NDArray<double> _x = NDArray.RandomNormal(6UL, 0.0, 1.0, 4096);

    [Benchmark] public object RandomizedSvd4000x2000Rank50() => RandomizedSvd.Compute(_wide, 50);

    [Benchmark] public object SketchAndPrecondition20000x200() => SketchedLeastSquares.SketchAndPrecondition(_tall, _b);

    [Benchmark] public object QrSolve20000x200() => new QrDecomposition<double>(_tall).Solve(_b);

    [Benchmark] public object KroneckerApply64x64() => _kron.Apply(_x);
}
