using Kernels.Linalg;
using Kernels.Linalg.Solvers;
using Kernels.Tensors;
using Xunit;

namespace Kernels.Tests.Solvers;

public class PreconditionerTests
{
    /// <summary>M⁻¹ formed column by column from the preconditioner's action.</summary>
    private static double[,] InverseOf(IPreconditioner<double> p, int n)
    {
        var minv = new double[n, n];
        var e = new double[n];
        var z = new double[n];
        for (int j = 0; j < n; j++)
        {
            Array.Clear(e);
            e[j] = 1;
            p.Apply(e, z);
            for (int i = 0; i < n; i++) minv[i, j] = z[i];
        }
        return minv;
    }

    private static double[,] Dense(CsrMatrix<double> a)
    {
        var d = new double[a.Rows, a.Columns];
        for (int i = 0; i < a.Rows; i++)
            for (int k = a.RowPointers[i]; k < a.RowPointers[i + 1]; k++) d[i, a.ColumnIndices[k]] += a.Values[k];
        return d;
    }

    [Theory]
    [InlineData(2, 5)]
    [InlineData(3, 3)]
    public void Ic0_reproduces_a_on_its_pattern(int dims, int n)
    {
        // The defining property of IC(0): (L·Lᵀ)_ij = A_ij wherever A_ij ≠ 0.
        var a = CsrMatrix.Poisson<double>(n, dims);
        var ic = new IncompleteCholeskyPreconditioner<double>(a);
        var m = ToDouble(LinearAlgebra.Inverse(NDArray.FromArray(InverseOf(ic, a.Rows))));
        var dense = Dense(a);
        double worst = 0;
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < a.Rows; j++)
                if (dense[i, j] != 0) worst = Math.Max(worst, Math.Abs(m[i, j] - dense[i, j]));
        Assert.True(worst <= 1e-12 * 2 * dims, $"max |L·Lᵀ − A| on the pattern = {worst:E3}");
        // M is symmetric positive definite: it serves PCG.
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < i; j++) Assert.Equal(m[i, j], m[j, i], 10);
    }

    [Fact]
    public void Ic0_of_a_tridiagonal_matrix_is_exact_and_pcg_takes_one_step()
    {
        // No fill-in for a tridiagonal matrix, so IC(0) is the Cholesky factor; columns deliberately unsorted.
        int n = 50;
        var start = new int[n + 1];
        var cols = new List<int>();
        var vals = new List<double>();
        for (int i = 0; i < n; i++)
        {
            if (i + 1 < n) { cols.Add(i + 1); vals.Add(-1); }
            cols.Add(i); vals.Add(2.5 + Math.Sin(i));
            if (i > 0) { cols.Add(i - 1); vals.Add(-1); }
            start[i + 1] = cols.Count;
        }
        var a = new CsrMatrix<double>(n, n, start, [.. cols], [.. vals]);
        var b = Enumerable.Range(0, n).Select(i => Math.Cos(i)).ToArray();
        var result = ConjugateGradient.Solve<double>(a, b, options: new IterativeSolverOptions<double>
        {
            RelativeTolerance = 1e-12,
            Preconditioner = new IncompleteCholeskyPreconditioner<double>(a),
        });
        Assert.True(result.Converged);
        Assert.Equal(1, result.Iterations);
    }

    [Fact]
    public void Ssor_applies_its_defining_formula()
    {
        var rng = new Random(3);
        int n = 12;
        // A random sparse symmetric diagonally dominant matrix.
        var dense = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                if (rng.NextDouble() < 0.3) dense[i, j] = dense[j, i] = rng.NextDouble() - 0.5;
        for (int i = 0; i < n; i++) dense[i, i] = 3 + rng.NextDouble();
        var a = CsrMatrix.FromDense(NDArray.FromArray(dense));
        double omega = 1.3;
        var minv = InverseOf(new SsorPreconditioner<double>(a, omega), n);
        // M = (D + ωL)·D⁻¹·(D + ωU) / (ω(2 − ω)).
        var lower = new double[n, n];
        var dinv = new double[n, n];
        var upper = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            dinv[i, i] = 1 / dense[i, i];
            lower[i, i] = upper[i, i] = dense[i, i];
            for (int j = 0; j < i; j++) lower[i, j] = omega * dense[i, j];
            for (int j = i + 1; j < n; j++) upper[i, j] = omega * dense[i, j];
        }
        var m = Multiply(Multiply(lower, dinv), upper);
        var product = Multiply(m, minv);
        double scale = omega * (2 - omega);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) Assert.Equal(i == j ? scale : 0, product[i, j], 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SsorPreconditioner<double>(a, 2.0));
    }

    [Theory]
    [InlineData("ic0")]
    [InlineData("ssor")]
    [InlineData("jacobi")]
    public void Preconditioned_cg_on_poisson_needs_fewer_iterations_and_reaches_the_tolerance(string kind)
    {
        int n = 40;
        var csr = CsrMatrix.Poisson2D<double>(n);
        var stencil = new PoissonStencil<double>(n);
        var b = Enumerable.Range(0, n * n).Select(i => 1.0 + Math.Sin(i)).ToArray();
        IPreconditioner<double> p = kind switch
        {
            "ic0" => new IncompleteCholeskyPreconditioner<double>(csr),
            "ssor" => new SsorPreconditioner<double>(csr, 1.5),
            _ => new JacobiPreconditioner<double>(csr, csr.Rows),
        };
        var plain = ConjugateGradient.Solve<double>(stencil, b, options: new IterativeSolverOptions<double> { RelativeTolerance = 1e-10 });
        var pcg = ConjugateGradient.Solve<double>(stencil, b, options: new IterativeSolverOptions<double> { RelativeTolerance = 1e-10, Preconditioner = p });
        Assert.True(pcg.Converged);
        // Jacobi on a constant diagonal is a scaling: same iterations; IC(0) and SSOR cut them at least in half.
        if (kind == "jacobi") Assert.InRange(pcg.Iterations, plain.Iterations - 2, plain.Iterations + 2);
        else Assert.True(2 * pcg.Iterations <= plain.Iterations, $"{kind}: {pcg.Iterations} vs {plain.Iterations} iterations");
        var ax = new double[b.Length];
        stencil.Apply(pcg.Solution, ax);
        double r = Math.Sqrt(ax.Zip(b, (p1, q) => (p1 - q) * (p1 - q)).Sum()) / Math.Sqrt(b.Sum(v => v * v));
        Assert.True(r <= 1e-9, $"true relative residual {r:E3}");
    }

    [Fact]
    public void Ic0_reports_breakdown_and_missing_diagonals_and_a_shift_restores_it()
    {
        // Symmetric indefinite: IC(0) must not return a factor silently.
        var indefinite = CsrMatrix.FromDense(NDArray.FromArray(new double[,] { { 1, 2 }, { 2, 1 } }));
        var ex = Assert.Throws<ArithmeticException>(() => new IncompleteCholeskyPreconditioner<double>(indefinite));
        Assert.Contains("row 1", ex.Message);
        var noDiagonal = new CsrMatrix<double>(2, 2, [0, 1, 2], [1, 0], [1.0, 1.0]);
        Assert.Throws<ArgumentException>(() => new IncompleteCholeskyPreconditioner<double>(noDiagonal));
        // SPD with positive off-diagonals (not an M-matrix): a shifted factor still exists and applies finitely.
        var spd = CsrMatrix.FromDense(NDArray.FromArray(new double[,] { { 1, 0.6, 0.6 }, { 0.6, 1, 0 }, { 0.6, 0, 1 } }));
        var shifted = new IncompleteCholeskyPreconditioner<double>(spd, 1.0);
        var z = new double[3];
        shifted.Apply([1.0, 1.0, 1.0], z);
        Assert.All(z, v => Assert.True(double.IsFinite(v)));
        Assert.Throws<ArgumentException>(() => new IncompleteCholeskyPreconditioner<double>(CsrMatrix.FromDense(NDArray.FromArray(new double[2, 3]))));
    }

    private static double[,] ToDouble(NDArray<double> a) => Factorizations.FactorizationChecks.ToDouble(a);

    private static double[,] Multiply(double[,] a, double[,] b) => Factorizations.FactorizationChecks.Multiply(a, b);
}
