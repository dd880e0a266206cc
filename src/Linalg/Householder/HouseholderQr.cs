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
    /// <summary>
    /// Panel width. Measured on AVX-512 (1 thread, 1024² and 4000×400): 48 beats 32, 64 and 96 in double by 10–25%
    /// and ties in float — wide enough that the GEMMs of the update have k = 48, a multiple of both micro-kernels' MR
    /// (12) so no edge slivers, narrow enough that the level-2 panel stays a few percent of the flops.
    /// </summary>
    public const int Block = 48;

    /// <summary>
    /// <c>A = Q·R</c> in place: R on and above the diagonal, the reflector vectors v_j (v_jj = 1 implied) below it,
    /// <c>Q = H₀⋯H_{k−1}</c>, <c>H_j = I − τ_j·v_j·v_jᵀ</c>, k = min(m, n).
    /// </summary>
    public static void Factor<T>(StridedMatrix<T> a, T* tau, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = a.Rows, n = a.Cols, k = Math.Min(m, n);
        if (k == 0) return;
        int nb = Math.Min(Block, k);
        using var scratch = new Scratch<T>(n + BlockReflector.WorkspaceLength(m, nb, n) + m * nb);
        T* work = scratch.Pointer, v = work + n, t = v + m * nb, w = t + nb * nb, columns = w + 2 * nb * n;
        for (int j = 0; j < k; j += nb)
        {
            int jb = Math.Min(nb, k - j);
            var panel = a.Sub(j, j, m - j, jb);
            FactorPanel(panel, tau + j, work, columns);
            if (j + jb < n)
            {
                BlockReflector.Build(panel, tau + j, v, t, options);
                BlockReflector.Apply(left: true, transpose: true, v, t, m - j, jb, a.Sub(j, j + jb, m - j, n - j - jb), w, options);
            }
        }
    }

    /// <summary>
    /// Level-2 QR of a panel whose columns are strided (row-major storage): the panel is copied into
    /// <paramref name="columns"/> (Rows·Cols elements) column by column, factored there with long unit-stride dots and
    /// axpys, and copied back. In place, a row-major panel costs a strided pass over every row per column — several
    /// times slower than the copies.
    /// </summary>
    private static void FactorPanel<T>(StridedMatrix<T> panel, T* tau, T* work, T* columns) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (panel.Rs == 1)
        {
            FactorUnblocked(panel, tau, work);
            return;
        }
        var packed = new StridedMatrix<T>(columns, panel.Rows, panel.Cols, 1, panel.Rows);
        panel.CopyTo(packed);
        FactorUnblocked(packed, tau, work);
        packed.CopyTo(panel);
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
        using var scratch = new Scratch<T>(n + BlockReflector.WorkspaceLength(m, nb, n) + m * nb);
        T* work = scratch.Pointer, v = work + n, t = v + m * nb, w = t + nb * nb, columns = w + 2 * nb * n;
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
            if (panel.Rs == 1) FormQUnblocked(panel, tau + j, work);
            else
            {
                // As in FactorPanel: unit-stride columns for the level-2 work.
                var packed = new StridedMatrix<T>(columns, panel.Rows, panel.Cols, 1, panel.Rows);
                panel.CopyTo(packed);
                FormQUnblocked(packed, tau + j, work);
                packed.CopyTo(panel);
            }
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
