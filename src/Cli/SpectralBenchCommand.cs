using System.Numerics;
using Kernels.Linalg;
using Kernels.Linalg.Blas;
using Kernels.Tensors;

namespace Kernels.Cli;

/// <summary>
/// <c>kernels bench spectral</c>: milliseconds of SVD (values / thin / full), symmetric eigen (values / vectors) and
/// general eigen on random matrices, median of repeated calls. Compare with <c>bench/lapack_reference.py --spectral</c>
/// (SciPy's gesdd / syevd / syevr / geev on the same shapes).
/// </summary>
internal static class SpectralBenchCommand
{
    public static int Run(CliArguments args)
    {
        string dtype = args.Get("--dtype") ?? "f64";
        int repeat = args.GetInt("--repeat", 3);
        int size = args.GetInt("--size", 1024);
        string which = args.Get("--only") ?? "svd,eigh,eig";
        args.RejectUnknown();
        var set = which.Split(',').ToHashSet();
        var options = new GemmOptions { Threads = Threading.MaxThreads };
        Console.WriteLine($"kernels bench spectral: {dtype}, threads {Threading.MaxThreads}, median of {repeat}");
        Console.WriteLine($"{"routine",-32} {"ms",10}");
        if (dtype is "f64" or "float64") Table<double>(size, set, repeat, options);
        else if (dtype is "f32" or "float32") Table<float>(size, set, repeat, options);
        else throw new UsageException("--dtype must be f32 or f64");
        return 0;
    }

    private static void Table<T>(int n, HashSet<string> which, int repeat, GemmOptions options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = NDArray.RandomUniform<T>(1, -T.One, T.One, n, n);
        if (which.Contains("svd"))
        {
            Row($"svd {n}×{n} values", () => _ = new SingularValueDecomposition<T>(a, SvdMode.ValuesOnly, SvdMethod.Auto, options));
            Row($"svd {n}×{n} U,S,Vt", () => _ = new SingularValueDecomposition<T>(a, SvdMode.Full, SvdMethod.Auto, options));
            int half = Math.Max(n / 2, 1);
            var b = NDArray.RandomUniform<T>(2, -T.One, T.One, half, half);
            Row($"svd {half}×{half} U,S,Vt", () => _ = new SingularValueDecomposition<T>(b, SvdMode.Full, SvdMethod.Auto, options));
            var tall = NDArray.RandomUniform<T>(3, -T.One, T.One, 2000, 200);
            Row("svd 2000×200 thin", () => _ = new SingularValueDecomposition<T>(tall, SvdMode.Thin, SvdMethod.Auto, options));
        }
        if (which.Contains("eigh"))
        {
            var s = a; // only the lower triangle is read: the matrix is its symmetric completion
            Row($"eigh {n}×{n} values", () => _ = new SymmetricEigenDecomposition<T>(s, false, options));
            Row($"eigh {n}×{n} vectors", () => _ = new SymmetricEigenDecomposition<T>(s, true, options));
        }
        if (which.Contains("eig"))
        {
            int m = Math.Max(n / 4, 1);
            var g = NDArray.RandomUniform<T>(4, -T.One, T.One, m, m);
            Row($"eig {m}×{m} values+vectors", () => _ = new EigenDecomposition<T>(g, true, true, options));
        }

        void Row(string name, Action action)
        {
            double t = BenchCommand.Median(action, repeat);
            Console.WriteLine($"{name,-32} {t * 1e3,10:F2}");
        }
    }
}
