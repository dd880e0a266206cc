using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Factorizations;
using Kernels.Tensors;

namespace Kernels.Cli;

/// <summary>
/// <c>kernels bench factor</c>: milliseconds and GFLOP/s (LAPACK's nominal flop counts) of the factorizations on
/// random row-major matrices, median of repeated calls on fresh copies. Compare with
/// <c>bench/lapack_reference.py</c>, which times SciPy/OpenBLAS on the same shapes.
/// </summary>
internal static class FactorBenchCommand
{
    public static int Run(CliArguments args)
    {
        string dtype = args.Get("--dtype") ?? "f64";
        int repeat = args.GetInt("--repeat", 5);
        string which = args.Get("--only") ?? "qr,qrq,chol,lu";
        string shapes = args.Get("--shapes") ?? "1024x1024,4000x400";
        int size = args.GetInt("--size", 2048);
        args.RejectUnknown();
        var options = new GemmOptions { Threads = Threading.MaxThreads };
        var list = shapes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s =>
        {
            var d = s.Split('x');
            return d.Length == 2 && int.TryParse(d[0], out int m) && int.TryParse(d[1], out int n) && m > 0 && n > 0
                ? (m, n) : throw new UsageException($"bad shape '{s}' (want MxN)");
        }).ToList();
        var set = which.Split(',').ToHashSet();
        Console.WriteLine($"kernels bench factor: {dtype}, threads {Threading.MaxThreads}, median of {repeat}");
        Console.WriteLine($"{"routine",-26} {"ms",10} {"GFLOP/s",9}");
        if (dtype is "f64" or "float64") Table<double>(list, size, set, repeat, options);
        else if (dtype is "f32" or "float32") Table<float>(list, size, set, repeat, options);
        else throw new UsageException("--dtype must be f32 or f64");
        return 0;
    }

    private static void Table<T>(List<(int M, int N)> shapes, int size, HashSet<string> which, int repeat, GemmOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var (m, n) in shapes)
        {
            var a = NDArray.RandomUniform<T>(1, -T.One, T.One, m, n).ToArray();
            var work = new T[a.Length];
            var tau = new T[Math.Min(m, n)];
            double qrFlops = m >= n ? 2.0 * m * n * n - 2.0 * n * n * n / 3 : 2.0 * n * m * m - 2.0 * m * m * m / 3;
            if (which.Contains("qr"))
                Row($"geqrf {m}×{n}", qrFlops, () =>
                {
                    a.CopyTo(work, 0);
                    Lapack.Geqrf<T>(MatrixOrder.RowMajor, m, n, work, n, tau, options);
                });
            if (which.Contains("qrq") && m >= n)
                Row($"geqrf+orgqr {m}×{n}", 2 * qrFlops, () =>
                {
                    a.CopyTo(work, 0);
                    Lapack.Geqrf<T>(MatrixOrder.RowMajor, m, n, work, n, tau, options);
                    Lapack.Orgqr<T>(MatrixOrder.RowMajor, m, n, n, work, n, tau, options);
                });
        }
        int s = size;
        if (which.Contains("chol") || which.Contains("lu"))
        {
            var g = NDArray.RandomUniform<T>(2, -T.One, T.One, s, s).ToArray();
            var spd = new T[s * s];
            Blas.Syrk<T>(MatrixOrder.RowMajor, Triangle.Lower, Transpose.None, s, s, T.One, g, s, T.Zero, spd, s, options);
            for (int i = 0; i < s; i++) spd[i * s + i] += T.CreateChecked(s);
            var work = new T[s * s];
            var pivots = new int[s];
            if (which.Contains("chol"))
                Row($"potrf {s}", s * (double)s * s / 3, () =>
                {
                    spd.CopyTo(work, 0);
                    Lapack.Potrf<T>(MatrixOrder.RowMajor, Triangle.Lower, s, work, s, options);
                });
            if (which.Contains("lu"))
                Row($"getrf {s}", 2.0 * s * s * s / 3, () =>
                {
                    g.CopyTo(work, 0);
                    Lapack.Getrf<T>(MatrixOrder.RowMajor, s, s, work, s, pivots, options);
                });
        }

        void Row(string name, double flops, Action action)
        {
            double t = BenchCommand.Median(action, repeat);
            Console.WriteLine($"{name,-26} {t * 1e3,10:F2} {flops / t / 1e9,9:F2}");
        }
    }
}
