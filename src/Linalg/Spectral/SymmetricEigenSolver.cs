using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Spectral;

/// <summary>
/// The symmetric eigensolver pipeline (LAPACK's <c>syevd</c>): scale into a safe range, tridiagonalise
/// (<see cref="Tridiagonalization"/>), solve the tridiagonal problem (QL for values, divide and conquer for vectors),
/// back-transform the vectors through the reflectors with GEMMs, undo the scaling.
/// </summary>
internal static unsafe class SymmetricEigenSolver
{
    /// <summary>
    /// Eigen-decomposes the n×n symmetric row-major <paramref name="a"/> (both triangles valid, destroyed). Writes
    /// the ascending eigenvalues to w and, when <paramref name="z"/> is not null, the orthonormal eigenvectors as the
    /// columns of the n×n row-major z.
    /// </summary>
    public static void Compute<T>(T* a, int n, T* w, T* z, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n == 0) return;
        T scale = SafeRangeScale(a, n * n);
        if (scale != T.One)
            for (int i = 0; i < n * n; i++) a[i] *= scale;
        using var scratch = new Scratch<T>(3 * n);
        T* e = scratch.Pointer, tau = e + n;
        Tridiagonalization.Reduce(a, n, n, w, e, tau, options);
        if (z is null)
        {
            TridiagonalQl.SolveValues(n, w, e);
        }
        else
        {
            var zm = StridedMatrix<T>.RowMajor(z, n, n, n);
            if (n <= TridiagonalDivideAndConquer.Leaf)
            {
                zm.SetIdentity();
                TridiagonalQl.Solve(n, w, e, zm);
            }
            else
            {
                TridiagonalDivideAndConquer.Solve(n, w, e, z, options);
            }
            Tridiagonalization.ApplyQ(a, n, n, tau, zm, options);
        }
        if (scale != T.One)
        {
            T inverse = T.One / scale;
            for (int i = 0; i < n; i++) w[i] *= inverse;
        }
    }

    /// <summary>
    /// A power of two that brings max|aᵢⱼ| into [√(safmin/ε), √(ε/safmin)] (LAPACK's rmin/rmax), or 1 when it already
    /// is: squares and products in the reduction then neither underflow nor overflow. Exact, so it costs no accuracy.
    /// </summary>
    public static T SafeRangeScale<T>(T* a, int count) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T max = T.Zero;
        for (int i = 0; i < count; i++) max = T.Max(max, T.Abs(a[i]));
        if (max == T.Zero || !T.IsFinite(max)) return T.One;
        T small = Precision<T>.SafeMinimum / Precision<T>.Epsilon;
        T rmin = T.Sqrt(small), rmax = T.Sqrt(T.One / small);
        if (max >= rmin && max <= rmax) return T.One;
        return T.ScaleB(T.One, -T.ILogB(max));
    }
}
