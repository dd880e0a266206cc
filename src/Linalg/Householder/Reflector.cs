using System.Numerics;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Householder;

/// <summary>
/// Elementary Householder reflectors <c>H = I − τ·v·vᵀ</c> with <c>v₀ = 1</c> (LAPACK's <c>larfg</c>/<c>larf</c>
/// conventions). H is symmetric and orthogonal when τ = 0 or 1 ≤ τ ≤ 2.
/// </summary>
internal static unsafe class Reflector
{
    /// <summary>
    /// Generates H with <c>H·[α; x] = [β; 0]</c>: overwrites α with β and x with v₁…. Sign convention (LAPACK's):
    /// <c>β = −sign(α)·‖[α; x]‖₂</c>, so <c>τ = (β − α)/β</c> is in [1, 2] and v is computed without cancellation.
    /// When x = 0, τ = 0 and H = I (even for negative α, as LAPACK does). ‖·‖ is formed without overflow, and when
    /// |β| is below the safe minimum the vector is rescaled (at most 20 times by 1/safmin) so v stays accurate.
    /// </summary>
    /// <returns>τ.</returns>
    public static T Generate<T>(int n, ref T alpha, T* x, nint incx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n <= 1) return T.Zero;
        T xnorm = StridedVector.Nrm2(n - 1, x, incx);
        if (xnorm == T.Zero) return T.Zero;
        T beta = -T.CopySign(T.Hypot(alpha, xnorm), alpha);
        T safmin = Precision<T>.SafeMinimum / Precision<T>.UnitRoundoff;
        int rescalings = 0;
        if (T.Abs(beta) < safmin)
        {
            // β would be subnormal-ish: scale x and α up so v = x/(α − β) keeps full precision.
            T rsafmn = T.One / safmin;
            do
            {
                rescalings++;
                StridedVector.Scale(n - 1, rsafmn, x, incx);
                beta *= rsafmn;
                alpha *= rsafmn;
            } while (T.Abs(beta) < safmin && rescalings < 20);
            xnorm = StridedVector.Nrm2(n - 1, x, incx);
            beta = -T.CopySign(T.Hypot(alpha, xnorm), alpha);
        }
        T tau = (beta - alpha) / beta;
        StridedVector.Scale(n - 1, T.One / (alpha - beta), x, incx);
        for (int j = 0; j < rescalings; j++) beta *= safmin;
        alpha = beta;
        return tau;
    }

    /// <summary>
    /// <c>C ← H·C</c> (m×n C, v of length m with v₀ read as 1). Traverses C along its unit stride: row-streaming
    /// (w ← Cᵀv, C ← C − τ·v·wᵀ by row axpys) for row-major C, column dots and axpys for column-major C.
    /// <paramref name="work"/> holds n elements.
    /// </summary>
    public static void ApplyLeft<T>(StridedMatrix<T> c, T* v, nint incv, T tau, T* work) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (tau == T.Zero || c.IsEmpty) return;
        int m = c.Rows, n = c.Cols;
        if (c.Cs == 1 || c.Rs != 1)
        {
            // w = Cᵀ·v: accumulate rows of C weighted by vᵢ (row 0 has weight 1).
            for (int j = 0; j < n; j++) work[j] = c.P[j * c.Cs];
            for (int i = 1; i < m; i++) StridedVector.Axpy(n, v[i * incv], c.At(i, 0), c.Cs, work, 1);
            StridedVector.Axpy(n, -tau, work, 1, c.P, c.Cs);
            for (int i = 1; i < m; i++) StridedVector.Axpy(n, -tau * v[i * incv], work, 1, c.At(i, 0), c.Cs);
        }
        else
        {
            for (int j = 0; j < n; j++)
            {
                T* col = c.At(0, j);
                T w = col[0] + StridedVector.Dot(m - 1, v + incv, incv, col + 1, 1);
                col[0] -= tau * w;
                StridedVector.Axpy(m - 1, -tau * w, v + incv, incv, col + 1, 1);
            }
        }
    }

    /// <summary><c>C ← C·H</c> (m×n C, v of length n with v₀ read as 1): the left application to Cᵀ.</summary>
    public static void ApplyRight<T>(StridedMatrix<T> c, T* v, nint incv, T tau, T* work) where T : unmanaged, IFloatingPointIeee754<T> =>
        ApplyLeft(c.Transposed, v, incv, tau, work);
}
