using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Factorizations;

/// <summary>
/// Span-level, in-place factorization routines with LAPACK's names and contracts, for callers who manage their own
/// memory. Matrices are spans with a <see cref="MatrixOrder"/> and a leading dimension, exactly as in
/// <see cref="Kernels.Linalg.Blas.Blas"/>; indices (pivots, failing positions) are 0-based. The decomposition
/// classes (<see cref="QrDecomposition{T}"/>, <see cref="LuDecomposition{T}"/>, …) wrap these for tensor views.
/// </summary>
public static partial class Lapack
{
    private static unsafe StridedMatrix<T> View<T>(string name, MatrixOrder order, int m, int n, T* p, int ld, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var (rs, cs) = MatrixArgument.Strides(name, order, Transpose.None, m, n, ld, length);
        return new StridedMatrix<T>(p, m, n, rs, cs);
    }

    private static void CheckLength(string name, int length, int needed, string what)
    {
        if (length < needed)
            throw new ArgumentException($"{name} has {length} elements but needs {needed} ({what}).", name);
    }
}
