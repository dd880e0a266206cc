using System.Numerics;
using Kernels.Tensors;

namespace Kernels.Ops.Transport;

/// <summary>
/// A sparse transport plan: mass <see cref="Mass"/>[k] moves from source sample <see cref="Source"/>[k] to target
/// sample <see cref="Target"/>[k]; the 1-D optimal plan has at most n + m − 1 entries in exact arithmetic (one
/// more, of rounding-size mass, when the two weight vectors sum to 1 only within rounding).
/// </summary>
public sealed class TransportCoupling<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal TransportCoupling(int sourceCount, int targetCount, int[] source, int[] target, T[] mass, T cost)
    {
        SourceCount = sourceCount;
        TargetCount = targetCount;
        Source = source;
        Target = target;
        Mass = mass;
        Cost = cost;
    }

    /// <summary>Number n of source samples.</summary>
    public int SourceCount { get; }

    /// <summary>Number m of target samples.</summary>
    public int TargetCount { get; }

    /// <summary>Source index of every entry.</summary>
    public IReadOnlyList<int> Source { get; }

    /// <summary>Target index of every entry.</summary>
    public IReadOnlyList<int> Target { get; }

    /// <summary>Mass of every entry (positive).</summary>
    public IReadOnlyList<T> Mass { get; }

    /// <summary>Σ_k Mass[k]·|u_Source[k] − v_Target[k]|ᵖ = W_pᵖ.</summary>
    public T Cost { get; }

    /// <summary>The plan as a dense n×m matrix (POT's <c>emd_1d(..., dense=True)</c>).</summary>
    public NDArray<T> ToDense()
    {
        var plan = new NDArray<T>(SourceCount, TargetCount);
        var span = plan.AsSpan();
        for (int k = 0; k < Mass.Count; k++) span[Source[k] * TargetCount + Target[k]] += Mass[k];
        return plan;
    }
}
