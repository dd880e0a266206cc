using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Kernels.Tensors.Operators;

namespace Kernels.Tensors.Simd.Lanes;

/// <summary>A <see cref="Vector256{T}"/> register as an <see cref="ISimdLane{TSelf, T}"/>.</summary>
internal readonly struct Vector256Lane<T>(Vector256<T> value) : ISimdLane<Vector256Lane<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Vector256<T> _value = value;

    public static int Count => Vector256<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> Load(ref T source, nint index) => new(Vector256.LoadUnsafe(ref source, (nuint)index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256Lane<T> value, ref T destination, nint index) => value._value.StoreUnsafe(ref destination, (nuint)index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> Broadcast(T value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> Add(Vector256Lane<T> x, Vector256Lane<T> y) => new(x._value + y._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> Subtract(Vector256Lane<T> x, Vector256Lane<T> y) => new(x._value - y._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> Multiply(Vector256Lane<T> x, Vector256Lane<T> y) => new(x._value * y._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> MultiplyAdd(Vector256Lane<T> x, Vector256Lane<T> y, Vector256Lane<T> z) => new(VectorMath.Fma(x._value, y._value, z._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> Exp(Vector256Lane<T> x) => new(InlineExp.Exp(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> Apply<TOperator>(Vector256Lane<T> x) where TOperator : IUnaryOperator<T> => new(TOperator.Invoke(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector256Lane<T> x) => Vector256.Sum(x._value);
}
