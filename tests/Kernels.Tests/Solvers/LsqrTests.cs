using FsCheck.Xunit;
using Kernels.Linalg;
using Kernels.Linalg.Solvers;
using Kernels.Tensors;
using Xunit;
using static Kernels.Tests.Factorizations.FactorizationChecks;
using static Kernels.Tests.Spectral.SpectralChecks;

namespace Kernels.Tests.Solvers;

public class LsqrTests
{
    /// <summary>
    /// The smaller of LSQR's two scaled stopping quantities, recomputed from scratch: ‖r‖/(‖b‖ + ‖A‖_F·‖x‖) (x solves a
    /// compatible system) and ‖Aᵀr‖/(‖A‖_F·‖r‖) (x is a least-squares solution), r = b − A·x.
    /// </summary>
    private static double Optimality(double[,] a, double[] b, double[] x)
    {
        int m = a.GetLength(0), n = a.GetLength(1);
        var r = new double[m];
        for (int i = 0; i < m; i++)
        {
            double s = b[i];
            for (int j = 0; j < n; j++) s -= a[i, j] * x[j];
            r[i] = s;
        }
        double atr = 0;
        for (int j = 0; j < n; j++)
        {
            double s = 0;
            for (int i = 0; i < m; i++) s += a[i, j] * r[i];
            atr += s * s;
        }
        double anorm = Frobenius(a), rnorm = Math.Sqrt(r.Sum(v => v * v)), xnorm = Math.Sqrt(x.Sum(v => v * v));
        double bnorm = Math.Sqrt(b.Sum(v => v * v));
        return Math.Min(rnorm / (bnorm + anorm * xnorm), Math.Sqrt(atr) / (anorm * rnorm + double.Epsilon));
    }

    [Property(MaxTest = 40)]
    public void Fused_golub_kahan_step_equals_the_two_products(int seed)
    {
        var rng = new Random(seed);
        int m = rng.Next(0, 70), n = rng.Next(0, 45);
        var a = Random<double>(rng, m, n);
        var op = rng.Next(2) == 0 ? DenseOperator.Wrap(a) : new DenseOperator<double>(a);
        var v = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var u = Enumerable.Range(0, m).Select(_ => rng.NextDouble() - 0.5).ToArray();
        double alpha = rng.NextDouble();
        var expectedU = new double[m];
        op.Apply(v, expectedU);
        for (int i = 0; i < m; i++) expectedU[i] -= alpha * u[i];
        var expectedT = new double[n];
        op.ApplyTranspose(expectedU, expectedT);
        var t = new double[n];
        op.ApplyThenTranspose(v, alpha, u, t);
        for (int i = 0; i < m; i++) Assert.Equal(expectedU[i], u[i], 12);
        for (int j = 0; j < n; j++) Assert.True(Math.Abs(expectedT[j] - t[j]) <= 1e-12 * (1 + Math.Abs(expectedT[j])) * Math.Max(m, 1));
    }

    [Property(MaxTest = 25)]
    public void Lsqr_reaches_the_least_squares_solution_on_random_shapes(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(1, 20), m = n + rng.Next(0, 40);
        var a = RandomDense(rng, m, n);
        var b = Enumerable.Range(0, m).Select(_ => rng.NextDouble() - 0.5).ToArray();
        ITransposableOperator<double> op = rng.Next(2) == 0 ? new DenseOperator<double>(NDArray.FromArray(a)) : CsrMatrix.FromDense(NDArray.FromArray(a));
        var result = KrylovSolvers.Lsqr(op, b, options: new IterativeSolverOptions<double> { RelativeTolerance = 1e-13, MaxIterations = 20 * n });
        Assert.True(result.Converged, $"{m}×{n}: not converged after {result.Iterations}");
        Assert.True(Optimality(a, b, result.Solution) <= 1e-10, $"{m}×{n}: optimality {Optimality(a, b, result.Solution):E3}");
    }

    [Fact]
    public void Lsqr_matches_lstsq_on_an_ill_conditioned_problem_and_solves_compatible_systems()
    {
        var rng = new Random(7);
        int m = 300, n = 30;
        var u = ToDouble(new QrDecomposition<double>(NDArray.FromArray(RandomDense(rng, m, n))).Q());
        var v = RandomOrthogonal(rng, n);
        var s = Enumerable.Range(0, n).Select(j => Math.Pow(10, -4.0 * j / (n - 1))).ToArray();
        var a = WithSpectrum(u, s, v);
        var b = Enumerable.Range(0, m).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var op = new DenseOperator<double>(NDArray.FromArray(a));
        var result = KrylovSolvers.Lsqr(op, b, options: new IterativeSolverOptions<double> { RelativeTolerance = 1e-14, MaxIterations = 2000 });
        var reference = LinearAlgebra.Lstsq(NDArray.FromArray(a), NDArray.FromArray(b, m)).Solution.ToArray();
        double err = Math.Sqrt(result.Solution.Zip(reference, (p, q) => (p - q) * (p - q)).Sum() / reference.Sum(q => q * q));
        // Forward error of any stable method is O(κ·ε) plus O(κ²·ε·‖r‖/(‖A‖‖x‖)); κ = 1e4 here.
        Assert.True(err <= 1e-6, $"LSQR vs Lstsq relative error {err:E3}");
        Assert.True(result.ResidualHistory.Count == result.Iterations + 1);
        // Compatible: b = A·x exactly → the residual vanishes; started at the answer, zero iterations.
        var xTrue = Enumerable.Range(0, n).Select(j => Math.Cos(j)).ToArray();
        var bc = new double[m];
        op.Apply(xTrue, bc);
        var exact = KrylovSolvers.Lsqr(op, bc, options: new IterativeSolverOptions<double> { RelativeTolerance = 1e-12, MaxIterations = 2000 });
        Assert.True(exact.Converged && Optimality(a, bc, exact.Solution) <= 1e-11, $"compatible: {Optimality(a, bc, exact.Solution):E3}");
        var started = KrylovSolvers.Lsqr(op, bc, xTrue, new IterativeSolverOptions<double> { RelativeTolerance = 1e-10 });
        Assert.True(started.Iterations <= 1);
        // Bad input.
        Assert.Throws<ArgumentException>(() => KrylovSolvers.Lsqr(op, new double[m - 1]));
        var nan = (double[])b.Clone();
        nan[3] = double.NaN;
        Assert.Throws<ArgumentException>(() => KrylovSolvers.Lsqr(op, nan));
    }

    [Fact]
    public void Lsqr_and_cgls_agree_on_sparse_least_squares_in_float()
    {
        var rng = new Random(11);
        int m = 120, n = 25;
        var a = RandomDense(rng, m, n);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                if (rng.NextDouble() < 0.7) a[i, j] = 0;
        for (int j = 0; j < n; j++) a[j, j] = 1; // full column rank
        var af = NDArray.Convert<double, float>(NDArray.FromArray(a));
        var csr = CsrMatrix.FromDense(af);
        var b = Enumerable.Range(0, m).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        var options = new IterativeSolverOptions<float> { RelativeTolerance = 1e-6f, MaxIterations = 400 };
        var lsqr = KrylovSolvers.Lsqr(csr, b, options: options);
        var cgls = KrylovSolvers.Cgls(csr, b, options);
        Assert.True(lsqr.Converged && cgls.Converged);
        double diff = Math.Sqrt(lsqr.Solution.Zip(cgls.Solution, (p, q) => (double)(p - q) * (p - q)).Sum());
        double norm = Math.Sqrt(cgls.Solution.Sum(q => (double)q * q));
        Assert.True(diff <= 1e-3 * norm, $"LSQR vs CGLS (float) {diff / norm:E3}");
    }
}
