using FsCheck.Xunit;
using Kernels.Ops.StateSpace;
using Kernels.Tensors;
using Xunit;

namespace Kernels.Tests.StateSpace;

public class DiagonalScanTests
{
    /// <summary>h_t = a_t·h_{t−1} + b_t element by element, the plain reference.</summary>
    private static (double[] H, double[] Final) Reference(double[] a, double[] b, double[]? h0, int batch, int length, int width, bool reverse)
    {
        var h = new double[b.Length];
        var final = new double[batch * width];
        for (int bi = 0; bi < batch; bi++)
            for (int w = 0; w < width; w++)
            {
                double state = h0?[bi * width + w] ?? 0;
                for (int s = 0; s < length; s++)
                {
                    int t = reverse ? length - 1 - s : s;
                    int at = (bi * length + t) * width + w;
                    state = a[at] * state + b[at];
                    h[at] = state;
                }
                final[bi * width + w] = state;
            }
        return (h, final);
    }

    [Property(MaxTest = 40)]
    public void Chunked_parallel_scan_equals_the_sequential_reference_for_any_chunking(int seed)
    {
        var rng = new Random(seed);
        int batch = rng.Next(1, 4), length = rng.Next(0, 120), channels = rng.Next(1, 21);
        bool withState = rng.Next(2) == 0, reverse = rng.Next(2) == 0, hasH0 = rng.Next(2) == 0;
        int stateDim = withState ? rng.Next(1, 5) : 1;
        int width = channels * stateDim;
        var a = Enumerable.Range(0, batch * length * width).Select(_ => 0.5 + 0.5 * rng.NextDouble()).ToArray();
        var b = Enumerable.Range(0, batch * length * width).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var h0 = hasH0 ? Enumerable.Range(0, batch * width).Select(_ => rng.NextDouble()).ToArray() : null;
        int[] shape = withState ? [batch, length, channels, stateDim] : [batch, length, channels];
        int[] finalShape = withState ? [batch, channels, stateDim] : [batch, channels];
        var (rh, rf) = Reference(a, b, h0, batch, length, width, reverse);
        foreach (int chunks in new[] { 1, 2, 3, 7, Math.Max(1, length) })
        {
            var (h, final) = DiagonalScan.Run(NDArray.FromArray(a, shape), NDArray.FromArray(b, shape),
                h0 is null ? null : NDArray.FromArray(h0, finalShape), reverse, new ScanOptions { Chunks = chunks, Threads = 2 });
            var hv = h.ToArray();
            // |a| ≤ 1, |b| ≤ ½: states are bounded by ~L; a re-association error of a few ε per step.
            for (int i = 0; i < hv.Length; i++) Assert.True(Math.Abs(hv[i] - rh[i]) <= 8 * (length + 1) * 2.2e-16 * (1 + Math.Abs(rh[i])), $"chunks {chunks}, h[{i}] {hv[i]:R} vs {rh[i]:R}");
            var fv = final.ToArray();
            for (int i = 0; i < fv.Length; i++) Assert.True(Math.Abs(fv[i] - rf[i]) <= 8 * (length + 1) * 2.2e-16 * (1 + Math.Abs(rf[i])), $"chunks {chunks}, final[{i}]");
        }
    }

    [Fact]
    public void Same_setting_same_bits_and_float_runs()
    {
        var rng = new Random(3);
        int batch = 2, length = 5000, width = 33;
        var a = NDArray.FromArray(Enumerable.Range(0, batch * length * width).Select(_ => (float)(0.9 + 0.1 * rng.NextDouble())).ToArray(), batch, length, width);
        var b = NDArray.FromArray(Enumerable.Range(0, batch * length * width).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray(), batch, length, width);
        var first = DiagonalScan.Run(a, b, options: new ScanOptions { Chunks = 4 });
        var second = DiagonalScan.Run(a, b, options: new ScanOptions { Chunks = 4, Threads = 1 });
        Assert.Equal(first.States.ToArray(), second.States.ToArray());
        var sequential = DiagonalScan.Run(a, b, options: new ScanOptions { Chunks = 1 });
        float worst = first.States.ToArray().Zip(sequential.States.ToArray(), (p, q) => Math.Abs(p - q)).Max();
        Assert.True(worst < 1e-4f, $"{worst}");
    }

    [Fact]
    public void Bad_shapes_are_named()
    {
        var a = NDArray.Ones<double>(2, 5, 3);
        Assert.Contains("same shape", Assert.Throws<ArgumentException>(() => DiagonalScan.Run(a, NDArray.Ones<double>(2, 5, 4))).Message);
        Assert.Throws<ArgumentException>(() => DiagonalScan.Run(NDArray.Ones<double>(5, 3), NDArray.Ones<double>(5, 3)));
        Assert.Throws<ArgumentException>(() => DiagonalScan.Run(a, a, NDArray.Ones<double>(2, 4)));
        var b = NDArray.Ones<double>(2, 5, 3);
        DiagonalScan.Run(a, b);
        Assert.All(b.ToArray(), v => Assert.Equal(1.0, v)); // inputs unchanged
    }
}
