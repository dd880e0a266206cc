using System.Numerics;
using Kernels.Backends.Cpu;
using Kernels.Linalg.Blas;
using Kernels.Tensors.Simd;

namespace Kernels.Cli;

/// <summary>
/// <c>kernels verify gemm</c>: a self-contained GEMM check of every micro-kernel set this process can run, against a
/// compensated (Dot2) double reference with the componentwise rounding-bound ratio the test suite uses. It exists
/// to execute ISA paths where the xunit suite cannot run — Arm64 NEON under qemu-user, AVX-512 under Bochs — and
/// exits 1 on any failure.
/// </summary>
internal static class VerifyCommand
{
    public static int Run(CliArguments args)
    {
        if (args.Positional.Count != 1 || args.Positional[0] != "gemm") throw new UsageException("usage: kernels verify gemm [--seed S]");
        int seed = args.GetInt("--seed", 1);
        args.RejectUnknown();
        Console.WriteLine($"kernels verify gemm: features {CpuFeatures.Describe()}");
        int failures = 0, checks = 0;
        foreach (var set in Enum.GetValues<CpuKernelSet>())
        {
            if (!CpuKernelSelection.CanExecute(set)) { Console.WriteLine($"{set,-10} not executable here, skipped"); continue; }
            var rng = new Random(seed);
            double worst = 0;
            int[] dims = [1, 2, 3, 5, 7, 8, 9, 13, 16, 17, 31, 33, 47];
            for (int trial = 0; trial < 40; trial++)
            {
                int m = dims[rng.Next(dims.Length)], n = dims[rng.Next(dims.Length)], k = dims[rng.Next(dims.Length)];
                if (trial == 0) (m, n, k) = (37, 41, 300); // crosses KC blocks on every kernel set
                var ta = rng.Next(2) == 0 ? Transpose.None : Transpose.Transpose;
                var tb = rng.Next(2) == 0 ? Transpose.None : Transpose.Transpose;
                var options = new GemmOptions { KernelSet = set, Threads = 1 + rng.Next(2) };
                double rf = Check<float>(rng, m, n, k, ta, tb, options);
                double rd = Check<double>(rng, m, n, k, ta, tb, options);
                checks += 2;
                worst = Math.Max(worst, Math.Max(rf, rd));
                if (!(rf < 1) || !(rd < 1))
                {
                    failures++;
                    Console.WriteLine($"  FAIL {set} {m}×{n}×{k} {ta}/{tb}: ratio f32 {rf:G3}, f64 {rd:G3}");
                }
            }
            Console.WriteLine($"{set,-10} 80 products, worst error / bound = {worst:G3}");
        }
        Console.WriteLine(failures == 0 ? $"verify gemm: {checks} checks passed" : $"verify gemm: {failures} FAILED");
        return failures == 0 ? 0 : 1;
    }

    private static double Check<T>(Random rng, int m, int n, int k, Transpose ta, Transpose tb, GemmOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lda = ta == Transpose.None ? k : m, ldb = tb == Transpose.None ? n : k;
        var a = Enumerable.Range(0, m * k).Select(_ => T.CreateChecked(rng.NextDouble() * 2 - 1)).ToArray();
        var b = Enumerable.Range(0, k * n).Select(_ => T.CreateChecked(rng.NextDouble() * 2 - 1)).ToArray();
        var c = Enumerable.Range(0, m * n).Select(_ => T.CreateChecked(rng.NextDouble() * 2 - 1)).ToArray();
        var c0 = (T[])c.Clone();
        T alpha = T.CreateChecked(1.5), beta = T.CreateChecked(-0.5);
        Blas.Gemm(MatrixOrder.RowMajor, ta, tb, m, n, k, alpha, a, Math.Max(1, lda), b, Math.Max(1, ldb), beta, c, Math.Max(1, n), options);
        double u = typeof(T) == typeof(float) ? Math.Pow(2, -24) : Math.Pow(2, -53), worst = 0;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0, comp = 0, abs = 0;
                for (int p = 0; p < k; p++)
                {
                    double x = double.CreateChecked(ta == Transpose.None ? a[i * lda + p] : a[p * lda + i]);
                    double y = double.CreateChecked(tb == Transpose.None ? b[p * ldb + j] : b[j * ldb + p]);
                    double prod = x * y, err = Math.FusedMultiplyAdd(x, y, -prod), t = sum + prod, z = t - sum;
                    comp += (sum - (t - z)) + (prod - z) + err;
                    sum = t;
                    abs += Math.Abs(prod);
                }
                double expected = 1.5 * (sum + comp) - 0.5 * double.CreateChecked(c0[i * n + j]);
                double bound = (k + 4) * u * (1.5 * abs + 0.5 * Math.Abs(double.CreateChecked(c0[i * n + j])));
                worst = Math.Max(worst, Math.Abs(double.CreateChecked(c[i * n + j]) - expected) / bound);
            }
        return worst;
    }
}
