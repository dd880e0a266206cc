using System.Numerics;
using Kernels.Linalg.Kronecker;
using Kernels.Tensors;
using Kernels.Tensors.Npy;

namespace Kernels.Cli;

/// <summary><c>kernels kron A.npy B.npy [C.npy …] X.npy -o OUTDIR</c>: y.npy = (A ⊗ B ⊗ …)·X without forming the product.</summary>
internal static class KroneckerCommand
{
    public const string Usage = "kron A.npy B.npy [MORE.npy ...] X.npy -o OUTDIR [--transpose]   writes y.npy = (A ⊗ B ⊗ …)·X (the product is never formed)";

    public static int Run(CliArguments args)
    {
        if (args.Has("--help") || args.Has("-h"))
        {
            Console.WriteLine($"usage: kernels {Usage}");
            return 0;
        }
        if (args.Positional.Count < 3) throw new UsageException($"usage: kernels {Usage}");
        string outDir = args.Get("-o", "--out") ?? throw new UsageException("kron: missing -o OUTDIR");
        bool transpose = args.Has("--transpose");
        string? dtype = args.Get("--dtype");
        args.RejectUnknown();
        var files = args.Positional.Select(NpyFile.Read).ToArray();
        bool useDouble = ComputeType.IsDouble(dtype, files);
        Directory.CreateDirectory(outDir);
        string path = Path.Combine(outDir, "y.npy");
        string shape = useDouble ? Compute<double>(files, transpose, path) : Compute<float>(files, transpose, path);
        Console.WriteLine($"wrote {path} {shape}");
        return 0;
    }

    private static string Compute<T>(NpyArray[] files, bool transpose, string path) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var arrays = files.Select(f => f.ToNDArray<T>(allowConversion: true)).ToArray();
        var op = new KroneckerOperator<T>(arrays[..^1]);
        var y = op.Apply(arrays[^1], transpose);
        NpyFile.Write(path, y);
        return y.ShapeString;
    }
}
