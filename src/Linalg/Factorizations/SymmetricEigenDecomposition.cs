using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;
using Kernels.Linalg.Spectral;
using Kernels.Tensors;

namespace Kernels.Linalg;

/// <summary>
/// Symmetric eigendecomposition <c>A = V·diag(λ)·Vᵀ</c>, λ ascending, V orthogonal (NumPy's <c>eigh</c>, LAPACK's
/// <c>syevd</c>): tridiagonal reduction (half the flops in GEMM), implicit QL for values only, Cuppen divide and
/// conquer for vectors, back-transformation by blocked reflectors. Only the lower triangle of A is read (NumPy's
/// default UPLO='L'). Eigenvalues are accurate to ‖A‖·O(nε) (absolute, as LAPACK's), vectors orthogonal to O(nε).
/// Computed in the constructor on a private copy; the input is not modified.
/// </summary>
public sealed unsafe class SymmetricEigenDecomposition<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _values;
    private readonly T[]? _vectors;

    /// <exception cref="ArgumentException">A is not square or its lower triangle has NaN/∞.</exception>
    /// <exception cref="NonConvergenceException">The tridiagonal iteration failed (its index is reported).</exception>
    public SymmetricEigenDecomposition(NDArray<T> a, bool computeVectors = true, GemmOptions? options = null)
    {
        int n = DenseCopy.SquareOrder(a, nameof(a), "Symmetric eigen");
        using var work = new Scratch<T>(n * n);
        DenseCopy.MatrixInto(a, work.Span);
        DenseCopy.MirrorLowerChecked(work.Span, n, "Symmetric eigen", nameof(a));
        Order = n;
        _values = new T[n];
        _vectors = computeVectors ? new T[n * n] : null;
        fixed (T* pw = _values)
        fixed (T* pz = _vectors)
            SymmetricEigenSolver.Compute(work.Pointer, n, pw, computeVectors ? pz : null, options);
    }

    /// <summary>n.</summary>
    public int Order { get; }

    /// <summary>Whether eigenvectors were computed.</summary>
    public bool HasVectors => _vectors is not null;

    /// <summary>The eigenvalues in ascending order (a copy).</summary>
    public NDArray<T> Values => NDArray.FromArray((T[])_values.Clone(), Order);

    /// <summary>V (n×n, a copy): column j is the unit eigenvector of λ_j.</summary>
    /// <exception cref="InvalidOperationException">Constructed with computeVectors = false.</exception>
    public NDArray<T> Vectors => _vectors is null
        ? throw new InvalidOperationException("Symmetric eigen: eigenvectors were not computed (computeVectors: false).")
        : NDArray.FromArray((T[])_vectors.Clone(), Order, Order);

    /// <summary>Indices [first, last] (0-based, inclusive, ascending order) of the eigenvalues in (lower, upper],
    /// LAPACK's RANGE='V' convention; empty (first &gt; last) when none.</summary>
    public (int First, int Last) IndicesInInterval(T lower, T upper)
    {
        if (!(lower < upper)) throw new ArgumentException($"Symmetric eigen: the interval ({lower}, {upper}] is empty or not ordered.");
        int first = 0;
        while (first < Order && _values[first] <= lower) first++;
        int last = Order - 1;
        while (last >= 0 && _values[last] > upper) last--;
        return (first, last);
    }

    /// <summary>The eigenpairs with indices first…last (inclusive): values (count) and vectors (n×count, or null).</summary>
    public (NDArray<T> Values, NDArray<T>? Vectors) Select(int first, int last)
    {
        if (first < 0 || last >= Order || first > last + 1)
            throw new ArgumentOutOfRangeException(nameof(first), $"Symmetric eigen: index range [{first}, {last}] is outside 0…{Order - 1}.");
        int count = last - first + 1;
        var w = _values.AsSpan(first, count).ToArray();
        if (_vectors is null) return (NDArray.FromArray(w, count), null);
        var v = new T[Order * count];
        for (int i = 0; i < Order; i++)
            _vectors.AsSpan(i * Order + first, count).CopyTo(v.AsSpan(i * count, count));
        return (NDArray.FromArray(w, count), NDArray.FromArray(v, Order, count));
    }
}
