using System.Numerics;
using Kernels.Linalg.Fourier;
using Kernels.Tensors;

namespace Kernels.Cli;

/// <summary>
/// <c>kernels bench fft</c>: complex FFTs of power-of-two, 2·3·5-smooth and prime (Bluestein) lengths, a batched
/// transform, and the causal FFT convolution; compare with <c>bench/fft_reference.py</c> (numpy.fft, pocketfft).
/// </summary>
internal static class FftBenchCommand
{
    public static int Run(CliArguments args)
    {
        int repeat = args.GetInt("--repeat", 5);
        args.RejectUnknown();
        Console.WriteLine($"kernels bench fft: complex128, 1 call at a time, median of {repeat}");
        Console.WriteLine($"{"transform",-44} {"ms",9} {"ns/(n log2 n)",14}");
        foreach (int n in new[] { 1024, 1000, 1009, 4096, 1 << 20 })
        {
            var rng = new Random(n);
            var source = Enumerable.Range(0, n).Select(_ => new Complex(rng.NextDouble(), rng.NextDouble())).ToArray();
            var data = new Complex[n];
            int calls = Math.Max(1, (1 << 20) / n);
            double t = BenchCommand.Median(() => { for (int c = 0; c < calls; c++) { source.CopyTo(data, 0); Fft.Forward(data); } }, repeat) / calls;
            Console.WriteLine($"{"  fft n=" + n + (n == 1009 ? " (prime: Bluestein)" : ""),-44} {t * 1e3,9:F4} {t * 1e9 / (n * Math.Log2(n)),14:F2}");
        }
        var real = NDArray.RandomNormal(8UL, 0.0, 1.0, 1 << 20);
        Console.WriteLine($"{"  rfft n=1048576",-44} {BenchCommand.Median(() => Fft.Rfft(real), repeat) * 1e3,9:F4}");
        var batch = NDArray.RandomNormal(5UL, 0.0, 1.0, 256, 4096);
        Console.WriteLine($"{"  rfft 256×4096 along the last axis",-44} {BenchCommand.Median(() => Fft.Rfft(batch), repeat) * 1e3,9:F2}");
        var u = NDArray.RandomNormal(6UL, 0.0, 1.0, 16, 64, 1024);
        var k = NDArray.RandomNormal(7UL, 0.0, 1.0, 64, 1024);
        Console.WriteLine($"{"  causal conv (16, 64, 1024) ⊛ (64, 1024)",-44} {BenchCommand.Median(() => FftConvolution.Causal(u, k), repeat) * 1e3,9:F2}");
        return 0;
    }
}
