using System.Numerics;
using Kernels.Tensors.Random;

namespace Kernels.Tensors;

public static partial class NDArray
{
    /// <summary>A new array of U(low, high) values, reproducible from <paramref name="seed"/> (Philox4x32-10; see <see cref="RandomFill"/>).</summary>
    public static NDArray<T> RandomUniform<T>(ulong seed, T low, T high, params ReadOnlySpan<int> shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(low <= high) || !T.IsFinite(high - low)) throw new ArgumentException($"Uniform bounds must be finite with low <= high; got [{low}, {high}).");
        var a = new NDArray<T>(shape);
        RandomFill.Uniform(a.AsSpan(), seed, low, high);
        return a;
    }

    /// <summary>A new array of N(mean, std²) values, reproducible from <paramref name="seed"/> (Philox4x32-10 + Box–Muller).</summary>
    public static NDArray<T> RandomNormal<T>(ulong seed, T mean, T std, params ReadOnlySpan<int> shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(std >= T.Zero) || !T.IsFinite(std) || !T.IsFinite(mean)) throw new ArgumentException($"Normal needs finite mean and std >= 0; got mean={mean}, std={std}.");
        var a = new NDArray<T>(shape);
        RandomFill.Normal(a.AsSpan(), seed, mean, std);
        return a;
    }
}
