using System.Numerics;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Spectral;

/// <summary>
/// Singular values (and optionally vectors) of an upper bidiagonal B by implicit QR sweeps (Golub–Kahan, with
/// Demmel–Kahan's zero-shift sweep whenever the shift is negligible, as LAPACK's <c>bdsqr</c>): the zero-shift sweep
/// and the relative convergence test <c>|e_i| ≤ ε·(|d_i| + |d_{i+1}|)</c> keep small singular values to high
/// relative accuracy. Rotations are accumulated on the rows of Uᵀ and Vᵀ (unit stride, vectorised).
/// </summary>
internal static unsafe class BidiagonalQr
{
    /// <summary>
    /// B = diag(d) + superdiag(e) (n, n−1; both destroyed). On exit d holds σ descending, non-negative; when given,
    /// the n×n row-major <paramref name="ut"/> and <paramref name="vt"/> (null to skip) receive every left/right rotation
    /// on their rows: starting from identities they end as U_Bᵀ and V_Bᵀ with <c>B = U_B·Σ·V_Bᵀ</c>.
    /// </summary>
    /// <exception cref="NonConvergenceException">More than 6n² inner steps (LAPACK's limit).</exception>
    public static void Solve<T>(int n, T* d, T* e, T* ut, T* vt) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n == 0) return;
        T eps = Precision<T>.Epsilon;
        T floor = Precision<T>.SafeMinimum * T.CreateTruncating(n) / eps;
        long maxSteps = 6L * n * n, steps = 0;
        int high = n - 1;
        while (high > 0)
        {
            // Deflate negligible superdiagonals at the bottom; find the unreduced block [low, high].
            if (T.Abs(e[high - 1]) <= eps * (T.Abs(d[high - 1]) + T.Abs(d[high])) || T.Abs(e[high - 1]) <= floor)
            {
                e[high - 1] = T.Zero;
                high--;
                continue;
            }
            int low = high - 1;
            while (low > 0)
            {
                T x = e[low - 1];
                if (T.Abs(x) <= eps * (T.Abs(d[low - 1]) + T.Abs(d[low])) || T.Abs(x) <= floor)
                {
                    e[low - 1] = T.Zero;
                    break;
                }
                low--;
            }
            steps += high - low;
            if (steps > maxSteps)
                throw new NonConvergenceException($"bidiagonal QR: singular value {high} of {n} did not converge in {maxSteps} steps.", (int)Math.Min(steps, int.MaxValue), high);
            // Shift: the smaller singular value of the trailing 2×2; zero when negligible against |d_low|.
            T shift = SmallestSingularValue2x2(d[high - 1], e[high - 1], d[high]);
            T dl = T.Abs(d[low]);
            if (dl > T.Zero && (shift / dl) * (shift / dl) < eps) shift = T.Zero;
            if (dl == T.Zero) shift = T.Zero;
            if (shift == T.Zero) ZeroShiftSweep(n, low, high, d, e, ut, vt);
            else ShiftedSweep(n, low, high, shift, d, e, ut, vt);
        }
        for (int i = 0; i < n; i++)
        {
            if (d[i] < T.Zero)
            {
                d[i] = -d[i];
                if (vt is not null) Negate(n, vt + i * n);
            }
        }
        // Selection sort descending, rows of Uᵀ, Vᵀ with the values.
        for (int i = 0; i < n - 1; i++)
        {
            int k = i;
            for (int j = i + 1; j < n; j++)
                if (d[j] > d[k]) k = j;
            if (k == i) continue;
            (d[i], d[k]) = (d[k], d[i]);
            if (ut is not null) StridedVector.Swap(n, ut + i * n, 1, ut + k * n, 1);
            if (vt is not null) StridedVector.Swap(n, vt + i * n, 1, vt + k * n, 1);
        }
    }

    /// <summary>(c, s, r) with <c>c·f + s·g = r</c>, <c>−s·f + c·g = 0</c> (LAPACK's <c>lartg</c> up to sign).</summary>
    private static void Rotation<T>(T f, T g, out T c, out T s, out T r) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (g == T.Zero) { c = T.One; s = T.Zero; r = f; return; }
        if (f == T.Zero) { c = T.Zero; s = T.One; r = g; return; }
        r = TridiagonalQl.Hypot(f, g);
        c = f / r;
        s = g / r;
    }

    private static void ShiftedSweep<T>(int n, int low, int high, T shift, T* d, T* e, T* ut, T* vt) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T f = (T.Abs(d[low]) - shift) * (T.CopySign(T.One, d[low]) + shift / d[low]);
        T g = e[low];
        for (int i = low; i < high; i++)
        {
            Rotation(f, g, out T cr, out T sr, out T r);
            if (i > low) e[i - 1] = r;
            f = cr * d[i] + sr * e[i];
            e[i] = cr * e[i] - sr * d[i];
            g = sr * d[i + 1];
            d[i + 1] = cr * d[i + 1];
            if (vt is not null) StridedVector.Rotate(n, vt + i * n, 1, vt + (i + 1) * n, 1, cr, sr);
            Rotation(f, g, out T cl, out T sl, out r);
            d[i] = r;
            f = cl * e[i] + sl * d[i + 1];
            d[i + 1] = cl * d[i + 1] - sl * e[i];
            if (i < high - 1)
            {
                g = sl * e[i + 1];
                e[i + 1] = cl * e[i + 1];
            }
            if (ut is not null) StridedVector.Rotate(n, ut + i * n, 1, ut + (i + 1) * n, 1, cl, sl);
        }
        e[high - 1] = f;
    }

    /// <summary>Demmel–Kahan's sweep with zero shift: no subtraction ever involves d or e, hence relative accuracy.</summary>
    private static void ZeroShiftSweep<T>(int n, int low, int high, T* d, T* e, T* ut, T* vt) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T cs = T.One, oldcs = T.One, oldsn = T.Zero;
        for (int i = low; i < high; i++)
        {
            Rotation(d[i] * cs, e[i], out cs, out T sn, out T r);
            if (i > low) e[i - 1] = oldsn * r;
            Rotation(oldcs * r, d[i + 1] * sn, out oldcs, out oldsn, out T di);
            d[i] = di;
            if (vt is not null) StridedVector.Rotate(n, vt + i * n, 1, vt + (i + 1) * n, 1, cs, sn);
            if (ut is not null) StridedVector.Rotate(n, ut + i * n, 1, ut + (i + 1) * n, 1, oldcs, oldsn);
        }
        T h = d[high] * cs;
        d[high] = h * oldcs;
        e[high - 1] = h * oldsn;
    }


    private static void Negate<T>(int n, T* x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int k = 0; k < n; k++) x[k] = -x[k];
    }

    /// <summary>The smaller singular value of [[f, g], [0, h]] without overflow or needless underflow (<c>las2</c>).</summary>
    public static T SmallestSingularValue2x2<T>(T f, T g, T h) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T two = T.One + T.One;
        T fa = T.Abs(f), ga = T.Abs(g), ha = T.Abs(h);
        T fhmn = T.Min(fa, ha), fhmx = T.Max(fa, ha);
        if (fhmn == T.Zero) return T.Zero;
        if (ga < fhmx)
        {
            T sum = T.One + fhmn / fhmx, diff = (fhmx - fhmn) / fhmx, ratio = ga / fhmx;
            T c = two / (T.Sqrt(sum * sum + ratio * ratio) + T.Sqrt(diff * diff + ratio * ratio));
            return fhmn * c;
        }
        T au = fhmx / ga;
        if (au == T.Zero) return fhmn * fhmx / ga;
        T s2 = T.One + fhmn / fhmx, d2 = (fhmx - fhmn) / fhmx;
        T c2 = T.One / (T.Sqrt(T.One + s2 * au * (s2 * au)) + T.Sqrt(T.One + d2 * au * (d2 * au)));
        return two * fhmn * c2 * au;
    }
}
