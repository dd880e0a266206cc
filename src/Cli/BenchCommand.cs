using System.Runtime.Intrinsics;
using System.Diagnostics;
using System.Numerics.Tensors;
using Kernels.Backends.Cpu;
using Kernels.Tensors;

namespace Kernels.Cli;

/// <summary>
/// <c>kernels bench</c>: a quick timing table (median of repeated runs) of the kernels that exist, with GB/s or
/// GFLOP/s and, where the BCL has the same operation, the ratio to <see cref="TensorPrimitives"/> in the same run.
/// For publication-grade numbers use the BenchmarkDotNet suites in <c>bench/</c>.
/// </summary>
internal static class BenchCommand
{
    public static int Run(CliArguments args)
    {
        int n = args.GetInt("--size", 1 << 24);
        int repeat = args.GetInt("--repeat", 9);
        args.RejectUnknown();
        if (n < 2 || repeat < 1) throw new UsageException("--size must be >= 2 and --repeat >= 1");
        var cpu = CpuBackendInfo.Probe();
        Console.WriteLine($"kernels bench: n = {n:N0} float32, median of {repeat}, vector width {cpu.VectorWidth}, kernel set {cpu.KernelSet}, threads {cpu.Threads}");
        Console.WriteLine($"{"kernel",-34} {"ms",9} {"GB/s",8} {"vs TensorPrimitives",20}");

        var x = NDArray.RandomUniform<float>(1, -1f, 1f, n);
        var y = NDArray.RandomUniform<float>(2, -1f, 1f, n);
        var z = new NDArray<float>(n);
        float[] xa = x.ToArray(), ya = y.ToArray(), za = new float[n];
        double bytes3 = 3.0 * n * sizeof(float), bytes2 = 2.0 * n * sizeof(float), bytes1 = 1.0 * n * sizeof(float);

        // Memory bandwidth on this machine, STREAM-style: a copy with streaming (non-temporal) stores, split over the
        // same threads as the element-wise kernels, counting bytes read + written — the yardstick for the kernels
        // below. (The BCL's memmove is shown too; it writes through the cache and so moves a third stream.)
        int threads = Kernels.Tensors.Threading.MaxThreads;
        string onThreads = $"{threads} thread{(threads == 1 ? "" : "s")}";
        double copyMs = Row($"stream copy ({onThreads})", bytes2, () => ParallelCopy(xa, za, threads, streaming: true), null);
        Row($"memmove ({onThreads})", bytes2, () => ParallelCopy(xa, za, threads, streaming: false), null);
        double addMs = Row("add (contiguous)", bytes3, () => NDArray.Add(x, y, z), () => TensorPrimitives.Add(xa, ya, za));
        Row("multiply (contiguous)", bytes3, () => NDArray.Multiply(x, y, z), () => TensorPrimitives.Multiply(xa, ya, za));
        float sink = 0;
        Row("sum (contiguous)", bytes1, () => sink += NDArray.Sum(x), () => sink += TensorPrimitives.Sum(xa));
        Row("dot (contiguous)", bytes2, () => sink += NDArray.Dot(x, y), () => sink += TensorPrimitives.Dot(xa, ya));
        Row("exp (contiguous)", bytes2, () => NDArray.Exp(x, z), () => TensorPrimitives.Exp(xa, za));
        Row("tanh (contiguous)", bytes2, () => NDArray.Tanh(x, z), () => TensorPrimitives.Tanh(xa, za));

        // Strided: every other column of a (rows × 2·cols) matrix, i.e. stride 2 in the inner dimension.
        int cols = 4096, rows = Math.Max(1, n / cols);
        var wide = NDArray.RandomUniform<float>(3, -1f, 1f, rows, 2 * cols);
        var everyOther = wide.Slice(AxisRange.All, new AxisRange(null, null, 2));
        var dense = NDArray.RandomUniform<float>(4, -1f, 1f, rows, cols);
        var outMat = new NDArray<float>(rows, cols);
        var dense2 = NDArray.RandomUniform<float>(7, -1f, 1f, rows, cols);
        double contiguousMs = Row("add (rows × cols, contiguous)", 3.0 * rows * cols * 4, () => NDArray.Add(dense2, dense, outMat), null);
        double stridedMs = Row("add (every other column)", 3.0 * rows * cols * 4, () => NDArray.Add(everyOther, dense, outMat), null);
        var bias = NDArray.RandomUniform<float>(5, -1f, 1f, cols);
        double broadcastMs = Row("add (row-vector broadcast)", 2.0 * rows * cols * 4, () => NDArray.Add(dense, bias, outMat), null);
        var colVec = NDArray.RandomUniform<float>(6, -1f, 1f, rows, 1);
        Row("add (column-vector broadcast)", 2.0 * rows * cols * 4, () => NDArray.Add(dense, colVec, outMat), null);
        Row("sum axis 0 (column sums)", 1.0 * rows * cols * 4, () => NDArray.Sum(dense, [0]), null);
        Row("sum axis 1 (row sums)", 1.0 * rows * cols * 4, () => NDArray.Sum(dense, [1]), null);
        Row("softmax axis -1", 2.0 * rows * cols * 4, () => NDArray.Softmax(dense, -1, outMat), null);
        Console.WriteLine($"strided/contiguous time per element: {stridedMs / contiguousMs:F2}x, broadcast/contiguous: {broadcastMs / contiguousMs:F2}x");
        Console.WriteLine($"contiguous add: {bytes3 / addMs / 1e9:F1} GB/s = {bytes3 / addMs / (bytes2 / copyMs) * 100:F0}% of the stream-copy bandwidth ({bytes2 / copyMs / 1e9:F1} GB/s, {onThreads})");
        GC.KeepAlive(sink);
        return 0;

        double Row(string name, double bytes, Action ours, Action? reference)
        {
            double t = Median(ours, repeat);
            string cmp = "";
            if (reference is not null)
            {
                double r = Median(reference, repeat);
                cmp = $"{r / t,6:F2}x speed ({r * 1e3,7:F2} ms)";
            }
            Console.WriteLine($"{name,-34} {t * 1e3,9:F3} {bytes / t / 1e9,8:F2} {cmp,20}");
            return t;
        }
    }

    private static void ParallelCopy(float[] source, float[] destination, int threads, bool streaming)
    {
        int n = source.Length, chunk = ((n + threads - 1) / threads + 15) & ~15;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            int start = t * chunk, len = Math.Min(chunk, n - start);
            if (len <= 0) return;
            if (streaming) StreamingCopy(source.AsSpan(start, len), destination.AsSpan(start, len));
            else source.AsSpan(start, len).CopyTo(destination.AsSpan(start, len));
        });
    }

    // The measuring stick, not a library kernel: 32-byte aligned streaming stores after a scalar head.
    private static unsafe void StreamingCopy(ReadOnlySpan<float> source, Span<float> destination)
    {
        fixed (float* ps = source, pd = destination)
        {
            int n = source.Length, i = 0;
            if (!Vector256.IsHardwareAccelerated) { source.CopyTo(destination); return; }
            for (; i < n && ((nuint)(pd + i) & 31) != 0; i++) pd[i] = ps[i];
            for (; i <= n - 32; i += 32)
            {
                var a = Vector256.Load(ps + i);
                var b = Vector256.Load(ps + i + 8);
                var c = Vector256.Load(ps + i + 16);
                var d = Vector256.Load(ps + i + 24);
                a.StoreAlignedNonTemporal(pd + i); b.StoreAlignedNonTemporal(pd + i + 8);
                c.StoreAlignedNonTemporal(pd + i + 16); d.StoreAlignedNonTemporal(pd + i + 24);
            }
            for (; i < n; i++) pd[i] = ps[i];
        }
    }

    /// <param name="action">The timed work.</param>
    /// <param name="repeat">Timed runs; the median is returned.</param>
    /// <param name="warmupCalls">Untimed calls first (at least).</param>
    /// <param name="warmupSeconds">…and for at least this long.</param>
    internal static double Median(Action action, int repeat, int warmupCalls = 3, double warmupSeconds = 1.0)
    {
        // Warm up for at least a second and three calls by default: tiered JIT promotes hot loops to optimized code
        // only after call counting and a background compile, and page faults settle after the first touches.
        long warmStart = Stopwatch.GetTimestamp();
        for (int w = 0; w < warmupCalls || Stopwatch.GetElapsedTime(warmStart).TotalSeconds < warmupSeconds; w++) action();
        var times = new double[repeat];
        for (int i = 0; i < repeat; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        Array.Sort(times);
        return times[repeat / 2];
    }
}
