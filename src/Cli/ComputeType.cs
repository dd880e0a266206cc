using Kernels.Tensors.Npy;

namespace Kernels.Cli;

/// <summary>The compute precision of a command: <c>--dtype</c> when given, else float64 when any input is float64 or
/// integer (NumPy's promotion), else float32.</summary>
internal static class ComputeType
{
    public static bool IsDouble(string? dtype, IEnumerable<NpyArray> inputs) => dtype switch
    {
        null => inputs.Any(i => i.Kind is NpyElementKind.Float64 or NpyElementKind.Int64 or NpyElementKind.Int32),
        "float64" or "f8" or "double" or "f64" => true,
        "float32" or "f4" or "float" or "f32" => false,
        _ => throw new UsageException($"--dtype must be float32 or float64, got '{dtype}'"),
    };
}
