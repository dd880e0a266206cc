using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Kernels.Tensors.Operators;

namespace Kernels.Tensors.Simd.Lanes;

/// <summary>A <see cref="Vector128{T}"/> register as an <see cref="ISimdLane{TSelf, T}"/>.</summary>
internal readonly struct Vector128Lane<T>(Vector128<T> value) : ISimdLane<Vector128Lane<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Vector128<T> _value = value;

    public static int Count => Vector128<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Lane<T> Load(ref T source, nint index) => new(Vector128.LoadUnsafe(ref source, (nuint)index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128Lane<T> value, ref T destination, nint index) => value._value.StoreUnsafe(ref destination, (nuint)index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Lane<T> Broadcast(T value) => new(Vector128.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Lane<T> Add(Vector128Lane<T> x, Vector128Lane<T> y) => new(x._value + y._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Lane<T> Subtract(Vector128Lane<T> x, Vector128Lane<T> y) => new(x._value - y._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Lane<T> Multiply(Vector128Lane<T> x, Vector128Lane<T> y) => new(x._value * y._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Lane<T> MultiplyAdd(Vector128Lane<T> x, Vector128Lane<T> y, Vector128Lane<T> z) => new(VectorMath.Fma(x._value, y._value, z._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Lane<T> Exp(Vector128Lane<T> x) => new(InlineExp.Exp(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Lane<T> Apply<TOperator>(Vector128Lane<T> x) where TOperator : IUnaryOperator<T> => new(TOperator.Invoke(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector128Lane<T> x) => Vector128.Sum(x._value);
}
