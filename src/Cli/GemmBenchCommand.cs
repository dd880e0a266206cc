using System.Diagnostics;
using System.Numerics;
using Kernels.Backends.Cpu;
using Kernels.Linalg.Blas;
using Kernels.Tensors;

namespace Kernels.Cli;

/// <summary>
/// <c>kernels bench gemm</c>: GFLOP/s of row-major <c>C ← A·B</c> for square sizes and the skinny shape, median of
/// repeated calls after warm-up.
/// </summary>
internal static class GemmBenchCommand
{
    public static int Run(CliArguments args)
    {
        var sizes = (args.Get("--sizes") ?? "256,512,1024,2048").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.TryParse(s, out int v) && v > 0 ? v : throw new UsageException($"bad size '{s}' in --sizes")).ToArray();
        string dtype = args.Get("--dtype") ?? "f32";
        int repeat = args.GetInt("--repeat", 5);
        string? shapes = args.Get("--shapes"); // extra m×n×k shapes, e.g. 16x4096x4096
        string? kernel = args.Get("--kernel");
        args.RejectUnknown();
        CpuKernelSet? set = kernel is null ? null
            : Enum.TryParse<CpuKernelSet>(kernel, ignoreCase: true, out var parsed) ? parsed
            : throw new UsageException($"unknown --kernel '{kernel}'; use one of {string.Join(", ", Enum.GetNames<CpuKernelSet>())}");
        var options = new GemmOptions { Threads = Threading.MaxThreads, KernelSet = set, Workspace = new GemmWorkspace() };
        var list = sizes.Select(s => (s, s, s)).ToList();
        if (shapes is not null)
            foreach (var shape in shapes.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var d = shape.Split('x');
                if (d.Length != 3 || !d.All(x => int.TryParse(x, out int v) && v > 0)) throw new UsageException($"bad shape '{shape}' (want MxNxK)");
                list.Add((int.Parse(d[0]), int.Parse(d[1]), int.Parse(d[2])));
            }
        Console.WriteLine($"kernels bench gemm: {dtype}, threads {Threading.MaxThreads}, kernel set {GemmKernelName(set)}, median of {repeat}");
        Console.WriteLine($"{"m×n×k",-20} {"ms",10} {"GFLOP/s",9}");
        foreach (var (m, n, k) in list)
        {
            double seconds = dtype switch
            {
                "f32" or "float32" => Time<float>(m, n, k, repeat, options),
                "f64" or "float64" => Time<double>(m, n, k, repeat, options),
                _ => throw new UsageException("--dtype must be f32 or f64"),
            };
            Console.WriteLine($"{$"{m}×{n}×{k}",-20} {seconds * 1e3,10:F3} {2.0 * m * n * k / seconds / 1e9,9:F2}");
        }
        return 0;
    }

    private static string GemmKernelName(CpuKernelSet? set) => (set ?? CpuKernelSelection.Current).ToString();

    private static double Time<T>(int m, int n, int k, int repeat, GemmOptions options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = NDArray.RandomUniform<T>(1, -T.One, T.One, m, k).ToArray();
        var b = NDArray.RandomUniform<T>(2, -T.One, T.One, k, n).ToArray();
        var c = new T[(long)m * n];
        // Enough calls per sample that each sample lasts ≥ ~50 ms.
        double flops = 2.0 * m * n * k;
        int inner = (int)Math.Clamp(5e9 / Math.Max(flops, 1), 1, 1000);
        return BenchCommand.Median(() =>
        {
            for (int i = 0; i < inner; i++) Blas.Gemm<T>(m, n, k, a, b, c, options);
        }, repeat) / inner;
    }
}
