using System.Numerics;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Spectral;

/// <summary>
/// Eigenvalues (and optionally eigenvectors) of a symmetric tridiagonal T by the implicit QL iteration with
/// Wilkinson shifts (as EISPACK's <c>tql2</c> / LAPACK's <c>steqr</c>): each sweep chases a bulge from the bottom
/// of the unreduced block to its top with plane rotations, and an off-diagonal is taken as zero once
/// <c>|e_i| ≤ ε·(|d_i| + |d_{i+1}|)</c>. O(n²) for values; with vectors every rotation is applied to two columns of Z.
/// </summary>
internal static unsafe class TridiagonalQl
{
    /// <summary>Sweeps allowed per eigenvalue before reporting non-convergence (LAPACK allows 30).</summary>
    public const int MaxSweepsPerValue = 30;

    /// <summary>
    /// Diagonalises T (diagonal <paramref name="d"/>, off-diagonal <paramref name="e"/> with e[i] coupling i and i+1;
    /// e needs n slots and is destroyed). On exit d holds the eigenvalues in ascending order and, when Z has columns,
    /// <c>Z ← Z·S</c> with S the eigenvector matrix of T (columns permuted with the values).
    /// </summary>
    /// <exception cref="NonConvergenceException">An eigenvalue needed more than 30 sweeps.</exception>
    public static void Solve<T>(int n, T* d, T* e, StridedMatrix<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n == 0) return;
        bool vectors = z.Cols > 0 && z.Rows > 0;
        T eps = Precision<T>.Epsilon, two = T.One + T.One;
        e[n - 1] = T.Zero;
        // An off-diagonal also counts as zero below ε·‖T‖ (EISPACK tql2's test): the eigenvalues' accuracy is
        // absolute (‖T‖·O(ε)) anyway, and without it a cluster of near-zero eigenvalues with e ~ ε·‖T‖ can stall.
        T norm = T.Zero;
        for (int i = 0; i < n; i++) norm = T.Max(norm, T.Abs(d[i]) + T.Abs(e[i]) + (i > 0 ? T.Abs(e[i - 1]) : T.Zero));
        T floor = eps * norm;
        for (int l = 0; l < n; l++)
        {
            int sweeps = 0;
            while (true)
            {
                int m = l;
                for (; m < n - 1; m++)
                    if (T.Abs(e[m]) <= eps * (T.Abs(d[m]) + T.Abs(d[m + 1])) || T.Abs(e[m]) <= floor) break;
                if (m == l) break;
                if (++sweeps > MaxSweepsPerValue)
                    throw new NonConvergenceException($"symmetric tridiagonal QL: eigenvalue {l} of {n} did not converge in {MaxSweepsPerValue} sweeps.", sweeps, l);
                // Wilkinson shift from the leading 2×2 of the unreduced block.
                T g = (d[l + 1] - d[l]) / (two * e[l]);
                T r = Hypot(g, T.One);
                g = d[m] - d[l] + e[l] / (g + T.CopySign(r, g));
                T s = T.One, c = T.One, p = T.Zero;
                int i = m - 1;
                bool underflow = false;
                for (; i >= l; i--)
                {
                    T f = s * e[i], b = c * e[i];
                    r = Hypot(f, g);
                    e[i + 1] = r;
                    if (r == T.Zero)
                    {
                        // The rotation underflowed: T already splits here; undo the partial shift and restart.
                        d[i + 1] -= p;
                        e[m] = T.Zero;
                        underflow = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + two * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                    if (vectors) StridedVector.Rotate(z.Rows, z.At(0, i), z.Rs, z.At(0, i + 1), z.Rs, c, -s); // columns (c·Zᵢ − s·Zᵢ₊₁, s·Zᵢ + c·Zᵢ₊₁)
                }
                if (underflow) continue;
                d[l] -= p;
                e[l] = g;
                e[m] = T.Zero;
            }
        }
        SortAscending(n, d, z);
    }

    /// <summary>
    /// Eigenvalues only, by the root-free QL iteration (Pal–Walker–Kahan, LAPACK's <c>sterf</c>): it works on the
    /// squared off-diagonals, so a sweep needs no square root, and ends with d ascending. e (n slots) is destroyed.
    /// </summary>
    /// <exception cref="NonConvergenceException">An eigenvalue needed more than 30 sweeps.</exception>
    public static void SolveValues<T>(int n, T* d, T* e) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n == 0) return;
        T eps = Precision<T>.Epsilon, two = T.One + T.One, half = T.One / two;
        e[n - 1] = T.Zero;
        T norm = T.Zero;
        for (int i = 0; i < n; i++) norm = T.Max(norm, T.Abs(d[i]) + T.Abs(e[i]) + (i > 0 ? T.Abs(e[i - 1]) : T.Zero));
        T floor2 = eps * norm * (eps * norm), eps2 = eps * eps;
        for (int i = 0; i < n - 1; i++) e[i] *= e[i];
        for (int l = 0; l < n; l++)
        {
            int sweeps = 0;
            while (true)
            {
                int m = l;
                for (; m < n - 1; m++)
                    if (e[m] <= eps2 * T.Abs(d[m] * d[m + 1]) || e[m] <= floor2) break;
                if (m == l) break;
                if (m == l + 1)
                {
                    // 2×2 block [[a, b], [b, c]] in closed form.
                    T a = d[l], c = d[l + 1], b2 = e[l];
                    T sm = a + c, rt = T.Sqrt((a - c) * (a - c) + (two + two) * b2);
                    T rt1 = sm >= T.Zero ? half * (sm + rt) : half * (sm - rt);
                    T rt2 = rt1 != T.Zero ? (a * c - b2) / rt1 : -rt;
                    if (sm == T.Zero) { rt1 = half * rt; rt2 = -half * rt; }
                    d[l] = rt1;
                    d[l + 1] = rt2;
                    e[l] = T.Zero;
                    continue;
                }
                if (++sweeps > MaxSweepsPerValue)
                    throw new NonConvergenceException($"symmetric tridiagonal QL: eigenvalue {l} of {n} did not converge in {MaxSweepsPerValue} sweeps.", sweeps, l);
                T rte = T.Sqrt(e[l]);
                T sigma = (d[l + 1] - d[l]) / (two * rte);
                T r = Hypot(sigma, T.One);
                sigma = d[l] - rte / (sigma + T.CopySign(r, sigma));
                T cs = T.One, sn = T.Zero, gamma = d[m] - sigma, p = gamma * gamma;
                for (int i = m - 1; i >= l; i--)
                {
                    T bb = e[i];
                    r = p + bb;
                    if (i != m - 1) e[i + 1] = sn * r;
                    T oldc = cs;
                    cs = p / r;
                    sn = bb / r;
                    T oldgam = gamma, alpha = d[i];
                    gamma = cs * (alpha - sigma) - sn * oldgam;
                    d[i + 1] = oldgam + (alpha - gamma);
                    p = cs != T.Zero ? gamma * gamma / cs : oldc * bb;
                }
                e[l] = sn * p;
                d[l] = sigma + gamma;
            }
        }
        SortAscending(n, d, default);
    }

    /// <summary>
    /// √(f² + g²): the plain formula when both magnitudes are in a range where the squares neither overflow nor
    /// lose precision to underflow (the common case; several times cheaper than the library's scaled hypot),
    /// <see cref="IRootFunctions{T}.Hypot"/> otherwise.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static T Hypot<T>(T f, T g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T big = T.Max(T.Abs(f), T.Abs(g));
        if (big < SafeHypot<T>.Upper && big > SafeHypot<T>.Lower) return T.Sqrt(f * f + g * g);
        return T.Hypot(f, g);
    }

    private static class SafeHypot<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        // About √(1/safe minimum) and √ (safe minimum / ε²): squares stay normal and exact to rounding.
        public static readonly T Upper = T.Sqrt(T.One / Precision<T>.SafeMinimum) / (T.One + T.One);
        public static readonly T Lower = T.Sqrt(Precision<T>.SafeMinimum / (Precision<T>.Epsilon * Precision<T>.Epsilon));
    }


    /// <summary>Selection sort of d ascending with Z's columns (n swaps at most; fine for the O(n²) solver).</summary>
    public static void SortAscending<T>(int n, T* d, StridedMatrix<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool vectors = z.Cols > 0 && z.Rows > 0;
        for (int i = 0; i < n - 1; i++)
        {
            int k = i;
            for (int j = i + 1; j < n; j++)
                if (d[j] < d[k]) k = j;
            if (k == i) continue;
            (d[i], d[k]) = (d[k], d[i]);
            if (vectors) StridedVector.Swap(z.Rows, z.At(0, i), z.Rs, z.At(0, k), z.Rs);
        }
    }
}
