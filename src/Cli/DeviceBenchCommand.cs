using System.Numerics;
using Kernels.Devices;
using Kernels.Devices.Algorithms;

namespace Kernels.Cli;

/// <summary>
/// <c>kernels bench devices [--backend ID[,ID…]|all] [--dtype f32|f64] [--repeat N] [--quick|--large]</c> (also
/// <c>kernels bench --backend ID</c>): the same operations on each device — αx + βy and Σx (GB/s), GEMM n³
/// (GFLOP/s, also on sub-matrices with leading dimensions), transpose and strided copies, diagonal scan (GB/s), row sort (Mkeys/s), sliced Wasserstein and a CG iteration on the
/// Poisson stencil, and eight small GEMMs queued on one stream and spread over four — timed to completion (each run ends with a device synchronisation), data already on the device.
/// ILGPU's CPU accelerator simulates GPU threads: it runs the quick sizes and its figures say nothing about a GPU.
/// </summary>
internal static class DeviceBenchCommand
{
    private sealed record Sizes(int Vector, int Gemm, int Transpose, (int B, int L, int D) Scan, (int Rows, int Cols) Sort, (int N, int D, int P) Swd, int CgSide, int SmallGemm);

    private static readonly Sizes Full = new(1 << 22, 512, 2048, (8, 1024, 512), (64, 8192), (8192, 16, 64), 256, 128);
    private static readonly Sizes Quick = new(1 << 16, 64, 256, (2, 128, 64), (8, 1024), (512, 4, 8), 32, 32);
    // GPU-sized (--large): the GEMM of the issue's target (8192³) and arrays of 256 MiB–1 GiB, big enough to leave
    // a 50 MB L2 far behind so the bandwidth rows measure device memory.
    // Small GEMMs (256³: four 128-tiles each) leave most of an H100 idle — the case streams exist for.
    private static readonly Sizes Large = new(1 << 26, 8192, 8192, (8, 4096, 8192), (256, 8192), (1 << 18, 16, 128), 1024, 256);

    public static int Run(CliArguments args)
    {
        string backends = args.Get("--backend") ?? "all";
        string dtype = args.Get("--dtype") ?? "f32";
        int repeat = args.GetInt("--repeat", 5);
        bool quick = args.Has("--quick");
        bool large = args.Has("--large");
        args.RejectUnknown();
        var catalog = DeviceSupport.Catalog;
        var ids = backends == "all" ? [.. catalog.Devices.Select(d => d.Id)] : backends.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Console.WriteLine($"kernels bench devices: {dtype}, median of {repeat}; data resident on the device; times include a synchronisation");
        Console.WriteLine($"{"device",-12} {"operation",-34} {"ms",10} {"rate",18}");
        foreach (string id in ids)
        {
            using var device = catalog.Open(id);
            var sizes = quick || device.Info.Kind == DeviceKind.IlgpuCpu ? Quick : large ? Large : Full;
            if (dtype == "f64") Bench<double>(device, sizes, repeat);
            else if (dtype == "f32") Bench<float>(device, sizes, repeat);
            else throw new UsageException($"--dtype must be f32 or f64, got '{dtype}'");
            if (device.Info.Kind == DeviceKind.IlgpuCpu) Console.WriteLine($"{"",-12} (ILGPU CPU accelerator: simulated GPU threads, quick sizes; a correctness vehicle, not a speed figure)");
        }
        return 0;
    }

    private static void Bench<T>(ComputeDevice device, Sizes s, int repeat) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(1);
        T[] Data(long n) => [.. Enumerable.Range(0, checked((int)n)).Select(_ => T.CreateTruncating(random.NextDouble() * 2 - 1))];
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        string id = device.Info.Id;
        void Row(string name, Action action, double work, string unit)
        {
            // One warm-up call compiles the kernels (a simulated GPU's calls are too slow for a timed warm-up).
            double t = BenchCommand.Median(() => { action(); device.Synchronize(); }, repeat, warmupCalls: 1, warmupSeconds: 0);
            Console.WriteLine($"{id,-12} {name,-34} {t * 1e3,10:F3} {work / t / 1e9,11:G4} {unit}");
        }

        using (var x = device.Upload<T>(Data(s.Vector)))
        using (var y = device.Upload<T>(Data(s.Vector)))
        {
            // The copy is the bandwidth yardstick the scan and axpby rows are judged against (bytes read + written).
            Row($"copy n={s.Vector}", () => device.Copy(x, y), 2.0 * s.Vector * size, "GB/s");
            Row($"axpby n={s.Vector}", () => device.Axpby(T.One, x, T.One, y), 3.0 * s.Vector * size, "GB/s");
            Row($"sum n={s.Vector}", () => device.Reduce(ReduceOperation.Sum, x), 1.0 * s.Vector * size, "GB/s");
        }
        int n = s.Gemm;
        using (var a = device.Upload<T>(Data((long)n * n)))
        using (var b = device.Upload<T>(Data((long)n * n)))
        using (var c = device.Allocate<T>((long)n * n))
        {
            Row($"gemm {n}x{n}x{n}", () => device.Gemm(false, false, n, n, n, T.One, a, b, T.Zero, c), 2.0 * n * n * n, "GFLOP/s");
#if KERNELS_ILGPU
            if (typeof(T) == typeof(float) && device is Kernels.Backends.Ilgpu.IlgpuDevice gpu && gpu.Info.Kind != DeviceKind.IlgpuCpu)
            {
                // The other float kernels (same bits; the default is the fastest measured on an H200).
                var kept = gpu.FloatGemm;
                foreach (var variant in Enum.GetValues<Kernels.Backends.Ilgpu.FloatGemmKernel>().Where(v => v != kept))
                {
                    gpu.FloatGemm = variant;
                    Row($"gemm {n}x{n}x{n} {variant}", () => device.Gemm(false, false, n, n, n, T.One, a, b, T.Zero, c), 2.0 * n * n * n, "GFLOP/s");
                }
                gpu.FloatGemm = kept;
            }
#endif
        }
        // The same product on n×n blocks of (n + 32)-wide matrices (leading dimensions, as for sub-matrices): it
        // should match the dense row above — the kernels take the leading dimension as an argument either way.
        int ld = n + 32;
        using (var a = device.Upload<T>(Data((long)n * ld)))
        using (var b = device.Upload<T>(Data((long)n * ld)))
        using (var c = device.Allocate<T>((long)n * ld))
        {
            var layout = new MatrixLayout(0, ld, 0);
            Row($"gemm {n}x{n}x{n} in ld {ld}", () => device.StridedBatchedGemm(1, false, false, n, n, n, T.One, a, layout, b, layout, T.Zero, c, layout), 2.0 * n * n * n, "GFLOP/s");
        }
        SmallGemmsOnStreams(device, s.SmallGemm, Data, Row);
        int t = s.Transpose;
        using (var a = device.Upload<T>(Data((long)t * t)))
        using (var b = device.Allocate<T>((long)t * t))
        {
            Row($"transpose {t}x{t}", () => device.Transpose(t, t, a, b), 2.0 * t * t * size, "GB/s");
            // Attention's head split: (tokens, 16 heads, 64) → (16, tokens, 64), a strided copy with 64-element runs.
            int tokens = t * t / (16 * 64);
            Row($"permute ({tokens},16,64)->(16,{tokens},64)", () => device.CopyStrided([16, tokens, 64], a, 0, [64, 16 * 64, 1], b, 0, [(long)tokens * 64, 64, 1]), 2.0 * t * t * size, "GB/s");
            // A full transpose as a strided copy: the general kernel against the tiled one above.
            Row($"transpose {t}x{t} as strided copy", () => device.CopyStrided([t, t], a, 0, [1, t], b, 0, [t, 1]), 2.0 * t * t * size, "GB/s");
        }
        var (sb, sl, sd) = s.Scan;
        long scanSize = (long)sb * sl * sd;
        using (var a = device.Upload<T>([.. Data(scanSize).Select(v => T.Abs(v) * T.CreateTruncating(0.1) + T.CreateTruncating(0.9))]))
        using (var b = device.Upload<T>(Data(scanSize)))
        using (var h = device.Allocate<T>(scanSize))
        using (var final = device.Allocate<T>((long)sb * sd))
        {
            Row($"scan ({sb},{sl},{sd})", () => device.DiagonalScan(sb, sl, sd, a, b, null, h, final), 3.0 * scanSize * size, "GB/s");
#if KERNELS_ILGPU
            if (device is Kernels.Backends.Ilgpu.IlgpuDevice gpu && gpu.Info.Kind != DeviceKind.IlgpuCpu)
            {
                // Both strategies, whatever the heuristic picked: one thread per sequence (3 array passes) and
                // chunked in time (5 passes, more parallelism).
                foreach (int chunks in new[] { 1, 4 })
                {
                    gpu.ScanChunks = chunks;
                    Row($"scan ({sb},{sl},{sd}) chunks={chunks}", () => device.DiagonalScan(sb, sl, sd, a, b, null, h, final), 3.0 * scanSize * size, "GB/s");
                }
                gpu.ScanChunks = null;
            }
#endif
        }
        // Selective scan at the scan's (batch, length) with a 16-state: channels = D/16 so the state updates match the scan's size.
        var shape = new SelectiveScanShape(sb, sl, Math.Max(1, sd / 16), 16);
        long sequence = (long)shape.Batch * shape.Length * shape.Channels, projection = (long)shape.Batch * shape.Length * shape.State;
        using (var u = device.Upload<T>(Data(sequence)))
        using (var delta = device.Upload<T>(Data(sequence)))
        using (var decay = device.Upload<T>([.. Data((long)shape.Channels * shape.State).Select(v => -T.Abs(v) - T.One)]))
        using (var bm = device.Upload<T>(Data(projection)))
        using (var cm = device.Upload<T>(Data(projection)))
        using (var y = device.Allocate<T>(sequence))
        using (var final = device.Allocate<T>((long)shape.Batch * shape.Channels * shape.State))
        using (var dy = device.Upload<T>(Data(sequence)))
        using (var gu = device.Allocate<T>(sequence))
        using (var gdelta = device.Allocate<T>(sequence))
        using (var ga = device.Allocate<T>((long)shape.Channels * shape.State))
        using (var gb = device.Allocate<T>(projection))
        using (var gc = device.Allocate<T>(projection))
        {
            Row($"selective scan ({shape.Batch},{shape.Length},{shape.Channels},16)",
                () => device.SelectiveScan(shape, u, delta, decay, bm, cm, null, null, null, true, y, final),
                1.0 * sequence * shape.State, "G state updates/s");
            // The backward pass recomputes the states and walks the adjoint back: about three forward passes of work.
            var gradients = new SelectiveScanDeviceGradients<T>(gu, gdelta, ga, gb, gc);
            Row("selective scan backward",
                () => device.SelectiveScanBackward(shape, u, delta, decay, bm, cm, null, null, null, true, dy, null, gradients),
                1.0 * sequence * shape.State, "G state updates/s");
        }
        var (rows, cols) = s.Sort;
        var keys = Data((long)rows * cols);
        using (var k = device.Allocate<T>((long)rows * cols))
        using (var order = device.Allocate<int>((long)rows * cols))
        {
            Row($"sort rows {rows}x{cols}", () => { k.CopyFrom(keys); device.SortRows(rows, cols, k, order); }, 1.0 * rows * cols, "Gkeys/s (incl. upload)");
#if KERNELS_ILGPU
            if (device is Kernels.Backends.Ilgpu.IlgpuDevice gpu)
            {
                // The other row sort (bitonic is the default until a GPU run shows radix faster): same permutation.
                var other = gpu.RowSort == Kernels.Backends.Ilgpu.RowSortAlgorithm.Radix ? Kernels.Backends.Ilgpu.RowSortAlgorithm.Bitonic : Kernels.Backends.Ilgpu.RowSortAlgorithm.Radix;
                var kept = gpu.RowSort;
                gpu.RowSort = other;
                Row($"sort rows {rows}x{cols} {other.ToString().ToLowerInvariant()}", () => { k.CopyFrom(keys); device.SortRows(rows, cols, k, order); }, 1.0 * rows * cols, "Gkeys/s (incl. upload)");
                gpu.RowSort = kept;
            }
#endif
        }
        var (sn, sdim, sp) = s.Swd;
        using (var xs = device.Upload<T>(Data((long)sn * sdim)))
        using (var ys = device.Upload<T>(Data((long)sn * sdim)))
        using (var theta = device.Upload<T>(Data((long)sdim * sp)))
            Row($"sliced W2 n={sn} d={sdim} P={sp}", () => DeviceSlicedWasserstein.Compute(device, xs, ys, theta, sn, sdim, sp, T.CreateTruncating(2)), 1.0 * sn * sp, "G(points·dirs)/s");
        int side = s.CgSide, unknowns = side * side;
        using (var rhs = device.Upload<T>([.. Enumerable.Repeat(T.One, unknowns)]))
        using (var sol = device.Allocate<T>(unknowns))
        {
            const int iterations = 20;
            Row($"cg Poisson {side}^2, {iterations} its", () =>
            {
                device.Fill(sol, T.Zero);
                DeviceConjugateGradient.Solve(device, new DevicePoissonOperator<T>(side), rhs, sol, tolerance: 1e-30, maxIterations: iterations);
            }, 1.0 * iterations * unknowns, "G(unknown·its)/s");
        }
    }

    // Eight independent GEMMs, all on one stream and then round-robin over four: the second row can only be faster
    // where the device runs streams concurrently and one small GEMM does not fill it.
    private static void SmallGemmsOnStreams<T>(ComputeDevice device, int n, Func<long, T[]> data, Action<string, Action, double, string> row)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int count = 8;
        var buffers = new List<DeviceBuffer<T>>();
        var streams = Enumerable.Range(0, 4).Select(_ => device.CreateStream()).ToArray();
        try
        {
            DeviceBuffer<T> Keep(DeviceBuffer<T> buffer) { buffers.Add(buffer); return buffer; }
            var a = Enumerable.Range(0, count).Select(_ => Keep(device.Upload<T>(data((long)n * n)))).ToArray();
            var b = Enumerable.Range(0, count).Select(_ => Keep(device.Upload<T>(data((long)n * n)))).ToArray();
            var c = Enumerable.Range(0, count).Select(_ => Keep(device.Allocate<T>((long)n * n))).ToArray();
            foreach (int used in new[] { 1, 4 })
                row($"{count} gemm {n}^3 on {used} stream{(used > 1 ? "s" : "")}", () =>
                {
                    for (int i = 0; i < count; i++)
                        using (device.Use(streams[i % used]))
                            device.Gemm(false, false, n, n, n, T.One, a[i], b[i], T.Zero, c[i]);
                }, count * 2.0 * n * n * n, "GFLOP/s");
        }
        finally
        {
            foreach (var buffer in buffers) buffer.Dispose();
            foreach (var stream in streams) stream.Dispose();
        }
    }
}
