using System.Numerics;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Spectral;

/// <summary>
/// Roots of the secular equation <c>f(λ) = 1 + ρ·Σᵢ zᵢ²/(dᵢ − λ) = 0</c> for poles d₀ &lt; d₁ &lt; … &lt; d_{k−1},
/// nonzero zᵢ and ρ &gt; 0: the eigenvalues of <c>D + ρ·z·zᵀ</c>, one in each (d_j, d_{j+1}) and the last in
/// (d_{k−1}, d_{k−1} + ρ·‖z‖²]. Each root is found as an offset τ from its nearer pole (so the differences
/// <c>dᵢ − λ_j</c> that the eigenvectors need are formed without cancellation, as in LAPACK's <c>laed4</c>) by a
/// two-pole rational model (Bunch–Nielsen–Sorensen / Li's "middle way" class), safeguarded by bisection.
/// </summary>
internal static unsafe class SecularEquation
{
    /// <summary>Iterations allowed per root; bisection alone would need ~ the mantissa width, so this is generous.</summary>
    public const int MaxIterations = 400;

    /// <summary>
    /// Root j: writes <c>delta[i] = dᵢ − λ_j</c> for all i and returns λ_j.
    /// </summary>
    public static T Root<T>(int k, int j, T* d, T* z, T rho, T* delta) where T : unmanaged, IFloatingPointIeee754<T> =>
        Root(k, j, d, z, rho, delta, squared: false);

    /// <summary>
    /// With <paramref name="squared"/>, the poles are dᵢ² (d ≥ 0 ascending) and the root is returned as σ_j = √λ_j:
    /// the singular values of the arrowhead [z; diag(d)] (bidiagonal divide and conquer, ρ = 1). Pole differences
    /// are formed as <c>(dᵢ − d_o)(dᵢ + d_o)</c> and σ as <c>d_o + μ/(d_o + √(d_o² + μ))</c>, so neither loses the
    /// relative accuracy that squaring and subtracting would; <paramref name="delta"/> receives <c>dᵢ² − σ_j²</c>.
    /// </summary>
    public static T Root<T>(int k, int j, T* d, T* z, T rho, T* delta, bool squared) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T two = T.One + T.One;
        T eps = Precision<T>.Epsilon;
        int origin;
        T lo, hi;
        if (j < k - 1)
        {
            T gap = Difference(d, j + 1, j, squared);
            T mid = gap / two;
            // f at the midpoint decides which pole the root is nearer (f increases from −∞ to +∞ on the interval).
            T f = T.One;
            for (int i = 0; i < k; i++) f += rho * z[i] * z[i] / (Difference(d, i, j, squared) - mid);
            if (f >= T.Zero) { origin = j; lo = T.Zero; hi = mid; }
            else { origin = j + 1; lo = -mid; hi = T.Zero; }
        }
        else
        {
            T norm2 = T.Zero;
            for (int i = 0; i < k; i++) norm2 += z[i] * z[i];
            origin = j;
            lo = T.Zero;
            hi = rho * norm2;
        }
        for (int i = 0; i < k; i++) delta[i] = Difference(d, i, origin, squared);
        // The two poles bracketing the root, as offsets from the origin (the right one absent for the last root).
        T pLeft = delta[j];
        bool hasRight = j < k - 1;
        T pRight = hasRight ? delta[j + 1] : T.Zero;
        T tau = (lo + hi) / two;
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            Sums(0, j + 1, z, delta, tau, out T psi, out T dpsi);
            Sums(j + 1, k, z, delta, tau, out T phi, out T dphi);
            psi *= rho; dpsi *= rho; phi *= rho; dphi *= rho;
            T g = T.One + psi + phi;
            // |g| within the rounding error of its own evaluation: τ is a root to working precision.
            T tolerance = T.CreateTruncating(8 * (k + 2)) * eps * (T.One + T.Abs(psi) + T.Abs(phi));
            if (T.Abs(g) <= tolerance) return Finish(k, origin, d, tau, delta, squared);
            if (g < T.Zero) lo = tau; else hi = tau;
            if (hi - lo <= two * eps * T.Max(T.Abs(lo), T.Abs(hi))) return Finish(k, origin, d, tau, delta, squared);
            // Model ψ ≈ a + b/(pLeft − x), φ ≈ A + B/(pRight − x), matching value and slope at τ; solve for the root.
            T dl = pLeft - tau;
            T b = dpsi * dl * dl, a = psi - dpsi * dl;
            T next;
            if (!hasRight)
            {
                T c = T.One + a;
                next = c != T.Zero ? pLeft + b / c : T.NaN;
            }
            else
            {
                T dr = pRight - tau;
                T bb = dphi * dr * dr, aa = phi - dphi * dr;
                T c = T.One + a + aa;
                // c·(pL − x)(pR − x) + b·(pR − x) + B·(pL − x) = 0  ⇔  c·x² − α·x + γ = 0.
                T alpha = c * (pLeft + pRight) + b + bb;
                T gamma = c * pLeft * pRight + b * pRight + bb * pLeft;
                next = SolveQuadratic(c, alpha, gamma, lo, hi);
            }
            if (!(next > lo && next < hi)) next = (lo + hi) / two;
            if (next == tau) return Finish(k, origin, d, tau, delta, squared);
            tau = next;
        }
        throw new NonConvergenceException($"secular equation: root {j} of {k} did not converge in {MaxIterations} iterations.", MaxIterations, j);
    }

    /// <summary><c>Σ zᵢ²/(δᵢ − τ)</c> and <c>Σ zᵢ²/(δᵢ − τ)²</c> over [from, to): the O(k) work of every iteration,
    /// vectorised (k roots × a few iterations × k terms is the merge's dominant non-GEMM cost).</summary>
    private static void Sums<T>(int from, int to, T* z, T* delta, T tau, out T sum, out T slope) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = from;
        T s = T.Zero, ds = T.Zero;
        if (Vector.IsHardwareAccelerated && to - from >= Vector<T>.Count)
        {
            var vt = new Vector<T>(tau);
            Vector<T> vs = Vector<T>.Zero, vds = Vector<T>.Zero;
            for (; i <= to - Vector<T>.Count; i += Vector<T>.Count)
            {
                var vz = Vector.Load(z + i);
                var q = vz / (Vector.Load(delta + i) - vt);
                vs += vz * q;
                vds += q * q;
            }
            s = Vector.Sum(vs);
            ds = Vector.Sum(vds);
        }
        for (; i < to; i++)
        {
            T q = z[i] / (delta[i] - tau);
            s += z[i] * q;
            ds += q * q;
        }
        sum = s;
        slope = ds;
    }

    private static T Finish<T>(int k, int origin, T* d, T tau, T* delta, bool squared) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < k; i++) delta[i] -= tau;
        if (!squared) return d[origin] + tau;
        T o = d[origin];
        return o + tau / (o + T.Sqrt(T.Max(o * o + tau, T.Zero)));
    }

    /// <summary>pᵢ − p_o for poles p = d (or d² when squared, as (dᵢ − d_o)(dᵢ + d_o)).</summary>
    private static T Difference<T>(T* d, int i, int o, bool squared) where T : unmanaged, IFloatingPointIeee754<T> =>
        squared ? (d[i] - d[o]) * (d[i] + d[o]) : d[i] - d[o];

    /// <summary>The root of c·x² − α·x + γ inside (lo, hi), computed without cancellation; NaN when neither is.</summary>
    private static T SolveQuadratic<T>(T c, T alpha, T gamma, T lo, T hi) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T two = T.One + T.One;
        if (c == T.Zero) return alpha != T.Zero ? gamma / alpha : T.NaN;
        T disc = alpha * alpha - two * two * c * gamma;
        if (disc < T.Zero) return T.NaN;
        T q = (alpha + T.CopySign(T.Sqrt(disc), alpha)) / two;
        T r1 = q / c;
        T r2 = q != T.Zero ? gamma / q : T.NaN;
        if (r1 > lo && r1 < hi) return r1;
        if (r2 > lo && r2 < hi) return r2;
        return T.NaN;
    }
}
