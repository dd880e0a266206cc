using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Householder;

namespace Kernels.Linalg.Factorizations;

public static partial class Lapack
{
    /// <summary>
    /// <c>A = Q·R</c> (<c>geqrf</c>): overwrites the m×n A with R (on and above the diagonal) and the Householder
    /// vectors (below it, unit diagonal implied); <c>Q = H₀⋯H_{k−1}</c>, <c>H_j = I − τ_j·v_j·v_jᵀ</c>,
    /// k = min(m, n), τ written to <paramref name="tau"/>. Blocked; the trailing updates run in GEMM.
    /// </summary>
    public static unsafe void Geqrf<T>(MatrixOrder order, int m, int n, Span<T> a, int lda, Span<T> tau, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* pa = a)
        fixed (T* pt = tau)
        {
            var am = View("A", order, m, n, pa, lda, a.Length);
            CheckLength(nameof(tau), tau.Length, Math.Min(m, n), "min(m, n) scalar factors");
            HouseholderQr.Factor(am, pt, options);
        }
    }

    /// <summary>
    /// Overwrites the m×n A (m ≥ n ≥ k), whose first k columns hold reflectors as left by <see cref="Geqrf{T}"/>, with
    /// the first n columns of <c>Q = H₀⋯H_{k−1}</c> (<c>orgqr</c>; <c>torch.linalg.householder_product</c>).
    /// </summary>
    public static unsafe void Orgqr<T>(MatrixOrder order, int m, int n, int k, Span<T> a, int lda, ReadOnlySpan<T> tau, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(m >= n && n >= k && k >= 0))
            throw new ArgumentException($"Orgqr needs m ≥ n ≥ k ≥ 0; got m = {m}, n = {n}, k = {k}.");
        fixed (T* pa = a)
        fixed (T* pt = tau)
        {
            var am = View("A", order, m, n, pa, lda, a.Length);
            CheckLength(nameof(tau), tau.Length, k, "k scalar factors");
            HouseholderQr.FormQ(am, k, pt, options);
        }
    }

    /// <summary>
    /// <c>C ← op(Q)·C</c> (<see cref="Side.Left"/>, C m×n, V m×k) or <c>C ← C·op(Q)</c> (<see cref="Side.Right"/>,
    /// C m×n, V n×k) for <c>Q = H₀⋯H_{k−1}</c> held in the first k columns of V as left by <see cref="Geqrf{T}"/>
    /// (<c>ormqr</c>). Q is not formed; V is only read.
    /// </summary>
    public static unsafe void Ormqr<T>(MatrixOrder order, Side side, Transpose trans, int m, int n, int k, ReadOnlySpan<T> v, int ldv,
        ReadOnlySpan<T> tau, Span<T> c, int ldc, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int q = side == Side.Left ? m : n;
        if (k < 0 || k > q) throw new ArgumentException($"Ormqr needs 0 ≤ k ≤ {(side == Side.Left ? "m" : "n")} = {q}; got k = {k}.");
        MatrixArgument.ThrowIfOverlaps<T>(c, v, "C", "V");
        fixed (T* pv = v)
        fixed (T* pt = tau)
        fixed (T* pc = c)
        {
            var vm = View("V", order, q, k, pv, ldv, v.Length);
            var cm = View("C", order, m, n, pc, ldc, c.Length);
            CheckLength(nameof(tau), tau.Length, k, "k scalar factors");
            HouseholderQr.ApplyQ(side == Side.Left, trans != Transpose.None, vm, k, pt, cm, options);
        }
    }
}
