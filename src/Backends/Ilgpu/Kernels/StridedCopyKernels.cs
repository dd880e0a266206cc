using ILGPU;
using Kernels.Devices;

namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>
/// Scalar arguments of <see cref="StridedCopyKernels.Copy{T}"/>: a <see cref="StridedCopyPlan"/> with its axes
/// innermost first (axis 0 is the one the destination walks fastest), unused axes of extent 1 and stride 0.
/// </summary>
internal readonly record struct StridedCopyArguments(int Rank, long SourceOffset, long DestinationOffset,
    int E0, int E1, int E2, int E3, int E4, int E5, int E6, int E7,
    long S0, long S1, long S2, long S3, long S4, long S5, long S6, long S7,
    long D0, long D1, long D2, long D3, long D4, long D5, long D6, long D7)
{
    public static StridedCopyArguments From(StridedCopyPlan plan)
    {
        int r = plan.Rank;
        int E(int a) => a < r ? plan.Extents[r - 1 - a] : 1;
        long S(int a) => a < r ? plan.SourceStrides[r - 1 - a] : 0;
        long D(int a) => a < r ? plan.DestinationStrides[r - 1 - a] : 0;
        return new(r, plan.SourceOffset, plan.DestinationOffset, E(0), E(1), E(2), E(3), E(4), E(5), E(6), E(7),
            S(0), S(1), S(2), S(3), S(4), S(5), S(6), S(7), D(0), D(1), D(2), D(3), D(4), D(5), D(6), D(7));
    }
}

/// <summary>
/// y[d₀ + Σ iₐ·dₐ] = x[s₀ + Σ iₐ·sₐ], one thread per element in the destination's fastest order, so neighbouring
/// threads write neighbouring elements whenever the destination's innermost stride is 1 (a permuted source is then
/// read with a stride: the 2-D case has the tiled <see cref="TransposeKernels"/>). The element's index is split into
/// coordinates with 32-bit divisions, one per axis but the outermost (the plan merged every axis it could).
/// </summary>
internal static class StridedCopyKernels
{
    public static void Copy<T>(Index1D index, ArrayView<T> x, ArrayView<T> y, StridedCopyArguments g) where T : unmanaged
    {
        int rest = index;
        long source = g.SourceOffset, destination = g.DestinationOffset;
        Axis(0, g.Rank, ref rest, g.E0, g.S0, g.D0, ref source, ref destination);
        Axis(1, g.Rank, ref rest, g.E1, g.S1, g.D1, ref source, ref destination);
        Axis(2, g.Rank, ref rest, g.E2, g.S2, g.D2, ref source, ref destination);
        Axis(3, g.Rank, ref rest, g.E3, g.S3, g.D3, ref source, ref destination);
        Axis(4, g.Rank, ref rest, g.E4, g.S4, g.D4, ref source, ref destination);
        Axis(5, g.Rank, ref rest, g.E5, g.S5, g.D5, ref source, ref destination);
        Axis(6, g.Rank, ref rest, g.E6, g.S6, g.D6, ref source, ref destination);
        Axis(7, g.Rank, ref rest, g.E7, g.S7, g.D7, ref source, ref destination);
        y[destination] = x[source];
    }

    // Coordinate `axis` of the remaining index (the outermost axis takes all that is left); the branch is uniform.
    private static void Axis(int axis, int rank, ref int rest, int extent, long sourceStride, long destinationStride, ref long source, ref long destination)
    {
        if (axis >= rank) return;
        int i = rest;
        if (axis < rank - 1)
        {
            i = rest % extent;
            rest /= extent;
        }
        source += i * sourceStride;
        destination += i * destinationStride;
    }
}
