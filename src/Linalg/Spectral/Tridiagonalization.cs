using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Householder;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Spectral;

/// <summary>
/// Orthogonal reduction of a symmetric matrix to tridiagonal form, <c>A = Q·T·Qᵀ</c> with
/// <c>Q = H₀·H₁⋯H_{n−2}</c> (LAPACK's <c>sytrd</c>). Blocked as <c>latrd</c>: within a panel of
/// <see cref="Block"/> columns each reflector needs one matrix–vector product with the not-yet-updated trailing
/// matrix (the memory-bound half of the flops), and the panel's rank-2k update <c>A ← A − V·Wᵀ − W·Vᵀ</c> is two GEMMs.
/// </summary>
internal static unsafe class Tridiagonalization
{
    /// <summary>Panel width: reflectors accumulated in V, W before one rank-2k GEMM update.</summary>
    public const int Block = 32;

    /// <summary>
    /// Reduces the n×n symmetric row-major <paramref name="a"/> (both triangles valid; leading dimension
    /// <paramref name="ld"/>) in place. On exit d (n) and e (n−1) hold T's diagonal and off-diagonal, τ (n−1) the
    /// reflector scales, and reflector j is stored in row j: <c>v_j = [0…0, 1, A[j, j+2], …, A[j, n−1]]</c> (the 1 at
    /// index j+1 implied). Entries left of the diagonal are overwritten with garbage.
    /// </summary>
    public static void Reduce<T>(T* a, int n, int ld, T* d, T* e, T* tau, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n == 0) return;
        int nb = Math.Min(Block, Math.Max(n - 1, 1));
        // Vt, Wt hold V and W transposed (panel column p is the contiguous row p) so every panel operation is unit
        // stride; Y is the matrix–vector product's result.
        // A third block after W repeats V so [V W] and [W V] are both contiguous row ranges: the rank-2k update is
        // one GEMM with inner dimension 2·nb (twice the depth per pass over the trailing matrix as two GEMMs).
        using var scratch = new Scratch<T>(3 * nb * n + n);
        T* vt = scratch.Pointer, wt = vt + nb * n, vAgain = wt + nb * n, y = vAgain + nb * n;
        for (int j0 = 0; j0 < n - 1; j0 += nb)
        {
            int jb = Math.Min(nb, n - 1 - j0);
            for (int i = 0; i < jb; i++)
            {
                int j = j0 + i;
                int m = n - j - 1;
                T* row = a + j * ld;
                // Bring row j up to date with the panel's earlier reflectors: A[j, j:] −= V[j,:]·W[j:,:]ᵀ + W[j,:]·V[j:,:]ᵀ.
                for (int p = 0; p < i; p++)
                {
                    StridedVector.Axpy(m + 1, -vt[p * n + j], wt + p * n + j, 1, row + j, 1);
                    StridedVector.Axpy(m + 1, -wt[p * n + j], vt + p * n + j, 1, row + j, 1);
                }
                T alpha = row[j + 1];
                T t = Reflector.Generate(m, ref alpha, row + j + 2, 1);
                d[j] = row[j];
                e[j] = alpha;
                tau[j] = t;
                row[j + 1] = T.One;
                T* v = row + j + 1;
                // y = A₂₂·v − V·(Wᵀv) − W·(Vᵀv): A₂₂ is this panel's starting trailing matrix (rows j+1…).
                T* a22 = a + (j + 1) * ld + j + 1;
                SymmetricMatrixVector.Lower(m, a22, ld, v, y);
                for (int p = 0; p < i; p++)
                {
                    T* vp = vt + p * n + j + 1, wp = wt + p * n + j + 1;
                    T s1 = StridedVector.Dot(m, wp, 1, v, 1), s2 = StridedVector.Dot(m, vp, 1, v, 1);
                    StridedVector.Axpy(m, -s1, vp, 1, y, 1);
                    StridedVector.Axpy(m, -s2, wp, 1, y, 1);
                }
                // w = τ·y − (τ²/2)(yᵀv)·v, so that H·A₂₂·H = A₂₂ − v·wᵀ − w·vᵀ.
                StridedVector.Scale(m, t, y, 1);
                T k = -(t / (T.One + T.One)) * StridedVector.Dot(m, y, 1, v, 1);
                StridedVector.Axpy(m, k, v, 1, y, 1);
                T* vrow = vt + i * n, wrow = wt + i * n;
                for (int r = 0; r <= j; r++) { vrow[r] = T.Zero; wrow[r] = T.Zero; }
                for (int r = 0; r < m; r++) { vrow[j + 1 + r] = v[r]; wrow[j + 1 + r] = y[r]; }
                row[j + 1] = alpha;
            }
            int s = j0 + jb, mt = n - s;
            if (mt > 0)
            {
                var c = StridedMatrix<T>.RowMajor(a + s * ld + s, mt, mt, ld);
                if (jb == nb)
                {
                    new Span<T>(vt, nb * n).CopyTo(new Span<T>(vAgain, nb * n));
                    var vw = new StridedMatrix<T>(vt + s, mt, 2 * nb, 1, n);
                    var wv = new StridedMatrix<T>(wt + s, mt, 2 * nb, 1, n);
                    StridedMatrix<T>.Gemm(-T.One, vw, wv.Transposed, T.One, c, options);
                }
                else
                {
                    var vs = new StridedMatrix<T>(vt + s, mt, jb, 1, n);
                    var ws = new StridedMatrix<T>(wt + s, mt, jb, 1, n);
                    StridedMatrix<T>.Gemm(-T.One, vs, ws.Transposed, T.One, c, options);
                    StridedMatrix<T>.Gemm(-T.One, ws, vs.Transposed, T.One, c, options);
                }
            }
        }
        d[n - 1] = a[(n - 1) * ld + n - 1];
    }

    /// <summary><c>Z ← Q·Z</c> for the Q of <see cref="Reduce{T}"/> (Z has n rows), by blocked reflectors (GEMMs).</summary>
    public static void ApplyQ<T>(T* a, int n, int ld, T* tau, StridedMatrix<T> z, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n < 2 || z.IsEmpty) return;
        // Reflector j lives in row j from column j+1: seen through the transposed view at column offset 1 it is the
        // j-th column below the diagonal, exactly the QR storage ApplyQ expects.
        var v = new StridedMatrix<T>(a + 1, n - 1, n - 1, 1, ld);
        HouseholderQr.ApplyQ(true, false, v, n - 1, tau, z.Sub(1, 0, n - 1, z.Cols), options);
    }
}
