using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Householder;

/// <summary>
/// Blocked Householder QR on strided views — LAPACK's <c>geqrf</c>, <c>orgqr</c> and <c>ormqr</c> — written once:
/// a row-major, column-major or transposed (LQ) operand is the same code with other strides. Panels of
/// <see cref="Block"/> columns are factored by level-2 reflections; everything to their right is updated with the
/// compact WY block, i.e. in GEMM.
/// </summary>
internal static unsafe class HouseholderQr
{
    /// <summary>Panel width. 32 keeps the level-2 panel small while the GEMMs of the update still have k = 32.</summary>
    public const int Block = 32;

    /// <summary>
    /// <c>A = Q·R</c> in place: R on and above the diagonal, the reflector vectors v_j (v_jj = 1 implied) below it,
    /// <c>Q = H₀⋯H_{k−1}</c>, <c>H_j = I − τ_j·v_j·v_jᵀ</c>, k = min(m, n).
    /// </summary>
    public static void Factor<T>(StridedMatrix<T> a, T* tau, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = a.Rows, n = a.Cols, k = Math.Min(m, n);
        if (k == 0) return;
        int nb = Math.Min(Block, k);
        using var scratch = new Scratch<T>(n + BlockReflector.WorkspaceLength(m, nb, n));
        T* work = scratch.Pointer, v = work + n, t = v + m * nb, w = t + nb * nb;
        for (int j = 0; j < k; j += nb)
        {
            int jb = Math.Min(nb, k - j);
            var panel = a.Sub(j, j, m - j, jb);
            FactorUnblocked(panel, tau + j, work);
            if (j + jb < n)
            {
                BlockReflector.Build(panel, tau + j, v, t, options);
                BlockReflector.Apply(left: true, transpose: true, v, t, m - j, jb, a.Sub(j, j + jb, m - j, n - j - jb), w, options);
            }
        }
    }

    /// <summary>Level-2 QR of a panel (LAPACK's <c>geqr2</c>); <paramref name="work"/> holds Cols elements.</summary>
    public static void FactorUnblocked<T>(StridedMatrix<T> a, T* tau, T* work) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = a.Rows, n = a.Cols, k = Math.Min(m, n);
        for (int i = 0; i < k; i++)
        {
            tau[i] = Reflector.Generate(m - i, ref a[i, i], a.At(Math.Min(i + 1, m - 1), i), a.Rs);
            if (i + 1 < n)
                Reflector.ApplyLeft(a.Sub(i, i + 1, m - i, n - i - 1), a.At(i, i), a.Rs, tau[i], work);
        }
    }

    /// <summary>
    /// Overwrites the m×n <paramref name="a"/>, whose first k columns hold reflectors from <see cref="Factor{T}"/>,
    /// with the first n columns of <c>Q = H₀⋯H_{k−1}</c> (LAPACK's <c>orgqr</c>; m ≥ n ≥ k). Blocked backwards, so
    /// each block is applied only to the columns to its right, which are still zero above the block.
    /// </summary>
    public static void FormQ<T>(StridedMatrix<T> a, int k, T* tau, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = a.Rows, n = a.Cols;
        if (n == 0) return;
        // Columns k..n start as the identity's columns: no reflector has touched them yet.
        a.Sub(0, k, m, n - k).Fill(T.Zero);
        for (int j = k; j < n; j++) a[j, j] = T.One;
        if (k == 0) return;
        int nb = Math.Min(Block, k);
        using var scratch = new Scratch<T>(n + BlockReflector.WorkspaceLength(m, nb, n));
        T* work = scratch.Pointer, v = work + n, t = v + m * nb, w = t + nb * nb;
        int last = (k - 1) / nb * nb;
        for (int j = last; j >= 0; j -= nb)
        {
            int jb = Math.Min(nb, k - j);
            var panel = a.Sub(j, j, m - j, jb);
            if (j + jb < n)
            {
                BlockReflector.Build(panel, tau + j, v, t, options);
                BlockReflector.Apply(left: true, transpose: false, v, t, m - j, jb, a.Sub(j, j + jb, m - j, n - j - jb), w, options);
            }
            FormQUnblocked(panel, tau + j, work);
            a.Sub(0, j, j, jb).Fill(T.Zero);
        }
    }

    /// <summary>Level-2 formation of Q's columns from a panel's own reflectors (LAPACK's <c>org2r</c>).</summary>
    private static void FormQUnblocked<T>(StridedMatrix<T> a, T* tau, T* work) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = a.Rows, n = a.Cols;
        for (int i = n - 1; i >= 0; i--)
        {
            if (i + 1 < n)
            {
                a[i, i] = T.One;
                Reflector.ApplyLeft(a.Sub(i, i + 1, m - i, n - i - 1), a.At(i, i), a.Rs, tau[i], work);
            }
            if (i + 1 < m) StridedVector.Scale(m - i - 1, -tau[i], a.At(i + 1, i), a.Rs);
            a[i, i] = T.One - tau[i];
            for (int r = 0; r < i; r++) a[r, i] = T.Zero;
        }
    }

    /// <summary>
    /// <c>C ← op(Q)·C</c> (<paramref name="left"/>, C m×p) or <c>C ← C·op(Q)</c> (C p×m) for
    /// <c>Q = H₀⋯H_{k−1}</c> stored in the first k columns of the m-row <paramref name="v"/>, op(Q) = Qᵀ when
    /// <paramref name="transpose"/> (LAPACK's <c>ormqr</c>). Q is never formed: each block of reflectors is three GEMMs.
    /// </summary>
    public static void ApplyQ<T>(bool left, bool transpose, StridedMatrix<T> v, int k, T* tau, StridedMatrix<T> c, GemmOptions? options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = v.Rows;
        if (k == 0 || c.IsEmpty) return;
        int other = left ? c.Cols : c.Rows;
        int nb = Math.Min(Block, k);
        using var scratch = new Scratch<T>(BlockReflector.WorkspaceLength(m, nb, other));
        T* vd = scratch.Pointer, t = vd + m * nb, w = t + nb * nb;
        // Qᵀ·C = H_{k−1}⋯H₀·C applies H₀ first; Q·C applies H_{k−1} first; the right side mirrors this.
        bool forward = left == transpose;
        int blocks = (k + nb - 1) / nb;
        for (int s = 0; s < blocks; s++)
        {
            int j = (forward ? s : blocks - 1 - s) * nb;
            int jb = Math.Min(nb, k - j);
            BlockReflector.Build(v.Sub(j, j, m - j, jb), tau + j, vd, t, options);
            var target = left ? c.Sub(j, 0, m - j, c.Cols) : c.Sub(0, j, c.Rows, m - j);
            BlockReflector.Apply(left, transpose, vd, t, m - j, jb, target, w, options);
        }
    }
}
