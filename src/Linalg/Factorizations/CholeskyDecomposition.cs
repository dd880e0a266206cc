using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Factorizations;
using Kernels.Linalg.Internal;
using Kernels.Tensors;

namespace Kernels.Linalg;

/// <summary>
/// Cholesky <c>A = L·Lᵀ</c> of a symmetric positive definite n×n matrix (only the lower triangle of A is read).
/// Recursive and level 3. Computed in the constructor on a private copy; the input is not modified. Does not test
/// symmetry: the upper triangle is ignored, as in LAPACK.
/// </summary>
public sealed unsafe class CholeskyDecomposition<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _l;
    private readonly GemmOptions? _options;

    /// <exception cref="ArgumentException">A is not square or has NaN/∞ in its lower triangle.</exception>
    /// <exception cref="NotPositiveDefiniteException">A leading minor is not positive definite (its order is reported).</exception>
    public CholeskyDecomposition(NDArray<T> a, GemmOptions? options = null)
    {
        _l = DenseCopy.Square(a, nameof(a), "Cholesky", out int n);
        Order = n;
        _options = options;
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
                if (!T.IsFinite(_l[i * n + j]))
                    throw new ArgumentException($"Cholesky: A ({n}×{n}) has a non-finite value {_l[i * n + j]} at ({i}, {j}).", nameof(a));
        int info;
        fixed (T* p = _l)
            info = CholeskyKernel.Factor(StridedMatrix<T>.RowMajor(p, n, n, Math.Max(n, 1)), options);
        if (info != 0)
            throw new NotPositiveDefiniteException(
                $"Cholesky: A ({n}×{n}) is not positive definite: the leading minor of order {info} is not (pivot {_l[(info - 1) * n + info - 1]} at ({info - 1}, {info - 1})).", info);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) _l[i * n + j] = T.Zero;
    }

    /// <summary>n.</summary>
    public int Order { get; }

    /// <summary>The lower-triangular factor L (a copy).</summary>
    public NDArray<T> L => NDArray.FromArray((T[])_l.Clone(), Order, Order);

    /// <summary>Solves <c>A·X = B</c> (B n or n×k); returns a new array.</summary>
    public NDArray<T> Solve(NDArray<T> b)
    {
        int n = Order;
        var x = DenseCopy.RightHandSide(b, n, "Cholesky solve", $"{n}×{n}", out int k, out bool vector);
        fixed (T* pl = _l)
        fixed (T* px = x)
            Lapack.CholeskySolve(StridedMatrix<T>.RowMajor(pl, n, n, Math.Max(n, 1)), StridedMatrix<T>.RowMajor(px, n, k, Math.Max(k, 1)), _options);
        return DenseCopy.Result(x, n, k, vector);
    }

    /// <summary><c>log det A = 2·Σ log L_ii</c> (no overflow for any n).</summary>
    public T LogDeterminant
    {
        get
        {
            T s = T.Zero;
            for (int i = 0; i < Order; i++) s += T.Log(_l[i * Order + i]);
            return s + s;
        }
    }

    /// <summary><c>det A = Π L_ii²</c>, accumulated with a separate exponent so it over/underflows only if the result does.</summary>
    public T Determinant
    {
        get
        {
            var acc = new ScaledProduct<T>();
            for (int i = 0; i < Order; i++)
            {
                acc.Multiply(_l[i * Order + i]);
                acc.Multiply(_l[i * Order + i]);
            }
            return acc.Value;
        }
    }

    /// <summary>A⁻¹ (symmetric), by solving with the identity.</summary>
    public NDArray<T> Inverse()
    {
        return Solve(DenseCopy.Identity<T>(Order));
    }
}
