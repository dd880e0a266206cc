using System.Numerics;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Spectral;

/// <summary>
/// One-sided (Hestenes) Jacobi SVD of an m×n matrix, m ≥ n: plane rotations orthogonalise the columns pairwise until
/// every pair satisfies <c>|a_pᵀa_q| ≤ ε·‖a_p‖·‖a_q‖</c>; then σᵢ = ‖aᵢ‖, uᵢ = aᵢ/σᵢ, and V accumulates the
/// rotations. Slower than bidiagonalisation (O(n²·m) per sweep, ~5–10 sweeps) but accurate to high relative accuracy
/// for matrices that are well conditioned after column scaling (graded matrices, Demmel–Veselić), and it is the
/// plain scalar reference the fast path is tested against.
/// </summary>
internal static unsafe class JacobiSvd
{
    public const int MaxSweeps = 80;

    /// <summary>
    /// <paramref name="g"/>: Aᵀ as n×m row-major (column j of A is row j, contiguous; destroyed). Writes σ (n,
    /// descending), and when not null U (m×n row-major, orthonormal columns, completed for zero σ) and Vᵀ (n×n).
    /// </summary>
    public static void Compute<T>(T* g, int m, int n, T* s, T* u, T* vt) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n == 0) return;
        T eps = Precision<T>.Epsilon, two = T.One + T.One;
        using var scratch = new Scratch<T>(n * n + n);
        T* v = scratch.Pointer, norms = v + n * n;
        new Span<T>(v, n * n).Clear();
        for (int i = 0; i < n; i++) v[i * n + i] = T.One;
        int sweep = 0;
        for (; sweep < MaxSweeps; sweep++)
        {
            bool rotated = false;
            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++)
                {
                    T* gp = g + p * m, gq = g + q * m;
                    T alpha = StridedVector.Dot(m, gp, 1, gp, 1), beta = StridedVector.Dot(m, gq, 1, gq, 1);
                    T gamma = StridedVector.Dot(m, gp, 1, gq, 1);
                    if (gamma == T.Zero || T.Abs(gamma) <= eps * T.Sqrt(alpha) * T.Sqrt(beta)) continue;
                    rotated = true;
                    T zeta = (beta - alpha) / (two * gamma);
                    T t = T.CopySign(T.One, zeta) / (T.Abs(zeta) + T.Sqrt(T.One + zeta * zeta));
                    T c = T.One / T.Sqrt(T.One + t * t), sn = c * t;
                    StridedVector.Rotate(m, gp, 1, gq, 1, c, -sn); // (c·x − s·y, s·x + c·y)
                    StridedVector.Rotate(n, v + p * n, 1, v + q * n, 1, c, -sn);
                }
            if (!rotated) break;
        }
        if (sweep == MaxSweeps)
            throw new NonConvergenceException($"one-sided Jacobi SVD ({m}×{n}) did not converge in {MaxSweeps} sweeps.", MaxSweeps, -1);
        for (int i = 0; i < n; i++) norms[i] = StridedVector.Nrm2(m, g + i * m, 1);
        // Order by σ descending (selection sort; O(n²) swaps of rows is negligible next to the sweeps).
        for (int i = 0; i < n - 1; i++)
        {
            int k = i;
            for (int j = i + 1; j < n; j++)
                if (norms[j] > norms[k]) k = j;
            if (k == i) continue;
            (norms[i], norms[k]) = (norms[k], norms[i]);
            StridedVector.Swap(m, g + i * m, 1, g + k * m, 1);
            StridedVector.Swap(n, v + i * n, 1, v + k * n, 1);
        }
        for (int i = 0; i < n; i++) s[i] = norms[i];
        if (vt is not null) new Span<T>(v, n * n).CopyTo(new Span<T>(vt, n * n));
        if (u is null) return;
        for (int i = 0; i < n; i++)
        {
            T* gi = g + i * m;
            if (norms[i] > T.Zero) StridedVector.Scale(m, T.One / norms[i], gi, 1);
            else CompleteColumn(g, m, i);
        }
        for (int r = 0; r < m; r++)
            for (int c = 0; c < n; c++) u[r * n + c] = g[c * m + r];
    }

    /// <summary>Row i of g (length m) ← a unit vector orthogonal to rows 0…i−1 (Gram–Schmidt, twice, over e_k).</summary>
    public static void CompleteColumn<T>(T* g, int m, int i) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T* gi = g + i * m;
        for (int k = 0; k < m; k++)
        {
            new Span<T>(gi, m).Clear();
            gi[k] = T.One;
            for (int pass = 0; pass < 2; pass++)
                for (int j = 0; j < i; j++)
                {
                    T* gj = g + j * m;
                    StridedVector.Axpy(m, -StridedVector.Dot(m, gj, 1, gi, 1), gj, 1, gi, 1);
                }
            T norm = StridedVector.Nrm2(m, gi, 1);
            // Some e_k keeps ‖P·e_k‖² ≥ (m − i)/m ≥ 1/m after projection, so this threshold is always met.
            if (norm > T.One / T.Sqrt(T.CreateTruncating(2 * m)))
            {
                StridedVector.Scale(m, T.One / norm, gi, 1);
                return;
            }
        }
    }

}
