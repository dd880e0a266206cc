using FsCheck.Xunit;
using Kernels.Linalg;
using Kernels.Linalg.Kronecker;
using Kernels.Tensors;
using Xunit;
using static Kernels.Tests.Factorizations.FactorizationChecks;
using static Kernels.Tests.Spectral.SpectralChecks;

namespace Kernels.Tests.Kronecker;

public class KroneckerTests
{
    /// <summary>‖a − b‖_F / ((‖a‖_F + tiny)·dim·ε).</summary>
    private static double Ratio<T>(double[,] a, double[,] b, int dim) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        double norm = Frobenius(a);
        double diff = Frobenius(Subtract(a, b));
        if (norm == 0) return diff == 0 ? 0 : double.PositiveInfinity;
        return diff / (norm * Math.Max(dim, 1) * Eps<T>());
    }

    [Property(MaxTest = 60)]
    public void Operator_agrees_with_the_explicit_product(int seed)
    {
        var rng = new Random(seed);
        if (rng.Next(2) == 0) CheckOperator<float>(rng);
        else CheckOperator<double>(rng);
    }

    private static void CheckOperator<T>(Random rng) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int k = 1 + rng.Next(3);
        var factors = new NDArray<T>[k];
        for (int d = 0; d < k; d++) factors[d] = Random<T>(rng, rng.Next(1, 6), rng.Next(1, 6));
        var op = new KroneckerOperator<T>(factors);
        var dense = ToDouble(op.ToDense());
        Assert.Equal(op.Rows, dense.GetLength(0));
        int c = rng.Next(1, 4);
        foreach (bool transpose in new[] { false, true })
        {
            var x = Random<T>(rng, transpose ? op.Rows : op.Columns, c);
            var y = ToDouble(op.Apply(x, transpose));
            var reference = Multiply(dense, ToDouble(x), transA: transpose);
            Assert.InRange(Ratio<T>(reference, y, op.Rows + op.Columns), 0, Threshold);
        }
        // 1-D input gives 1-D output.
        var v = Random<T>(rng, op.Columns, 1).Copy().Reshape(op.Columns);
        Assert.Equal(1, op.Apply(v.Copy()).Rank);
    }

    [Fact]
    public void Explicit_kron_matches_numpy_layout()
    {
        var a = NDArray.FromArray(new double[,] { { 1, 2 }, { 3, 4 } });
        var b = NDArray.FromArray(new double[,] { { 0, 5 }, { 6, 7 } });
        var k = KroneckerProducts.Kron(a, b);
        // numpy.kron([[1,2],[3,4]], [[0,5],[6,7]])
        double[,] expected = { { 0, 5, 0, 10 }, { 6, 7, 12, 14 }, { 0, 15, 0, 20 }, { 18, 21, 24, 28 } };
        Assert.Equal(expected, ToDouble(k));
        var kr = ToDouble(KroneckerProducts.KhatriRao(a, b));
        Assert.Equal(new double[,] { { 0, 10 }, { 6, 14 }, { 0, 20 }, { 18, 28 } }, kr);
        Assert.Throws<ArgumentException>(() => KroneckerProducts.KhatriRao(a, NDArray.FromArray(new double[,] { { 1, 2, 3 } })));
    }

    [Fact]
    public void Solve_svd_and_eigen_through_the_factors()
    {
        var rng = new Random(7);
        var a = NDArray.FromArray(RandomDense(rng, 5, 5));
        var b = NDArray.FromArray(RandomDense(rng, 4, 4));
        var c = NDArray.FromArray(RandomDense(rng, 3, 3));
        var op = new KroneckerOperator<double>(a, b, c);
        var dense = op.ToDense();
        var rhs = NDArray.FromArray(RandomDense(rng, 60, 2));
        var x = op.Solve(rhs);
        var r = Subtract(Multiply(ToDouble(dense), ToDouble(x)), ToDouble(rhs));
        Assert.InRange(Frobenius(r) / (Frobenius(ToDouble(dense)) * Frobenius(ToDouble(x)) * 60 * Eps<double>()), 0, Threshold);
        // SVD: K = U·diag(S)·Vᵀ with U, V never formed; σ as a set equal the dense SVD's.
        var svd = KroneckerProducts.Svd(op);
        var s = svd.S.ToArray().OrderByDescending(v => v).ToArray();
        var sd = new SingularValueDecomposition<double>(dense, SvdMode.ValuesOnly).S.ToArray();
        for (int i = 0; i < s.Length; i++) Assert.InRange(Math.Abs(s[i] - sd[i]) / (sd[0] * 60 * Eps<double>()), 0, Threshold);
        var u = ToDouble(svd.U.ToDense());
        var v = ToDouble(svd.V.ToDense());
        var us = new double[60, 60];
        for (int i = 0; i < 60; i++)
            for (int j = 0; j < 60; j++) us[i, j] = u[i, j] * svd.S[j];
        Assert.InRange(ReconstructionRatio<double>(ToDouble(dense), us, Transpose(v)), 0, Threshold);
        // Symmetric factors: eigenpairs through the factors.
        var sa = NDArray.FromArray(RandomSymmetric(rng, 6));
        var sb = NDArray.FromArray(RandomSymmetric(rng, 5));
        var sym = new KroneckerOperator<double>(sa, sb);
        var eig = KroneckerProducts.SymmetricEigen(sym);
        Assert.InRange(EigenResidualRatio<double>(ToDouble(sym.ToDense()), ToDouble(eig.Vectors.ToDense()), eig.Values.ToArray()), 0, Threshold);
    }

    private static double[,] Transpose(double[,] a)
    {
        var t = new double[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) t[j, i] = a[i, j];
        return t;
    }

    [Fact]
    public void Nearest_kronecker_product_is_exact_on_kronecker_inputs_and_optimal_otherwise()
    {
        var rng = new Random(3);
        var b = NDArray.FromArray(RandomDense(rng, 3, 4));
        var c = NDArray.FromArray(RandomDense(rng, 5, 2));
        var a = KroneckerProducts.Kron(b, c);
        var terms = KroneckerProducts.Nearest(a, 3, 4, 5, 2);
        var approx = ToDouble(KroneckerProducts.Kron(terms[0].B, terms[0].C));
        Assert.InRange(Ratio<double>(ToDouble(a), approx, 20), 0, Threshold);
        // A sum of two Kronecker products is recovered exactly at rank 2.
        var b2 = NDArray.FromArray(RandomDense(rng, 3, 4));
        var c2 = NDArray.FromArray(RandomDense(rng, 5, 2));
        var sum = ToDouble(a);
        var second = ToDouble(KroneckerProducts.Kron(b2, c2));
        for (int i = 0; i < 15; i++)
            for (int j = 0; j < 8; j++) sum[i, j] += second[i, j];
        var two = KroneckerProducts.Nearest(NDArray.FromArray(sum), 3, 4, 5, 2, rank: 2);
        var rebuilt = ToDouble(KroneckerProducts.Kron(two[0].B, two[0].C));
        var t2 = ToDouble(KroneckerProducts.Kron(two[1].B, two[1].C));
        for (int i = 0; i < 15; i++)
            for (int j = 0; j < 8; j++) rebuilt[i, j] += t2[i, j];
        Assert.InRange(Ratio<double>(sum, rebuilt, 20), 0, Threshold);
        Assert.Throws<ArgumentException>(() => KroneckerProducts.Nearest(a, 3, 4, 4, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => KroneckerProducts.Nearest(a, 3, 4, 5, 2, rank: 11));
    }

    [Fact]
    public void Kronecker_sum_is_the_2d_laplacian()
    {
        int p = 7, q = 5;
        var t = new Func<int, NDArray<double>>(n =>
        {
            var m = new NDArray<double>(n, n);
            for (int i = 0; i < n; i++)
            {
                m[i, i] = 2;
                if (i + 1 < n) { m[i, i + 1] = -1; m[i + 1, i] = -1; }
            }
            return m;
        });
        var sum = new KroneckerSum<double>(t(p), t(q));
        var dense = ToDouble(sum.ToDense());
        // 5-point stencil: diagonal 4, grid neighbours −1.
        Assert.Equal(4, dense[8, 8]);
        Assert.Equal(-1, dense[8, 9]);
        Assert.Equal(-1, dense[8, 13]);
        var x = NDArray.FromArray(RandomDense(new Random(1), p * q, 2));
        Assert.InRange(Ratio<double>(Multiply(dense, ToDouble(x)), ToDouble(sum.Apply(x)), p * q), 0, Threshold);
        Assert.Throws<ArgumentException>(() => new KroneckerSum<double>(new NDArray<double>(2, 3), t(2)));
    }

    [Fact]
    public void Large_product_is_applied_without_forming_it()
    {
        // A 4096×4096 operator from two 64×64 factors: applying it to a vector equals applying the factors as A·X·Bᵀ.
        var rng = new Random(5);
        var a = NDArray.FromArray(RandomDense(rng, 64, 64));
        var b = NDArray.FromArray(RandomDense(rng, 64, 64));
        var op = new KroneckerOperator<double>(a, b);
        var x = RandomDense(rng, 64, 64);
        var flat = new double[4096];
        for (int i = 0; i < 64; i++)
            for (int j = 0; j < 64; j++) flat[i * 64 + j] = x[i, j];
        var y = op.Apply(NDArray.FromArray(flat, 4096)).ToArray();
        var reference = Multiply(Multiply(ToDouble(a), x), ToDouble(b), transB: true);
        var yy = new double[64, 64];
        for (int i = 0; i < 64; i++)
            for (int j = 0; j < 64; j++) yy[i, j] = y[i * 64 + j];
        Assert.InRange(Ratio<double>(reference, yy, 4096), 0, Threshold);
        var wrong = Assert.Throws<ArgumentException>(() => op.Apply(new NDArray<double>(4095)));
        Assert.Contains("4096", wrong.Message);
    }

    [Fact]
    public void Kronecker_operators_serve_the_matrix_free_solvers()
    {
        // T ⊕ T with T = tridiag(−1, 2, −1) is the 5-point Poisson matrix: CG through it matches CG through the stencil.
        int n = 24;
        var t = new NDArray<double>(n, n);
        for (int i = 0; i < n; i++)
        {
            t[i, i] = 2;
            if (i > 0) t[i, i - 1] = t[i - 1, i] = -1;
        }
        var sum = new KroneckerSum<double>(t, t);
        var b = Enumerable.Range(0, n * n).Select(i => Math.Sin(0.1 * i)).ToArray();
        var options = new Kernels.Linalg.Solvers.IterativeSolverOptions<double> { RelativeTolerance = 1e-10 };
        var viaSum = Kernels.Linalg.Solvers.ConjugateGradient.Solve<double>(sum, b, options: options);
        var viaStencil = Kernels.Linalg.Solvers.ConjugateGradient.Solve<double>(new Kernels.Linalg.Solvers.PoissonStencil<double>(n), b, options: options);
        Assert.Equal(viaStencil.Iterations, viaSum.Iterations);
        for (int i = 0; i < b.Length; i++) Assert.Equal(viaStencil.Solution[i], viaSum.Solution[i], 9);
        // LSQR through a rectangular Kronecker operator (transpose apply by mode products) = LSQR through its dense form.
        var rng = new Random(4);
        var op = new KroneckerOperator<double>(Random<double>(rng, 6, 3), Random<double>(rng, 5, 4));
        var dense = new Kernels.Linalg.Solvers.DenseOperator<double>(op.ToDense());
        var rhs = Enumerable.Range(0, 30).Select(i => Math.Cos(i)).ToArray();
        var lsqOptions = new Kernels.Linalg.Solvers.IterativeSolverOptions<double> { RelativeTolerance = 1e-13, MaxIterations = 200 };
        var x1 = Kernels.Linalg.Solvers.KrylovSolvers.Lsqr(op, rhs, options: lsqOptions).Solution;
        var x2 = Kernels.Linalg.Solvers.KrylovSolvers.Lsqr(dense, rhs, options: lsqOptions).Solution;
        for (int j = 0; j < 12; j++) Assert.Equal(x2[j], x1[j], 8);
        Assert.Throws<ArgumentException>(() => op.Apply(new double[11], new double[30]));
    }
}
