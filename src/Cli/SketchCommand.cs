using System.Numerics;
using Kernels.Linalg.Sketching;
using Kernels.Tensors;
using Kernels.Tensors.Npy;

namespace Kernels.Cli;

/// <summary><c>kernels sketch</c> (S·A for a seeded sketch) and <c>kernels rsvd</c> (randomized SVD).</summary>
internal static class SketchCommand
{
    public static readonly Dictionary<string, string> Commands = new()
    {
        ["sketch"] = "sketch A.npy -o OUTDIR --rows M [--kind gaussian|rademacher|sparse|countsketch|srht] [--seed S] [--sparsity K]   writes sa.npy = S·A",
        ["rsvd"] = "rsvd A.npy -o OUTDIR --rank K [--oversampling P] [--power-iterations Q] [--seed S]   writes u.npy s.npy vt.npy, prints the error estimate",
    };

    public static int Run(string name, CliArguments args)
    {
        if (args.HelpOrOutput(name, Commands[name], 1, out string outDir)) return 0;
        string? dtype = args.Get("--dtype");
        ulong seed = (ulong)args.GetInt("--seed", 0);
        int rows = args.GetInt("--rows", 0), rank = args.GetInt("--rank", 0), sparsity = args.GetInt("--sparsity", 0);
        int oversampling = args.GetInt("--oversampling", 10), power = args.GetInt("--power-iterations", -1);
        string kind = args.Get("--kind") ?? "srht";
        args.RejectUnknown();
        var file = NpyFile.Read(args.Positional[0]);
        Directory.CreateDirectory(outDir);
        var lines = ComputeType.IsDouble(dtype, [file])
            ? Compute<double>(name, file, outDir, seed, rows, rank, sparsity, oversampling, power, kind)
            : Compute<float>(name, file, outDir, seed, rows, rank, sparsity, oversampling, power, kind);
        foreach (var line in lines) Console.WriteLine(line);
        return 0;
    }

    private static List<string> Compute<T>(string name, NpyArray file, string outDir, ulong seed, int rows, int rank, int sparsity, int oversampling, int power, string kind)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = file.ToNDArray<T>(allowConversion: true);
        var lines = new List<string>();
        void Save(string f, NDArray<T> x)
        {
            string path = Path.Combine(outDir, f);
            NpyFile.Write(path, x);
            lines.Add($"wrote {path} {x.ShapeString}");
        }
        if (name == "sketch")
        {
            if (rows <= 0) throw new UsageException("sketch: --rows M (the sketch size) is required");
            var k = ParseKind(kind);
            if (a.Rank is not (1 or 2)) throw new UsageException($"sketch: A must be 1-D or 2-D; got {a.ShapeString}");
            var s = new SketchOperator<T>(k, rows, a.Shape[0], seed, sparsity > 0 ? sparsity : null);
            Save("sa.npy", s.Apply(a));
            return lines;
        }
        if (rank <= 0) throw new UsageException("rsvd: --rank K is required");
        var r = RandomizedSvd.Compute(a, rank, oversampling, power >= 0 ? power : null, seed);
        Save("u.npy", r.U);
        Save("s.npy", r.S);
        Save("vt.npy", r.Vt);
        lines.Add($"a-posteriori error estimate ‖A − QQᵀA‖₂ ≲ {r.ErrorEstimate:G4}");
        return lines;
    }

    /// <summary>The sketch kind named on the command line.</summary>
    public static SketchKind ParseKind(string kind) => kind switch
    {
        "gaussian" => SketchKind.Gaussian,
        "rademacher" => SketchKind.Rademacher,
        "sparse" => SketchKind.SparseSign,
        "countsketch" => SketchKind.CountSketch,
        "srht" => SketchKind.Srht,
        _ => throw new UsageException($"the sketch kind must be gaussian, rademacher, sparse, countsketch or srht; got '{kind}'"),
    };
}
