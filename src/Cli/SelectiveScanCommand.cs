using Kernels.Ops.StateSpace;
using Kernels.Tensors;
using Kernels.Tensors.Npy;

namespace Kernels.Cli;

/// <summary><c>kernels selective-scan</c> (S6/Mamba scan on .npy files, optionally its gradients) and <c>kernels bench selective-scan</c>.</summary>
internal static class SelectiveScanCommand
{
    public const string Usage = "selective-scan u.npy delta.npy A.npy B.npy C.npy -o OUTDIR [--D D.npy] [--z z.npy] [--delta-bias bias.npy]\n"
        + "      [--softplus] [--h0 H0.npy] [--reverse] [--grid HxW [--column-major]] [--dy DY.npy [--dstate DS.npy]]\n"
        + "      u, delta, z (batch, length, channels); A (channels, state); B, C (batch, length, state) or (batch, groups, length, state);\n"
        + "      writes y.npy state.npy; with --dy also the gradients du.npy ddelta.npy dA.npy dB.npy dC.npy (dD, dz, ddelta_bias, dh0)";

    public static int Run(CliArguments args)
    {
        if (args.HelpOrOutput("selective-scan", Usage, 5, out string outDir)) return 0;
        string? d = args.Get("--D"), z = args.Get("--z"), bias = args.Get("--delta-bias"), h0 = args.Get("--h0");
        string? dy = args.Get("--dy"), dState = args.Get("--dstate");
        bool softplus = args.Has("--softplus"), reverse = args.Has("--reverse");
        string? dtype = args.Get("--dtype");
        var grid = args.GetGrid();
        args.RejectUnknown();
        if (dState is not null && dy is null) throw new UsageException("selective-scan: --dstate needs --dy");
        var files = args.Positional.Take(5).Select(NpyFile.Read).ToArray();
        Directory.CreateDirectory(outDir);
        if (ComputeType.IsDouble(dtype, files)) Execute<double>();
        else Execute<float>();
        return 0;

        void Execute<T>() where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
        {
            NDArray<T>? Optional(string? path) => path is null ? null : NpyFile.Read(path).ToNDArray<T>(allowConversion: true);
            var inputs = new SelectiveScanInputs<T>
            {
                U = files[0].ToNDArray<T>(allowConversion: true), Delta = files[1].ToNDArray<T>(allowConversion: true),
                A = files[2].ToNDArray<T>(allowConversion: true), B = files[3].ToNDArray<T>(allowConversion: true),
                C = files[4].ToNDArray<T>(allowConversion: true),
                D = Optional(d), Z = Optional(z), DeltaBias = Optional(bias), InitialState = Optional(h0),
                DeltaSoftplus = softplus, Reverse = reverse, Grid = grid,
            };
            var result = SelectiveScan.Forward(inputs);
            Save("y.npy", result.Y);
            Save("state.npy", result.FinalState);
            if (dy is null) return;
            var g = SelectiveScan.Backward(inputs, Optional(dy)!, Optional(dState));
            foreach (var (file, x) in new (string, NDArray<T>?)[]
                     {
                         ("du.npy", g.U), ("ddelta.npy", g.Delta), ("dA.npy", g.A), ("dB.npy", g.B), ("dC.npy", g.C),
                         ("dD.npy", g.D), ("dz.npy", g.Z), ("ddelta_bias.npy", g.DeltaBias), ("dh0.npy", g.InitialState),
                     })
                if (x is not null) Save(file, x);
        }

        void Save<T>(string file, NDArray<T> x) where T : unmanaged
        {
            string path = Path.Combine(outDir, file);
            NpyFile.Write(path, x);
            Console.WriteLine($"wrote {path} {x.ShapeString}");
        }
    }

    /// <summary>
    /// Float selective scan at the shape (batch 8, length 2048, channels 512, state 16) with softplus, D and
    /// the gate: forward, backward, and the ratio; rates as state updates (batch·length·channels·state) per second.
    /// </summary>
    public static int Bench(CliArguments args)
    {
        int repeat = args.GetInt("--repeat", 3);
        bool quick = args.Has("--quick");
        int chunk = args.GetInt("--recompute-chunk", 0);
        args.RejectUnknown();
        var options = new SelectiveScanOptions { RecomputeChunk = chunk > 0 ? chunk : null };
        int batch = 8, length = quick ? 256 : 2048, channels = 512, state = 16;
        var inputs = BenchInputs(batch, length, channels, state);
        var dy = NDArray.RandomNormal(9UL, 0f, 1f, batch, length, channels);
        double updates = (double)batch * length * channels * state;
        Console.WriteLine($"kernels bench selective-scan: float32 (batch {batch}, length {length}, channels {channels}, state {state}), "
            + $"softplus + D + gate, {Threading.MaxThreads} thread(s), median of {repeat}");
        double forward = BenchCommand.Median(() => SelectiveScan.Forward(inputs, options), repeat, warmupCalls: 2, warmupSeconds: 0.5);
        Console.WriteLine($"  forward                       {forward * 1e3,9:F1} ms  {updates / forward / 1e9,6:F2} G state updates/s");
        var keep = new SelectiveScanOptions { RecomputeChunk = options.RecomputeChunk, KeepCheckpoints = true };
        double forwardKeep = BenchCommand.Median(() => SelectiveScan.Forward(inputs, keep), repeat, warmupCalls: 2, warmupSeconds: 0.5);
        Console.WriteLine($"  forward, keeping checkpoints  {forwardKeep * 1e3,9:F1} ms  {updates / forwardKeep / 1e9,6:F2} G state updates/s");
        var kept = SelectiveScan.Forward(inputs, keep).Checkpoints;
        double backwardKept = BenchCommand.Median(() => SelectiveScan.Backward(inputs, dy, options: options, checkpoints: kept), repeat, warmupCalls: 2, warmupSeconds: 0.5);
        Console.WriteLine($"  backward from checkpoints     {backwardKept * 1e3,9:F1} ms  {updates / backwardKept / 1e9,6:F2} G state updates/s  ({backwardKept / forward:F2}× forward)");
        double backward = BenchCommand.Median(() => SelectiveScan.Backward(inputs, dy, options: options), repeat, warmupCalls: 2, warmupSeconds: 0.5);
        Console.WriteLine($"  backward, recomputing all     {backward * 1e3,9:F1} ms  {updates / backward / 1e9,6:F2} G state updates/s  ({backward / forward:F2}× forward)");
        return 0;
    }

    /// <summary>Mamba-like operands: A = −(1…N) per channel (S4D-real), Δ before softplus around −4…−2, B, C, u, z normal.</summary>
    internal static SelectiveScanInputs<float> BenchInputs(int batch, int length, int channels, int state)
    {
        var a = new NDArray<float>(channels, state);
        for (int d = 0; d < channels; d++)
            for (int n = 0; n < state; n++) a[d, n] = -(n + 1);
        return new SelectiveScanInputs<float>
        {
            U = NDArray.RandomNormal(1UL, 0f, 1f, batch, length, channels),
            Delta = NDArray.RandomUniform(2UL, -4f, -2f, batch, length, channels),
            A = a,
            B = NDArray.RandomNormal(3UL, 0f, 1f, batch, length, state),
            C = NDArray.RandomNormal(4UL, 0f, 1f, batch, length, state),
            D = NDArray.Ones<float>(channels),
            Z = NDArray.RandomNormal(5UL, 0f, 1f, batch, length, channels),
            DeltaBias = NDArray.RandomUniform(6UL, -0.5f, 0.5f, channels),
            DeltaSoftplus = true,
        };
    }
}
