using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;
using Kernels.Tensors;

namespace Kernels.Linalg;

/// <summary>
/// QR of tall-skinny matrices (m ≫ n): TSQR, the communication-avoiding algorithm (Demmel, Grigori, Hoemmen, Langou),
/// and CholeskyQR2, the fast path for well-conditioned inputs.
/// </summary>
public static class TallSkinnyQr
{
    /// <summary>
    /// TSQR: split A's rows into <paramref name="blocks"/> blocks, factor each <c>A_i = Q_i·R_i</c> independently (in
    /// parallel), factor the stacked R's <c>[R₀; …; R_{p−1}] = Q_s·R</c>, and return <c>Q = diag(Q_i)·Q_s</c> (m×n)
    /// and R (n×n). Only n×n factors cross between blocks — across machines, that is all that would be sent.
    /// The block count, not the thread count, fixes the arithmetic, so results are reproducible on any machine.
    /// </summary>
    /// <param name="a">m×n with m ≥ n.</param>
    /// <param name="blocks">Row blocks, each at least n rows; default m/(4n) clamped to [1, 16].</param>
    /// <param name="formQ">False to return only R (Q is then null).</param>
    /// <param name="options">GEMM settings for the block factorizations.</param>
    public static (NDArray<T>? Q, NDArray<T> R) Tsqr<T>(NDArray<T> a, int? blocks = null, bool formQ = true, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rank != 2 || a.Shape[0] < a.Shape[1]) throw new ArgumentException($"TSQR needs a tall m×n matrix with m ≥ n; got {a.ShapeString}.", nameof(a));
        int m = a.Shape[0], n = a.Shape[1];
        int p = blocks ?? Math.Clamp(m / Math.Max(4 * n, 1), 1, 16);
        if (p < 1 || (long)p * n > m) throw new ArgumentException($"TSQR blocks must be in [1, m/n] = [1, {m / Math.Max(n, 1)}]; got {p}.", nameof(blocks));
        var starts = new int[p + 1];
        for (int i = 0; i <= p; i++) starts[i] = (int)((long)m * i / p);
        var local = new QrDecomposition<T>[p];
        // Each block factorization uses one thread; the blocks run side by side.
        var single = new GemmOptions { Threads = 1, KernelSet = options?.KernelSet };
        Parallel.For(0, p, new ParallelOptions { MaxDegreeOfParallelism = options?.Threads ?? Kernels.Tensors.Threading.MaxThreads },
            i => local[i] = new QrDecomposition<T>(a.Slice(new AxisRange(starts[i], starts[i + 1]), AxisRange.All), single));
        var stacked = new NDArray<T>(p * n, n);
        for (int i = 0; i < p; i++) local[i].R().CopyTo(stacked.Slice(new AxisRange(i * n, (i + 1) * n), AxisRange.All));
        var top = new QrDecomposition<T>(stacked, options);
        var r = top.R();
        if (!formQ) return (null, r);
        var qs = top.Q();
        var q = new NDArray<T>(m, n);
        Parallel.For(0, p, new ParallelOptions { MaxDegreeOfParallelism = options?.Threads ?? Kernels.Tensors.Threading.MaxThreads }, i =>
            LinearAlgebra.Gemm(T.One, local[i].Q(), qs.Slice(new AxisRange(i * n, (i + 1) * n), AxisRange.All), T.Zero,
                q.Slice(new AxisRange(starts[i], starts[i + 1]), AxisRange.All), single));
        return (q, r);
    }

    /// <summary>
    /// CholeskyQR2: <c>R₁ = chol(AᵀA)</c>, <c>Q₁ = A·R₁⁻¹</c>, repeated once on Q₁ (<c>R = R₂·R₁</c>), which restores
    /// orthogonality to O(ε) when κ(A) ≲ ε^(−1/2) (about 1e8 in double, 3e3 in float). Two SYRKs and two TRSMs:
    /// all level 3, faster than Householder QR. R has a positive diagonal.
    /// </summary>
    /// <exception cref="ArithmeticException">A is too ill-conditioned for CholeskyQR2: AᵀA is numerically not positive
    /// definite (<see cref="NotPositiveDefiniteException"/>) or the first pass lost orthogonality (use
    /// <see cref="Tsqr{T}"/> or <see cref="QrDecomposition{T}"/>). Never returns a silently non-orthogonal Q.</exception>
    public static unsafe (NDArray<T> Q, NDArray<T> R) CholeskyQr2<T>(NDArray<T> a, GemmOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var q = DenseCopy.Matrix(a, nameof(a), out int m, out int n);
        if (m < n) throw new ArgumentException($"CholeskyQR2 needs m ≥ n; got {a.ShapeString}.", nameof(a));
        DenseCopy.ThrowIfNonFinite<T>(q, nameof(a), "CholeskyQR2", n);
        var r1 = new T[n * n];
        var r2 = new T[n * n];
        fixed (T* pq = q)
        fixed (T* p1 = r1)
        fixed (T* p2 = r2)
        {
            var qm = StridedMatrix<T>.RowMajor(pq, m, n, Math.Max(n, 1));
            Pass(qm, StridedMatrix<T>.RowMajor(p1, n, n, Math.Max(n, 1)), 1);
            Pass(qm, StridedMatrix<T>.RowMajor(p2, n, n, Math.Max(n, 1)), 2);
        }
        // R = R₂·R₁ with Rᵢ = Lᵢᵀ stored as the lower triangles.
        var l1 = NDArray.FromArray(r1, n, n);
        var l2 = NDArray.FromArray(r2, n, n);
        var r = LinearAlgebra.MatMul(l2.Transpose(), l1.Transpose(), options);
        return (NDArray.FromArray(q, m, n), r);

        void Pass(StridedMatrix<T> x, StridedMatrix<T> l, int pass)
        {
            // Lower triangle of XᵀX, Cholesky, then X ← X·L⁻ᵀ (solve L·Xᵀ = Xᵀ on the transposed view).
            var xt = x.Transposed;
            Blas.Blas.SyrkCore(n, m, T.One, xt.P, xt.Rs, xt.Cs, T.Zero, l.P, l.Rs, l.Cs, lower: true, options);
            if (pass == 2)
            {
                // Q₁ should already be nearly orthonormal; ‖Q₁ᵀQ₁ − I‖_F ≥ 1/2 means the first pass lost it (κ(A)²ε ≳ 1)
                // and a second pass cannot restore orthogonality to working accuracy.
                T dev = T.Zero;
                for (int i = 0; i < n; i++)
                    for (int j = 0; j <= i; j++)
                    {
                        T d = l[i, j] - (i == j ? T.One : T.Zero);
                        dev += i == j ? d * d : (d * d + d * d);
                    }
                if (!(T.Sqrt(dev) < T.CreateChecked(0.5)))
                    throw new ArithmeticException(
                        $"CholeskyQR2: A ({m}×{n}) is too ill-conditioned (κ ≳ ε^(-1/2)); the first pass left ‖Q₁ᵀQ₁ − I‖_F = {T.Sqrt(dev)}. Use TallSkinnyQr.Tsqr or QrDecomposition.");
            }
            int info = Factorizations.CholeskyKernel.Factor(l, options);
            if (info != 0)
                throw new NotPositiveDefiniteException(
                    $"CholeskyQR2 pass {pass}: the Gram matrix of A ({m}×{n}) is not numerically positive definite at order {info}; A is too ill-conditioned (κ ≳ ε^(-1/2)) — use TallSkinnyQr.Tsqr or QrDecomposition.", info);
            for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) l[i, j] = T.Zero;
            Blas.Blas.TrsmLeft(n, m, l.P, l.Rs, l.Cs, lower: true, unit: false, xt.P, xt.Rs, xt.Cs, options);
        }
    }
}
