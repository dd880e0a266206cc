using System.Numerics;
using FsCheck.Xunit;
using Kernels.Linalg;
using Kernels.Tensors;
using Xunit;
using static Kernels.Tests.Factorizations.FactorizationChecks;
using static Kernels.Tests.Spectral.SpectralChecks;

namespace Kernels.Tests.Spectral;

public class EigenTests
{
    /// <summary>‖A·V − V·diag(λ)‖_F / (‖A‖_F·n·ε) in complex double arithmetic.</summary>
    internal static double Residual<T>(double[,] a, EigenDecomposition<T> eig) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = a.GetLength(0);
        if (n == 0) return 0;
        var v = eig.Vectors;
        var w = eig.Values;
        // Evaluated on A/max|aᵢⱼ| (and λ scaled alike) so 1e±300 inputs neither overflow nor underflow here.
        double max = 0;
        foreach (double x in a) max = Math.Max(max, Math.Abs(x));
        if (max == 0) max = 1;
        a = (double[,])a.Clone();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) a[i, j] /= max;
        double sum = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                Complex acc = 0;
                for (int k = 0; k < n; k++) acc += a[i, k] * v[k, j];
                acc -= v[i, j] * (w[j] / max);
                sum += acc.Real * acc.Real + acc.Imaginary * acc.Imaginary;
            }
        double norm = Frobenius(a);
        if (norm == 0) return sum == 0 ? 0 : double.PositiveInfinity;
        return Math.Sqrt(sum) / (norm * n * Eps<T>());
    }

    internal static void CheckVectors<T>(double[,] a, EigenDecomposition<T> eig) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = a.GetLength(0);
        double r = Residual(a, eig);
        Assert.True(r < Threshold, $"{typeof(T).Name} n={n}: eigen residual ratio {r}");
        var v = eig.Vectors;
        for (int j = 0; j < n; j++)
        {
            double norm2 = 0;
            for (int i = 0; i < n; i++) norm2 += Complex.Abs(v[i, j]) * Complex.Abs(v[i, j]);
            Assert.InRange(Math.Sqrt(norm2), 1 - 1e-5, 1 + 1e-5);
        }
        // Conjugate pairs are adjacent with the positive imaginary part first.
        var w = eig.Values;
        for (int j = 0; j < n; j++)
            if (w[j].Imaginary > 0)
            {
                Assert.True(j + 1 < n && w[j + 1] == Complex.Conjugate(w[j]), $"pair at {j} not adjacent");
                j++;
            }
            else Assert.True(w[j].Imaginary == 0, $"unpaired complex eigenvalue at {j}: {w[j]}");
    }

    [Property(MaxTest = 60)]
    public void Eig_satisfies_av_equals_v_lambda(int seed)
    {
        var rng = new Random(seed);
        int n = Dims[rng.Next(Dims.Length)];
        var values = RandomDense(rng, n, n);
        bool balance = rng.Next(2) == 0;
        if (rng.Next(2) == 0) Check<float>(rng, values, balance);
        else Check<double>(rng, values, balance);
    }

    private static void Check<T>(Random rng, double[,] values, bool balance) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = values.GetLength(0);
        var a = InRandomLayout<T>(rng, values);
        var before = a.ToArray();
        var eig = new EigenDecomposition<T>(a, computeVectors: true, balance);
        Assert.Equal(before, a.ToArray());
        var ad = ToDouble(a);
        CheckVectors(ad, eig);
        // Invariant: Σλ = trace(A).
        double trace = 0;
        for (int i = 0; i < n; i++) trace += ad[i, i];
        Complex sum = 0;
        for (int i = 0; i < n; i++) sum += eig.Values[i];
        Assert.True(Complex.Abs(sum - trace) <= Threshold * Frobenius(ad) * Math.Max(n, 1) * Eps<T>(), $"Σλ = {sum} vs trace {trace}");
        var valuesOnly = new EigenDecomposition<T>(a, computeVectors: false, balance).Values;
        for (int i = 0; i < n; i++) Assert.Equal(eig.Values[i], valuesOnly[i]);
    }

    /// <summary>HiPPO-LegS: A_nk = −√((2n+1)(2k+1)) for n &gt; k, −(n+1) on the diagonal, 0 above.</summary>
    internal static double[,] HippoLegS(int n, bool normalPart)
    {
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
            {
                double s = Math.Sqrt((2.0 * i + 1) * (2.0 * k + 1));
                a[i, k] = i > k ? -s : i == k ? -(i + 1) : 0;
                // The normal part A + P·Pᵀ, P_n = √(n + ½): −½·I plus a skew-symmetric matrix.
                if (normalPart) a[i, k] += 0.5 * s;
            }
        return a;
    }

    [Theory]
    [InlineData(64)]
    [InlineData(256)]
    public void Hippo_legs_is_diagonalised_with_small_residual_and_its_condition_reported(int n)
    {
        var a = HippoLegS(n, normalPart: false);
        var eig = new EigenDecomposition<double>(NDArray.FromArray(a));
        Assert.True(Residual(a, eig) < Threshold, $"HiPPO-LegS {n}: residual ratio {Residual(a, eig)}");
        double trace = -n * (n + 1) / 2.0;
        Complex sum = 0;
        for (int i = 0; i < n; i++) sum += eig.Values[i];
        Assert.True(Complex.Abs(sum - trace) <= Threshold * Frobenius(a) * n * Eps<double>(), $"Σλ {sum} vs {trace}");
        // Triangular with distinct diagonal −1…−n, but so non-normal that V is numerically singular-ish: the
        // reported condition number says so.
        Assert.True(eig.EigenvectorCondition > 1e8, $"κ(V) = {eig.EigenvectorCondition}");
        // The eigenvalues of the normal part are −½ + iω and its eigenvectors are orthonormal (κ ≈ 1).
        var normal = HippoLegS(n, normalPart: true);
        var eigN = new EigenDecomposition<double>(NDArray.FromArray(normal));
        CheckVectors(normal, eigN);
        for (int i = 0; i < n; i++)
            Assert.True(Math.Abs(eigN.Values[i].Real + 0.5) <= Threshold * Frobenius(normal) * n * Eps<double>(), $"Re λ{i} = {eigN.Values[i].Real}");
        Assert.InRange(eigN.EigenvectorCondition, 1, 1 + 1e-8 * n);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(101)]
    public void Left_eigenvectors_satisfy_uh_a_equals_lambda_uh_and_biorthogonality(int n)
    {
        var rng = new Random(n);
        var a = RandomDense(rng, n, n);
        var eig = new EigenDecomposition<double>(NDArray.FromArray(a), computeVectors: true, computeLeftVectors: true);
        var u = eig.LeftVectors;
        var v = eig.Vectors;
        var w = eig.Values;
        double norm = Frobenius(a), sum = 0;
        for (int j = 0; j < n; j++)
            for (int c = 0; c < n; c++)
            {
                // (uᴴA)_c − λ·conj(u_c)
                Complex acc = 0;
                for (int r = 0; r < n; r++) acc += Complex.Conjugate(u[r, j]) * a[r, c];
                acc -= w[j] * Complex.Conjugate(u[c, j]);
                sum += acc.Magnitude * acc.Magnitude;
            }
        Assert.True(Math.Sqrt(sum) / (norm * n * Eps<double>()) < Threshold, $"left residual ratio {Math.Sqrt(sum) / (norm * n * Eps<double>())}");
        // uᵢᴴ·v_j = 0 for λᵢ ≠ λ_j (random matrices have distinct eigenvalues).
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                if (i == j || Complex.Abs(w[i] - w[j]) < 1e-6) continue;
                Complex dot = 0;
                for (int r = 0; r < n; r++) dot += Complex.Conjugate(u[r, i]) * v[r, j];
                Assert.True(dot.Magnitude < 1e-8, $"u{i}ᴴv{j} = {dot}");
            }
        Assert.Throws<InvalidOperationException>(() => new EigenDecomposition<double>(NDArray.FromArray(a)).LeftVectors);
    }

    [Fact]
    public void Rotation_has_conjugate_pair_and_known_values()
    {
        double t = 0.3;
        var a = new double[,] { { Math.Cos(t), -Math.Sin(t) }, { Math.Sin(t), Math.Cos(t) } };
        var eig = new EigenDecomposition<double>(NDArray.FromArray(a));
        Assert.Equal(Math.Cos(t), eig.Values[0].Real, 14);
        Assert.Equal(Math.Sin(t), eig.Values[0].Imaginary, 14);
        Assert.Equal(-Math.Sin(t), eig.Values[1].Imaginary, 14);
        CheckVectors(a, eig);
    }

    public static TheoryData<string> HardCases => ["zero", "identity", "jordan", "badly-scaled", "companion", "tiny", "huge"];

    [Theory]
    [MemberData(nameof(HardCases))]
    public void Hard_matrices(string kind)
    {
        foreach (int n in new[] { 1, 2, 6, 30 })
        {
            var rng = new Random(n + kind.Length);
            var a = new double[n, n];
            switch (kind)
            {
                case "identity": for (int i = 0; i < n; i++) a[i, i] = 1; break;
                case "jordan":
                    // A defective block: residual stays small, V is (numerically) singular.
                    for (int i = 0; i < n; i++) { a[i, i] = 2; if (i + 1 < n) a[i, i + 1] = 1; }
                    break;
                case "badly-scaled":
                {
                    var r = RandomDense(rng, n, n);
                    for (int i = 0; i < n; i++)
                        for (int j = 0; j < n; j++) a[i, j] = r[i, j] * Math.Pow(10, (i - j) * 8.0 / Math.Max(n, 1));
                    break;
                }
                case "companion":
                    // Roots 1…n of Π(x − k): the companion matrix is far from normal.
                    var coeffs = new double[] { 1 };
                    for (int k = 1; k <= n; k++)
                    {
                        var next = new double[coeffs.Length + 1];
                        for (int i = 0; i < coeffs.Length; i++) { next[i] += coeffs[i]; next[i + 1] -= k * coeffs[i]; }
                        coeffs = next;
                    }
                    for (int j = 0; j < n; j++) a[0, j] = -coeffs[j + 1];
                    for (int i = 1; i < n; i++) a[i, i - 1] = 1;
                    break;
                case "tiny":
                case "huge":
                {
                    var r = RandomDense(rng, n, n);
                    double s = kind == "tiny" ? 1e-300 : 1e300;
                    for (int i = 0; i < n; i++)
                        for (int j = 0; j < n; j++) a[i, j] = r[i, j] * s;
                    break;
                }
            }
            if (kind == "companion" && n > 6) continue; // roots of Wilkinson-like polynomials are ill conditioned
            var eig = new EigenDecomposition<double>(NDArray.FromArray(a));
            if (kind is not ("tiny" or "huge")) CheckVectors(a, eig);
            else Assert.True(Residual(a, eig) < Threshold);
            if (kind == "companion")
            {
                var re = Enumerable.Range(0, n).Select(i => eig.Values[i].Real).OrderBy(x => x).ToArray();
                for (int i = 0; i < n; i++) Assert.Equal(i + 1, re[i], 6);
            }
        }
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        var rect = new NDArray<double>(2, 3);
        var ex = Assert.Throws<ArgumentException>(() => new EigenDecomposition<double>(rect));
        Assert.Contains(rect.ShapeString, ex.Message);
        var nan = NDArray.FromArray(new double[,] { { 1, double.NaN }, { 0, 1 } });
        Assert.Contains("non-finite", Assert.Throws<ArgumentException>(() => new EigenDecomposition<double>(nan)).Message);
    }
}
