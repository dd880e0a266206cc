using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Householder;

/// <summary>
/// The compact WY form (Schreiber–Van Loan) of k reflectors: <c>H₀·H₁⋯H_{k−1} = I − V·T·Vᵀ</c> with V (p×k) unit
/// lower trapezoidal and T (k×k) upper triangular. Applying the block costs three GEMMs, so the trailing updates of
/// QR, the formation of Q and the application of Q run at GEMM speed.
/// </summary>
internal static unsafe class BlockReflector
{
    /// <summary>Scratch elements <see cref="Apply{T}"/> and <see cref="Build{T}"/> need for p×k V and a target with
    /// <paramref name="otherDimension"/> columns (left) or rows (right).</summary>
    public static int WorkspaceLength(int p, int k, int otherDimension) => p * k + k * k + 2 * k * otherDimension;

    /// <summary>
    /// Copies the reflectors stored below the diagonal of <paramref name="panel"/> (p×k, v_jj = 1 implied, the upper
    /// triangle ignored) into dense row-major <paramref name="v"/> (p×k, explicit ones and zeros) and forms T in
    /// <paramref name="t"/> (k×k, zero below the diagonal): <c>T_ii = τ_i</c>,
    /// <c>T[0:i, i] = −τ_i · T[0:i, 0:i] · (V[:, 0:i]ᵀ·v_i)</c>, with all the inner products from one GEMM VᵀV
    /// (LAPACK's <c>larft</c>, forward, column-wise).
    /// </summary>
    public static void Build<T>(StridedMatrix<T> panel, T* tau, T* v, T* t, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int p = panel.Rows, k = panel.Cols;
        for (int r = 0; r < p; r++)
        {
            T* row = v + r * k;
            int diag = Math.Min(r, k);
            for (int c = 0; c < diag; c++) row[c] = panel[r, c];
            if (r < k)
            {
                row[r] = T.One;
                for (int c = r + 1; c < k; c++) row[c] = T.Zero;
            }
        }
        var vm = StridedMatrix<T>.RowMajor(v, p, k, k);
        var tm = StridedMatrix<T>.RowMajor(t, k, k, k);
        // k×k×p: too thin to gain from threads (measured slower with 2), so it runs on the caller's thread.
        StridedMatrix<T>.Gemm(T.One, vm.Transposed, vm, T.Zero, tm, SingleThread(options));
        for (int i = 0; i < k; i++)
        {
            // Column i above the diagonal holds s = V[:,0:i]ᵀv_i; overwrite it top-down with −τ_i·T[0:i,0:i]·s
            // (row r only needs s_c for c ≥ r, which are still unwritten).
            for (int r = 0; r < i; r++)
            {
                T sum = T.Zero;
                for (int c = r; c < i; c++) sum += t[r * k + c] * t[c * k + i];
                t[r * k + i] = -tau[i] * sum;
            }
            t[i * k + i] = tau[i];
            for (int r = i + 1; r < k; r++) t[r * k + i] = T.Zero;
        }
    }

    /// <summary>
    /// Applies the block <c>H = I − V·T·Vᵀ</c> (or Hᵀ when <paramref name="transpose"/>) to C: from the left
    /// (<c>C ← op(H)·C</c>, C p×n) or the right (<c>C ← C·op(H)</c>, C m×p). V and T come from <see cref="Build{T}"/>;
    /// <paramref name="work"/> holds 2·k·(n or m) elements.
    /// </summary>
    public static void Apply<T>(bool left, bool transpose, T* v, T* t, int p, int k, StridedMatrix<T> c, T* work, GemmOptions? options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (c.IsEmpty || k == 0) return;
        int threads = options?.Threads ?? Kernels.Tensors.Threading.MaxThreads;
        int other = left ? c.Cols : c.Rows;
        if (threads > 1 && other >= 2 * BlockReflectorJob<T>.MinimumChunk)
        {
            BlockReflectorJob<T>.Run(left, transpose, v, t, p, k, c, work, options, threads);
            return;
        }
        ApplySerial(left, transpose, v, t, p, k, c, work, options);
    }

    /// <summary><see cref="Apply{T}"/> on the calling thread's GEMM settings.</summary>
    internal static void ApplySerial<T>(bool left, bool transpose, T* v, T* t, int p, int k, StridedMatrix<T> c, T* work, GemmOptions? options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var vm = StridedMatrix<T>.RowMajor(v, p, k, k);
        var tm = StridedMatrix<T>.RowMajor(t, k, k, k);
        if (left)
        {
            int n = c.Cols;
            var w = StridedMatrix<T>.RowMajor(work, k, n, n);
            var w2 = StridedMatrix<T>.RowMajor(work + k * n, k, n, n);
            StridedMatrix<T>.Gemm(T.One, vm.Transposed, c, T.Zero, w, options);          // W = VᵀC
            StridedMatrix<T>.Gemm(T.One, transpose ? tm.Transposed : tm, w, T.Zero, w2, options); // W₂ = op(T)·W
            StridedMatrix<T>.Gemm(-T.One, vm, w2, T.One, c, options);                    // C −= V·W₂
        }
        else
        {
            int m = c.Rows;
            var w = StridedMatrix<T>.RowMajor(work, m, k, k);
            var w2 = StridedMatrix<T>.RowMajor(work + m * k, m, k, k);
            StridedMatrix<T>.Gemm(T.One, c, vm, T.Zero, w, options);                     // W = C·V
            StridedMatrix<T>.Gemm(T.One, w, transpose ? tm.Transposed : tm, T.Zero, w2, options); // W₂ = W·op(T)
            StridedMatrix<T>.Gemm(-T.One, w2, vm.Transposed, T.One, c, options);         // C −= W₂·Vᵀ
        }
    }

    private static readonly GemmOptions s_singleThread = new() { Threads = 1 };

    private static GemmOptions SingleThread(GemmOptions? options) =>
        options?.KernelSet is null ? s_singleThread : new GemmOptions { Threads = 1, KernelSet = options.KernelSet };
}
