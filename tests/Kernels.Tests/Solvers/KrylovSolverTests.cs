using Kernels.Linalg;
using Kernels.Linalg.Solvers;
using Kernels.Tensors;
using Xunit;
using static Kernels.Tests.Spectral.SpectralChecks;

namespace Kernels.Tests.Solvers;

public class KrylovSolverTests
{
    private static double MaxAbsDiff(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();

    [Fact]
    public void Cgls_reaches_the_least_squares_solution()
    {
        var rng = new Random(1);
        var a = RandomDense(rng, 80, 12);
        var b = Enumerable.Range(0, 80).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var op = new DenseOperator<double>(NDArray.FromArray(a));
        var result = KrylovSolvers.Cgls<double>(op, b, new IterativeSolverOptions<double> { RelativeTolerance = 1e-12 });
        Assert.True(result.Converged);
        var reference = LinearAlgebra.Lstsq(NDArray.FromArray(a), NDArray.FromArray(b, 80)).Solution.ToArray();
        Assert.True(MaxAbsDiff(result.Solution, reference) <= 1e-9 * reference.Max(Math.Abs), "CGLS vs Lstsq");
        // Through CSR (transpose apply by scatter): the same normal equations.
        var csr = CsrMatrix.FromDense(NDArray.FromArray(a));
        var viaCsr = KrylovSolvers.Cgls<double>(csr, b, new IterativeSolverOptions<double> { RelativeTolerance = 1e-12 });
        Assert.True(MaxAbsDiff(viaCsr.Solution, reference) <= 1e-9 * reference.Max(Math.Abs), "CGLS (CSR) vs Lstsq");
        Assert.Throws<ArgumentException>(() => KrylovSolvers.Cgls<double>(op, new double[79]));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(60)]
    public void Minres_solves_symmetric_indefinite_systems(int n)
    {
        var rng = new Random(n);
        var q = RandomOrthogonal(rng, n);
        var lambda = Enumerable.Range(0, n).Select(i => (i % 2 == 0 ? 1.0 : -1.0) * (1 + i)).ToArray();
        var a = WithSpectrum(q, lambda, q);
        var b = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var op = new DenseOperator<double>(NDArray.FromArray(a));
        var result = KrylovSolvers.Minres<double>(op, b, new IterativeSolverOptions<double> { RelativeTolerance = 1e-10 });
        Assert.True(result.Converged);
        var reference = LinearAlgebra.Solve(NDArray.FromArray(a), NDArray.FromArray(b, n)).ToArray();
        Assert.True(MaxAbsDiff(result.Solution, reference) <= 1e-7 * reference.Max(Math.Abs), "MINRES vs direct solve");
        // CG would break down here (indefinite): detected, not silent.
        Assert.Throws<ArithmeticException>(() => ConjugateGradient.Solve<double>(op, b, options: new IterativeSolverOptions<double> { RelativeTolerance = 1e-10 }));
        var nan = (double[])b.Clone();
        nan[0] = double.NaN;
        Assert.Throws<ArgumentException>(() => KrylovSolvers.Minres<double>(op, nan));
    }

    [Fact]
    public void Minres_on_spd_poisson_matches_cg_accuracy()
    {
        var stencil = new PoissonStencil<double>(20);
        var b = Enumerable.Range(0, 400).Select(i => Math.Cos(i)).ToArray();
        var m = KrylovSolvers.Minres<double>(stencil, b, new IterativeSolverOptions<double> { RelativeTolerance = 1e-8 });
        Assert.True(m.Converged);
        var ax = new double[400];
        stencil.Apply(m.Solution, ax);
        double res = Math.Sqrt(ax.Zip(b, (p, q) => (p - q) * (p - q)).Sum()), bn = Math.Sqrt(b.Sum(v => v * v));
        Assert.True(res <= 2e-8 * bn, $"true residual {res / bn}");
    }
}
