using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;
using Kernels.Linalg.Spectral;

namespace Kernels.Linalg.Factorizations;

public static partial class Lapack
{
    /// <summary>
    /// Symmetric eigendecomposition (<c>syevd</c>): eigenvalues ascending into <paramref name="w"/>; with
    /// <paramref name="vectors"/>, A is overwritten by the orthonormal eigenvectors (column j for w[j]), otherwise A is
    /// left unchanged. Only the <paramref name="uplo"/> triangle of A is read; NaN/∞ there is rejected.
    /// Workspace comes from pinned pools (allocation-free in steady state).
    /// </summary>
    public static unsafe void Syevd<T>(MatrixOrder order, Triangle uplo, bool vectors, int n, Span<T> a, int lda, Span<T> w, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* pa = a)
        fixed (T* pw = w)
        {
            var am = View("A", order, n, n, pa, lda, a.Length);
            CheckLength(nameof(w), w.Length, n, "n eigenvalues");
            using var work = new Scratch<T>(2 * n * n);
            T* dense = work.Pointer, z = dense + n * n;
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++)
                {
                    T x = uplo == Triangle.Lower ? am[i, j] : am[j, i];
                    if (!T.IsFinite(x)) throw new ArgumentException($"Syevd: A ({n}×{n}) has a non-finite value {x} in its {uplo} triangle.", nameof(a));
                    dense[i * n + j] = dense[j * n + i] = x;
                }
            SymmetricEigenSolver.Compute(dense, n, pw, vectors ? z : null, options);
            if (vectors) StridedMatrix<T>.RowMajor(z, n, n, Math.Max(n, 1)).CopyTo(am);
        }
    }

    /// <summary>
    /// SVD <c>A = U·diag(s)·Vᵀ</c> (<c>gesdd</c>; A is not modified): s (min(m, n), descending); for
    /// <see cref="SvdMode.Thin"/> U is m×k and Vᵀ k×n, for <see cref="SvdMode.Full"/> m×m and n×n, for
    /// <see cref="SvdMode.ValuesOnly"/> u and vt are not touched (may be empty). NaN/∞ is rejected.
    /// </summary>
    public static unsafe void Gesdd<T>(MatrixOrder order, SvdMode mode, int m, int n, ReadOnlySpan<T> a, int lda, Span<T> s,
        Span<T> u, int ldu, Span<T> vt, int ldvt, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = Math.Min(m, n);
        fixed (T* pa = a)
        fixed (T* ps = s)
        fixed (T* pu = u)
        fixed (T* pv = vt)
        {
            var am = View("A", order, m, n, pa, lda, a.Length);
            CheckLength(nameof(s), s.Length, k, "min(m, n) singular values");
            bool vectors = mode != SvdMode.ValuesOnly;
            int uc = mode == SvdMode.Full ? m : k, vr = mode == SvdMode.Full ? n : k;
            StridedMatrix<T> um = default, vm = default;
            if (vectors)
            {
                um = View("U", order, m, uc, pu, ldu, u.Length);
                vm = View("Vt", order, vr, n, pv, ldvt, vt.Length);
            }
            // The solver works on p×q, p ≥ q: Aᵀ for wide A (then U and Vᵀ swap roles, transposed).
            bool wide = m < n;
            int p = Math.Max(m, n), q = k, innerU = mode == SvdMode.Full ? p : q;
            using var work = new Scratch<T>(p * q + (vectors ? p * innerU + q * q : 0));
            T* dense = work.Pointer, ui = dense + p * q, vi = ui + (vectors ? p * innerU : 0);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    T x = am[i, j];
                    if (!T.IsFinite(x)) throw new ArgumentException($"Gesdd: A ({m}×{n}) has a non-finite value {x} at ({i}, {j}).", nameof(a));
                    if (wide) dense[j * q + i] = x;
                    else dense[i * q + j] = x;
                }
            SvdSolver.Compute(dense, p, q, ps, vectors ? ui : null, innerU, vectors ? vi : null, false, SvdSolver.AutoDivideAndConquerFrom, options);
            if (!vectors) return;
            var uInner = StridedMatrix<T>.RowMajor(ui, p, innerU, Math.Max(innerU, 1));
            var vInner = StridedMatrix<T>.RowMajor(vi, q, q, Math.Max(q, 1));
            if (!wide)
            {
                uInner.CopyTo(um);
                vInner.CopyTo(vm);
            }
            else
            {
                // Aᵀ = U'·Σ·V'ᵀ ⇒ U = V' (= (V'ᵀ)ᵀ) and Vᵀ = U'ᵀ.
                vInner.Transposed.CopyTo(um);
                uInner.Transposed.CopyTo(vm);
            }
        }
    }
}
