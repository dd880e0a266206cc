using System.Numerics;
using Kernels.Linalg;
using Kernels.Linalg.Blas;
using Kernels.Tensors;
using Kernels.Tensors.Npy;

namespace Kernels.Cli;

/// <summary>
/// <c>kernels gemm A.npy B.npy -o OUT [--transa] [--transb] [--alpha a] [--beta b --c C.npy]</c>: writes
/// <c>OUT/c.npy</c> = α·op(A)·op(B) + β·C. Transposes are views (no copy); float64 when any input is.
/// </summary>
internal static class GemmCommand
{
    public static int Run(CliArguments args)
    {
        if (args.Positional.Count != 2)
            throw new UsageException("usage: kernels gemm A.npy B.npy -o OUTDIR [--transa] [--transb] [--alpha A] [--beta B --c C.npy] [--dtype float32|float64] [--threads N]");
        string outDir = args.Get("-o", "--out") ?? throw new UsageException("gemm: missing -o OUTDIR");
        bool ta = args.Has("--transa"), tb = args.Has("--transb");
        double alpha = args.GetDouble("--alpha") ?? 1.0, beta = args.GetDouble("--beta") ?? 0.0;
        string? cPath = args.Get("--c");
        string? dtype = args.Get("--dtype");
        args.RejectUnknown();
        if (beta != 0 && cPath is null) throw new UsageException("gemm: --beta needs --c C.npy");
        var inputs = new[] { args.Positional[0], args.Positional[1] }.Concat(cPath is null ? [] : [cPath]).Select(NpyFile.Read).ToArray();
        bool useDouble = ComputeType.IsDouble(dtype, inputs);
        Directory.CreateDirectory(outDir);
        string path = Path.Combine(outDir, "c.npy");
        string shape = useDouble ? Compute<double>(inputs, ta, tb, alpha, beta, path) : Compute<float>(inputs, ta, tb, alpha, beta, path);
        Console.WriteLine($"wrote {path} {shape}");
        return 0;
    }

    private static string Compute<T>(NpyArray[] inputs, bool ta, bool tb, double alpha, double beta, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = inputs[0].ToNDArray<T>(allowConversion: true);
        var b = inputs[1].ToNDArray<T>(allowConversion: true);
        if (a.Rank != 2 || b.Rank != 2) throw new ArgumentException($"gemm needs 2-D A and B; got {a.ShapeString} and {b.ShapeString} (use 'kernels matmul' for batches).");
        if (ta) a = a.Transpose();
        if (tb) b = b.Transpose();
        NDArray<T> c;
        if (inputs.Length == 3)
        {
            c = inputs[2].ToNDArray<T>(allowConversion: true).Copy(); // C is updated in place; never write the caller's file buffer
        }
        else
        {
            c = new NDArray<T>(a.Shape[0], b.Shape[1]);
        }
        LinearAlgebra.Gemm(T.CreateChecked(alpha), a, b, T.CreateChecked(beta), c);
        NpyFile.Write(path, c);
        return $"{c.ShapeString} {(typeof(T) == typeof(double) ? "float64" : "float32")}";
    }
}
