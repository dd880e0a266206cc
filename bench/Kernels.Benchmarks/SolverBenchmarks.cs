using BenchmarkDotNet.Attributes;
using Kernels.Linalg.Solvers;

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
}
