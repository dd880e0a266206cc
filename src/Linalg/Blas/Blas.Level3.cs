using System.Buffers;
using System.Numerics;

namespace Kernels.Linalg.Blas;

public static partial class Blas
{
    /// <summary>Block size of the blocked level-3 routines: the diagonal blocks are done by scalar loops, the rest
    /// (all but O(n²·NB) of the flops) by GEMM.</summary>
    private const int Level3Block = 96;


    /// <summary>
    /// Solves <c>op(A)·X = α·B</c> (<see cref="Side.Left"/>, A m×m) or <c>X·op(A) = α·B</c> (<see cref="Side.Right"/>,
    /// A n×n) for triangular A, overwriting B (m×n) with X. Blocked: off-diagonal updates run in GEMM. As in
    /// reference BLAS a zero diagonal is not reported (it yields ±∞/NaN); the factorization solvers check it.
    /// </summary>
    public static void Trsm<T>(MatrixOrder order, Side side, Triangle uplo, Transpose transA, Diagonal diag, int m, int n,
        T alpha, ReadOnlySpan<T> a, int lda, Span<T> b, int ldb, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Triangular3(solve: true, order, side, uplo, transA, diag, m, n, alpha, a, lda, b, ldb, options);

    /// <summary>
    /// <c>B ← α·op(A)·B</c> (<see cref="Side.Left"/>) or <c>B ← α·B·op(A)</c> (<see cref="Side.Right"/>) for
    /// triangular A; only the <paramref name="uplo"/> triangle is read. Blocked: off-diagonal products run in GEMM.
    /// </summary>
    public static void Trmm<T>(MatrixOrder order, Side side, Triangle uplo, Transpose transA, Diagonal diag, int m, int n,
        T alpha, ReadOnlySpan<T> a, int lda, Span<T> b, int ldb, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Triangular3(solve: false, order, side, uplo, transA, diag, m, n, alpha, a, lda, b, ldb, options);

    /// <summary>
    /// <c>C ← α·op(A)·op(A)ᵀ + β·C</c> on the <paramref name="uplo"/> triangle of the n×n C (the other triangle is
    /// neither read nor written); op(A) is n×k. β = 0 does not read C. Off-diagonal blocks run in GEMM.
    /// </summary>
    public static unsafe void Syrk<T>(MatrixOrder order, Triangle uplo, Transpose trans, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, T beta, Span<T> c, int ldc, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var (ar, ac) = MatrixArgument.Stored(trans, n, k);
        var (rsa, csa) = MatrixArgument.Strides("A", order, trans, ar, ac, lda, a.Length);
        var (rsc, csc) = MatrixArgument.Strides("C", order, Transpose.None, n, n, ldc, c.Length);
        MatrixArgument.ThrowIfOverlaps<T>(c, a, "C", "A");
        fixed (T* pa = a)
        fixed (T* pc = c)
            SyrkCore(n, k, alpha, pa, rsa, csa, beta, pc, rsc, csc, uplo == Triangle.Lower, options);
    }

    /// <summary><see cref="Syrk{T}"/> on strided pointers: C's <paramref name="lower"/> (or upper) triangle
    /// ← α·A·Aᵀ + β·C for n×k A; the other triangle is untouched. Recursive: the off-diagonal quarter is one GEMM
    /// of half the order, the two diagonal halves recurse, and leaves of at most <see cref="Level3Block"/> go through
    /// a full product into a tile of which only the triangle is merged.</summary>
    internal static unsafe void SyrkCore<T>(int n, int k, T alpha, T* pa, nint rsa, nint csa, T beta, T* pc, nint rsc, nint csc,
        bool lower, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n == 0) return;
        if (n > Level3Block)
        {
            int n1 = n / 2 / 8 * 8, n2 = n - n1;
            T* a2 = pa + n1 * rsa;
            SyrkCore(n1, k, alpha, pa, rsa, csa, beta, pc, rsc, csc, lower, options);
            if (lower) GemmDispatch.Run(n2, n1, k, alpha, a2, rsa, csa, pa, csa, rsa, beta, pc + n1 * rsc, rsc, csc, options);
            else GemmDispatch.Run(n1, n2, k, alpha, pa, rsa, csa, a2, csa, rsa, beta, pc + n1 * csc, rsc, csc, options);
            SyrkCore(n2, k, alpha, a2, rsa, csa, beta, pc + n1 * rsc + n1 * csc, rsc, csc, lower, options);
            return;
        }
        var tileArray = ArrayPool<T>.Shared.Rent(n * n);
        try
        {
            fixed (T* tile = tileArray)
            {
                GemmDispatch.Run(n, n, k, alpha, pa, rsa, csa, pa, csa, rsa, T.Zero, tile, n, 1, options);
                for (int i = 0; i < n; i++)
                {
                    int jFrom = lower ? 0 : i, jTo = lower ? i + 1 : n;
                    for (int j = jFrom; j < jTo; j++)
                    {
                        T* cij = pc + i * rsc + j * csc;
                        *cij = beta == T.Zero ? tile[i * n + j] : tile[i * n + j] + beta * *cij;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(tileArray);
        }
    }

    /// <summary>Validates, scales B by α, reduces to the left side and runs the blocked solve or product.</summary>
    private static unsafe void Triangular3<T>(bool solve, MatrixOrder order, Side side, Triangle uplo, Transpose transA, Diagonal diag,
        int m, int n, T alpha, ReadOnlySpan<T> a, int lda, Span<T> b, int ldb, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var p = TriangularProblem.Create(order, side, uplo, transA, m, n, lda, a.Length, ldb, b.Length);
        MatrixArgument.ThrowIfOverlaps<T>(b, a, "B", "A");
        fixed (T* pa = a)
        fixed (T* pb = b)
        {
            GemmDispatch.ScaleC(p.Rows, p.Cols, alpha, pb, p.Rsb, p.Csb);
            if (alpha == T.Zero || p.Rows == 0 || p.Cols == 0) return;
            if (solve) TrsmLeft(p.Rows, p.Cols, pa, p.Rsa, p.Csa, p.Lower, diag == Diagonal.Unit, pb, p.Rsb, p.Csb, options);
            else TrmmLeft(p.Rows, p.Cols, pa, p.Rsa, p.Csa, p.Lower, diag == Diagonal.Unit, pb, p.Rsb, p.Csb, options);
        }
    }

    /// <summary>
    /// A triangular level-3 problem reduced to the left side: a right-side X·op(A) is the left-side problem
    /// op(A)ᵀ·Xᵀ on transposed views, and transposing A swaps its triangle — strides do all of it, nothing is copied.
    /// </summary>
    private readonly record struct TriangularProblem(int Rows, int Cols, nint Rsa, nint Csa, bool Lower, nint Rsb, nint Csb)
    {
        public static TriangularProblem Create(MatrixOrder order, Side side, Triangle uplo, Transpose transA, int m, int n,
            int lda, int aLength, int ldb, int bLength)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(m);
            ArgumentOutOfRangeException.ThrowIfNegative(n);
            int na = side == Side.Left ? m : n;
            var (rsa, csa) = MatrixArgument.Strides("A", order, transA, na, na, lda, aLength);
            var (rsb, csb) = MatrixArgument.Strides("B", order, Transpose.None, m, n, ldb, bLength);
            bool lower = (uplo == Triangle.Lower) == (transA == Transpose.None);
            return side == Side.Left
                ? new TriangularProblem(m, n, rsa, csa, lower, rsb, csb)
                : new TriangularProblem(n, m, csa, rsa, !lower, csb, rsb);
        }
    }

    /// <summary>Below this many rows a triangular solve is done by substitution rather than split.</summary>
    private const int TrsmLeaf = 64;

    /// <summary>
    /// Solves op(A)·X = B in place (B m×n), op(A) lower or upper with strides (rsa, csa). Recursive: halve the
    /// triangle, solve one half, update the other half's right-hand sides with one GEMM of half the size, solve it —
    /// so the GEMMs are as large as the problem allows and only O(m·leaf·n) flops are substitution.
    /// </summary>
    internal static unsafe void TrsmLeft<T>(int m, int n, T* a, nint rsa, nint csa, bool lower, bool unit, T* b, nint rsb, nint csb,
        GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int threads = options?.Threads ?? Kernels.Tensors.Threading.MaxThreads;
        if (threads > 1 && csb != 1 && m > TrsmLeaf && n >= 2 * TrsmJob<T>.MinimumChunk)
        {
            // The right-hand sides are independent: solving column chunks side by side parallelises the substitution
            // leaves too, which the GEMMs' own threading cannot reach. Only for B with strided rows (e.g. Cholesky's
            // A₂₁ᵀ), whose leaves transpose through scratch and dominate; for row-major B (LU's A₁₂) it measured no gain.
            TrsmJob<T>.Run(m, n, a, rsa, csa, lower, unit, b, rsb, csb, options, threads);
            return;
        }
        TrsmLeftSerial(m, n, a, rsa, csa, lower, unit, b, rsb, csb, options);
    }

    /// <summary><see cref="TrsmLeft{T}"/> with this thread's GEMM settings only.</summary>
    internal static unsafe void TrsmLeftSerial<T>(int m, int n, T* a, nint rsa, nint csa, bool lower, bool unit, T* b, nint rsb, nint csb,
        GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m <= TrsmLeaf)
        {
            SolveDiagonalBlock(m, n, a, rsa, csa, lower, unit, b, rsb, csb);
            return;
        }
        int m1 = m / 2 / 8 * 8, m2 = m - m1;
        T* a22 = a + m1 * rsa + m1 * csa;
        T* b2 = b + m1 * rsb;
        if (lower)
        {
            TrsmLeftSerial(m1, n, a, rsa, csa, true, unit, b, rsb, csb, options);
            GemmDispatch.Run(m2, n, m1, -T.One, a + m1 * rsa, rsa, csa, b, rsb, csb, T.One, b2, rsb, csb, options);
            TrsmLeftSerial(m2, n, a22, rsa, csa, true, unit, b2, rsb, csb, options);
        }
        else
        {
            TrsmLeftSerial(m2, n, a22, rsa, csa, false, unit, b2, rsb, csb, options);
            GemmDispatch.Run(m1, n, m2, -T.One, a + m1 * csa, rsa, csa, b2, rsb, csb, T.One, b, rsb, csb, options);
            TrsmLeftSerial(m1, n, a, rsa, csa, false, unit, b, rsb, csb, options);
        }
    }

    /// <summary>
    /// Substitution for one diagonal block, op(A_ii)·X = B_i, in the loop order that follows the unit strides:
    /// row axpys when B's rows are contiguous, dot products when B's columns and A's rows are, column axpys when B's
    /// and A's columns are; otherwise plain scalar loops.
    /// </summary>
    private static unsafe void SolveDiagonalBlock<T>(int ib, int n, T* aii, nint rsa, nint csa, bool lower, bool unit, T* b, nint rsb, nint csb)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (csb != 1 && n >= 16)
        {
            // Many right-hand sides stored with a non-unit row stride: transpose the block into row-major scratch
            // (O(ib·n) copies for O(ib²·n) flops) so the substitution runs as long contiguous row axpys.
            // Padded rows: a power-of-two row length would put every row of the block in the same cache sets.
            int ld = n + 8;
            var scratch = ArrayPool<T>.Shared.Rent(ib * ld);
            try
            {
                fixed (T* t = scratch)
                {
                    // Walk B along its smaller stride: with unit row stride (B a transposed row-major view) each
                    // column is one contiguous read, instead of one page-strided access per element.
                    bool columnsFirst = Math.Abs(rsb) < Math.Abs(csb);
                    if (columnsFirst)
                        for (int j = 0; j < n; j++)
                            for (int i = 0; i < ib; i++) t[i * ld + j] = b[i * rsb + j * csb];
                    else
                        for (int i = 0; i < ib; i++)
                            for (int j = 0; j < n; j++) t[i * ld + j] = b[i * rsb + j * csb];
                    SolveDiagonalBlock(ib, n, aii, rsa, csa, lower, unit, t, ld, 1);
                    if (columnsFirst)
                        for (int j = 0; j < n; j++)
                            for (int i = 0; i < ib; i++) b[i * rsb + j * csb] = t[i * ld + j];
                    else
                        for (int i = 0; i < ib; i++)
                            for (int j = 0; j < n; j++) b[i * rsb + j * csb] = t[i * ld + j];
                }
            }
            finally
            {
                ArrayPool<T>.Shared.Return(scratch);
            }
            return;
        }
        if (csb == 1)
        {
            for (int s = 0; s < ib; s++)
            {
                int i = lower ? s : ib - 1 - s;
                int k0 = lower ? 0 : i + 1, k1 = lower ? i : ib;
                T* xi = b + i * rsb;
                for (int kk = k0; kk < k1; kk++) Internal.StridedVector.Axpy(n, -aii[i * rsa + kk * csa], b + kk * rsb, 1, xi, 1);
                if (!unit) Internal.StridedVector.Scale(n, T.One / aii[i * rsa + i * csa], xi, 1);
            }
            return;
        }
        for (int j = 0; j < n; j++)
        {
            T* x = b + j * csb;
            if (rsb == 1 && rsa == 1 && csa != 1)
            {
                // Column-oriented: once x_k is final, subtract x_k·A[:, k] from the rows still to be solved.
                for (int s = 0; s < ib; s++)
                {
                    int kk = lower ? s : ib - 1 - s;
                    if (!unit) x[kk] /= aii[kk * rsa + kk * csa];
                    int r0 = lower ? kk + 1 : 0, r1 = lower ? ib : kk;
                    Internal.StridedVector.Axpy(r1 - r0, -x[kk], aii + r0 * rsa + kk * csa, rsa, x + r0, 1);
                }
                continue;
            }
            for (int s = 0; s < ib; s++)
            {
                int i = lower ? s : ib - 1 - s;
                int k0 = lower ? 0 : i + 1, k1 = lower ? i : ib;
                T v = x[i * rsb] - Internal.StridedVector.Dot(k1 - k0, aii + i * rsa + k0 * csa, csa, x + k0 * rsb, rsb);
                x[i * rsb] = unit ? v : v / aii[i * rsa + i * csa];
            }
        }
    }

    /// <summary>B ← op(A)·B in place (B m×n), op(A) lower or upper with strides (rsa, csa).</summary>
    internal static unsafe void TrmmLeft<T>(int m, int n, T* a, nint rsa, nint csa, bool lower, bool unit, T* b, nint rsb, nint csb,
        GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int blocks = (m + Level3Block - 1) / Level3Block;
        for (int step = 0; step < blocks; step++)
        {
            // Lower: bottom block first, so the rows above (still original) feed the GEMM; upper: top first.
            int blk = lower ? blocks - 1 - step : step;
            int i0 = blk * Level3Block, ib = Math.Min(Level3Block, m - i0);
            T* bi = b + i0 * rsb;
            T* aii = a + i0 * rsa + i0 * csa;
            for (int j = 0; j < n; j++)
            {
                T* x = bi + j * csb;
                for (int s = 0; s < ib; s++)
                {
                    int i = lower ? ib - 1 - s : s;
                    T v = unit ? x[i * rsb] : aii[i * rsa + i * csa] * x[i * rsb];
                    int k0 = lower ? 0 : i + 1, k1 = lower ? i : ib;
                    for (int kk = k0; kk < k1; kk++) v += aii[i * rsa + kk * csa] * x[kk * rsb];
                    x[i * rsb] = v;
                }
            }
            if (lower && i0 > 0)
                GemmDispatch.Run(ib, n, i0, T.One, a + i0 * rsa, rsa, csa, b, rsb, csb, T.One, bi, rsb, csb, options);
            else if (!lower && i0 + ib < m)
                GemmDispatch.Run(ib, n, m - i0 - ib, T.One, a + i0 * rsa + (i0 + ib) * csa, rsa, csa, b + (i0 + ib) * rsb, rsb, csb,
                    T.One, bi, rsb, csb, options);
        }
    }
}
