using System.Numerics;
using System.Runtime.Intrinsics;

namespace Kernels.Tensors.Operators;

/// <summary>acc ⊕ map(x): one step of a reduction along a strided axis, applied element-wise to a whole slice.</summary>
internal readonly struct MapAccumulateOperator<T, TMap, TAgg> : IBinaryOperator<T>
    where T : unmanaged, IFloatingPointIeee754<T> where TMap : IUnaryOperator<T> where TAgg : IAggregationOperator<T>
{
    public static T Invoke(T acc, T x) => TAgg.Invoke(acc, TMap.Invoke(x));
    public static Vector128<T> Invoke(Vector128<T> acc, Vector128<T> x) => TAgg.Invoke(acc, TMap.Invoke(x));
    public static Vector256<T> Invoke(Vector256<T> acc, Vector256<T> x) => TAgg.Invoke(acc, TMap.Invoke(x));
    public static Vector512<T> Invoke(Vector512<T> acc, Vector512<T> x) => TAgg.Invoke(acc, TMap.Invoke(x));
}
