using System.Globalization;
using Kernels.Tensors;
using Kernels.Tensors.Npy;

namespace Kernels.Cli;

/// <summary>The operations <c>kernels OP INPUT.npy... -o OUTDIR</c> runs: name, arity, and what it computes.</summary>
internal static class Operations
{
    internal sealed record Operation(string Name, int Inputs, string Summary);

    public static readonly Operation[] Catalog =
    [
        new("add", 2, "x + y (broadcasting)"), new("sub", 2, "x - y"), new("mul", 2, "x * y"), new("div", 2, "x / y"),
        new("minimum", 2, "element-wise min, NaN-propagating"), new("maximum", 2, "element-wise max, NaN-propagating"),
        new("fma", 3, "x * y + z, one rounding"),
        new("clamp", 1, "clamp to [--min, --max]"),
        new("neg", 1, "-x"), new("abs", 1, "|x|"), new("sqrt", 1, "sqrt x"), new("exp", 1, "e^x"), new("log", 1, "ln x"),
        new("tanh", 1, "tanh x"), new("sigmoid", 1, "1/(1+e^-x)"), new("softplus", 1, "ln(1+e^x)"), new("silu", 1, "x*sigmoid(x)"),
        new("gelu", 1, "exact GELU x*Phi(x)"), new("gelu-tanh", 1, "GELU, tanh approximation"),
        new("sum", 1, "sum over --axis (all when omitted) [--keepdims]"), new("mean", 1, "mean over --axis"),
        new("min", 1, "min over --axis"), new("max", 1, "max over --axis"), new("var", 1, "variance over --axis [--ddof N]"),
        new("norm2", 1, "overflow-safe 2-norm over --axis"), new("logsumexp", 1, "log-sum-exp over --axis"),
        new("argmax", 1, "index of the first maximum along --axis (flattened when omitted)"),
        new("softmax", 1, "softmax along --axis (default -1)"), new("log-softmax", 1, "log-softmax along --axis (default -1)"),
        new("dot", 2, "sum of x*y over --axis (all when omitted)"),
        new("matmul", 2, "matrix product, NumPy matmul semantics (batched, broadcasting)"),
    ];

    public static Operation? Find(string name) => Catalog.FirstOrDefault(o => o.Name == name);

    public static int Run(Operation op, CliArguments args)
    {
        if (args.Has("--help") || args.Has("-h"))
        {
            Console.WriteLine($"usage: kernels {op.Name} {string.Join(' ', Enumerable.Range(0, op.Inputs).Select(i => $"IN{i}.npy"))} -o OUTDIR [--dtype float32|float64] [--threads N]"
                + (op.Name is "clamp" ? " --min A --max B" : "") + (op.Inputs == 1 && op.Name is not ("clamp" or "neg" or "abs" or "sqrt" or "exp" or "log" or "tanh" or "sigmoid" or "softplus" or "silu" or "gelu" or "gelu-tanh") || op.Name == "dot" ? " [--axis A[,B...]] [--keepdims]" : ""));
            Console.WriteLine($"  {op.Summary}");
            return 0;
        }
        string outDir = args.Get("-o", "--out") ?? throw new UsageException($"{op.Name}: missing -o OUTDIR");
        string? dtype = args.Get("--dtype");
        if (args.Positional.Count != op.Inputs)
            throw new UsageException($"{op.Name} takes {op.Inputs} input file(s), got {args.Positional.Count}");
        var inputs = args.Positional.Select(NpyFile.Read).ToArray();
        bool useDouble = ComputeType.IsDouble(dtype, inputs);
        Directory.CreateDirectory(outDir);
        string path = Path.Combine(outDir, op.Name + ".npy");
        string shape;
        if (useDouble) { var r = Compute<double>(op, inputs.Select(i => i.ToNDArray<double>(allowConversion: true)).ToArray(), args); shape = Write(path, r); }
        else { var r = Compute<float>(op, inputs.Select(i => i.ToNDArray<float>(allowConversion: true)).ToArray(), args); shape = Write(path, r); }
        Console.WriteLine($"wrote {path} {shape}");
        return 0;
    }

    private static string Write(string path, object result)
    {
        switch (result)
        {
            case NDArray<float> f: NpyFile.Write(path, f); return $"{f.ShapeString} float32";
            case NDArray<double> d: NpyFile.Write(path, d); return $"{d.ShapeString} float64";
            case NDArray<long> l: NpyFile.Write(path, l); return $"{l.ShapeString} int64";
            default: throw new InvalidOperationException("unexpected result type");
        }
    }

    private static object Compute<T>(Operation op, NDArray<T>[] x, CliArguments args) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int[] axes = op.Name is "softmax" or "log-softmax" or "argmax" ? [] : args.GetAxes();
        bool keep = args.Has("--keepdims");
        object result = op.Name switch
        {
            "add" => NDArray.Add(x[0], x[1]),
            "sub" => NDArray.Subtract(x[0], x[1]),
            "mul" => NDArray.Multiply(x[0], x[1]),
            "div" => NDArray.Divide(x[0], x[1]),
            "minimum" => NDArray.Minimum(x[0], x[1]),
            "maximum" => NDArray.Maximum(x[0], x[1]),
            "fma" => NDArray.FusedMultiplyAdd(x[0], x[1], x[2]),
            "clamp" => NDArray.Clamp(x[0], T.CreateChecked(args.GetDouble("--min") ?? double.NegativeInfinity), T.CreateChecked(args.GetDouble("--max") ?? double.PositiveInfinity)),
            "neg" => NDArray.Negate(x[0]),
            "abs" => NDArray.Abs(x[0]),
            "sqrt" => NDArray.Sqrt(x[0]),
            "exp" => NDArray.Exp(x[0]),
            "log" => NDArray.Log(x[0]),
            "tanh" => NDArray.Tanh(x[0]),
            "sigmoid" => NDArray.Sigmoid(x[0]),
            "softplus" => NDArray.Softplus(x[0]),
            "silu" => NDArray.Silu(x[0]),
            "gelu" => NDArray.Gelu(x[0]),
            "gelu-tanh" => NDArray.GeluTanh(x[0]),
            "sum" => NDArray.Sum(x[0], axes, keep),
            "mean" => NDArray.Mean(x[0], axes, keep),
            "min" => NDArray.Min(x[0], axes, keep),
            "max" => NDArray.Max(x[0], axes, keep),
            "var" => NDArray.Variance(x[0], axes, args.GetInt("--ddof", 0), keep),
            "norm2" => NDArray.Norm2(x[0], axes, keep),
            "logsumexp" => NDArray.LogSumExp(x[0], axes, keep),
            "argmax" => args.Get("--axis") is { } a
                ? NDArray.ArgMax(x[0], int.Parse(a, CultureInfo.InvariantCulture), keep)
                : NDArray.FromArray([NDArray.ArgMax(x[0])], ReadOnlySpan<int>.Empty),
            "softmax" => NDArray.Softmax(x[0], args.GetInt("--axis", -1)),
            "log-softmax" => NDArray.LogSoftmax(x[0], args.GetInt("--axis", -1)),
            "dot" => NDArray.Dot(x[0], x[1], axes, keep),
            "matmul" => Kernels.Linalg.LinearAlgebra.MatMul(x[0], x[1]),
            _ => throw new UsageException($"operation {op.Name} is not wired"),
        };
        args.RejectUnknown();
        return result;
    }
}
