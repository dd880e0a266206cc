using System.Numerics;
using Kernels.Linalg.Fourier;
using Kernels.Tensors;
using Kernels.Tensors.Npy;

namespace Kernels.Cli;

/// <summary><c>kernels fft</c>: NumPy's fft / ifft / rfft / irfft of a .npy file along an axis.</summary>
internal static class FftCommand
{
    public const string Usage = "fft X.npy -o OUTDIR [--real] [--inverse] [--axis A] [--norm backward|ortho|forward] [--n N]\n"
        + "      complex128 y.npy = fft (real or complex X), ifft (--inverse), rfft (--real), irfft (--real --inverse, float64 y.npy of length N)";

    public static int Run(CliArguments args)
    {
        if (args.HelpOrOutput("fft", Usage, 1, out string outDir)) return 0;
        bool real = args.Has("--real"), inverse = args.Has("--inverse");
        int axis = args.GetInt("--axis", -1);
        int n = args.GetInt("--n", 0);
        var norm = (args.Get("--norm") ?? "backward") switch
        {
            "backward" => FftNorm.Backward,
            "ortho" => FftNorm.Ortho,
            "forward" => FftNorm.Forward,
            var other => throw new UsageException($"--norm must be backward, ortho or forward; got '{other}'"),
        };
        args.RejectUnknown();
        var file = NpyFile.Read(args.Positional[0]);
        bool complexInput = file.Kind is NpyElementKind.Complex64 or NpyElementKind.Complex128;
        Directory.CreateDirectory(outDir);
        string path = Path.Combine(outDir, "y.npy");
        if (real && inverse)
        {
            if (!complexInput) throw new UsageException("fft --real --inverse (irfft) needs a complex input");
            var y = Fft.Irfft(file.ToNDArray<Complex>(), n > 0 ? n : null, axis, norm);
            NpyFile.Write(path, y);
            Console.WriteLine($"wrote {path} {y.ShapeString}");
            return 0;
        }
        NDArray<Complex> result;
        if (real)
        {
            if (complexInput) throw new UsageException("fft --real (rfft) needs a real input");
            result = Fft.Rfft(file.ToNDArray<double>(allowConversion: true), axis, norm);
        }
        else
        {
            result = complexInput
                ? Fft.Transform(file.ToNDArray<Complex>(), axis, inverse, norm)
                : Fft.Transform(file.ToNDArray<double>(allowConversion: true), axis, inverse, norm);
        }
        NpyFile.Write(path, result);
        Console.WriteLine($"wrote {path} {result.ShapeString}");
        return 0;
    }
}
