using System.Numerics;
using FsCheck.Xunit;
using Kernels.Linalg.Fourier;
using Kernels.Tensors;
using Xunit;

namespace Kernels.Tests.Fourier;

public class FftTests
{
    private const double Eps = 2.220446049250313e-16;

    private static Complex[] RandomSignal(Random rng, int n) =>
        Enumerable.Range(0, n).Select(_ => new Complex(rng.NextDouble() * 2 - 1, rng.NextDouble() * 2 - 1)).ToArray();

    /// <summary>The DFT by its definition, twiddles from the reduced exponent t·k mod n.</summary>
    private static Complex[] NaiveDft(Complex[] x, int sign = -1)
    {
        int n = x.Length;
        var result = new Complex[n];
        for (int k = 0; k < n; k++)
        {
            Complex s = 0;
            for (int t = 0; t < n; t++) s += x[t] * Complex.FromPolarCoordinates(1, sign * 2 * Math.PI * ((long)t * k % n) / n);
            result[k] = s;
        }
        return result;
    }

    /// <summary>max|X − X_ref| / (ε·‖x‖₁·max(1, log₂ n)): below 30 for a correct O(ε log n) FFT.</summary>
    private static double Ratio(Complex[] actual, Complex[] expected, Complex[] x)
    {
        double err = actual.Zip(expected, (a, b) => (a - b).Magnitude).DefaultIfEmpty(0).Max();
        double l1 = x.Sum(v => v.Magnitude);
        return err / (Eps * Math.Max(l1, double.Epsilon) * Math.Max(1, Math.Log2(x.Length)));
    }

    [Theory]
    [MemberData(nameof(Reference.WidthData), MemberType = typeof(Reference))]
    public void Forward_matches_the_definition_for_every_length_1_to_128_and_larger_primes_and_smooth_lengths(Kernels.Tensors.Simd.VectorWidth width)
    {
        // Every width: the vector butterflies (two complex numbers per 256-bit register) and the scalar ones.
        using var _ = Kernels.Tensors.Simd.SimdPolicy.Force(width);
        var rng = new Random(1);
        var lengths = Enumerable.Range(1, 128).Concat([131, 250, 256, 257, 360, 509, 625, 997, 1000, 1024, 1331]);
        foreach (int n in lengths)
        {
            var x = RandomSignal(rng, n);
            var y = (Complex[])x.Clone();
            Fft.Forward(y);
            double ratio = Ratio(y, NaiveDft(x), x);
            Assert.True(ratio < 30, $"{width}, n = {n}: ratio {ratio:G3}");
        }
    }

    [Property(MaxTest = 40)]
    public void Round_trip_parseval_and_norm_conventions(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(1, 700);
        var x = RandomSignal(rng, n);
        var y = (Complex[])x.Clone();
        Fft.Forward(y);
        double energy = x.Sum(v => v.Magnitude * v.Magnitude), spectral = y.Sum(v => v.Magnitude * v.Magnitude) / n;
        Assert.True(Math.Abs(energy - spectral) <= 30 * Eps * Math.Log2(n + 1) * energy + 1e-300, $"n = {n}: {energy:R} vs {spectral:R}");
        Fft.Inverse(y);
        Assert.True(Ratio(y, x, x) < 30);
        foreach (var norm in new[] { FftNorm.Ortho, FftNorm.Forward })
        {
            var z = (Complex[])x.Clone();
            Fft.Forward(z, norm);
            var reference = NaiveDftScaled(x, norm == FftNorm.Ortho ? 1 / Math.Sqrt(n) : 1.0 / n);
            Assert.True(Ratio(z, reference, x) < 30 * n, $"n = {n} {norm}");
            Fft.Inverse(z, norm);
            Assert.True(Ratio(z, x, x) < 30 * Math.Sqrt(n), $"n = {n} {norm} round trip");
        }
    }

    private static Complex[] NaiveDftScaled(Complex[] x, double scale) => NaiveDft(x).Select(v => v * scale).ToArray();

    [Property(MaxTest = 25)]
    public void Batched_along_any_axis_of_a_strided_view_equals_per_line_transforms(int seed)
    {
        var rng = new Random(seed);
        int rows = rng.Next(1, 9), cols = rng.Next(1, 40);
        var data = RandomSignal(rng, rows * cols * 2);
        // Every other column of a (rows, 2·cols) array: a strided view.
        var view = NDArray.FromArray(data, rows, 2 * cols).Slice(AxisRange.All, new AxisRange(0, 2 * cols, 2));
        foreach (int axis in new[] { 0, 1, -1 })
        {
            var y = Fft.Transform(view, axis);
            int a = axis < 0 ? 1 : axis;
            int lines = a == 0 ? cols : rows, n = a == 0 ? rows : cols;
            for (int l = 0; l < lines; l++)
            {
                var line = Enumerable.Range(0, n).Select(t => a == 0 ? view[t, l] : view[l, t]).ToArray();
                var expected = NaiveDft(line);
                var actual = Enumerable.Range(0, n).Select(k => a == 0 ? y[k, l] : y[l, k]).ToArray();
                Assert.True(Ratio(actual, expected, line) < 30, $"axis {axis} line {l}");
            }
        }
    }

    [Property(MaxTest = 30)]
    public void Rfft_is_the_half_spectrum_and_irfft_inverts_it_for_odd_and_even_lengths(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(1, 300);
        var x = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var half = Fft.Rfft(NDArray.FromArray(x, n));
        Assert.Equal(n / 2 + 1, half.Shape[0]);
        var full = NaiveDft(x.Select(v => new Complex(v, 0)).ToArray());
        var cx = x.Select(v => new Complex(v, 0)).ToArray();
        Assert.True(Ratio(half.ToArray(), full[..(n / 2 + 1)], cx) < 30);
        var back = Fft.Irfft(half, n).ToArray();
        double worst = back.Zip(x, (p, q) => Math.Abs(p - q)).Max();
        Assert.True(worst <= 30 * Eps * Math.Log2(n + 1) * x.Sum(Math.Abs), $"n = {n}: {worst:G3}");
        // Float input is widened to double: same spectrum as its double values.
        var xf = x.Select(v => (float)v).ToArray();
        var hf = Fft.Rfft(NDArray.FromArray(xf, n)).ToArray();
        var hd = Fft.Rfft(NDArray.FromArray(xf.Select(v => (double)v).ToArray(), n)).ToArray();
        Assert.Equal(hd, hf);
    }

    [Property(MaxTest = 20)]
    public void Causal_convolution_equals_the_direct_sum_and_broadcasts(int seed)
    {
        var rng = new Random(seed);
        int channels = rng.Next(1, 4), batch = rng.Next(1, 3), length = rng.Next(1, 150);
        var u = NDArray.FromArray(Enumerable.Range(0, batch * channels * length).Select(_ => rng.NextDouble() - 0.5).ToArray(), batch, channels, length);
        var k = NDArray.FromArray(Enumerable.Range(0, channels * length).Select(_ => rng.NextDouble() - 0.5).ToArray(), channels, length);
        var y = FftConvolution.Causal(u, k);
        Assert.Equal(new[] { batch, channels, length }, y.Shape.ToArray());
        for (int b = 0; b < batch; b++)
            for (int c = 0; c < channels; c++)
                for (int t = 0; t < length; t++)
                {
                    double s = 0, scale = 0;
                    for (int j = 0; j <= t; j++) { s += k[c, j] * u[b, c, t - j]; scale += Math.Abs(k[c, j] * u[b, c, t - j]); }
                    Assert.True(Math.Abs(y[b, c, t] - s) <= 30 * Eps * Math.Log2(2 * length + 1) * (scale + length * 1e-3), $"[{b},{c},{t}] {y[b, c, t]:R} vs {s:R}");
                }
    }

    [Theory]
    [InlineData(Kernels.Tensors.Simd.VectorWidth.Scalar)]
    [InlineData(Kernels.Tensors.Simd.VectorWidth.W256)]
    public void Large_batched_rfft_split_over_threads_equals_row_by_row_transforms_bit_for_bit(Kernels.Tensors.Simd.VectorWidth width)
    {
        // 64 × 8192 = 2¹⁹ samples: above the parallel threshold, so rows are split over the worker threads — which
        // must use the caller's (here forced) width too.
        using var _ = Kernels.Tensors.Simd.SimdPolicy.Force(width);
        var x = NDArray.RandomNormal(11UL, 0.0, 1.0, 64, 8192);
        var xf = NDArray.RandomNormal(12UL, 0f, 1f, 64, 8192);
        var batched = Fft.Rfft(x).ToArray();
        var batchedF = Fft.Rfft(xf).ToArray();
        for (int r = 0; r < 64; r++)
        {
            var row = Fft.Rfft(NDArray.FromArray(x.Slice(new AxisRange(r, r + 1)).ToArray(), 8192)).ToArray();
            Assert.Equal(row, batched.AsSpan(r * 4097, 4097).ToArray());
            var rowF = Fft.Rfft(NDArray.FromArray(xf.Slice(new AxisRange(r, r + 1)).ToArray(), 8192)).ToArray();
            Assert.Equal(rowF, batchedF.AsSpan(r * 4097, 4097).ToArray());
        }
    }

    [Fact]
    public void Bad_input_is_named()
    {
        Assert.Throws<ArgumentException>(() => Fft.Transform(NDArray.Zeros<Complex>(3, 4), axis: 2));
        Assert.Throws<ArgumentException>(() => Fft.Transform(NDArray.Scalar(Complex.One)));
        Assert.Throws<ArgumentException>(() => FftConvolution.Causal(NDArray.Zeros<double>(2, 5), NDArray.Zeros<double>(2, 4)));
        Assert.Throws<ArgumentException>(() => Fft.Irfft(NDArray.Zeros<Complex>(1)));
        var empty = Fft.Transform(NDArray.Zeros<Complex>(3, 0), axis: 1);
        Assert.Equal(new[] { 3, 0 }, empty.Shape.ToArray());
    }
}
