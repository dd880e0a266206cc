using Kernels.Linalg;
using Kernels.Linalg.Blas;
using Kernels.Tensors;
using Xunit;

namespace Kernels.Tests.Factorizations;

public class FactorizationDeterminismTests
{
    [Fact]
    public void Results_are_bit_identical_for_any_thread_count()
    {
        // Sizes past the GEMM blocking so the parallel paths run inside every trailing update.
        var a = NDArray.RandomUniform<double>(1, -1, 1, 300, 260);
        var sq = NDArray.RandomUniform<double>(2, -1, 1, 300, 300);
        var spd = LinearAlgebra.MatMul(sq, sq.Transpose());
        for (int i = 0; i < 300; i++) spd[i, i] += 300;
        double[]? qr1 = null, lu1 = null, ch1 = null;
        foreach (int threads in new[] { 1, 2, 3 })
        {
            var o = new GemmOptions { Threads = threads };
            var qr = new QrDecomposition<double>(a, o).Packed.ToArray();
            var lu = new LuDecomposition<double>(sq, o).U.ToArray();
            var ch = new CholeskyDecomposition<double>(spd, o).L.ToArray();
            qr1 ??= qr;
            lu1 ??= lu;
            ch1 ??= ch;
            Assert.Equal(qr1, qr);
            Assert.Equal(lu1, lu);
            Assert.Equal(ch1, ch);
        }
    }

    [Fact]
    public void Concurrent_callers_get_the_same_results()
    {
        var a = NDArray.RandomUniform<double>(3, -1, 1, 200, 150);
        var expected = new QrDecomposition<double>(a).Packed.ToArray();
        var results = new double[8][];
        Parallel.For(0, 8, i => results[i] = new QrDecomposition<double>(a).Packed.ToArray());
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Hilbert_matrix_solves_to_its_backward_error_bound()
    {
        // κ(H₁₂) ≈ 1.7e16: the forward error is unbounded, but LU and Cholesky must still give a small residual.
        int n = 12;
        var h = new NDArray<double>(n, n);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) h[i, j] = 1.0 / (i + j + 1);
        var b = NDArray.Ones<double>(n);
        foreach (var x in new[] { LinearAlgebra.Solve(h, b), new CholeskyDecomposition<double>(h).Solve(b) })
        {
            var r = NDArray.Subtract(LinearAlgebra.MatMul(h, x), b);
            double rn = 0, xn = 0;
            for (int i = 0; i < n; i++) { rn = Math.Max(rn, Math.Abs(r[i])); xn = Math.Max(xn, Math.Abs(x[i])); }
            Assert.InRange(rn / ((1.0 * xn + 1) * n * Math.Pow(2, -52)), 0, 30);
        }
    }
}
