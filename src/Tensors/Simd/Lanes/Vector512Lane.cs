using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Kernels.Tensors.Operators;

namespace Kernels.Tensors.Simd.Lanes;

/// <summary>A <see cref="Vector512{T}"/> register as an <see cref="ISimdLane{TSelf, T}"/>.</summary>
internal readonly struct Vector512Lane<T>(Vector512<T> value) : ISimdLane<Vector512Lane<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Vector512<T> _value = value;

    public static int Count => Vector512<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> Load(ref T source, nint index) => new(Vector512.LoadUnsafe(ref source, (nuint)index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512Lane<T> value, ref T destination, nint index) => value._value.StoreUnsafe(ref destination, (nuint)index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> Broadcast(T value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> Add(Vector512Lane<T> x, Vector512Lane<T> y) => new(x._value + y._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> Subtract(Vector512Lane<T> x, Vector512Lane<T> y) => new(x._value - y._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> Multiply(Vector512Lane<T> x, Vector512Lane<T> y) => new(x._value * y._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> MultiplyAdd(Vector512Lane<T> x, Vector512Lane<T> y, Vector512Lane<T> z) => new(VectorMath.Fma(x._value, y._value, z._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> Exp(Vector512Lane<T> x) => new(InlineExp.Exp(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> Apply<TOperator>(Vector512Lane<T> x) where TOperator : IUnaryOperator<T> => new(TOperator.Invoke(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector512Lane<T> x) => Vector512.Sum(x._value);
}
