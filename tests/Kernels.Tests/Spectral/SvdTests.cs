using FsCheck.Xunit;
using Kernels.Linalg;
using Kernels.Linalg.Blas;
using Kernels.Tensors;
using Xunit;
using static Kernels.Tests.Factorizations.FactorizationChecks;
using static Kernels.Tests.Spectral.SpectralChecks;

namespace Kernels.Tests.Spectral;

public class SvdTests
{
    [Property(MaxTest = 80)]
    public void Svd_reconstructs_with_orthonormal_factors(int seed)
    {
        var rng = new Random(seed);
        int m = Dims[rng.Next(Dims.Length)], n = Dims[rng.Next(Dims.Length)];
        var mode = rng.Next(2) == 0 ? SvdMode.Thin : SvdMode.Full;
        var method = (SvdMethod)rng.Next(4); // Auto, QrIteration, DivideAndConquer, Jacobi
        if (method == SvdMethod.Jacobi && Math.Min(m, n) > 65) method = SvdMethod.Auto;
        if (rng.Next(2) == 0) Check<float>(rng, RandomDense(rng, m, n), mode, method);
        else Check<double>(rng, RandomDense(rng, m, n), mode, method);
    }

    internal static double[] Check<T>(Random rng, double[,] values, SvdMode mode, SvdMethod method) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int m = values.GetLength(0), n = values.GetLength(1), k = Math.Min(m, n);
        var a = InRandomLayout<T>(rng, values);
        var before = a.ToArray();
        var options = new GemmOptions { Threads = 1 + rng.Next(2) };
        var svd = new SingularValueDecomposition<T>(a, mode, method, options);
        Assert.Equal(before, a.ToArray());
        var s = Vector(svd.S);
        Assert.Equal(k, s.Length);
        for (int i = 0; i < k; i++)
        {
            Assert.True(s[i] >= 0, $"σ{i} = {s[i]} is negative");
            if (i > 0) Assert.True(s[i - 1] >= s[i], $"σ not descending at {i}");
        }
        var u = ToDouble(svd.U);
        var vt = ToDouble(svd.Vt);
        int uc = mode == SvdMode.Full ? m : k, vr = mode == SvdMode.Full ? n : k;
        Assert.Equal(new[] { m, uc }, svd.U.Shape.ToArray());
        Assert.Equal(new[] { vr, n }, svd.Vt.Shape.ToArray());
        // U·Σ·Vᵀ with the k leading columns/rows.
        var us = new double[m, k];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < k; j++) us[i, j] = u[i, j] * s[j];
        var vk = new double[k, n];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < n; j++) vk[i, j] = vt[i, j];
        var ad = ToDouble(a);
        double rec = ReconstructionRatio<T>(ad, us, vk), ou = OrthogonalityRatio<T>(u), ov = OrthogonalityRatio<T>(vt, rows: true);
        Assert.True(rec < Threshold && ou < Threshold && ov < Threshold,
            $"{typeof(T).Name} {m}×{n} {mode} {method}: reconstruction {rec}, ‖UᵀU−I‖ {ou}, ‖VᵀV−I‖ {ov}");
        var valuesOnly = Vector(new SingularValueDecomposition<T>(a, SvdMode.ValuesOnly, method, options).S);
        double norm = Frobenius(ad);
        for (int i = 0; i < k; i++)
            Assert.True(Math.Abs(valuesOnly[i] - s[i]) <= Threshold * norm * Math.Max(m, n) * Eps<T>(), $"values-only σ{i} {valuesOnly[i]} vs {s[i]}");
        return s;
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(20, 13)]
    [InlineData(13, 20)]
    [InlineData(60, 60)]
    public void Bidiagonal_qr_agrees_with_jacobi_and_with_symmetric_eigenvalues(int m, int n)
    {
        var rng = new Random(m * 100 + n);
        var a = RandomDense(rng, m, n);
        var fast = Vector(new SingularValueDecomposition<double>(NDArray.FromArray(a), SvdMode.ValuesOnly).S);
        var jacobi = Vector(new SingularValueDecomposition<double>(NDArray.FromArray(a), SvdMode.ValuesOnly, SvdMethod.Jacobi).S);
        // σ² are the eigenvalues of AᵀA (or AAᵀ) by the scalar Jacobi eigen reference.
        var gram = m >= n ? Multiply(a, a, transA: true) : Multiply(a, a, transB: true);
        var lambda = JacobiEigenvalues(gram).Reverse().ToArray();
        double norm = Frobenius(a);
        for (int i = 0; i < fast.Length; i++)
        {
            Assert.InRange(Math.Abs(fast[i] - jacobi[i]) / (norm * Math.Max(m, n) * Eps<double>()), 0, Threshold);
            Assert.InRange(Math.Abs(fast[i] * fast[i] - Math.Max(lambda[i], 0)) / (norm * norm * Math.Max(m, n) * Eps<double>()), 0, Threshold);
        }
    }

    [Theory]
    [InlineData(300, 250)]
    [InlineData(250, 300)]
    [InlineData(400, 400)]
    [InlineData(161, 161)]
    public void Large_shapes_through_the_blocked_bidiagonalisation(int m, int n)
    {
        var rng = new Random(m + n);
        Check<double>(rng, RandomDense(rng, m, n), SvdMode.Thin, SvdMethod.DivideAndConquer);
        Check<float>(rng, RandomDense(rng, m, n), SvdMode.Full, SvdMethod.DivideAndConquer);
        Check<double>(rng, RandomDense(rng, m, n), SvdMode.Full, SvdMethod.QrIteration);
    }

    public static TheoryData<string> HardCases => ["clustered", "repeated", "rank-deficient", "zero", "tiny", "huge", "identity", "graded"];

    [Theory]
    [MemberData(nameof(HardCases))]
    public void Hard_matrices(string kind)
    {
        foreach (var (m, n) in new[] { (1, 1), (9, 9), (40, 25), (25, 40), (130, 130) })
        {
            var rng = new Random(m * 7 + n + kind.Length);
            var a = HardMatrix(kind, m, n, rng);
            foreach (var method in new[] { SvdMethod.DivideAndConquer, SvdMethod.QrIteration, SvdMethod.Jacobi })
            {
                Check<double>(rng, a, SvdMode.Thin, method);
                if (kind is not ("tiny" or "huge" or "graded")) Check<float>(rng, a, SvdMode.Full, method);
            }
        }
    }

    internal static double[,] HardMatrix(string kind, int m, int n, Random rng)
    {
        int k = Math.Min(m, n);
        var s = new double[k];
        switch (kind)
        {
            case "clustered": for (int i = 0; i < k; i++) s[i] = 1 + i * 1e-14; break;
            case "repeated": for (int i = 0; i < k; i++) s[i] = 1 + i % 2; break;
            case "rank-deficient": for (int i = 0; i < k; i++) s[i] = i < k / 2 ? 1.0 / (i + 1) : 0; break;
            case "zero": return new double[m, n];
            case "identity": for (int i = 0; i < k; i++) s[i] = 1; break;
            case "graded": for (int i = 0; i < k; i++) s[i] = Math.Pow(10, -12.0 * i / Math.Max(k - 1, 1)); break;
            case "tiny":
            case "huge":
            {
                var r = RandomDense(rng, m, n);
                double scale = kind == "tiny" ? 1e-300 : 1e300;
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++) r[i, j] *= scale;
                return r;
            }
        }
        var u = RandomOrthogonal(rng, m);
        var v = RandomOrthogonal(rng, n);
        return WithSpectrum(u, s, v);
    }

    [Fact]
    public void Jacobi_has_relative_accuracy_on_a_column_graded_matrix()
    {
        // A = B·D with B well conditioned and D = diag(1 … 1e−30): σ spans 30 orders of magnitude, yet one-sided
        // Jacobi gets each to a few ulps relative, matching the exactly known values of D when B is orthogonal.
        int n = 12;
        var rng = new Random(3);
        var b = RandomOrthogonal(rng, n);
        var d = Enumerable.Range(0, n).Select(i => Math.Pow(10, -30.0 * i / (n - 1))).ToArray();
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) a[i, j] = b[i, j] * d[j];
        var s = Vector(new SingularValueDecomposition<double>(NDArray.FromArray(a), SvdMode.ValuesOnly, SvdMethod.Jacobi).S);
        for (int i = 0; i < n; i++)
            Assert.True(Math.Abs(s[i] - d[i]) / d[i] < 100 * n * Eps<double>(), $"σ{i} = {s[i]:R} vs {d[i]:R}");
    }

    [Fact]
    public void Derived_quantities_pinv_rank_norm_condition_null_space()
    {
        var rng = new Random(8);
        var u = RandomOrthogonal(rng, 7);
        var v = RandomOrthogonal(rng, 5);
        var a = WithSpectrum(u, [4, 2, 1, 0, 0], v);
        var svd = new SingularValueDecomposition<double>(NDArray.FromArray(a), SvdMode.Full);
        Assert.Equal(3, svd.Rank());
        Assert.Equal(4, svd.Norm2, 12);
        Assert.True(double.IsPositiveInfinity(svd.ConditionNumber) || svd.ConditionNumber > 1e14);
        var pinv = ToDouble(svd.PseudoInverse());
        // Penrose conditions: A·A⁺·A = A and A⁺·A·A⁺ = A⁺.
        Assert.InRange(ReconstructionRatio<double>(a, Multiply(a, pinv), a), 0, Threshold);
        Assert.InRange(ReconstructionRatio<double>(pinv, Multiply(pinv, a), pinv), 0, Threshold * 4);
        // Minimum-norm least squares agrees with the pseudo-inverse.
        var b = RandomDense(rng, 7, 2);
        var x = ToDouble(svd.Solve(NDArray.FromArray(b)));
        var xp = Multiply(pinv, b);
        Assert.InRange(Frobenius(Subtract(x, xp)) / (Frobenius(xp) * 7 * Eps<double>()), 0, Threshold);
        Assert.Throws<ArgumentException>(() => svd.Solve(new NDArray<double>(6)));
        var ns = ToDouble(svd.NullSpace());
        Assert.Equal(2, ns.GetLength(1));
        Assert.InRange(Frobenius(Multiply(a, ns)) / (Frobenius(a) * 7 * Eps<double>()), 0, Threshold);
        Assert.InRange(OrthogonalityRatio<double>(ns), 0, Threshold);
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        var a = NDArray.FromArray(new double[,] { { 1, double.PositiveInfinity } });
        var ex = Assert.Throws<ArgumentException>(() => new SingularValueDecomposition<double>(a));
        Assert.Contains("non-finite", ex.Message);
        Assert.Throws<ArgumentException>(() => new SingularValueDecomposition<double>(new NDArray<double>(3)));
        var values = new SingularValueDecomposition<double>(NDArray.FromArray(new double[,] { { 1, 2 } }), SvdMode.ValuesOnly);
        Assert.Throws<InvalidOperationException>(() => values.U);
    }

    [Fact]
    public void Results_are_bit_identical_across_concurrent_callers()
    {
        var a = NDArray.FromArray(RandomDense(new Random(4), 150, 90));
        var reference = new SingularValueDecomposition<double>(a, SvdMode.Thin, SvdMethod.Auto, new GemmOptions { Threads = 2 });
        var results = new SingularValueDecomposition<double>[4];
        Parallel.For(0, results.Length, i => results[i] = new SingularValueDecomposition<double>(a, SvdMode.Thin, SvdMethod.Auto, new GemmOptions { Threads = 2 }));
        foreach (var r in results)
        {
            Assert.Equal(reference.S.ToArray(), r.S.ToArray());
            Assert.Equal(reference.U.ToArray(), r.U.ToArray());
            Assert.Equal(reference.Vt.ToArray(), r.Vt.ToArray());
        }
    }
}

public class PcaTests
{
    [Fact]
    public void Pca_recovers_the_dominant_direction_and_variance_split()
    {
        // Samples along (3, 4)/5 with spread 10 plus an orthogonal spread 1: ratios 100/101 and 1/101.
        int m = 4000;
        var x = new double[m, 2];
        for (int i = 0; i < m; i++)
        {
            double a = (i % 2 == 0 ? 1 : -1) * 10, b = (i / 2 % 2 == 0 ? 1 : -1);
            x[i, 0] = 7 + a * 0.6 - b * 0.8;
            x[i, 1] = -2 + a * 0.8 + b * 0.6;
        }
        var pca = LinearAlgebra.Pca(NDArray.FromArray(x));
        Assert.Equal(7, pca.Mean[0], 10);
        Assert.Equal(-2, pca.Mean[1], 10);
        Assert.Equal(0.8, pca.Components[0, 1], 10);
        Assert.Equal(0.6, pca.Components[0, 0], 10);
        Assert.Equal(100.0 / 101, pca.ExplainedVarianceRatio[0], 10);
        Assert.Equal(100.0 * m / (m - 1), pca.ExplainedVariance[0], 8);
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearAlgebra.Pca(NDArray.FromArray(x), 3));
    }

    [Fact]
    public void Convenience_functions_agree_with_the_decomposition()
    {
        var a = NDArray.FromArray(new double[,] { { 3, 0 }, { 0, -2 }, { 0, 0 } });
        Assert.Equal(3, LinearAlgebra.Norm2(a), 14);
        Assert.Equal(1.5, LinearAlgebra.ConditionNumber(a), 14);
        Assert.Equal(2, LinearAlgebra.MatrixRank(a));
        var pinv = LinearAlgebra.PseudoInverse(a);
        Assert.Equal(1.0 / 3, pinv[0, 0], 14);
        Assert.Equal(-0.5, pinv[1, 1], 14);
        var ns = LinearAlgebra.NullSpace(NDArray.FromArray(new double[,] { { 1, 1 } }));
        Assert.Equal(Math.Abs(ns[0, 0]), Math.Abs(ns[1, 0]), 14);
        var eigh = LinearAlgebra.Eigh(NDArray.FromArray(new double[,] { { 2, 0 }, { 0, 1 } }));
        Assert.Equal(1, eigh.Values[0]);
        var svd = LinearAlgebra.Svd(a, SvdMode.ValuesOnly);
        Assert.Null(svd.U);
        Assert.Equal(3, svd.S[0], 14);
    }
}
