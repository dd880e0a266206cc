using FsCheck.Xunit;
using Kernels.Linalg;
using Kernels.Linalg.Blas;
using Kernels.Tensors;
using Xunit;
using static Kernels.Tests.Factorizations.FactorizationChecks;
using static Kernels.Tests.Spectral.SpectralChecks;

namespace Kernels.Tests.Spectral;

public class SymmetricEigenTests
{
    [Property(MaxTest = 80)]
    public void Eigh_diagonalises_with_orthonormal_vectors(int seed)
    {
        var rng = new Random(seed);
        int n = Dims[rng.Next(Dims.Length)];
        if (rng.Next(2) == 0) Check<float>(rng, RandomSymmetric(rng, n));
        else Check<double>(rng, RandomSymmetric(rng, n));
    }

    internal static void Check<T>(Random rng, double[,] values) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int n = values.GetLength(0);
        var a = InRandomLayout<T>(rng, values);
        var before = a.ToArray();
        var options = new GemmOptions { Threads = 1 + rng.Next(2) };
        var eig = new SymmetricEigenDecomposition<T>(a, computeVectors: true, options);
        Assert.Equal(before, a.ToArray());
        var w = Vector(eig.Values);
        var v = ToDouble(eig.Vectors);
        var ad = ToDouble(a);
        for (int i = 1; i < n; i++) Assert.True(w[i - 1] <= w[i], $"eigenvalues not ascending at {i}");
        double residual = EigenResidualRatio<T>(ad, v, w), orthogonality = OrthogonalityRatio<T>(v);
        Assert.True(residual < Threshold && orthogonality < Threshold,
            $"{typeof(T).Name} n={n}: residual ratio {residual}, orthogonality ratio {orthogonality}");
        // Values-only (QL) agrees with divide and conquer to the absolute accuracy both guarantee.
        var valuesOnly = Vector(new SymmetricEigenDecomposition<T>(a, computeVectors: false, options).Values);
        double norm = Frobenius(ad);
        for (int i = 0; i < n; i++)
            Assert.True(Math.Abs(valuesOnly[i] - w[i]) <= Threshold * norm * n * Eps<T>(), $"{typeof(T).Name} n={n}: value {i} {valuesOnly[i]} vs {w[i]}");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(12)]
    [InlineData(40)]
    public void Eigenvalues_agree_with_scalar_jacobi_reference(int n)
    {
        var rng = new Random(n);
        var a = RandomSymmetric(rng, n);
        var w = Vector(new SymmetricEigenDecomposition<double>(NDArray.FromArray(a)).Values);
        var reference = JacobiEigenvalues(a);
        double norm = Frobenius(a);
        for (int i = 0; i < n; i++) Assert.InRange(Math.Abs(w[i] - reference[i]) / (norm * n * Eps<double>()), 0, Threshold);
    }

    public static TheoryData<string> HardCases => ["clustered", "repeated", "wilkinson", "zero", "identity", "diagonal", "tiny", "huge", "graded", "rank1", "glued"];

    [Theory]
    [MemberData(nameof(HardCases))]
    public void Hard_matrices(string kind)
    {
        foreach (int n in new[] { 1, 7, 33, 150 })
        {
            var rng = new Random(n * 31 + kind.Length);
            var a = HardMatrix(kind, n, rng);
            Check<double>(rng, a);
            if (kind is not ("tiny" or "huge")) Check<float>(rng, a);
        }
    }

    internal static double[,] HardMatrix(string kind, int n, Random rng)
    {
        var a = new double[n, n];
        switch (kind)
        {
            case "clustered":
            {
                var s = new double[n];
                for (int i = 0; i < n; i++) s[i] = 1 + i * 1e-13;
                var q = RandomOrthogonal(rng, n);
                return WithSpectrum(q, s, q);
            }
            case "repeated":
            {
                var s = new double[n];
                for (int i = 0; i < n; i++) s[i] = i % 3 - 1;
                var q = RandomOrthogonal(rng, n);
                return WithSpectrum(q, s, q);
            }
            case "wilkinson":
                // W⁺: diagonal |i − m|, off-diagonal 1: pairs of eigenvalues agreeing to many digits.
                for (int i = 0; i < n; i++)
                {
                    a[i, i] = Math.Abs(i - (n - 1) / 2.0);
                    if (i + 1 < n) a[i, i + 1] = a[i + 1, i] = 1;
                }
                return a;
            case "zero":
                return a;
            case "identity":
                for (int i = 0; i < n; i++) a[i, i] = 1;
                return a;
            case "diagonal":
                for (int i = 0; i < n; i++) a[i, i] = rng.NextDouble() - 0.5;
                return a;
            case "tiny":
            case "huge":
            {
                double scale = kind == "tiny" ? 1e-300 : 1e300;
                var r = RandomSymmetric(rng, n);
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++) a[i, j] = r[i, j] * scale;
                return a;
            }
            case "graded":
                for (int i = 0; i < n; i++)
                    for (int j = 0; j <= i; j++) a[i, j] = a[j, i] = (rng.NextDouble() - 0.5) * Math.Pow(10, -(i + j) * 6.0 / Math.Max(n, 1));
                return a;
            case "rank1":
            {
                var x = new double[n];
                for (int i = 0; i < n; i++) x[i] = rng.NextDouble();
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++) a[i, j] = x[i] * x[j];
                return a;
            }
            case "glued":
                // Copies of a small block glued by tiny couplings: heavy deflation in divide and conquer.
                for (int i = 0; i < n; i++)
                {
                    a[i, i] = (i % 5) * 0.25;
                    if (i + 1 < n) a[i, i + 1] = a[i + 1, i] = (i % 5 == 4) ? 1e-14 : 0.5;
                }
                return a;
        }
        throw new ArgumentException(kind);
    }

    [Fact]
    public void Bad_input_is_rejected_with_the_shape_named()
    {
        var rectangular = new NDArray<double>(3, 4);
        var ex = Assert.Throws<ArgumentException>(() => new SymmetricEigenDecomposition<double>(rectangular));
        Assert.Contains(rectangular.ShapeString, ex.Message);
        var a = NDArray.FromArray(new double[,] { { 1, 2 }, { double.NaN, 1 } });
        var nan = Assert.Throws<ArgumentException>(() => new SymmetricEigenDecomposition<double>(a));
        Assert.Contains("non-finite", nan.Message);
        // The upper triangle is not read (NumPy's UPLO='L'): NaN there is ignored.
        var upper = NDArray.FromArray(new double[,] { { 2, double.NaN }, { 1, 2 } });
        var w = Vector(new SymmetricEigenDecomposition<double>(upper).Values);
        Assert.Equal(1.0, w[0], 12);
        Assert.Equal(3.0, w[1], 12);
        var values = new SymmetricEigenDecomposition<double>(upper, computeVectors: false);
        Assert.Throws<InvalidOperationException>(() => values.Vectors);
    }

    [Fact]
    public void Selection_by_index_and_value_interval()
    {
        var rng = new Random(5);
        var q = RandomOrthogonal(rng, 60);
        var s = Enumerable.Range(0, 60).Select(i => (double)i).ToArray();
        var eig = new SymmetricEigenDecomposition<double>(NDArray.FromArray(WithSpectrum(q, s, q)));
        var (first, last) = eig.IndicesInInterval(9.5, 20);
        Assert.Equal((10, 20), (first, last));
        var (w, v) = eig.Select(first, last);
        Assert.Equal(11, w.Shape[0]);
        Assert.Equal([60, 11], v!.Shape.ToArray());
        Assert.Equal(10, w[0], 10);
    }

    [Fact]
    public void Results_are_bit_identical_across_calls_and_concurrent_callers()
    {
        var rng = new Random(11);
        var a = NDArray.FromArray(RandomSymmetric(rng, 200));
        var reference = new SymmetricEigenDecomposition<double>(a, true, new GemmOptions { Threads = 2 });
        var results = new SymmetricEigenDecomposition<double>[4];
        Parallel.For(0, results.Length, i => results[i] = new SymmetricEigenDecomposition<double>(a, true, new GemmOptions { Threads = 2 }));
        foreach (var r in results)
        {
            Assert.Equal(reference.Values.ToArray(), r.Values.ToArray());
            Assert.Equal(reference.Vectors.ToArray(), r.Vectors.ToArray());
        }
    }
}
