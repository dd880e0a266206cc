using System.Diagnostics;
using Kernels.Linalg.Sketching;
using Kernels.Tensors;
using Kernels.Tensors.Npy;

namespace Kernels.Cli;

/// <summary><c>kernels lstsq A.npy B.npy --sketch|--sketch-solve -o OUTDIR</c>: randomized least squares in float64.</summary>
internal static class SketchedLstsqCommand
{
    public static int Run(IReadOnlyList<string> inputs, string outDir, bool solveOnly, SketchKind kind, int sketchRows, ulong seed)
    {
        var a = NpyFile.Read(inputs[0]).ToNDArray<double>(allowConversion: true);
        var b = NpyFile.Read(inputs[1]).ToNDArray<double>(allowConversion: true);
        int? rows = sketchRows > 0 ? sketchRows : null;
        var sw = Stopwatch.StartNew();
        NDArray<double> x;
        string summary;
        if (solveOnly)
        {
            x = SketchedLeastSquares.SketchAndSolve(a, b, kind, rows, seed);
            summary = $"sketch-and-solve ({kind}) in {sw.Elapsed.TotalMilliseconds:F1} ms";
        }
        else
        {
            if (b.Rank != 1) throw new UsageException($"lstsq --sketch: B must be 1-D; got {b.ShapeString}");
            var result = SketchedLeastSquares.SketchAndPrecondition(a, b, kind, rows, seed);
            x = NDArray.FromArray(result.Solution, result.Solution.Length);
            summary = $"sketch-and-precondition LSQR ({kind}): {result.Iterations} iterations, converged {result.Converged}, " +
                $"‖b − A·x‖ = {result.ResidualNorm:E6} (relative {result.RelativeResidual:E3}) in {sw.Elapsed.TotalMilliseconds:F1} ms";
        }
        Directory.CreateDirectory(outDir);
        string path = Path.Combine(outDir, "x.npy");
        NpyFile.Write(path, x);
        Console.WriteLine($"wrote {path} {x.ShapeString}");
        Console.WriteLine(summary);
        return 0;
    }
}
