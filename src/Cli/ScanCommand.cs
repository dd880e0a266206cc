using System.Diagnostics;
using Kernels.Ops.StateSpace;
using Kernels.Tensors;
using Kernels.Tensors.Npy;
using System.Numerics;

namespace Kernels.Cli;

/// <summary><c>kernels scan</c> (diagonal linear recurrence on .npy files) and <c>kernels bench scan</c>.</summary>
internal static class ScanCommand
{
    public const string Usage = "scan A.npy B.npy -o OUTDIR [--reverse] [--h0 H0.npy] [--chunks K] [--grid HxW [--column-major]]\n"
        + "      h_t = a_t ⊙ h_{t−1} + b_t over (batch, length, channels[, state]); writes h.npy final.npy\n"
        + "      complex a or b (complex64/128): the complex recurrence, complex128 output\n"
        + "      --grid: the length is a row-major H×W grid; --column-major visits it column by column (in place, no transposed copy)";

    public static int Run(CliArguments args)
    {
        if (args.HelpOrOutput("scan", Usage, 2, out string outDir)) return 0;
        bool reverse = args.Has("--reverse");
        string? h0Path = args.Get("--h0");
        int chunks = args.GetInt("--chunks", 0);
        string? dtype = args.Get("--dtype");
        var grid = args.GetGrid();
        args.RejectUnknown();
        var fa = NpyFile.Read(args.Positional[0]);
        var fb = NpyFile.Read(args.Positional[1]);
        Directory.CreateDirectory(outDir);
        var options = new ScanOptions { Chunks = chunks > 0 ? chunks : null, Grid = grid };
        if (IsComplex(fa) || IsComplex(fb))
        {
            Write(outDir, ScanComplex(fa, fb, h0Path, reverse, grid, chunks > 0 ? chunks : 1));
            return 0;
        }
        if (ComputeType.IsDouble(dtype, [fa, fb])) Write(outDir, Scan<double>(fa, fb, h0Path, reverse, options));
        else Write(outDir, Scan<float>(fa, fb, h0Path, reverse, options));
        return 0;
    }

    private static bool IsComplex(NpyArray file) => file.Kind is NpyElementKind.Complex64 or NpyElementKind.Complex128;

    /// <summary>Complex inputs (either file complex; the other is widened): complex128 h and final.</summary>
    private static (NDArray<Complex>, NDArray<Complex>) ScanComplex(NpyArray fa, NpyArray fb, string? h0, bool reverse, GridOrder? grid, int chunks)
    {
        NDArray<Complex> Load(NpyArray f) => IsComplex(f) ? f.ToNDArray<Complex>() : Widen(f.ToNDArray<double>(allowConversion: true));
        var a = Load(fa);
        var b = Load(fb);
        if (!a.Shape.SequenceEqual(b.Shape)) throw new ArgumentException($"a {a.ShapeString} and b {b.ShapeString} must have the same shape.");
        if (b.Rank is not (3 or 4)) throw new ArgumentException($"The scan input must be (batch, length, channels[, state]); got {b.ShapeString}.");
        int batch = b.Shape[0], length = b.Shape[1], channels = b.Rank == 3 ? b.Shape[2] : b.Shape[2] * b.Shape[3];
        int[] finalShape = b.Rank == 3 ? [batch, b.Shape[2]] : [batch, b.Shape[2], b.Shape[3]];
        var initial = h0 is null ? null : Load(NpyFile.Read(h0));
        if (initial is not null && !initial.Shape.SequenceEqual(finalShape))
            throw new ArgumentException($"h0 must be {ShapeMath.Format(finalShape)}; got {initial.ShapeString}.");
        // One private copy of b (becomes h) and of h₀ (becomes the final state), scanned in place.
        Complex[] h = b.ToArray(), f = initial?.ToArray() ?? new Complex[batch * channels];
        ComplexDiagonalScan.RunInPlace(a.ToArray(), h, f, batch, length, channels, reverse, grid, chunks: chunks);
        return (NDArray.FromArray(h, b.Shape), NDArray.FromArray(f, finalShape));

        static NDArray<Complex> Widen(NDArray<double> x)
        {
            var result = new NDArray<Complex>([.. x.Shape]);
            var source = x.Contiguous().AsSpan();
            var target = result.AsSpan();
            for (int i = 0; i < source.Length; i++) target[i] = source[i];
            return result;
        }
    }

    private static (NDArray<T>, NDArray<T>) Scan<T>(NpyArray fa, NpyArray fb, string? h0, bool reverse, ScanOptions options)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        DiagonalScan.Run(fa.ToNDArray<T>(allowConversion: true), fb.ToNDArray<T>(allowConversion: true),
            h0 is null ? null : NpyFile.Read(h0).ToNDArray<T>(allowConversion: true), reverse, options);

    private static void Write<T>(string outDir, (NDArray<T> States, NDArray<T> Final) r) where T : unmanaged
    {
        foreach (var (file, x) in new[] { ("h.npy", r.States), ("final.npy", r.Final) })
        {
            string path = Path.Combine(outDir, file);
            NpyFile.Write(path, x);
            Console.WriteLine($"wrote {path} {x.ShapeString}");
        }
    }

    /// <summary>Float scan of (B, L, D·N) = (2 or --batch, 4096, 4096): GB/s counted as reading a and b and writing h.</summary>
    public static int Bench(CliArguments args)
    {
        int repeat = args.GetInt("--repeat", 3);
        int batch = args.GetInt("--batch", 2);   // the shape (16, 4096, 256·16) is --batch 16: 1 GiB per array
        args.RejectUnknown();
        if (batch < 1) throw new UsageException("bench scan: --batch must be at least 1");
        const int length = 4096, width = 4096;
        var a = NDArray.RandomUniform(1UL, 0.9f, 1.0f, batch, length, width);
        var b = NDArray.RandomNormal(2UL, 0f, 1f, batch, length, width);
        double bytes = 3.0 * batch * length * width * sizeof(float);
        Console.WriteLine($"kernels bench scan: float32 (batch {batch}, length {length}, channels·state {width}), {Threading.MaxThreads} thread(s), median of {repeat}");
        var state = new NDArray<float>(batch, width);
        foreach (int chunks in new[] { 1, Threading.MaxThreads })
        {
            // In place on b (its values become states; the work per run is the same).
            double t = BenchCommand.Median(() => DiagonalScan.RunInPlace(a, b, state, options: new ScanOptions { Chunks = chunks }), repeat);
            Console.WriteLine($"  chunks {chunks,-3} {t * 1e3,9:F1} ms  {bytes / t / 1e9,6:F2} GB/s (a, b read + h written)");
        }
        // The same recurrence through the generic associative scan (one sequence per row, pairs (a, b)), and the complex
        // scan, on a smaller slice: per-element rates, not the streaming figure above.
        const int rows = 64, steps = 16384;
        var pairs = new Kernels.Ops.StateSpace.Associative.AffinePair<float>[rows * steps];
        // Fresh data: b now holds states of the repeated in-place runs above.
        var pa = NDArray.RandomUniform(3UL, 0.9f, 1.0f, rows * steps).AsSpan();
        var pb = NDArray.RandomNormal(4UL, 0f, 1f, rows * steps).AsSpan();
        for (int i = 0; i < pairs.Length; i++) pairs[i] = new(pa[i], pb[i]);
        var scanned = new Kernels.Ops.StateSpace.Associative.AffinePair<float>[pairs.Length];
        foreach (int chunks in new[] { 1, 8 })
        {
            var options = new Kernels.Ops.StateSpace.Associative.AssociativeScanOptions { Chunks = chunks };
            double t = BenchCommand.Median(() => Kernels.Ops.StateSpace.Associative.AssociativeScan.Inclusive<
                Kernels.Ops.StateSpace.Associative.AffinePair<float>, Kernels.Ops.StateSpace.Associative.LinearRecurrence<float>>(pairs, scanned, rows, steps, options: options), repeat);
            Console.WriteLine($"  associative scan of (a, b) pairs, {rows}×{steps}, chunks {chunks}: {t * 1e3,8:F2} ms  {pairs.Length / t / 1e9,6:F3} G elements/s");
        }
        const int complexBatch = 1, complexLength = 4096, complexChannels = 256;
        var ca = new Complex[complexBatch * complexLength * complexChannels];   // ≤ rows·steps: reuses pa, pb
        var cb = new Complex[ca.Length];
        for (int i = 0; i < ca.Length; i++) { ca[i] = Complex.FromPolarCoordinates(0.9 + 0.1 * pa[i], pb[i]); cb[i] = new Complex(pb[i], pa[i]); }
        var ch = new Complex[ca.Length];
        var cstate = new Complex[complexBatch * complexChannels];
        double tc2 = BenchCommand.Median(() => { cb.CopyTo(ch, 0); Array.Clear(cstate); ComplexDiagonalScan.RunInPlace(ca, ch, cstate, complexBatch, complexLength, complexChannels); }, repeat);
        Console.WriteLine($"  complex scan ({complexBatch}, {complexLength}, {complexChannels}) complex128: {tc2 * 1e3,8:F2} ms  {ca.Length / tc2 / 1e9,6:F3} G elements/s (incl. a copy of b)");
        var copy = new float[batch * length * width];
        var src = b.AsSpan().ToArray();
        double tc = BenchCommand.Median(() => src.CopyTo(copy, 0), repeat);
        Console.WriteLine($"  memory copy of one array: {2.0 * src.Length * sizeof(float) / tc / 1e9:F2} GB/s (read + write)");
        return 0;
    }
}
