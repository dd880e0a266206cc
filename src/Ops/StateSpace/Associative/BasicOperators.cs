using System.Numerics;

namespace Kernels.Ops.StateSpace.Associative;

/// <summary>x + y (a prefix sum).</summary>
public readonly struct SumOperator<T> : IAssociativeOperator<T> where T : INumberBase<T>
{
    /// <inheritdoc />
    public static T Combine(in T earlier, in T later) => earlier + later;
}

/// <summary>x · y (a prefix product; matrix-like types need not commute).</summary>
public readonly struct ProductOperator<T> : IAssociativeOperator<T> where T : IMultiplyOperators<T, T, T>
{
    /// <inheritdoc />
    public static T Combine(in T earlier, in T later) => earlier * later;
}

/// <summary>max(x, y), NaN propagating (a running maximum).</summary>
public readonly struct MaxOperator<T> : IAssociativeOperator<T> where T : INumber<T>
{
    /// <inheritdoc />
    public static T Combine(in T earlier, in T later) => T.Max(earlier, later);
}
