using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Householder;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Spectral;

/// <summary>
/// Householder bidiagonalisation <c>A = Q·B·Pᵀ</c> of an m×n matrix with m ≥ n, B upper bidiagonal (LAPACK's
/// <c>gebd2</c>): alternately a left reflector zeroes column j below the diagonal and a right reflector zeroes row j
/// right of the superdiagonal. Unblocked (level 2, each reflector streams the trailing matrix twice along its unit
/// stride); the blocked <c>labrd</c> form that moves half the flops into GEMM is not implemented yet.
/// </summary>
internal static unsafe class Bidiagonalization
{
    /// <summary>
    /// Reduces the row-major m×n <paramref name="a"/> (leading dimension ld, m ≥ n) in place. d (n), e (n−1): B's
    /// diagonal and superdiagonal. Left reflector j is stored in column j below the diagonal (QR storage, scale
    /// τq_j), right reflector j in row j from column j+2 (its 1 at column j+1 implied, scale τp_j).
    /// </summary>
    public static void Reduce<T>(T* a, int m, int n, int ld, T* d, T* e, T* tauq, T* taup) where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var scratch = new Scratch<T>(Math.Max(m, n) + 1);
        T* work = scratch.Pointer;
        for (int j = 0; j < n; j++)
        {
            T* ajj = a + j * ld + j;
            T alpha = *ajj;
            tauq[j] = Reflector.Generate(m - j, ref alpha, ajj + ld, ld);
            d[j] = alpha;
            *ajj = T.One;
            if (j + 1 < n)
                Reflector.ApplyLeft(new StridedMatrix<T>(ajj + 1, m - j, n - j - 1, ld, 1), ajj, ld, tauq[j], work);
            *ajj = d[j];
            if (j + 1 < n)
            {
                T* row = ajj + 1;
                T beta = *row;
                taup[j] = Reflector.Generate(n - j - 1, ref beta, row + 1, 1);
                e[j] = beta;
                *row = T.One;
                Reflector.ApplyRight(new StridedMatrix<T>(row + ld, m - j - 1, n - j - 1, ld, 1), row, 1, taup[j], work);
                *row = e[j];
            }
        }
    }

    /// <summary><c>C ← Q·C</c> (C m×p) with the left reflectors of <see cref="Reduce{T}"/>, blocked (GEMMs).</summary>
    public static void ApplyQ<T>(T* a, int m, int n, int ld, T* tauq, StridedMatrix<T> c, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T> =>
        HouseholderQr.ApplyQ(true, false, new StridedMatrix<T>(a, m, n, ld, 1), n, tauq, c, options);

    /// <summary><c>C ← P·C</c> (C n×p) with the right reflectors, stored as the tridiagonal reduction stores its own.</summary>
    public static void ApplyP<T>(T* a, int n, int ld, T* taup, StridedMatrix<T> c, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T> =>
        Tridiagonalization.ApplyQ(a, n, ld, taup, c, options);
}
