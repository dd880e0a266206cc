using System.Diagnostics;
using Kernels.Linalg;
using Kernels.Linalg.Kronecker;
using Kernels.Linalg.Sketching;
using Kernels.Linalg.Solvers;
using Kernels.Tensors;

namespace Kernels.Cli;

/// <summary>
/// <c>kernels bench solvers</c>: issue 6's kernels in float64 on one thread — CG per-iteration cost on the 512×512
/// Poisson problem (stencil, CSR, preconditioners), randomized SVD of 4000×2000 at rank 50, sketch-and-precondition
/// least squares at 20000×200 with κ = 1e10 against a dense QR solve, and a Kronecker operator against its explicit
/// product. Compare with <c>bench/cg_reference.py</c> and <c>bench/sketch_reference.py</c> (SciPy / scikit-learn).
/// </summary>
internal static class SolverBenchCommand
{
    public static int Run(CliArguments args)
    {
        int repeat = args.GetInt("--repeat", 3);
        string which = args.Get("--only") ?? "cg,rsvd,lstsq,kron";
        args.RejectUnknown();
        var set = which.Split(',').ToHashSet();
        Console.WriteLine($"kernels bench solvers: float64, 1 thread, median of {repeat}");
        if (set.Contains("cg")) Cg(repeat);
        if (set.Contains("rsvd")) Rsvd(repeat);
        if (set.Contains("lstsq")) Lstsq(repeat);
        if (set.Contains("kron")) Kron(repeat);
        return 0;
    }

    private static void Cg(int repeat)
    {
        const int n = 512;
        var stencil = new PoissonStencil<double>(n);
        var csr = CsrMatrix.Poisson2D<double>(n);
        var b = new double[n * n];
        Array.Fill(b, 1.0);
        var y = new double[n * n];
        Console.WriteLine($"{"cg poisson 512² (262,144 unknowns)",-46} {"ms",9}");
        Console.WriteLine($"{"  stencil apply",-46} {BenchCommand.Median(() => stencil.Apply(b, y), repeat * 5) * 1e3,9:F3}");
        Console.WriteLine($"{"  csr matvec",-46} {BenchCommand.Median(() => csr.Apply(b, y), repeat * 5) * 1e3,9:F3}");
        foreach (var (name, make) in new (string, Func<IPreconditioner<double>?>)[]
        {
            ("none", () => null), ("jacobi", () => new JacobiPreconditioner<double>(csr, csr.Rows)),
            ("ic0", () => new IncompleteCholeskyPreconditioner<double>(csr)), ("ssor ω=1.5", () => new SsorPreconditioner<double>(csr, 1.5)),
        })
        {
            var p = make();
            // 100 steps for the per-iteration cost; the full solve to rtol 1e−8 for the count.
            var options = new IterativeSolverOptions<double> { RelativeTolerance = 1e-8, MaxIterations = 100, Preconditioner = p };
            double t = BenchCommand.Median(() => ConjugateGradient.Solve<double>(stencil, b, options: options), repeat);
            var full = ConjugateGradient.Solve<double>(stencil, b, options: new IterativeSolverOptions<double> { RelativeTolerance = 1e-8, Preconditioner = p });
            Console.WriteLine($"{"  cg, precond " + name + " (ms/iteration)",-46} {t * 1e3 / 100,9:F3}   {full.Iterations} iterations to rtol 1e-8");
        }
    }

    /// <summary>scikit-learn's <c>make_low_rank_matrix</c> spectrum: (1 − t)·exp(−(i/r)²) + t·exp(−0.1·i/r).</summary>
    internal static double[] LowRankSpectrum(int count, int effectiveRank, double tail) =>
        Enumerable.Range(0, count).Select(i => (1 - tail) * Math.Exp(-Math.Pow((double)i / effectiveRank, 2)) + tail * Math.Exp(-0.1 * i / effectiveRank)).ToArray();

    /// <summary>U·diag(σ)·Vᵀ with Haar-like orthonormal factors (Q of Gaussian matrices).</summary>
    private static NDArray<double> WithSpectrum(int m, int n, double[] sigma, ulong seed)
    {
        var u = new QrDecomposition<double>(NDArray.RandomNormal(seed, 0.0, 1.0, m, sigma.Length)).Q();
        var v = new QrDecomposition<double>(NDArray.RandomNormal(seed + 1, 0.0, 1.0, n, sigma.Length)).Q();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < sigma.Length; j++) u[i, j] *= sigma[j];
        return LinearAlgebra.MatMul(u, v.Transpose()).Contiguous();
    }

    private static void Rsvd(int repeat)
    {
        const int m = 4000, n = 2000, k = 50;
        var sigma = LowRankSpectrum(n, 50, 0.5);
        var a = WithSpectrum(m, n, sigma, 11);
        double optimal = Math.Sqrt(sigma.Skip(k).Sum(s => s * s));
        Console.WriteLine($"{"randomized svd 4000×2000, rank 50",-46} {"ms",9}   ‖A − UΣVᵀ‖_F / optimal");
        foreach (var (label, power, normalizer) in new[] { ("(sklearn defaults: 7 power its, LU)", (int?)null, PowerIterationNormalizer.Auto), ("(2 power its)", 2, PowerIterationNormalizer.Auto), ("(1 power it)", 1, PowerIterationNormalizer.Auto) })
        {
            RandomizedSvdResult<double>? r = null;
            double t = BenchCommand.Median(() => r = RandomizedSvd.Compute(a, k, powerIterations: power, normalizer: normalizer), repeat);
            var us = r!.U.Copy();
            for (int i = 0; i < m; i++)
                for (int j = 0; j < k; j++) us[i, j] *= r.S[j];
            var diff = LinearAlgebra.MatMul(us, r.Vt);
            double err = 0;
            var ad = a.AsSpan();
            var dd = diff.AsSpan();
            for (int i = 0; i < ad.Length; i++) err += (ad[i] - dd[i]) * (ad[i] - dd[i]);
            Console.WriteLine($"{"  " + label,-46} {t * 1e3,9:F1}   {Math.Sqrt(err) / optimal:F6}");
        }
    }

    private static void Lstsq(int repeat)
    {
        const int m = 20000, n = 200;
        var sigma = Enumerable.Range(0, n).Select(j => Math.Pow(10, -10.0 * j / (n - 1))).ToArray();
        var a = WithSpectrum(m, n, sigma, 21);
        var b = NDArray.RandomUniform(23UL, -0.5, 0.5, m);
        Console.WriteLine($"{"least squares 20000×200, κ = 1e10",-46} {"ms",9}   ‖b − Ax‖ (double-double)   vs QR");
        NDArray<double>? xq = null;
        double tq = BenchCommand.Median(() => xq = new QrDecomposition<double>(a).Solve(b), repeat);
        double rq = Residual(a, b, xq!);
        Console.WriteLine($"{"  dense Householder QR solve",-46} {tq * 1e3,9:F1}   {rq:E12}");
        foreach (var kind in new[] { SketchKind.SparseSign, SketchKind.Srht, SketchKind.Gaussian })
        {
            IterativeSolverResult<double>? res = null;
            double t = BenchCommand.Median(() => res = SketchedLeastSquares.SketchAndPrecondition(a, b, kind), repeat);
            double r = Residual(a, b, NDArray.FromArray(res!.Solution, n));
            Console.WriteLine($"{"  sketch-and-precondition LSQR, " + kind + $" ({res.Iterations} its)",-46} {t * 1e3,9:F1}   {r:E12}   {(r - rq) / rq:+0.0E+0;-0.0E+0}");
        }
        NDArray<double>? xs = null;
        double ts = BenchCommand.Median(() => xs = SketchedLeastSquares.SketchAndSolve(a, b), repeat);
        double rs = Residual(a, b, xs!);
        Console.WriteLine($"{"  sketch-and-solve, sparse sign (d = 4n)",-46} {ts * 1e3,9:F1}   {rs:E12}   {(rs - rq) / rq:+0.0E+0;-0.0E+0}");
    }

    /// <summary>‖b − A·x‖₂ with each entry accumulated in double-double (TwoSum + FMA TwoProduct): x is ~1e9 here,
    /// so a plain double evaluation would cancel away the digits being compared.</summary>
    private static double Residual(NDArray<double> a, NDArray<double> b, NDArray<double> x)
    {
        int m = a.Shape[0], n = a.Shape[1];
        var ad = a.AsSpan();
        var xd = x.Contiguous().AsSpan();
        double sum = 0;
        for (int i = 0; i < m; i++)
        {
            double hi = b[i], lo = 0;
            for (int j = 0; j < n; j++)
            {
                double p = ad[i * n + j] * xd[j];
                double pe = Math.FusedMultiplyAdd(ad[i * n + j], xd[j], -p);
                double s = hi - p, z = s - hi;
                lo += ((hi - (s - z)) + (-p - z)) - pe;
                hi = s;
            }
            double r = hi + lo;
            sum += r * r;
        }
        return Math.Sqrt(sum);
    }

    private static void Kron(int repeat)
    {
        var f1 = NDArray.RandomNormal(31UL, 0.0, 1.0, 64, 64);
        var f2 = NDArray.RandomNormal(32UL, 0.0, 1.0, 64, 64);
        var op = new KroneckerOperator<double>(f1, f2);
        var x = NDArray.RandomNormal(33UL, 0.0, 1.0, 4096);
        var dense = new DenseOperator<double>(KroneckerProducts.Kron(f1, f2));
        var xs = x.ToArray();
        var y = new double[4096];
        Console.WriteLine($"{"kronecker (64×64) ⊗ (64×64) · x",-46} {"ms",9}");
        Console.WriteLine($"{"  operator (mode products, never formed)",-46} {BenchCommand.Median(() => op.Apply(x), repeat * 5) * 1e3,9:F3}");
        Console.WriteLine($"{"  explicit 4096×4096 matvec (128 MB)",-46} {BenchCommand.Median(() => dense.Apply(xs, y), repeat * 5) * 1e3,9:F3}");
    }
}
