using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Tensors;

namespace Kernels.Linalg.Kronecker;

/// <summary>
/// The Kronecker sum <c>A ⊕ B = A ⊗ I_q + I_p ⊗ B</c> (A p×p, B q×q; e.g. the 2-D Laplacian from two 1-D ones) as an
/// operator: <c>(A ⊕ B)·vec(X) = vec(A·X + X·Bᵀ)</c> with X = x reshaped p×q row-major, O(p·q·(p + q)) per vector.
/// </summary>
public sealed class KroneckerSum<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly KroneckerOperator<T> _left, _right;

    /// <exception cref="ArgumentException">A or B is not square.</exception>
    public KroneckerSum(NDArray<T> a, NDArray<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rank != 2 || a.Shape[0] != a.Shape[1] || b.Rank != 2 || b.Shape[0] != b.Shape[1])
            throw new ArgumentException($"Kronecker sum needs square A and B; got {a.ShapeString} and {b.ShapeString}.");
        int p = a.Shape[0], q = b.Shape[0];
        _left = new KroneckerOperator<T>(a, Identity(q));
        _right = new KroneckerOperator<T>(Identity(p), b);
        Order = p * q;
    }

    /// <summary>p·q.</summary>
    public int Order { get; }

    /// <summary><c>(A ⊕ B)·X</c> (or its transpose) for X of p·q rows, 1-D or 2-D.</summary>
    public NDArray<T> Apply(NDArray<T> x, bool transpose = false, GemmOptions? options = null)
    {
        var y = _left.Apply(x, transpose, options);
        var z = _right.Apply(x, transpose, options);
        var ys = y.ToArray();
        var zs = z.ToArray();
        for (int i = 0; i < ys.Length; i++) ys[i] += zs[i];
        return y.Rank == 1 ? NDArray.FromArray(ys, ys.Length) : NDArray.FromArray(ys, y.Shape[0], y.Shape[1]);
    }

    /// <summary>The sum formed explicitly (tests and small sizes).</summary>
    public NDArray<T> ToDense()
    {
        var l = _left.ToDense().ToArray();
        var r = _right.ToDense().ToArray();
        for (int i = 0; i < l.Length; i++) l[i] += r[i];
        return NDArray.FromArray(l, Order, Order);
    }

    private static NDArray<T> Identity(int n)
    {
        var eye = new NDArray<T>(n, n);
        for (int i = 0; i < n; i++) eye[i, i] = T.One;
        return eye;
    }
}
