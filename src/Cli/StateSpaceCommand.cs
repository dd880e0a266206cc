using Kernels.Ops.StateSpace;
using Kernels.Tensors;
using Kernels.Tensors.Npy;

namespace Kernels.Cli;

/// <summary><c>kernels hippo</c> (HiPPO matrices) and <c>kernels ssm-kernel</c> (discretised SSM convolution kernel).</summary>
internal static class StateSpaceCommand
{
    public static readonly Dictionary<string, string> Commands = new()
    {
        ["hippo"] = "hippo --kind legs|legt|lagt|fout --n N -o OUTDIR [--ptd EPS [--seed S]] [--dplr]   writes a.npy (N×N) b.npy (N)\n"
            + "      --ptd: perturb-then-diagonalise A + E (‖E‖ = EPS·‖A‖): lambda.npy v.npy btilde.npy (complex128), prints κ₂(V)\n"
            + "      --dplr (legs): A = V(Λ − P̃P̃ᴴ)Vᴴ: s.npy p.npy (normal plus low rank), lambda.npy ptilde.npy btilde.npy v.npy",
        ["ssm-kernel"] = "ssm-kernel --kind legs|legt|lagt|fout --n N --delta D --length L -o OUTDIR [--method zoh|bilinear|euler] [--c C.npy]\n"
            + "      writes k.npy: K[k] = C·Āᵏ·B̄ (C defaults to ones), abar.npy, bbar.npy",
    };

    public static int Run(string name, CliArguments args)
    {
        if (args.HelpOrOutput(name, Commands[name], 0, out string outDir)) return 0;
        var kind = (args.Get("--kind") ?? throw new UsageException($"{name}: --kind is required")) switch
        {
            "legs" => HippoKind.LegS,
            "legt" => HippoKind.LegT,
            "lagt" => HippoKind.LagT,
            "fout" => HippoKind.FouT,
            var other => throw new UsageException($"--kind must be legs, legt, lagt or fout; got '{other}'"),
        };
        int n = args.GetInt("--n", 0);
        if (n < 1) throw new UsageException($"{name}: --n N (the number of states, ≥ 1) is required");
        double delta = args.GetDouble("--delta") ?? 0;
        int length = args.GetInt("--length", 0);
        string method = args.Get("--method") ?? "zoh";
        string? cPath = args.Get("--c");
        double? ptd = args.GetDouble("--ptd");
        int seed = args.GetInt("--seed", 0);
        bool dplr = args.Has("--dplr");
        args.RejectUnknown();
        if (dplr && ptd is not null) throw new UsageException("hippo: --ptd and --dplr write the same files (lambda.npy, v.npy, btilde.npy); choose one");
        Directory.CreateDirectory(outDir);
        void SaveComplex(string file, System.Numerics.Complex[] x) => Save(file, NDArray.FromArray(x, x.Length));
        void Save<T>(string file, NDArray<T> x) where T : unmanaged
        {
            string path = Path.Combine(outDir, file);
            NpyFile.Write(path, x);
            Console.WriteLine($"wrote {path} {x.ShapeString}");
        }
        var (a, b) = Hippo.Transition(kind, n);
        if (name == "hippo")
        {
            Save("a.npy", a);
            Save("b.npy", b);
            if (ptd is { } epsilon)
            {
                var d = PerturbThenDiagonalize.Diagonalize(a, b, epsilon, (ulong)seed);
                SaveComplex("lambda.npy", d.Lambda);
                Save("v.npy", d.V);
                SaveComplex("btilde.npy", d.BTilde);
                Console.WriteLine($"κ₂(V) = {d.EigenvectorCondition:G4} with ‖E‖/‖A‖ = {epsilon:G3}{(d.IsStable ? "" : "; UNSTABLE: some Re λ ≥ 0")}");
            }
            if (dplr)
            {
                if (kind != HippoKind.LegS) throw new UsageException("--dplr is defined for --kind legs");
                var (s, p) = LegSLowRankForms.NormalPlusLowRank(n);
                Save("s.npy", s);
                Save("p.npy", p);
                var (lambda, pTilde, bTilde, v) = LegSLowRankForms.DiagonalPlusLowRank(n);
                SaveComplex("lambda.npy", lambda);
                SaveComplex("ptilde.npy", pTilde);
                SaveComplex("btilde.npy", bTilde);
                Save("v.npy", v);
            }
            return 0;
        }
        if (delta <= 0) throw new UsageException("ssm-kernel: --delta D (the step, > 0) is required");
        if (length < 1) throw new UsageException("ssm-kernel: --length L (≥ 1) is required");
        var m = method switch
        {
            "zoh" => DiscretizationMethod.ZeroOrderHold,
            "bilinear" => DiscretizationMethod.Bilinear,
            "euler" => DiscretizationMethod.ForwardEuler,
            _ => throw new UsageException($"--method must be zoh, bilinear or euler; got '{method}'"),
        };
        var c = cPath is null ? NDArray.Ones<double>(n) : NpyFile.Read(cPath).ToNDArray<double>(allowConversion: true);
        var (aBar, bBar) = Discretization.Dense(a, b, delta, m);
        Save("k.npy", NDArray.FromArray(SsmKernel.Dense(aBar, bBar, c, length), length));
        Save("abar.npy", aBar);
        Save("bbar.npy", bBar);
        return 0;
    }
}
