using System.Numerics;
using Kernels.Linalg;
using Kernels.Tensors;
using Kernels.Tensors.Npy;

namespace Kernels.Cli;

/// <summary>
/// The spectral commands on .npy files: <c>svd</c> (u.npy s.npy vt.npy), <c>eigh</c> (w.npy v.npy) and <c>eig</c>
/// (complex w.npy v.npy, <c>&lt;c16</c>). float64 when the input is (or by <c>--dtype</c>).
/// </summary>
internal static class SpectralCommand
{
    public static readonly Dictionary<string, string> Commands = new()
    {
        ["svd"] = "svd A.npy -o OUTDIR [--thin|--full|--values] [--method auto|dc|qr|jacobi]   writes u.npy s.npy vt.npy (A = U·diag(s)·Vt)",
        ["eigh"] = "eigh A.npy -o OUTDIR [--values]   writes w.npy (ascending) v.npy (columns; lower triangle of A read)",
        ["eig"] = "eig A.npy -o OUTDIR [--values] [--left] [--no-balance]   writes complex128 w.npy v.npy (columns; --left adds vl.npy) and prints κ₂(V)",
    };

    public static int Run(string name, CliArguments args)
    {
        if (args.HelpOrOutput(name, Commands[name], 1, out string outDir)) return 0;
        string? dtype = args.Get("--dtype");
        bool values = args.Has("--values"), full = args.Has("--full"), thin = args.Has("--thin"), noBalance = args.Has("--no-balance"), left = args.Has("--left");
        string method = args.Get("--method") ?? "auto";
        args.RejectUnknown();
        if (name != "svd" && (full || thin || method != "auto")) throw new UsageException($"{name}: --full/--thin/--method apply to svd only");
        if (name != "eig" && (noBalance || left)) throw new UsageException("--no-balance and --left apply to eig only");
        if ((values ? 1 : 0) + (full ? 1 : 0) + (thin ? 1 : 0) > 1) throw new UsageException("svd: choose one of --thin, --full, --values");
        var file = NpyFile.Read(args.Positional[0]);
        bool useDouble = ComputeType.IsDouble(dtype, new[] { file });
        var svdMethod = method switch
        {
            "auto" => SvdMethod.Auto,
            "qr" => SvdMethod.QrIteration,
            "jacobi" => SvdMethod.Jacobi,
            "dc" => SvdMethod.DivideAndConquer,
            _ => throw new UsageException($"--method must be auto, dc, qr or jacobi; got '{method}'"),
        };
        var mode = values ? SvdMode.ValuesOnly : full ? SvdMode.Full : SvdMode.Thin;
        Directory.CreateDirectory(outDir);
        var written = useDouble
            ? Compute<double>(name, file, outDir, mode, svdMethod, values, !noBalance, left)
            : Compute<float>(name, file, outDir, mode, svdMethod, values, !noBalance, left);
        foreach (var line in written) Console.WriteLine(line);
        return 0;
    }

    private static List<string> Compute<T>(string name, NpyArray file, string outDir, SvdMode mode, SvdMethod method, bool valuesOnly, bool balance, bool left)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = file.ToNDArray<T>(allowConversion: true);
        var written = new List<string>();
        void Save<TE>(string f, NDArray<TE> array) where TE : unmanaged
        {
            string path = Path.Combine(outDir, f);
            NpyFile.Write(path, array);
            written.Add($"wrote {path} {array.ShapeString}");
        }
        switch (name)
        {
            case "svd":
            {
                var r = LinearAlgebra.Svd(a, mode, method);
                if (r.U is { } u) Save("u.npy", u);
                Save("s.npy", r.S);
                if (r.Vt is { } vt) Save("vt.npy", vt);
                break;
            }
            case "eigh":
            {
                var r = LinearAlgebra.Eigh(a, !valuesOnly);
                Save("w.npy", r.Values);
                if (r.Vectors is { } v) Save("v.npy", v);
                break;
            }
            case "eig":
            {
                var e = new EigenDecomposition<T>(a, !valuesOnly, balance, computeLeftVectors: left);
                Save("w.npy", e.Values);
                if (left) Save("vl.npy", e.LeftVectors);
                if (!valuesOnly)
                {
                    Save("v.npy", e.Vectors);
                    written.Add($"eigenvector condition number κ₂(V) = {e.EigenvectorCondition:G4}");
                }
                break;
            }
        }
        return written;
    }
}
