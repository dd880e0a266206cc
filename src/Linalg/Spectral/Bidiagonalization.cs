using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Householder;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Spectral;

/// <summary>
/// Householder bidiagonalisation <c>A = Q·B·Pᵀ</c> of an m×n matrix with m ≥ n, B upper bidiagonal (LAPACK's
/// <c>gebd2</c>): alternately a left reflector zeroes column j below the diagonal and a right reflector zeroes row j
/// right of the superdiagonal. Unblocked (level 2, each reflector streams the trailing matrix twice along its unit
/// stride). Large matrices are reduced in panels (<c>labrd</c>): each reflector still needs two matrix–vector
/// products with the trailing matrix, but its rank-2 updates are deferred and applied per panel as two GEMMs
/// (<c>A ← A − V·Yᵀ − X·Uᵀ</c>), so half the flops run at GEMM speed and the trailing matrix is streamed twice per
/// reflector instead of four times.
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
        using var scratch = new Scratch<T>(2 * Math.Max(m, n) + 2);
        T* work = scratch.Pointer, v = work + Math.Max(m, n) + 1;
        for (int j = 0; j < n; j++)
        {
            T* ajj = a + j * ld + j;
            T alpha = *ajj;
            tauq[j] = Reflector.Generate(m - j, ref alpha, ajj + ld, ld);
            d[j] = alpha;
            int len = n - j - 1;
            if (len > 0 && tauq[j] != T.Zero)
            {
                // C ← (I − τ·v·vᵀ)·C on C = A[j:, j+1:]: w = Cᵀv (four rows per pass), then C −= τ·v·wᵀ by rows.
                v[0] = T.One;
                for (int r = 1; r < m - j; r++) v[r] = ajj[r * ld];
                DenseMatrixVector.TransposeTimes(m - j, len, ajj + 1, ld, v, work);
                for (int r = 0; r < m - j; r++) StridedVector.Axpy(len, -tauq[j] * v[r], work, 1, ajj + r * ld + 1, 1);
            }
            if (len > 0)
            {
                T* row = ajj + 1;
                T beta = *row;
                taup[j] = Reflector.Generate(len, ref beta, row + 1, 1);
                e[j] = beta;
                if (taup[j] != T.Zero && m - j - 1 > 0)
                {
                    // C ← C·(I − τ·u·uᵀ) on C = A[j+1:, j+1:]: w = C·u (four rows per pass), then C −= τ·w·uᵀ by rows.
                    *row = T.One;
                    DenseMatrixVector.Times(m - j - 1, len, row + ld, ld, row, work);
                    for (int r = 0; r < m - j - 1; r++) StridedVector.Axpy(len, -taup[j] * work[r], row, 1, row + (r + 1) * ld, 1);
                    *row = e[j];
                }
            }
        }
    }

    /// <summary>Panel width of the blocked reduction, and the order below which the rest is reduced unblocked.</summary>
    public const int Block = 32, Crossover = 128;

    /// <summary>Blocked <see cref="Reduce{T}"/>: same output and storage.</summary>
    public static void ReduceBlocked<T>(T* a, int m, int n, int ld, T* d, T* e, T* tauq, T* taup, GemmOptions? options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int nb = Block;
        int j0 = 0;
        if (n > Crossover)
        {
            using var scratch = new Scratch<T>(nb * (m + n) + 2 * nb + Math.Max(m, n) + 1 + m);
            T* x = scratch.Pointer, y = x + nb * m, t1 = y + nb * n, t2 = t1 + nb, vec = t2 + nb, gv = vec + Math.Max(m, n) + 1;
            for (; n - j0 > Crossover; j0 += nb)
            {
                int mm = m - j0, nn = n - j0;
                T* b = a + j0 * ld + j0;
                Panel(b, mm, nn, ld, nb, d + j0, e + j0, tauq + j0, taup + j0, x, y, t1, t2, vec, gv);
                // Trailing update A₂₂ −= V·Yᵀ + X·Uᵀ (the reflectors' unit entries are still in place).
                var c = new StridedMatrix<T>(b + nb * ld + nb, mm - nb, nn - nb, ld, 1);
                var v = new StridedMatrix<T>(b + nb * ld, mm - nb, nb, ld, 1);
                var ym = new StridedMatrix<T>(y + nb * nb, nn - nb, nb, nb, 1);
                var xm = new StridedMatrix<T>(x + nb * nb, mm - nb, nb, nb, 1);
                var u = new StridedMatrix<T>(b + nb, nb, nn - nb, ld, 1);
                StridedMatrix<T>.Gemm(-T.One, v, ym.Transposed, T.One, c, options);
                StridedMatrix<T>.Gemm(-T.One, xm, u, T.One, c, options);
                for (int i = 0; i < nb; i++)
                {
                    b[i * ld + i] = d[j0 + i];
                    b[i * ld + i + 1] = e[j0 + i];
                }
            }
        }
        Reduce(a + j0 * ld + j0, m - j0, n - j0, ld, d + j0, e + j0, tauq + j0, taup + j0);
    }

    /// <summary>
    /// One panel of nb reflector pairs on the M×N trailing matrix b (LAPACK's <c>labrd</c>, m ≥ n), leaving the
    /// trailing matrix itself un-updated and returning X (M×nb) and Y (N×nb, both row-major, width nb) for the
    /// caller's GEMMs. Unit entries of the reflectors are left in place (A[i,i] = A[i,i+1] = 1).
    /// </summary>
    private static void Panel<T>(T* b, int mm, int nn, int ld, int nb, T* d, T* e, T* tauq, T* taup, T* x, T* y, T* t1, T* t2, T* vec, T* gv)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < nb; i++)
        {
            // A[i:, i] −= V[i:, 0:i]·Y[i, 0:i]ᵀ + X[i:, 0:i]·U[0:i, i].
            if (i > 0)
            {
                for (int p = 0; p < i; p++) t1[p] = b[p * ld + i];
                T* yi = y + i * nb;
                for (int r = i; r < mm; r++)
                {
                    T* br = b + r * ld, xr = x + r * nb;
                    T acc = T.Zero;
                    for (int p = 0; p < i; p++) acc += br[p] * yi[p] + xr[p] * t1[p];
                    br[i] -= acc;
                }
            }
            T alpha = b[i * ld + i];
            tauq[i] = Reflector.Generate(mm - i, ref alpha, b + (i + 1) * ld + i, ld);
            d[i] = alpha;
            b[i * ld + i] = T.One;
            int len = nn - i - 1;
            if (len <= 0)
            {
                taup[i] = T.Zero;
                continue;
            }
            // Y[i+1:, i] = τq·(A[i:, i+1:]ᵀ·v − Y[i+1:, 0:i]·(V[i:, 0:i]ᵀ·v) − U[0:i, i+1:]ᵀ·(X[i:, 0:i]ᵀ·v)).
            // v = A[i:, i] is gathered once (it is a strided column) for the four-row product kernel.
            for (int r = i; r < mm; r++) gv[r - i] = b[r * ld + i];
            DenseMatrixVector.TransposeTimes(mm - i, len, b + i * ld + i + 1, ld, gv, vec);
            for (int p = 0; p < i; p++) { t1[p] = T.Zero; t2[p] = T.Zero; }
            for (int r = i; r < mm; r++)
            {
                T* br = b + r * ld;
                T vr = br[i];
                T* xr = x + r * nb;
                for (int p = 0; p < i; p++) { t1[p] += br[p] * vr; t2[p] += xr[p] * vr; }
            }
            for (int c = 0; c < len; c++)
            {
                T* yc = y + (i + 1 + c) * nb;
                T acc = T.Zero;
                for (int p = 0; p < i; p++) acc += yc[p] * t1[p];
                vec[c] -= acc;
            }
            for (int p = 0; p < i; p++) StridedVector.Axpy(len, -t2[p], b + p * ld + i + 1, 1, vec, 1);
            for (int c = 0; c < len; c++) y[(i + 1 + c) * nb + i] = tauq[i] * vec[c];
            // A[i, i+1:] −= Y[i+1:, 0:i+1]·V[i, 0:i+1]ᵀ + X[i, 0:i]·U[0:i, i+1:].
            T* bi = b + i * ld;
            for (int c = 0; c < len; c++)
            {
                T* yc = y + (i + 1 + c) * nb;
                T acc = T.Zero;
                for (int p = 0; p <= i; p++) acc += yc[p] * bi[p];
                bi[i + 1 + c] -= acc;
            }
            for (int p = 0; p < i; p++) StridedVector.Axpy(len, -x[i * nb + p], b + p * ld + i + 1, 1, bi + i + 1, 1);
            T beta = bi[i + 1];
            taup[i] = Reflector.Generate(len, ref beta, bi + i + 2, 1);
            e[i] = beta;
            bi[i + 1] = T.One;
            T* u = bi + i + 1;
            // X[i+1:, i] = τp·(A[i+1:, i+1:]·u − V[i+1:, 0:i+1]·(Y[i+1:, 0:i+1]ᵀ·u) − X[i+1:, 0:i]·(U[0:i, i+1:]·u)).
            for (int p = 0; p <= i; p++) t1[p] = T.Zero;
            for (int c = 0; c < len; c++)
            {
                T* yc = y + (i + 1 + c) * nb;
                T uc = u[c];
                for (int p = 0; p <= i; p++) t1[p] += yc[p] * uc;
            }
            for (int p = 0; p < i; p++) t2[p] = StridedVector.Dot(len, b + p * ld + i + 1, 1, u, 1);
            T* au = gv;
            DenseMatrixVector.Times(mm - i - 1, len, b + (i + 1) * ld + i + 1, ld, u, au);
            for (int r = i + 1; r < mm; r++)
            {
                T* br = b + r * ld, xr = x + r * nb;
                T acc = au[r - i - 1];
                for (int p = 0; p <= i; p++) acc -= br[p] * t1[p];
                for (int p = 0; p < i; p++) acc -= xr[p] * t2[p];
                xr[i] = taup[i] * acc;
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
