using System.Diagnostics;
using Kernels.Linalg.Solvers;
using Kernels.Tensors;
using Kernels.Tensors.Npy;

namespace Kernels.Cli;

/// <summary>
/// <c>kernels cg</c>: conjugate gradients on the 2-D/3-D Poisson problem (matrix-free stencil or CSR) with timing, or
/// on A.npy / b.npy writing x.npy. Prints the iteration count and the final relative residual.
/// </summary>
internal static class CgCommand
{
    public const string Usage = "cg --poisson N [--dims 2|3] [--operator stencil|csr] [--precond none|jacobi|ic0|ssor] [--omega W] [--rtol R] [--maxiter K]\n" +
        "       kernels cg A.npy B.npy -o OUTDIR [--method cg|minres|cgls|lsqr] [--precond none|jacobi|ic0|ssor] [--omega W] [--rtol R] [--maxiter K]   writes x.npy";

    public static int Run(CliArguments args)
    {
        if (args.Has("--help") || args.Has("-h"))
        {
            Console.WriteLine($"usage: kernels {Usage}");
            return 0;
        }
        int poisson = args.GetInt("--poisson", 0);
        int dims = args.GetInt("--dims", 2);
        string op = args.Get("--operator") ?? "stencil";
        string precond = args.Get("--precond") ?? "none";
        double rtol = args.GetDouble("--rtol") ?? 1e-5;
        int maxiter = args.GetInt("--maxiter", 0);
        string? outDir = args.Get("-o", "--out");
        string method = args.Get("--method") ?? "cg";
        double omega = args.GetDouble("--omega") ?? 1.5;
        args.RejectUnknown();
        if (precond is not ("none" or "jacobi" or "ic0" or "ssor")) throw new UsageException($"--precond must be none, jacobi, ic0 or ssor; got '{precond}'");
        if (op is not ("stencil" or "csr")) throw new UsageException($"--operator must be stencil or csr; got '{op}'");
        if (method is not ("cg" or "minres" or "cgls" or "lsqr")) throw new UsageException($"--method must be cg, minres, cgls or lsqr; got '{method}'");
        if (poisson > 0)
        {
            if (args.Positional.Count != 0) throw new UsageException($"usage: kernels {Usage}");
            if (op == "csr" && dims != 2) throw new UsageException("--operator csr builds the 2-D Poisson matrix only");
            ILinearOperator<double> a = op == "csr" ? CsrMatrix.Poisson2D<double>(poisson) : new PoissonStencil<double>(poisson, dims);
            var b = new double[a.Rows];
            Array.Fill(b, 1.0);
            // IC(0) and SSOR need the matrix; the stencil operator still does the products.
            var options = Options(a, () => CsrMatrix.Poisson<double>(poisson, dims), precond, omega, rtol, maxiter);
            var sw = Stopwatch.StartNew();
            var result = ConjugateGradient.Solve<double>(a, b, options: options);
            double seconds = sw.Elapsed.TotalSeconds;
            var y = new double[a.Rows];
            double matvec = BenchCommand.Median(() => a.Apply(b, y), 5);
            Console.WriteLine($"cg poisson {poisson}^{dims} ({a.Rows} unknowns, {op}, precond {precond}): {result.Iterations} iterations, " +
                $"relative residual {result.RelativeResidual:E3}, converged {result.Converged}");
            Console.WriteLine($"time {seconds * 1e3:F1} ms, {seconds * 1e3 / Math.Max(result.Iterations, 1):F3} ms/iteration, operator apply {matvec * 1e3:F3} ms");
            return result.Converged ? 0 : 1;
        }
        if (args.Positional.Count != 2 || outDir is null) throw new UsageException($"usage: kernels {Usage}");
        var matrix = NpyFile.Read(args.Positional[0]).ToNDArray<double>(allowConversion: true);
        var rhs = NpyFile.Read(args.Positional[1]).ToNDArray<double>(allowConversion: true);
        if (rhs.Rank != 1) throw new UsageException($"cg: B must be 1-D; got {rhs.ShapeString}");
        var dense = new DenseOperator<double>(matrix);
        var denseOptions = Options(dense, () => CsrMatrix.FromDense(matrix), precond, omega, rtol, maxiter);
        if (method != "cg" && precond != "none") throw new UsageException("--precond applies to --method cg only");
        var res = method switch
        {
            "minres" => KrylovSolvers.Minres<double>(dense, rhs.ToArray(), denseOptions),
            "cgls" => KrylovSolvers.Cgls<double>(dense, rhs.ToArray(), denseOptions),
            "lsqr" => KrylovSolvers.Lsqr<double>(dense, rhs.ToArray(), options: denseOptions),
            _ => ConjugateGradient.Solve<double>(dense, rhs.ToArray(), options: denseOptions),
        };
        Directory.CreateDirectory(outDir);
        string path = Path.Combine(outDir, "x.npy");
        NpyFile.Write(path, NDArray.FromArray(res.Solution, res.Solution.Length));
        Console.WriteLine($"wrote {path} ({res.Solution.Length},)");
        Console.WriteLine($"{res.Iterations} iterations, relative residual {res.RelativeResidual:E3}, converged {res.Converged}");
        return res.Converged ? 0 : 1;
    }

    private static IterativeSolverOptions<double> Options(ILinearOperator<double> a, Func<CsrMatrix<double>> matrix, string precond, double omega, double rtol,
        int maxiter) => new()
    {
        RelativeTolerance = rtol,
        MaxIterations = maxiter > 0 ? maxiter : null,
        Preconditioner = precond switch
        {
            "jacobi" => new JacobiPreconditioner<double>((IDiagonalSource<double>)a, a.Rows),
            "ic0" => new IncompleteCholeskyPreconditioner<double>(matrix()),
            "ssor" => new SsorPreconditioner<double>(matrix(), omega),
            _ => null,
        },
    };
}
