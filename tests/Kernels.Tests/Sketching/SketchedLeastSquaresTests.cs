using Kernels.Linalg;
using Kernels.Linalg.Sketching;
using Kernels.Tensors;
using Xunit;
using static Kernels.Tests.Factorizations.FactorizationChecks;
using static Kernels.Tests.Spectral.SpectralChecks;

namespace Kernels.Tests.Sketching;

public class SketchedLeastSquaresTests
{
    /// <summary>A tall m×n matrix with singular values log-spaced from 1 down to 1/κ, and a generic b (‖r*‖ ≈ ‖b‖).</summary>
    private static (NDArray<double> A, NDArray<double> B) IllConditioned(int seed, int m, int n, double kappa)
    {
        var rng = new Random(seed);
        var u = ToDouble(new QrDecomposition<double>(NDArray.FromArray(RandomDense(rng, m, n))).Q());
        var v = RandomOrthogonal(rng, n);
        var s = Enumerable.Range(0, n).Select(j => Math.Pow(kappa, -(double)j / (n - 1))).ToArray();
        var b = Enumerable.Range(0, m).Select(_ => rng.NextDouble() - 0.5).ToArray();
        return (NDArray.FromArray(WithSpectrum(u, s, v)), NDArray.FromArray(b, m));
    }

    /// <summary>
    /// ‖b − A·x‖₂ with each residual entry accumulated in double-double (Ogita–Rump–Oishi Dot2: TwoSum and an FMA
    /// TwoProduct). With κ = 1e10 the solution is ~5e9 while A·x is O(1), so a plain double evaluation cancels away
    /// about 1e−10 of relative accuracy — more than the differences between solvers this test measures.
    /// </summary>
    private static double Residual(NDArray<double> a, NDArray<double> b, NDArray<double> x)
    {
        int m = a.Shape[0], n = a.Shape[1];
        double sum = 0;
        for (int i = 0; i < m; i++)
        {
            double hi = b[i], lo = 0;
            for (int j = 0; j < n; j++)
            {
                double p = a[i, j] * x[j];
                double pe = Math.FusedMultiplyAdd(a[i, j], x[j], -p);
                double s = hi - p;
                double z = s - hi;
                double t = (hi - (s - z)) + (-p - z);
                hi = s;
                lo += t - pe;
            }
            double r = hi + lo;
            sum += r * r;
        }
        return Math.Sqrt(sum);
    }

    [Theory]
    [InlineData(SketchKind.SparseSign)]
    [InlineData(SketchKind.Srht)]
    [InlineData(SketchKind.Gaussian)]
    [InlineData(SketchKind.CountSketch)]
    public void Sketch_and_precondition_matches_lstsq_on_a_condition_1e10_problem(SketchKind kind)
    {
        var (a, b) = IllConditioned(5, 3000, 60, 1e10);
        var result = SketchedLeastSquares.SketchAndPrecondition(a, b, kind, sketchRows: kind == SketchKind.CountSketch ? 1200 : null, seed: 9);
        Assert.True(result.Converged, $"{kind}: not converged in {result.Iterations}");
        // Preconditioned by R of the sketch, LSQR sees κ ≈ (1+ε)/(1−ε): a few dozen steps whatever κ(A).
        Assert.True(result.Iterations <= 80, $"{kind}: {result.Iterations} iterations");
        double reference = Residual(a, b, LinearAlgebra.Lstsq(a, b).Solution);
        double ours = Residual(a, b, NDArray.FromArray(result.Solution, 60));
        Assert.True(Math.Abs(ours - reference) <= 1e-12 * reference, $"{kind}: residual {ours:R} vs lstsq {reference:R}");
        // The reported residual is evaluated in plain double: right to the cancellation level described above.
        Assert.Equal(ours, result.ResidualNorm, 1e-8 * reference);
        // Reproducible from the seed.
        var again = SketchedLeastSquares.SketchAndPrecondition(a, b, kind, sketchRows: kind == SketchKind.CountSketch ? 1200 : null, seed: 9);
        Assert.Equal(result.Solution, again.Solution);
    }

    [Fact]
    public void Sketch_and_solve_is_within_the_embedding_distortion_of_the_optimum()
    {
        var (a, b) = IllConditioned(6, 2000, 40, 1e3);
        double optimum = Residual(a, b, LinearAlgebra.Lstsq(a, b).Solution);
        foreach (var kind in new[] { SketchKind.Gaussian, SketchKind.SparseSign, SketchKind.Srht })
        {
            var x = SketchedLeastSquares.SketchAndSolve(a, b, kind, sketchRows: 400, seed: 3);
            double r = Residual(a, b, x);
            // ‖b − A·x̂‖ ≤ (1 + ε)·‖b − A·x*‖ with ε ~ n/d for a subspace embedding of d = 10n rows (generous bound).
            Assert.InRange(r / optimum, 1.0 - 1e-12, 1.25);
        }
        // A matrix right-hand side is solved column by column.
        var b2 = NDArray.RandomNormal(1UL, 0.0, 1.0, 2000, 3);
        Assert.Equal(new[] { 40, 3 }, SketchedLeastSquares.SketchAndSolve(a, b2).Shape.ToArray());
    }

    [Fact]
    public void Bad_input_is_reported()
    {
        var (a, b) = IllConditioned(7, 200, 10, 10);
        Assert.Throws<ArgumentException>(() => SketchedLeastSquares.SketchAndPrecondition(a, NDArray.FromArray(new double[199], 199)));
        Assert.Throws<ArgumentException>(() => SketchedLeastSquares.SketchAndPrecondition(a.Transpose().Copy(), b));
        Assert.Throws<ArgumentException>(() => SketchedLeastSquares.SketchAndPrecondition(a, NDArray.RandomNormal(1UL, 0.0, 1.0, 200, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SketchedLeastSquares.SketchAndSolve(a, b, sketchRows: 5));
        var nan = a.Copy();
        nan[3, 4] = double.NaN;
        Assert.Throws<ArgumentException>(() => SketchedLeastSquares.SketchAndPrecondition(nan, b));
        // Exactly rank deficient: the sketch's R has a zero pivot (or the caller is told to use Lstsq).
        var deficient = a.Copy();
        for (int i = 0; i < 200; i++) deficient[i, 9] = 0;
        var ex = Assert.Throws<SingularMatrixException>(() => SketchedLeastSquares.SketchAndPrecondition(deficient, b));
        Assert.Contains("rank deficient", ex.Message);
        // Inputs are not modified.
        var before = a.ToArray();
        SketchedLeastSquares.SketchAndPrecondition(a, b);
        Assert.Equal(before, a.ToArray());
    }
}
