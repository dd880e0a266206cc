using Kernels.Linalg;
using Kernels.Linalg.Solvers;
using Kernels.Tensors;
using Xunit;
using static Kernels.Tests.Spectral.SpectralChecks;

namespace Kernels.Tests.Solvers;

public class ConjugateGradientTests
{
    private static double[] Residual(ILinearOperator<double> a, double[] x, double[] b)
    {
        var ax = new double[b.Length];
        a.Apply(x, ax);
        for (int i = 0; i < b.Length; i++) ax[i] = b[i] - ax[i];
        return ax;
    }

    private static double Norm(double[] v) => Math.Sqrt(v.Sum(x => x * x));

    private static double[] RandomVector(Random rng, int n) => Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(30)]
    public void Converges_in_at_most_n_steps_on_small_spd_systems(int n)
    {
        var rng = new Random(n);
        var g = RandomDense(rng, n, n);
        var spd = Factorizations.FactorizationChecks.Multiply(g, g, transA: true);
        for (int i = 0; i < n; i++) spd[i, i] += n;
        var a = new DenseOperator<double>(NDArray.FromArray(spd));
        var b = RandomVector(rng, n);
        var result = ConjugateGradient.Solve<double>(a, b, options: new IterativeSolverOptions<double> { RelativeTolerance = 1e-12 });
        Assert.True(result.Converged);
        Assert.InRange(result.Iterations, 1, n);
        Assert.True(Norm(Residual(a, result.Solution, b)) <= 1e-11 * Norm(b));
        Assert.Equal(result.Iterations + 1, result.ResidualHistory.Count);
    }

    [Fact]
    public void Stencil_and_csr_poisson_agree_and_cg_reaches_the_tolerance()
    {
        int n = 40;
        var stencil = new PoissonStencil<double>(n);
        var csr = CsrMatrix.Poisson2D<double>(n);
        var rng = new Random(2);
        var x = RandomVector(rng, n * n);
        var y1 = new double[n * n];
        var y2 = new double[n * n];
        stencil.Apply(x, y1);
        csr.Apply(x, y2);
        // Same operator, different summation order: equal to rounding.
        for (int i = 0; i < y1.Length; i++) Assert.True(Math.Abs(y1[i] - y2[i]) <= 8 * 2.2e-16 * 8, $"row {i}: {y1[i]} vs {y2[i]}");
        var b = RandomVector(rng, n * n);
        var options = new IterativeSolverOptions<double> { RelativeTolerance = 1e-8 };
        var viaStencil = ConjugateGradient.Solve<double>(stencil, b, options: options);
        var viaCsr = ConjugateGradient.Solve<double>(csr, b, options: options);
        Assert.True(viaStencil.Converged);
        Assert.InRange(viaCsr.Iterations, viaStencil.Iterations - 1, viaStencil.Iterations + 1);
        Assert.True(Norm(Residual(stencil, viaStencil.Solution, b)) <= 1.01e-8 * Norm(b));
        // Jacobi on a constant diagonal is a scaling: the same Krylov iterates.
        var pcg = ConjugateGradient.Solve<double>(stencil, b, options: new IterativeSolverOptions<double>
        {
            RelativeTolerance = 1e-8,
            Preconditioner = new JacobiPreconditioner<double>(stencil, n * n),
        });
        Assert.InRange(pcg.Iterations, viaStencil.Iterations - 2, viaStencil.Iterations + 2);
    }

    [Fact]
    public void Poisson_3d_stencil_matches_its_definition()
    {
        int n = 5;
        var s = new PoissonStencil<double>(n, dimensions: 3);
        var rng = new Random(4);
        var x = RandomVector(rng, n * n * n);
        var y = new double[x.Length];
        s.Apply(x, y);
        for (int p = 0; p < n; p++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    int idx = (p * n + i) * n + j;
                    double expected = 6 * x[idx];
                    if (j > 0) expected -= x[idx - 1];
                    if (j + 1 < n) expected -= x[idx + 1];
                    if (i > 0) expected -= x[idx - n];
                    if (i + 1 < n) expected -= x[idx + n];
                    if (p > 0) expected -= x[idx - n * n];
                    if (p + 1 < n) expected -= x[idx + n * n];
                    Assert.Equal(expected, y[idx], 12);
                }
    }

    [Fact]
    public void Conjugate_directions_recover_cg_and_converge_in_one_step_with_the_exact_inverse()
    {
        int n = 24;
        var stencil = new PoissonStencil<double>(n);
        var rng = new Random(9);
        var b = RandomVector(rng, n * n);
        var options = new IterativeSolverOptions<double> { RelativeTolerance = 1e-8 };
        var cg = ConjugateGradient.Solve<double>(stencil, b, options: options);
        var cd = ConjugateGradient.SolveConjugateDirections<double>(stencil, b, proposer: null, memory: 4, options: options);
        Assert.True(cd.Converged);
        Assert.InRange(cd.Iterations, cg.Iterations - 2, cg.Iterations + 2);
        // A proposer that returns A⁻¹r: one exact line search solves the system.
        var dense = new double[n * n, n * n];
        var e = new double[n * n];
        var col = new double[n * n];
        for (int j = 0; j < n * n; j++)
        {
            Array.Clear(e);
            e[j] = 1;
            stencil.Apply(e, col);
            for (int i = 0; i < n * n; i++) dense[i, j] = col[i];
        }
        var lu = new LuDecomposition<double>(NDArray.FromArray(dense));
        DirectionProposer<double> exact = (r, _, _, d) => lu.Solve(NDArray.FromArray(r.ToArray(), r.Length)).ToArray().CopyTo(d);
        var one = ConjugateGradient.SolveConjugateDirections<double>(stencil, b, exact, options: new IterativeSolverOptions<double> { RelativeTolerance = 1e-10 });
        Assert.Equal(1, one.Iterations);
        Assert.True(one.Converged);
    }

    [Fact]
    public void Bad_input_and_indefinite_operators_are_reported()
    {
        var indefinite = new DelegateOperator<double>(3, 3, (x, y) => { y[0] = x[0]; y[1] = -x[1]; y[2] = x[2]; });
        var ex = Assert.Throws<ArithmeticException>(() => ConjugateGradient.Solve<double>(indefinite, new double[] { 0, 1, 0 }));
        Assert.Contains("not positive definite", ex.Message);
        var stencil = new PoissonStencil<double>(3);
        Assert.Throws<ArgumentException>(() => ConjugateGradient.Solve<double>(stencil, new double[8]));
        var nan = new double[9];
        nan[4] = double.NaN;
        Assert.Contains("non-finite", Assert.Throws<ArgumentException>(() => ConjugateGradient.Solve<double>(stencil, nan)).Message);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var b = Enumerable.Repeat(1.0, 9).ToArray();
        Assert.Throws<OperationCanceledException>(() => ConjugateGradient.Solve<double>(stencil, b, options: new IterativeSolverOptions<double> { Cancellation = cts.Token }));
        int calls = 0;
        var result = ConjugateGradient.Solve<double>(stencil, b, options: new IterativeSolverOptions<double> { Progress = (_, _) => calls++ });
        Assert.Equal(result.Iterations, calls);
        var notConverged = ConjugateGradient.Solve<double>(new PoissonStencil<double>(20), Enumerable.Repeat(1.0, 400).ToArray(),
            options: new IterativeSolverOptions<double> { MaxIterations = 3, RelativeTolerance = 1e-12 });
        Assert.False(notConverged.Converged);
        Assert.Equal(3, notConverged.Iterations);
        Assert.Throws<ArgumentException>(() => new CsrMatrix<double>(2, 2, [0, 1, 2], [0, 5], [1.0, 1.0]));
    }

    [Fact]
    public void Float_solves_to_float_tolerance()
    {
        var stencil = new PoissonStencil<float>(16);
        var b = Enumerable.Range(0, 256).Select(i => (float)Math.Sin(i)).ToArray();
        var r = ConjugateGradient.Solve<float>(stencil, b, options: new IterativeSolverOptions<float> { RelativeTolerance = 1e-5f });
        Assert.True(r.Converged);
        Assert.True(r.RelativeResidual <= 1e-5f);
    }

    [Fact]
    public void A_non_symmetric_operator_is_detected_before_iterating()
    {
        int n = 30;
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            a[i, i] = 4;
            if (i + 1 < n) a[i, i + 1] = -1.5; // upper only: diagonally dominant, positive "definite" in the quadratic form
        }
        var op = new DenseOperator<double>(NDArray.FromArray(a));
        var b = Enumerable.Range(0, n).Select(i => 1.0 + i).ToArray();
        Assert.Contains("symmetric", Assert.Throws<ArgumentException>(() => ConjugateGradient.Solve<double>(op, b)).Message);
        Assert.Throws<ArgumentException>(() => ConjugateGradient.SolveConjugateDirections<double>(op, b));
        // Opting out runs the iteration (its result is then the caller's responsibility).
        var unchecked_ = ConjugateGradient.Solve<double>(op, b, options: new IterativeSolverOptions<double> { CheckSymmetry = false, MaxIterations = 5 });
        Assert.Equal(5, unchecked_.Iterations);
        // A symmetric operator passes the check in float too.
        var sym = new PoissonStencil<float>(12);
        Assert.True(ConjugateGradient.Solve<float>(sym, Enumerable.Repeat(1f, 144).ToArray(), options: new IterativeSolverOptions<float> { RelativeTolerance = 1e-5f }).Converged);
    }
}
