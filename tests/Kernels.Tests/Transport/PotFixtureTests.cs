using Kernels.Ops.Transport;
using Kernels.Tensors;
using Xunit;

namespace Kernels.Tests.Transport;

/// <summary>
/// Values from POT 0.8.2 (tools/transport_fixtures.py) on dyadic inputs that NumPy and C# hold bit for bit;
/// required to agree to 1e−12 relative.
/// </summary>
public class PotFixtureTests
{
    private static NDArray<double> Points(int rows, int cols, int mulI, int mulJ, int add, int mod, int shift, double scale)
    {
        var data = new double[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) data[i * cols + j] = ((i * mulI + j * mulJ + add) % mod - shift) / scale;
        return NDArray.FromArray(data, rows, cols);
    }

    private static readonly NDArray<double> X = Points(40, 3, 37, 11, 5, 101, 50, 16.0);
    private static readonly NDArray<double> Y = Points(29, 3, 53, 7, 3, 89, 40, 8.0);
    private static readonly NDArray<double> Theta = Points(3, 6, 13, 5, 1, 17, 8, 4.0);

    private static NDArray<double> Normalised(Func<int, double> weight, int count)
    {
        var w = Enumerable.Range(0, count).Select(weight).ToArray();
        double s = w.Sum();
        return NDArray.FromArray(w.Select(v => v / s).ToArray(), count);
    }

    private static readonly NDArray<double> A = Normalised(i => 1.0 + i % 5, 40);
    private static readonly NDArray<double> B = Normalised(i => 2.0 + i % 3, 29);

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Sliced_wasserstein_matches_pot()
    {
        Close(3.4564612238256585, SlicedWasserstein.Compute(X, Y, new() { Projections = Theta, P = 2 }).Distance);
        Close(2.4588213622416033, SlicedWasserstein.Compute(X, Y, new() { Projections = Theta, P = 1, SourceWeights = A, TargetWeights = B }).Distance);
        Close(2.964082435893445, SlicedWasserstein.Compute(X, Y, new() { Projections = Theta, P = 1.5, SourceWeights = A, TargetWeights = B }).Distance);
        var x29 = X.Slice(new AxisRange(0, 29), AxisRange.All);
        Close(3.5171027784914073, SlicedWasserstein.Compute(x29, Y, new() { Projections = Theta, P = 2 }).Distance);
    }

    [Fact]
    public void Wasserstein_1d_matches_pot()
    {
        var u = X.Slice(AxisRange.All, AxisRange.At(0)).Contiguous();
        var v = Y.Slice(AxisRange.All, AxisRange.At(1)).Contiguous();
        Close(1.2659278100775202, Wasserstein1D.Cost(u, v, A, B, 1));
        Close(1.997858375726746, Wasserstein1D.Cost(u, v, A, B, 2));
        Close(3.400926078382393, Wasserstein1D.Cost(u, v, A, B, 3));
        Close(1.8888873922413862, Wasserstein1D.Cost(u, v, p: 2));
    }

    [Fact]
    public void Sinkhorn_matches_pot_sinkhorn_log()
    {
        var r = Sinkhorn.SolvePoints(X, Y, 1.0, A, B, new SinkhornOptions { MaxIterations = 10000, Tolerance = 1e-12 });
        Assert.True(r.Converged);
        // The plan is determined to about the stopping threshold, not to rounding.
        Assert.True(Math.Abs(r.Cost - 13.559503602557395) <= 1e-9 * 13.56, $"{r.Cost:R}");
        Assert.True(Math.Abs(r.Plan[0, 0] - 0.002398774395299991) <= 1e-11);
        Assert.True(Math.Abs(r.Plan[7, 3] - 0.0005476889393145778) <= 1e-11);
    }
}
