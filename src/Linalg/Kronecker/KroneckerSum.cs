using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Solvers;
using Kernels.Tensors;

namespace Kernels.Linalg.Kronecker;

/// <summary>
/// The Kronecker sum <c>A ⊕ B = A ⊗ I_q + I_p ⊗ B</c> (A p×p, B q×q; e.g. the 2-D Laplacian from two 1-D ones) as an
/// operator: <c>(A ⊕ B)·vec(X) = vec(A·X + X·Bᵀ)</c> with X = x reshaped p×q row-major, O(p·q·(p + q)) per vector.
/// </summary>
public sealed class KroneckerSum<T> : ITransposableOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
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

    /// <inheritdoc />
    public int Rows => Order;

    /// <inheritdoc />
    public int Columns => Order;

    /// <summary><c>y = (A ⊕ B)·x</c> for the matrix-free solvers.</summary>
    public void Apply(ReadOnlySpan<T> x, Span<T> y) => ApplySpan(x, y, transpose: false);

    /// <summary><c>y = (A ⊕ B)ᵀ·x</c>.</summary>
    public void ApplyTranspose(ReadOnlySpan<T> x, Span<T> y) => ApplySpan(x, y, transpose: true);

    private void ApplySpan(ReadOnlySpan<T> x, Span<T> y, bool transpose)
    {
        if (x.Length < Order || y.Length < Order) throw new ArgumentException($"Kronecker sum ({Order}×{Order}) · x: x has {x.Length} and y {y.Length} elements.");
        var scratch = new T[Order];
        if (transpose) { _left.ApplyTranspose(x, y); _right.ApplyTranspose(x, scratch); }
        else { _left.Apply(x, y); _right.Apply(x, scratch); }
        System.Numerics.Tensors.TensorPrimitives.Add(y[..Order], scratch, y[..Order]);
    }

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
