using Kernels.Tensors;
using Kernels.Tensors.Npy;

namespace Kernels.Cli;

/// <summary>The <c>kernels</c> tool: <c>info</c>, <c>bench</c>, and operations on .npy files.</summary>
internal static class Program
{
    private const string Usage = """
        usage: kernels <command> [options]

        commands:
          info [--json]                  version, runtime, ISA features, kernel set, threads, backends
          bench [--size N] [--repeat R]  quick timing table of the element-wise kernels (median of R runs)
          bench gemm [--sizes 256,512,1024,2048] [--dtype f32|f64] [--shapes 16x4096x4096] [--kernel SET]
                                         GEMM GFLOP/s (SET: Avx512, Avx2Fma, AdvSimd, Vector128, Scalar)
          gemm A.npy B.npy -o OUTDIR [--transa] [--transb] [--alpha A] [--beta B --c C.npy]
                                         C = alpha*op(A)*op(B) + beta*C, writes OUTDIR/c.npy
          bench factor [--dtype f64|f32] [--shapes 1024x1024,4000x400] [--size 2048] [--only qr,qrq,chol,lu]
                                         QR / QR+Q / Cholesky / LU timings (compare: bench/lapack_reference.py)
          bench spectral [--dtype f64|f32] [--size 1024] [--only svd,eigh,eig]
                                         SVD / symmetric eigen / general eigen timings (compare: lapack_reference.py --spectral)
          bench solvers [--only cg,rsvd,lstsq,kron] [--repeat R]
                                         CG/PCG on Poisson 512², randomized SVD, sketched least squares, Kronecker apply
                                         (compare: bench/cg_reference.py, bench/sketch_reference.py)
          bench fft [--repeat R]         complex FFT (2^k, smooth, prime lengths), batched rfft, causal conv (compare: bench/fft_reference.py)
          bench transport [--only sort,swd,w1d,sinkhorn] [--dtype f64|f32] [--large]
                                         radix sort, sliced Wasserstein (+gradient), 1-D OT, Sinkhorn (compare: bench/swd_reference.py)
          qr A.npy -o OUT [--mode reduced|complete|r|raw] [--pivoting]
                                         writes q.npy r.npy (raw: qr.npy tau.npy; --pivoting adds p.npy)
          householder-product V.npy TAU.npy -o OUT [--columns N]    writes q.npy
          cholesky A.npy -o OUT          writes l.npy
          lu A.npy -o OUT                writes p.npy l.npy u.npy (A = P·L·U)
          solve A.npy B.npy -o OUT       writes x.npy
          lstsq A.npy B.npy -o OUT [--rcond R]                      writes x.npy, prints the rank
          lstsq A.npy B.npy -o OUT --sketch|--sketch-solve [--sketch-kind K] [--sketch-rows D]   randomized least squares (tall A)
          svd A.npy -o OUT [--thin|--full|--values] [--method auto|dc|qr|jacobi]   writes u.npy s.npy vt.npy
          eigh A.npy -o OUT [--values]   writes w.npy v.npy (ascending; lower triangle read)
          eig A.npy -o OUT [--values] [--left] [--no-balance]   writes complex128 w.npy v.npy (vl.npy), prints κ₂(V)
          kron A.npy B.npy [C.npy ...] X.npy -o OUT [--transpose]   writes y.npy = (A ⊗ B ⊗ …)·X, never forming the product
          cg --poisson N [--dims 2|3] [--operator stencil|csr] [--precond none|jacobi|ic0|ssor] [--rtol R]
                                         CG on the Poisson problem: iterations, residual, ms/iteration
          cg A.npy B.npy -o OUT [--method cg|minres|cgls|lsqr] [--precond none|jacobi|ic0|ssor] [--rtol R]   writes x.npy
          sketch A.npy -o OUT --rows M [--kind gaussian|rademacher|sparse|countsketch|srht] [--seed S]   writes sa.npy
          rsvd A.npy -o OUT --rank K [--oversampling P] [--power-iterations Q] [--seed S]   writes u.npy s.npy vt.npy
          fft X.npy -o OUT [--real] [--inverse] [--axis A] [--norm backward|ortho|forward] [--n N]
                                         NumPy's fft/ifft/rfft/irfft along an axis, writes y.npy (complex128; irfft float64)
          scan A.npy B.npy -o OUT [--reverse] [--h0 H0.npy] [--chunks K] [--grid HxW [--column-major]]
                                         diagonal recurrence, writes h.npy final.npy
          bench scan [--batch 16]        float diagonal scan (2, 4096, 4096) in GB/s next to a memory copy
          selective-scan u.npy delta.npy A.npy B.npy C.npy -o OUT [--D D.npy] [--z z.npy] [--delta-bias BIAS.npy]
                   [--softplus] [--h0 H0.npy] [--reverse] [--grid HxW [--column-major]] [--dy DY.npy [--dstate DS.npy]]
                                         S6/Mamba scan: writes y.npy state.npy (with --dy the gradients du.npy ddelta.npy dA.npy ...)
          bench selective-scan [--quick] float selective scan (8, 2048, 512, 16) forward and backward
          bench devices [--backend ID,..|all] [--dtype f32|f64] [--quick|--large]
                                         the device contract's operations on each device (cpu, cuda:N,
                                         opencl:N, ilgpu-cpu); also: bench --backend ID
          hippo --kind legs|legt|lagt|fout --n N -o OUT [--ptd EPS] [--dplr]   writes a.npy b.npy (HiPPO state matrices);
                                         --ptd: perturb-then-diagonalise, --dplr: LegS normal/diagonal plus low rank
          ssm-kernel --kind K --n N --delta D --length L -o OUT [--method zoh|bilinear|euler] [--c C.npy]
                                         writes k.npy (K[k] = C·Ā^k·B̄) abar.npy bbar.npy
          swd X.npy Y.npy [-o OUT] [--projections P.npy | --n-projections 50 --seed S] [--p 2] [--a a.npy --b b.npy] [--grad] [--max-sliced]
                                         sliced Wasserstein distance (prints it; writes distance.npy projected.npy grad.npy)
          w1d U.npy V.npy [-o OUT] [--a a.npy --b b.npy] [--p 1] [--coupling]   exact 1-D OT cost W_p^p (coupling.npy)
          sinkhorn X.npy Y.npy -o OUT --reg EPS [--a --b] [--max-iter N] [--tol T] [--eps-scaling]   (or --cost M.npy)
                                         log-domain Sinkhorn: writes plan.npy cost.npy f.npy g.npy
          verify gemm                    check every GEMM micro-kernel set this CPU can run (for qemu/Bochs runs)
          OP INPUT.npy... -o OUTDIR      run an operation on .npy files, write OUTDIR/OP.npy
          ops                            list the operations

        common options: --dtype float32|float64 (compute type; inputs are converted), --threads N, --help
        environment: KERNELS_SIMD=scalar|128|256|512 caps the vector width; KERNELS_THREADS sets the thread budget
        """;

    private static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        try
        {
            var rest = CliArguments.Parse(args.Skip(1));
            int threads = rest.GetInt("--threads", 0);
            if (threads < 0) throw new UsageException("--threads must be positive");
            if (threads > 0) Threading.MaxThreads = threads;
            switch (args[0])
            {
                case "info": return InfoCommand.Run(rest);
                case "bench" when rest.Positional.Count > 0 && rest.Positional[0] == "gemm": return GemmBenchCommand.Run(rest);
                case "bench" when rest.Positional.Count > 0 && rest.Positional[0] == "factor": return FactorBenchCommand.Run(rest);
                case "bench" when rest.Positional.Count > 0 && rest.Positional[0] == "spectral": return SpectralBenchCommand.Run(rest);
                case "bench" when rest.Positional.Count > 0 && rest.Positional[0] == "solvers": return SolverBenchCommand.Run(rest);
                case "bench" when rest.Positional.Count > 0 && rest.Positional[0] == "transport": return TransportBenchCommand.Run(rest);
                case "bench" when rest.Positional.Count > 0 && rest.Positional[0] == "fft": return FftBenchCommand.Run(rest);
                case "bench" when rest.Positional.Count > 0 && rest.Positional[0] == "scan": return ScanCommand.Bench(rest);
                case "bench" when rest.Positional.Count > 0 && rest.Positional[0] == "selective-scan": return SelectiveScanCommand.Bench(rest);
                case "bench" when rest.Positional.Count > 0 && rest.Positional[0] == "devices": return DeviceBenchCommand.Run(rest);
                case "bench" when rest.Get("--backend") is not null: return DeviceBenchCommand.Run(rest);
                case "bench": return BenchCommand.Run(rest);
                case "gemm": return GemmCommand.Run(rest);
                case var f when FactorCommand.Commands.ContainsKey(f): return FactorCommand.Run(f, rest);
                case var f when SpectralCommand.Commands.ContainsKey(f): return SpectralCommand.Run(f, rest);
                case "kron": return KroneckerCommand.Run(rest);
                case "fft": return FftCommand.Run(rest);
                case "scan": return ScanCommand.Run(rest);
                case "selective-scan": return SelectiveScanCommand.Run(rest);
                case var f when StateSpaceCommand.Commands.ContainsKey(f): return StateSpaceCommand.Run(f, rest);
                case "cg": return CgCommand.Run(rest);
                case var f when SketchCommand.Commands.ContainsKey(f): return SketchCommand.Run(f, rest);
                case var f when TransportCommand.Commands.ContainsKey(f): return TransportCommand.Run(f, rest);
                case "verify": return VerifyCommand.Run(rest);
                case "ops":
                    Console.WriteLine(string.Join(Environment.NewLine, Operations.Catalog.Select(o => $"{o.Name,-12} {o.Summary}")));
                    return 0;
                default:
                    var op = Operations.Find(args[0]) ?? throw new UsageException($"unknown command '{args[0]}' (try 'kernels ops' or 'kernels --help')");
                    return Operations.Run(op, rest);
            }
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"kernels: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is ArgumentException or ArithmeticException or InvalidOperationException or NotSupportedException or InvalidCastException
                                      or NpyFormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"kernels: error: {e.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }
}
