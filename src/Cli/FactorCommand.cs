using System.Numerics;
using Kernels.Linalg;
using Kernels.Tensors;
using Kernels.Tensors.Npy;

namespace Kernels.Cli;

/// <summary>
/// The factorization commands on .npy files: <c>qr</c>, <c>householder-product</c>, <c>cholesky</c>, <c>lu</c>,
/// <c>solve</c>, <c>lstsq</c>. Each writes its factors into OUTDIR and prints what it wrote; float64 when any input is
/// (or by <c>--dtype</c>).
/// </summary>
internal static class FactorCommand
{
    public static readonly Dictionary<string, (int Inputs, string Usage)> Commands = new()
    {
        ["qr"] = (1, "qr A.npy -o OUTDIR [--mode reduced|complete|r|raw] [--pivoting]   writes q.npy r.npy (raw: qr.npy tau.npy; pivoting adds p.npy)"),
        ["householder-product"] = (2, "householder-product V.npy TAU.npy -o OUTDIR [--columns N]   writes q.npy (torch.linalg.householder_product)"),
        ["cholesky"] = (1, "cholesky A.npy -o OUTDIR   writes l.npy (A = L·Lᵀ, lower triangle of A read)"),
        ["lu"] = (1, "lu A.npy -o OUTDIR   writes p.npy l.npy u.npy (A = P·L·U, SciPy's convention)"),
        ["solve"] = (2, "solve A.npy B.npy -o OUTDIR   writes x.npy (A·X = B, LU with partial pivoting)"),
        ["lstsq"] = (2, "lstsq A.npy B.npy -o OUTDIR [--rcond R]   writes x.npy (minimum-norm least squares) and prints the rank\n" +
            "       kernels lstsq A.npy B.npy -o OUTDIR --sketch|--sketch-solve [--sketch-kind sparse|gaussian|srht|countsketch|rademacher] [--sketch-rows D] [--seed S]\n" +
            "         tall full-rank A: sketch-and-precondition LSQR (Blendenpik, full accuracy) or sketch-and-solve; prints iterations and residual"),
    };

    public static int Run(string name, CliArguments args)
    {
        var (inputs, usage) = Commands[name];
        if (args.Has("--help") || args.Has("-h"))
        {
            Console.WriteLine($"usage: kernels {usage}");
            return 0;
        }
        if (args.Positional.Count != inputs) throw new UsageException($"usage: kernels {usage}");
        string outDir = args.Get("-o", "--out") ?? throw new UsageException($"{name}: missing -o OUTDIR");
        string? dtype = args.Get("--dtype");
        string mode = args.Get("--mode") ?? "reduced";
        bool pivoting = args.Has("--pivoting");
        string? columns = args.Get("--columns");
        double? rcond = args.GetDouble("--rcond");
        bool sketch = args.Has("--sketch"), sketchSolve = args.Has("--sketch-solve");
        string sketchKind = args.Get("--sketch-kind") ?? "sparse";
        int sketchRows = args.GetInt("--sketch-rows", 0);
        ulong seed = (ulong)args.GetInt("--seed", 0);
        args.RejectUnknown();
        if (sketch || sketchSolve)
        {
            if (name != "lstsq") throw new UsageException($"{name}: --sketch applies to lstsq only");
            return SketchedLstsqCommand.Run(args.Positional, outDir, sketchSolve, SketchCommand.ParseKind(sketchKind), sketchRows, seed);
        }
        var files = args.Positional.Select(NpyFile.Read).ToArray();
        bool useDouble = ComputeType.IsDouble(dtype, files);
        int? cols = columns is null ? null : int.TryParse(columns, out int c) ? c : throw new UsageException($"bad --columns '{columns}'");
        Directory.CreateDirectory(outDir);
        var written = useDouble
            ? Compute<double>(name, files, outDir, mode, pivoting, cols, rcond)
            : Compute<float>(name, files, outDir, mode, pivoting, cols, rcond);
        foreach (var line in written) Console.WriteLine(line);
        return 0;
    }

    private static List<string> Compute<T>(string name, NpyArray[] files, string outDir, string mode, bool pivoting, int? columns, double? rcond)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var inputs = files.Select(f => f.ToNDArray<T>(allowConversion: true)).ToArray();
        var written = new List<string>();
        void Save<TE>(string file, NDArray<TE> array) where TE : unmanaged
        {
            string path = Path.Combine(outDir, file);
            NpyFile.Write(path, array);
            written.Add($"wrote {path} {array.ShapeString}");
        }
        switch (name)
        {
            case "qr" when pivoting:
            {
                var pqr = new PivotedQrDecomposition<T>(inputs[0]);
                if (mode is not ("reduced" or "complete")) throw new UsageException("qr --pivoting supports --mode reduced|complete");
                Save("q.npy", pqr.Q(mode == "complete"));
                var r = pqr.R();
                Save("r.npy", mode == "complete" ? PadRows(r, inputs[0].Shape[0]) : r);
                Save("p.npy", NDArray.FromArray(pqr.Permutation.Select(i => (long)i).ToArray()));
                written.Add($"numerical rank {pqr.Rank()}");
                break;
            }
            case "qr":
            {
                var qrMode = mode switch
                {
                    "reduced" => QrMode.Reduced,
                    "complete" => QrMode.Complete,
                    "r" => QrMode.R,
                    "raw" => QrMode.Raw,
                    _ => throw new UsageException($"--mode must be reduced, complete, r or raw; got '{mode}'"),
                };
                var result = LinearAlgebra.Qr(inputs[0], qrMode);
                if (result.Q is { } q) Save("q.npy", q);
                if (result.R is { } rr) Save("r.npy", rr);
                if (result.Packed is { } packed) Save("qr.npy", packed);
                if (result.Tau is { } tau) Save("tau.npy", tau);
                break;
            }
            case "householder-product":
                Save("q.npy", LinearAlgebra.HouseholderProduct(inputs[0], inputs[1], columns));
                break;
            case "cholesky":
                Save("l.npy", new CholeskyDecomposition<T>(inputs[0]).L);
                break;
            case "lu":
            {
                var lu = new LuDecomposition<T>(inputs[0]);
                // SciPy's lu returns A = P·L·U, i.e. P here is the transpose of ours (P_ours·A = L·U).
                Save("p.npy", lu.P.Transpose().Copy());
                Save("l.npy", lu.L);
                Save("u.npy", lu.U);
                if (lu.IsSingular) written.Add("note: U has a zero pivot (A is singular)");
                break;
            }
            case "solve":
                Save("x.npy", LinearAlgebra.Solve(inputs[0], inputs[1]));
                break;
            case "lstsq":
            {
                var result = LinearAlgebra.Lstsq(inputs[0], inputs[1], rcond is null ? null : T.CreateChecked(rcond.Value));
                Save("x.npy", result.Solution);
                written.Add($"rank {result.Rank}");
                break;
            }
        }
        return written;
    }

    private static NDArray<T> PadRows<T>(NDArray<T> r, int rows) where T : unmanaged
    {
        var padded = new NDArray<T>(rows, r.Shape[1]);
        r.CopyTo(padded.Slice(new AxisRange(0, r.Shape[0]), AxisRange.All));
        return padded;
    }
}
