using System.Numerics;
using Kernels.Tensors.Operators;

namespace Kernels.Tensors.Simd.Lanes;

/// <summary>
/// One register of <typeparamref name="T"/> lanes — a <c>Vector512/256/128</c> or a single scalar — behind static
/// members, so that a kernel too fused for the element-wise driver (several inputs, a state, a reduction) is written
/// once as a generic method and instantiated per width. The JIT specialises every instantiation over the struct,
/// so the calls inline to the bare vector instructions.
/// </summary>
/// <remarks>
/// Dispatch happens once per call on <see cref="SimdPolicy.Current"/>: <c>W512 → Vector512Lane</c>, …,
/// <c>Scalar → ScalarLane</c>; a kernel then runs whole registers and finishes the remainder with
/// <see cref="ScalarLane{T}"/>, so every width is the same algorithm and the scalar lane is its reference.
/// </remarks>
internal interface ISimdLane<TSelf, T>
    where TSelf : struct, ISimdLane<TSelf, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Lanes per register.</summary>
    static abstract int Count { get; }

    /// <summary>Loads <see cref="Count"/> values from <paramref name="source"/>[<paramref name="index"/>…].</summary>
    static abstract TSelf Load(ref T source, nint index);

    /// <summary>Stores the lanes at <paramref name="destination"/>[<paramref name="index"/>…].</summary>
    static abstract void Store(TSelf value, ref T destination, nint index);

    /// <summary>Every lane = <paramref name="value"/>.</summary>
    static abstract TSelf Broadcast(T value);

    /// <summary>x + y.</summary>
    static abstract TSelf Add(TSelf x, TSelf y);

    /// <summary>x − y.</summary>
    static abstract TSelf Subtract(TSelf x, TSelf y);

    /// <summary>x · y.</summary>
    static abstract TSelf Multiply(TSelf x, TSelf y);

    /// <summary>x · y + z, fused where the hardware has it (the scalar lane uses <c>T.FusedMultiplyAdd</c>).</summary>
    static abstract TSelf MultiplyAdd(TSelf x, TSelf y, TSelf z);

    /// <summary>eˣ per lane.</summary>
    static abstract TSelf Exp(TSelf x);

    /// <summary>An element-wise operator of the tensor core (softplus, sigmoid, SiLU, …) per lane.</summary>
    static abstract TSelf Apply<TOperator>(TSelf x) where TOperator : IUnaryOperator<T>;

    /// <summary>Σ lanes, in a fixed order per width (deterministic; the order, and so the last bit, depends on the width).</summary>
    static abstract T Sum(TSelf x);
}
