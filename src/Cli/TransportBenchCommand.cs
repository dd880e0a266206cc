using System.Numerics;
using Kernels.Ops.Transport;
using Kernels.Tensors;
using Kernels.Tensors.Sorting;

namespace Kernels.Cli;

/// <summary>
/// <c>kernels bench transport</c>: issue 8's kernels — the radix sort against <c>Span.Sort</c>, the sliced
/// Wasserstein distance (forward and with gradient) at the issue's sizes, exact 1-D OT and log-domain Sinkhorn.
/// Thread count from <c>--threads</c> (default: all). Compare with <c>bench/swd_reference.py</c> (NumPy and POT).
/// </summary>
internal static class TransportBenchCommand
{
    public static int Run(CliArguments args)
    {
        int repeat = args.GetInt("--repeat", 3);
        string which = args.Get("--only") ?? "sort,swd,w1d,sinkhorn";
        string? dtype = args.Get("--dtype");
        bool large = args.Has("--large");
        args.RejectUnknown();
        var set = which.Split(',').ToHashSet();
        bool isDouble = dtype is null || ComputeType.IsDouble(dtype, []);
        Console.WriteLine($"kernels bench transport: {(isDouble ? "float64" : "float32")}, {Threading.MaxThreads} thread(s), median of {repeat}");
        if (set.Contains("sort")) Sort(repeat);
        if (set.Contains("swd"))
        {
            if (isDouble) Swd<double>(repeat, large); else Swd<float>(repeat, large);
        }
        if (set.Contains("w1d")) W1d(repeat);
        if (set.Contains("sinkhorn")) SinkhornBench(repeat);
        return 0;
    }

    private static void Sort(int repeat)
    {
        const int n = 100_000;
        var source = NDArray.RandomNormal(1UL, 0.0, 1.0, n).ToArray();
        var sourceF = source.Select(v => (float)v).ToArray();
        var keys = new double[n];
        var keysF = new float[n];
        var index = new int[n];
        var scratch = new double[n];
        var scratchIndex = new int[n];
        Console.WriteLine($"{"sort 100,000 keys",-52} {"ms",9}");
        Console.WriteLine($"{"  Span.Sort double",-52} {BenchCommand.Median(() => { source.CopyTo(keys, 0); keys.AsSpan().Sort(); }, repeat * 3) * 1e3,9:F3}");
        Console.WriteLine($"{"  RadixSort double",-52} {BenchCommand.Median(() => { source.CopyTo(keys, 0); RadixSort.Sort(keys, default, scratch, default); }, repeat * 3) * 1e3,9:F3}");
        Console.WriteLine($"{"  RadixSort double + indices",-52} {BenchCommand.Median(() => { source.CopyTo(keys, 0); for (int i = 0; i < n; i++) index[i] = i; RadixSort.Sort(keys, index, scratch, scratchIndex); }, repeat * 3) * 1e3,9:F3}");
        Console.WriteLine($"{"  Span.Sort float",-52} {BenchCommand.Median(() => { sourceF.CopyTo(keysF, 0); keysF.AsSpan().Sort(); }, repeat * 3) * 1e3,9:F3}");
        Console.WriteLine($"{"  RadixSort float",-52} {BenchCommand.Median(() => { sourceF.CopyTo(keysF, 0); RadixSort.Sort(keysF); }, repeat * 3) * 1e3,9:F3}");
    }

    private static void Swd<T>(int repeat, bool large) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Console.WriteLine($"{"sliced Wasserstein (uniform, p = 2)",-52} {"ms",9}");
        var cases = new List<(int N, int D, int P)> { (10_000, 3, 50), (10_000, 64, 50) };
        if (large) cases.Add((100_000, 64, 500));
        foreach (var (n, d, count) in cases)
        {
            var x = NDArray.RandomNormal(11UL, T.Zero, T.One, n, d);
            var y = NDArray.RandomNormal(12UL, T.CreateTruncating(0.5), T.One, n, d);
            var theta = SlicedWasserstein.RandomProjections<T>(d, count, 3);
            var forward = new SlicedWassersteinOptions<T> { Projections = theta };
            var withGradient = new SlicedWassersteinOptions<T> { Projections = theta, ComputeGradient = true };
            int r = n >= 100_000 ? 1 : repeat;
            string label = $"n=m={n:N0} d={d} P={count}";
            Console.WriteLine($"{"  " + label,-52} {BenchCommand.Median(() => SlicedWasserstein.Compute(x, y, forward), r) * 1e3,9:F1}");
            Console.WriteLine($"{"  " + label + " + gradient",-52} {BenchCommand.Median(() => SlicedWasserstein.Compute(x, y, withGradient), r) * 1e3,9:F1}");
        }
    }

    private static void W1d(int repeat)
    {
        const int n = 1_000_000;
        var u = NDArray.RandomNormal(21UL, 0.0, 1.0, n);
        var v = NDArray.RandomNormal(22UL, 1.0, 1.0, n);
        Console.WriteLine($"{"  wasserstein_1d n=m=1,000,000 p=2",-52} {BenchCommand.Median(() => Wasserstein1D.Cost(u, v, p: 2), repeat) * 1e3,9:F1}");
    }

    private static void SinkhornBench(int repeat)
    {
        const int n = 1000;
        var x = NDArray.RandomNormal(31UL, 0.0, 1.0, n, 8);
        var y = NDArray.RandomNormal(32UL, 1.0, 1.0, n, 8);
        var cost = PairwiseDistances.SquaredEuclidean(x, y);
        double eps = 0.1 * NDArray.Mean(cost);
        var options = new SinkhornOptions { MaxIterations = 100, Tolerance = 0 };
        Console.WriteLine($"{"  sinkhorn_log n=m=1000, 100 iterations",-52} {BenchCommand.Median(() => Sinkhorn.Solve<double>(null, null, cost, eps, options), repeat) * 1e3,9:F1}");
    }
}
