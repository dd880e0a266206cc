using System.Numerics;
using System.Runtime.Intrinsics;

namespace Kernels.Tensors.Operators;

/// <summary>
/// y = f(x), element by element. One struct per function; the loop driver is generic over the struct so the JIT
/// specialises and inlines it (no virtual calls). Vector overloads must agree with <see cref="Invoke(T)"/> to
/// within the accuracy documented on the operator.
/// </summary>
public interface IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>False when only the scalar form is implemented; the driver then never calls the vector forms.</summary>
    static abstract bool Vectorizable { get; }
    /// <summary>f(x).</summary>
    static abstract T Invoke(T x);
    /// <summary>f(x) lane-wise.</summary>
    static abstract Vector128<T> Invoke(Vector128<T> x);
    /// <summary>f(x) lane-wise.</summary>
    static abstract Vector256<T> Invoke(Vector256<T> x);
    /// <summary>f(x) lane-wise.</summary>
    static abstract Vector512<T> Invoke(Vector512<T> x);
}

/// <summary>z = f(x, y), element by element.</summary>
public interface IBinaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>f(x, y).</summary>
    static abstract T Invoke(T x, T y);
    /// <summary>f(x, y) lane-wise.</summary>
    static abstract Vector128<T> Invoke(Vector128<T> x, Vector128<T> y);
    /// <summary>f(x, y) lane-wise.</summary>
    static abstract Vector256<T> Invoke(Vector256<T> x, Vector256<T> y);
    /// <summary>f(x, y) lane-wise.</summary>
    static abstract Vector512<T> Invoke(Vector512<T> x, Vector512<T> y);
}

/// <summary>w = f(x, y, z), element by element.</summary>
public interface ITernaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>f(x, y, z).</summary>
    static abstract T Invoke(T x, T y, T z);
    /// <summary>f(x, y, z) lane-wise.</summary>
    static abstract Vector128<T> Invoke(Vector128<T> x, Vector128<T> y, Vector128<T> z);
    /// <summary>f(x, y, z) lane-wise.</summary>
    static abstract Vector256<T> Invoke(Vector256<T> x, Vector256<T> y, Vector256<T> z);
    /// <summary>f(x, y, z) lane-wise.</summary>
    static abstract Vector512<T> Invoke(Vector512<T> x, Vector512<T> y, Vector512<T> z);
}

/// <summary>
/// An associative combine with an identity, used by reductions: r = x₀ ⊕ x₁ ⊕ … (in a fixed order per vector
/// width, so results never depend on buffer alignment or thread count).
/// </summary>
public interface IAggregationOperator<T> : IBinaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>e with e ⊕ x = x.</summary>
    static abstract T Identity { get; }
    /// <summary>⊕ over the lanes, in lane order pairwise.</summary>
    static abstract T Horizontal(Vector128<T> x);
}
