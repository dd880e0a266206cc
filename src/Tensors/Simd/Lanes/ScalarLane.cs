using System.Numerics;
using System.Runtime.CompilerServices;
using Kernels.Tensors.Operators;

namespace Kernels.Tensors.Simd.Lanes;

/// <summary>One value as an <see cref="ISimdLane{TSelf, T}"/>: the remainder lane and the scalar reference path.</summary>
internal readonly struct ScalarLane<T>(T value) : ISimdLane<ScalarLane<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _value = value;

    public static int Count => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> Load(ref T source, nint index) => new(Unsafe.Add(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ScalarLane<T> value, ref T destination, nint index) => Unsafe.Add(ref destination, index) = value._value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> Broadcast(T value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> Add(ScalarLane<T> x, ScalarLane<T> y) => new(x._value + y._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> Subtract(ScalarLane<T> x, ScalarLane<T> y) => new(x._value - y._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> Multiply(ScalarLane<T> x, ScalarLane<T> y) => new(x._value * y._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> MultiplyAdd(ScalarLane<T> x, ScalarLane<T> y, ScalarLane<T> z) => new(T.FusedMultiplyAdd(x._value, y._value, z._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> Exp(ScalarLane<T> x) => new(InlineExp.Exp(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> Apply<TOperator>(ScalarLane<T> x) where TOperator : IUnaryOperator<T> => new(TOperator.Invoke(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(ScalarLane<T> x) => x._value;
}
