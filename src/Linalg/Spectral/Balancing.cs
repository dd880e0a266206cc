using System.Numerics;

namespace Kernels.Linalg.Spectral;

/// <summary>
/// Diagonal similarity scaling <c>A ← D⁻¹·A·D</c> with D a diagonal of powers of two (Parlett–Reinsch, LAPACK's
/// <c>gebal</c> with JOB='S'): row and column norms of each index are brought within a factor of two of each other,
/// which reduces ‖A‖ and so the absolute error of the eigenvalues of badly scaled matrices. Exact (powers of two),
/// it changes no eigenvalue. The permutation step of <c>gebal</c> is not done.
/// </summary>
internal static unsafe class Balancing
{
    /// <summary>Balances the n×n row-major <paramref name="a"/> in place and writes D's diagonal to <paramref name="d"/>.</summary>
    public static void Balance<T>(T* a, int n, T* d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < n; i++) d[i] = T.One;
        T two = T.One + T.One, factor = T.CreateTruncating(0.95);
        bool changed = true;
        for (int sweep = 0; changed && sweep < 100; sweep++)
        {
            changed = false;
            for (int i = 0; i < n; i++)
            {
                T c = T.Zero, r = T.Zero;
                for (int j = 0; j < n; j++)
                {
                    if (j == i) continue;
                    c += T.Abs(a[j * n + i]);
                    r += T.Abs(a[i * n + j]);
                }
                if (c == T.Zero || r == T.Zero) continue;
                // Scaling index i by f multiplies its column norm by f and divides its row norm by f.
                T f = T.One, s = c + r;
                while (c < r / two && f < T.CreateTruncating(1e30)) { f *= two; c *= two; r /= two; }
                while (c >= r * two && f > T.CreateTruncating(1e-30)) { f /= two; c /= two; r *= two; }
                if (c + r < factor * s)
                {
                    changed = true;
                    d[i] *= f;
                    T inv = T.One / f;
                    for (int j = 0; j < n; j++) a[i * n + j] *= inv;
                    for (int j = 0; j < n; j++) a[j * n + i] *= f;
                }
            }
        }
    }
}
