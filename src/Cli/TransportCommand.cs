using System.Globalization;
using System.Numerics;
using Kernels.Ops.Transport;
using Kernels.Tensors;
using Kernels.Tensors.Npy;

namespace Kernels.Cli;

/// <summary><c>kernels swd</c>, <c>kernels w1d</c> and <c>kernels sinkhorn</c>: optimal transport on .npy files.</summary>
internal static class TransportCommand
{
    public static readonly Dictionary<string, string> Commands = new()
    {
        ["swd"] = "swd X.npy Y.npy [-o OUTDIR] [--projections P.npy | --n-projections 50 --seed 0] [--p 2] [--a a.npy --b b.npy] [--grad] [--max-sliced]\n"
            + "      prints SW_p; writes distance.npy, projected.npy (W_pᵖ per direction), grad.npy (∂SW_p/∂X), direction.npy (--max-sliced)",
        ["w1d"] = "w1d U.npy V.npy [-o OUTDIR] [--a a.npy --b b.npy] [--p 1] [--coupling]\n"
            + "      prints W_pᵖ (POT's wasserstein_1d); writes cost.npy and, with --coupling, coupling.npy (dense n×m plan)",
        ["sinkhorn"] = "sinkhorn X.npy Y.npy -o OUTDIR --reg EPS [--a a.npy --b b.npy] [--max-iter 1000] [--tol 1e-9] [--eps-scaling]\n"
            + "      (or: sinkhorn --cost M.npy -o OUTDIR --reg EPS ...) log-domain Sinkhorn on the squared Euclidean cost; writes plan.npy cost.npy f.npy g.npy",
    };

    public static int Run(string name, CliArguments args)
    {
        if (args.Has("--help") || args.Has("-h"))
        {
            Console.WriteLine($"usage: kernels {Commands[name]}");
            return 0;
        }
        string? costPath = name == "sinkhorn" ? args.Get("--cost") : null;
        int inputs = costPath is null ? 2 : 0;
        if (args.Positional.Count != inputs) throw new UsageException($"usage: kernels {Commands[name]}");
        string? outDir = args.Get("-o", "--out");
        if (name == "sinkhorn" && outDir is null) throw new UsageException("sinkhorn: missing -o OUTDIR");
        string? dtype = args.Get("--dtype");
        var files = args.Positional.Select(NpyFile.Read).ToList();
        if (costPath is not null) files.Add(NpyFile.Read(costPath));
        var settings = new Settings(args);
        args.RejectUnknown();
        if (outDir is not null) Directory.CreateDirectory(outDir);
        var lines = ComputeType.IsDouble(dtype, files)
            ? Compute<double>(name, files, outDir, settings)
            : Compute<float>(name, files, outDir, settings);
        foreach (var line in lines) Console.WriteLine(line);
        return 0;
    }

    /// <summary>The options of the three commands, read before <see cref="CliArguments.RejectUnknown"/>.</summary>
    private sealed class Settings(CliArguments args)
    {
        public readonly string? Projections = args.Get("--projections");
        public readonly int ProjectionCount = args.GetInt("--n-projections", 50);
        public readonly ulong Seed = (ulong)args.GetInt("--seed", 0);
        public readonly double? P = args.GetDouble("--p");
        public readonly string? A = args.Get("--a");
        public readonly string? B = args.Get("--b");
        public readonly bool Gradient = args.Has("--grad");
        public readonly bool MaxSliced = args.Has("--max-sliced");
        public readonly bool Coupling = args.Has("--coupling");
        public readonly double? Regularisation = args.GetDouble("--reg");
        public readonly int MaxIterations = args.GetInt("--max-iter", 1000);
        public readonly double Tolerance = args.GetDouble("--tol") ?? 1e-9;
        public readonly bool EpsilonScaling = args.Has("--eps-scaling");
    }

    private static List<string> Compute<T>(string name, List<NpyArray> files, string? outDir, Settings s)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var lines = new List<string>();
        void Save(string f, NDArray<T> x)
        {
            if (outDir is null) return;
            string path = Path.Combine(outDir, f);
            NpyFile.Write(path, x);
            lines.Add($"wrote {path} {x.ShapeString}");
        }
        NDArray<T>? Load(string? path) => path is null ? null : NpyFile.Read(path).ToNDArray<T>(allowConversion: true);
        var a = Load(s.A);
        var b = Load(s.B);
        string Format(T v) => double.CreateTruncating(v).ToString("R", CultureInfo.InvariantCulture);

        switch (name)
        {
            case "swd":
            {
                var x = files[0].ToNDArray<T>(allowConversion: true);
                var y = files[1].ToNDArray<T>(allowConversion: true);
                var options = new SlicedWassersteinOptions<T>
                {
                    Projections = Load(s.Projections), ProjectionCount = s.ProjectionCount, Seed = s.Seed, P = s.P ?? 2,
                    SourceWeights = a, TargetWeights = b, ComputeGradient = s.Gradient,
                };
                if (s.MaxSliced)
                {
                    var r = MaxSlicedWasserstein.Compute(x, y, options);
                    lines.Add($"max-sliced W_{options.P:G} = {Format(r.Distance)} (best sampled direction {Format(r.SampledDistance)}, {r.Iterations} ascent steps)");
                    Save("distance.npy", NDArray.Scalar(r.Distance));
                    Save("direction.npy", r.Direction);
                    return lines;
                }
                var result = SlicedWasserstein.Compute(x, y, options);
                lines.Add($"SW_{options.P:G} = {Format(result.Distance)} ({result.Projections.Shape[1]} projections)");
                Save("distance.npy", NDArray.Scalar(result.Distance));
                Save("projected.npy", result.ProjectedCosts);
                if (result.Gradient is not null) Save("grad.npy", result.Gradient);
                return lines;
            }
            case "w1d":
            {
                var u = files[0].ToNDArray<T>(allowConversion: true);
                var v = files[1].ToNDArray<T>(allowConversion: true);
                double p = s.P ?? 1;
                if (s.Coupling)
                {
                    var coupling = Wasserstein1D.Coupling(u, v, a, b, p);
                    lines.Add($"W_{p:G}^{p:G} = {Format(coupling.Cost)} ({coupling.Mass.Count} coupling entries)");
                    Save("cost.npy", NDArray.Scalar(coupling.Cost));
                    Save("coupling.npy", coupling.ToDense());
                    return lines;
                }
                var cost = Wasserstein1D.Cost(u, v, a, b, p);
                lines.Add($"W_{p:G}^{p:G} = {Format(cost)}");
                Save("cost.npy", NDArray.Scalar(cost));
                return lines;
            }
            default:
            {
                double eps = s.Regularisation ?? throw new UsageException("sinkhorn: --reg EPS (the entropic regularisation) is required");
                var options = new SinkhornOptions { MaxIterations = s.MaxIterations, Tolerance = s.Tolerance, EpsilonScaling = s.EpsilonScaling };
                var result = files.Count == 1
                    ? Sinkhorn.Solve(a, b, files[0].ToNDArray<T>(allowConversion: true), eps, options)
                    : Sinkhorn.SolvePoints(files[0].ToNDArray<T>(allowConversion: true), files[1].ToNDArray<T>(allowConversion: true), eps, a, b, options);
                lines.Add($"⟨P, M⟩ = {Format(result.Cost)} after {result.Iterations} iterations, marginal error {result.MarginalError:G3}"
                    + (result.Converged ? "" : " (NOT converged: raise --max-iter or --tol)"));
                Save("plan.npy", result.Plan);
                Save("cost.npy", NDArray.Scalar(result.Cost));
                Save("f.npy", result.F);
                Save("g.npy", result.G);
                return lines;
            }
        }
    }
}
