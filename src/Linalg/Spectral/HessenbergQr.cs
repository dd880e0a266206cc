using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Householder;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Spectral;

/// <summary>
/// The non-symmetric eigenproblem: Householder reduction to upper Hessenberg form (<c>gehd2</c>), Francis
/// double-shift QR to real Schur form <c>A = Z·T·Zᵀ</c> (EISPACK's <c>hqr2</c> algorithm, with exceptional shifts at
/// 10 and 30 iterations), then eigenvectors of the quasi-triangular T by back-substitution (<c>trevc</c>) and the
/// back-transformation <c>V = Z·X</c>. Complex conjugate pairs are kept in real arithmetic (a 2×2 block per pair).
/// </summary>
internal static unsafe class HessenbergQr
{
    /// <summary>Reduces the n×n row-major <paramref name="a"/> to Hessenberg form H in place and writes the
    /// orthogonal Q with <c>A = Q·H·Qᵀ</c> to <paramref name="q"/> (n×n).</summary>
    public static void Reduce<T>(T* a, int n, T* q, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        StridedMatrix<T>.RowMajor(q, n, n, Math.Max(n, 1)).SetIdentity();
        if (n < 3) return;
        using var scratch = new Scratch<T>(2 * n);
        T* tau = scratch.Pointer, work = tau + n;
        var am = StridedMatrix<T>.RowMajor(a, n, n, n);
        for (int j = 0; j < n - 2; j++)
        {
            // Reflector on rows j+1… zeroing column j below the subdiagonal; applied on both sides.
            T alpha = am[j + 1, j];
            tau[j] = Reflector.Generate(n - j - 1, ref alpha, am.At(j + 2, j), n);
            am[j + 1, j] = T.One;
            T* v = am.At(j + 1, j);
            Reflector.ApplyLeft(am.Sub(j + 1, j + 1, n - j - 1, n - j - 1), v, n, tau[j], work);
            Reflector.ApplyRight(am.Sub(0, j + 1, n, n - j - 1), v, n, tau[j], work);
            am[j + 1, j] = alpha;
        }
        HouseholderQr.ApplyQ(true, false, am.Sub(1, 0, n - 1, n - 2), n - 2, tau, StridedMatrix<T>.RowMajor(q, n, n, n).Sub(1, 1, n - 1, n - 1), options);
        for (int j = 0; j < n - 2; j++)
            for (int i = j + 2; i < n; i++) am[i, j] = T.Zero;
    }

    /// <summary>
    /// Francis double-shift QR on the Hessenberg <paramref name="h"/> (n×n row-major, overwritten by the real Schur
    /// form T), accumulating into <paramref name="z"/> (<c>Z ← Z·Q</c>). Writes the eigenvalues' real and imaginary
    /// parts (pairs adjacent, positive imaginary part first).
    /// </summary>
    /// <exception cref="NonConvergenceException">An eigenvalue needed more than 30·n iterations (its index is reported).</exception>
    public static void Schur<T>(T* h, int n, T* z, T* wr, T* wi) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T eps = Precision<T>.Epsilon, two = T.One + T.One;
        T norm = T.Zero;
        for (int i = 0; i < n; i++)
            for (int j = Math.Max(i - 1, 0); j < n; j++) norm += T.Abs(h[i * n + j]);
        if (norm == T.Zero)
        {
            // H = 0: every eigenvalue is 0 and Z is already a Schur basis.
            for (int i = 0; i < n; i++) wr[i] = wi[i] = T.Zero;
            return;
        }
        int top = n - 1, iter = 0, totalIter = 0, maxIter = 30 * Math.Max(n, 1);
        T exshift = T.Zero, p = T.Zero, q = T.Zero, r = T.Zero, s = T.Zero, zz = T.Zero, w, x, y;
        while (top >= 0)
        {
            int l = top;
            while (l > 0)
            {
                s = T.Abs(h[(l - 1) * n + l - 1]) + T.Abs(h[l * n + l]);
                if (s == T.Zero) s = norm;
                if (T.Abs(h[l * n + l - 1]) < eps * s) break;
                l--;
            }
            if (l == top)
            {
                h[top * n + top] += exshift;
                wr[top] = h[top * n + top];
                wi[top] = T.Zero;
                top--;
                iter = 0;
                continue;
            }
            if (l == top - 1)
            {
                int a1 = top - 1;
                w = h[top * n + a1] * h[a1 * n + top];
                p = (h[a1 * n + a1] - h[top * n + top]) / two;
                q = p * p + w;
                zz = T.Sqrt(T.Abs(q));
                h[top * n + top] += exshift;
                h[a1 * n + a1] += exshift;
                x = h[top * n + top];
                if (q >= T.Zero)
                {
                    zz = p >= T.Zero ? p + zz : p - zz;
                    wr[a1] = x + zz;
                    wr[top] = zz != T.Zero ? x - w / zz : wr[a1];
                    wi[a1] = wi[top] = T.Zero;
                    // Rotate the 2×2 block to upper triangular (real pair) and carry the rotation everywhere.
                    x = h[top * n + a1];
                    s = T.Abs(x) + T.Abs(zz);
                    if (s == T.Zero)
                    {
                        top -= 2;
                        iter = 0;
                        continue;
                    }
                    p = x / s;
                    q = zz / s;
                    r = T.Sqrt(p * p + q * q);
                    p /= r;
                    q /= r;
                    for (int j = a1; j < n; j++)
                    {
                        zz = h[a1 * n + j];
                        h[a1 * n + j] = q * zz + p * h[top * n + j];
                        h[top * n + j] = q * h[top * n + j] - p * zz;
                    }
                    for (int i = 0; i <= top; i++)
                    {
                        zz = h[i * n + a1];
                        h[i * n + a1] = q * zz + p * h[i * n + top];
                        h[i * n + top] = q * h[i * n + top] - p * zz;
                    }
                    for (int i = 0; i < n; i++)
                    {
                        zz = z[i * n + a1];
                        z[i * n + a1] = q * zz + p * z[i * n + top];
                        z[i * n + top] = q * z[i * n + top] - p * zz;
                    }
                }
                else
                {
                    wr[a1] = wr[top] = x + p;
                    wi[a1] = zz;
                    wi[top] = -zz;
                }
                top -= 2;
                iter = 0;
                continue;
            }
            // No convergence yet: form the shift.
            x = h[top * n + top];
            y = T.Zero;
            w = T.Zero;
            if (l < top)
            {
                y = h[(top - 1) * n + top - 1];
                w = h[top * n + top - 1] * h[(top - 1) * n + top];
            }
            if (iter == 10)
            {
                // Wilkinson's exceptional shift.
                exshift += x;
                for (int i = 0; i <= top; i++) h[i * n + i] -= x;
                s = T.Abs(h[top * n + top - 1]) + T.Abs(h[(top - 1) * n + top - 2]);
                x = y = T.CreateTruncating(0.75) * s;
                w = T.CreateTruncating(-0.4375) * s * s;
            }
            if (iter == 30)
            {
                // A second exceptional shift (MATLAB's choice) for cycles the first does not break.
                s = (y - x) / two;
                s = s * s + w;
                if (s > T.Zero)
                {
                    s = T.Sqrt(s);
                    if (y < x) s = -s;
                    s = x - w / ((y - x) / two + s);
                    for (int i = 0; i <= top; i++) h[i * n + i] -= s;
                    exshift += s;
                    x = y = w = T.CreateTruncating(0.964);
                }
            }
            iter++;
            if (++totalIter > maxIter)
                throw new NonConvergenceException($"Francis QR: eigenvalue {top} of {n} did not converge in {maxIter} iterations.", totalIter, top);
            // Look for two consecutive small subdiagonal elements.
            int m = top - 2;
            while (m >= l)
            {
                zz = h[m * n + m];
                r = x - zz;
                s = y - zz;
                p = (r * s - w) / h[(m + 1) * n + m] + h[m * n + m + 1];
                q = h[(m + 1) * n + m + 1] - zz - r - s;
                r = h[(m + 2) * n + m + 1];
                s = T.Abs(p) + T.Abs(q) + T.Abs(r);
                p /= s;
                q /= s;
                r /= s;
                if (m == l) break;
                if (T.Abs(h[m * n + m - 1]) * (T.Abs(q) + T.Abs(r)) <
                    eps * (T.Abs(p) * (T.Abs(h[(m - 1) * n + m - 1]) + T.Abs(zz) + T.Abs(h[(m + 1) * n + m + 1]))))
                    break;
                m--;
            }
            for (int i = m + 2; i <= top; i++)
            {
                h[i * n + i - 2] = T.Zero;
                if (i > m + 2) h[i * n + i - 3] = T.Zero;
            }
            // Double QR step on rows l…top, columns m…top.
            for (int k = m; k <= top - 1; k++)
            {
                bool notLast = k != top - 1;
                if (k != m)
                {
                    p = h[k * n + k - 1];
                    q = h[(k + 1) * n + k - 1];
                    r = notLast ? h[(k + 2) * n + k - 1] : T.Zero;
                    x = T.Abs(p) + T.Abs(q) + T.Abs(r);
                    if (x == T.Zero) continue;
                    p /= x;
                    q /= x;
                    r /= x;
                }
                s = T.Sqrt(p * p + q * q + r * r);
                if (p < T.Zero) s = -s;
                if (s == T.Zero) continue;
                if (k != m) h[k * n + k - 1] = -s * x;
                else if (l != m) h[k * n + k - 1] = -h[k * n + k - 1];
                p += s;
                x = p / s;
                y = q / s;
                zz = r / s;
                q /= p;
                r /= p;
                for (int j = k; j < n; j++)
                {
                    p = h[k * n + j] + q * h[(k + 1) * n + j];
                    if (notLast)
                    {
                        p += r * h[(k + 2) * n + j];
                        h[(k + 2) * n + j] -= p * zz;
                    }
                    h[k * n + j] -= p * x;
                    h[(k + 1) * n + j] -= p * y;
                }
                int last = Math.Min(top, k + 3);
                for (int i = 0; i <= last; i++)
                {
                    p = x * h[i * n + k] + y * h[i * n + k + 1];
                    if (notLast)
                    {
                        p += zz * h[i * n + k + 2];
                        h[i * n + k + 2] -= p * r;
                    }
                    h[i * n + k] -= p;
                    h[i * n + k + 1] -= p * q;
                }
                for (int i = 0; i < n; i++)
                {
                    p = x * z[i * n + k] + y * z[i * n + k + 1];
                    if (notLast)
                    {
                        p += zz * z[i * n + k + 2];
                        z[i * n + k + 2] -= p * r;
                    }
                    z[i * n + k] -= p;
                    z[i * n + k + 1] -= p * q;
                }
            }
        }
    }

    /// <summary>
    /// Eigenvectors of the quasi-triangular T (overwritten by the triangular eigenvector matrix X, complex pairs as
    /// (Re, Im) column pairs), then <c>Z ← Z·X</c>: the right eigenvectors of A in Z, unnormalised.
    /// </summary>
    public static void Vectors<T>(T* h, int n, T* z, T* wr, T* wi) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T eps = Precision<T>.Epsilon;
        T norm = T.Zero;
        for (int i = 0; i < n; i++)
            for (int j = Math.Max(i - 1, 0); j < n; j++) norm += T.Abs(h[i * n + j]);
        if (norm == T.Zero) return;
        T p, q, r = T.Zero, s = T.Zero, t, w, x, y, zz = T.Zero;
        for (int c = n - 1; c >= 0; c--)
        {
            p = wr[c];
            q = wi[c];
            if (q == T.Zero)
            {
                int l = c;
                h[c * n + c] = T.One;
                for (int i = c - 1; i >= 0; i--)
                {
                    w = h[i * n + i] - p;
                    r = T.Zero;
                    for (int j = l; j <= c; j++) r += h[i * n + j] * h[j * n + c];
                    if (wi[i] < T.Zero)
                    {
                        zz = w;
                        s = r;
                        continue;
                    }
                    l = i;
                    if (wi[i] == T.Zero)
                    {
                        h[i * n + c] = w != T.Zero ? -r / w : -r / (eps * norm);
                    }
                    else
                    {
                        x = h[i * n + i + 1];
                        y = h[(i + 1) * n + i];
                        q = (wr[i] - p) * (wr[i] - p) + wi[i] * wi[i];
                        t = (x * s - zz * r) / q;
                        h[i * n + c] = t;
                        h[(i + 1) * n + c] = T.Abs(x) > T.Abs(zz) ? (-r - w * t) / x : (-s - y * t) / zz;
                    }
                    t = T.Abs(h[i * n + c]);
                    if (eps * t * t > T.One)
                        for (int j = i; j <= c; j++) h[j * n + c] /= t;
                }
            }
            else if (q < T.Zero)
            {
                int l = c - 1;
                int a1 = c - 1;
                if (T.Abs(h[c * n + a1]) > T.Abs(h[a1 * n + c]))
                {
                    h[a1 * n + a1] = q / h[c * n + a1];
                    h[a1 * n + c] = -(h[c * n + c] - p) / h[c * n + a1];
                }
                else
                {
                    ComplexDivide(T.Zero, -h[a1 * n + c], h[a1 * n + a1] - p, q, out h[a1 * n + a1], out h[a1 * n + c]);
                }
                h[c * n + a1] = T.Zero;
                h[c * n + c] = T.One;
                for (int i = c - 2; i >= 0; i--)
                {
                    T ra = T.Zero, sa = T.Zero;
                    for (int j = l; j <= c; j++)
                    {
                        ra += h[i * n + j] * h[j * n + a1];
                        sa += h[i * n + j] * h[j * n + c];
                    }
                    w = h[i * n + i] - p;
                    if (wi[i] < T.Zero)
                    {
                        zz = w;
                        r = ra;
                        s = sa;
                        continue;
                    }
                    l = i;
                    if (wi[i] == T.Zero)
                    {
                        ComplexDivide(-ra, -sa, w, q, out h[i * n + a1], out h[i * n + c]);
                    }
                    else
                    {
                        x = h[i * n + i + 1];
                        y = h[(i + 1) * n + i];
                        T vr = (wr[i] - p) * (wr[i] - p) + wi[i] * wi[i] - q * q;
                        T vi = (wr[i] - p) * (q + q);
                        if (vr == T.Zero && vi == T.Zero)
                            vr = eps * norm * (T.Abs(w) + T.Abs(q) + T.Abs(x) + T.Abs(y) + T.Abs(zz));
                        ComplexDivide(x * r - zz * ra + q * sa, x * s - zz * sa - q * ra, vr, vi, out h[i * n + a1], out h[i * n + c]);
                        if (T.Abs(x) > T.Abs(zz) + T.Abs(q))
                        {
                            h[(i + 1) * n + a1] = (-ra - w * h[i * n + a1] + q * h[i * n + c]) / x;
                            h[(i + 1) * n + c] = (-sa - w * h[i * n + c] - q * h[i * n + a1]) / x;
                        }
                        else
                        {
                            ComplexDivide(-r - y * h[i * n + a1], -s - y * h[i * n + c], zz, q, out h[(i + 1) * n + a1], out h[(i + 1) * n + c]);
                        }
                    }
                    t = T.Max(T.Abs(h[i * n + a1]), T.Abs(h[i * n + c]));
                    if (eps * t * t > T.One)
                        for (int j = i; j <= c; j++)
                        {
                            h[j * n + a1] /= t;
                            h[j * n + c] /= t;
                        }
                }
            }
        }
        // Z ← Z·X with X upper triangular (T's subdiagonal is not part of X: pair columns were solved with the
        // subdiagonal entry zeroed, deflated ones are negligible). Row by row, as unit-stride axpys over X's rows.
        using var scratch = new Scratch<T>(n);
        T* row = scratch.Pointer;
        for (int i = 0; i < n; i++)
        {
            T* zi = z + i * n;
            new Span<T>(zi, n).CopyTo(new Span<T>(row, n));
            for (int j = 0; j < n; j++) zi[j] = T.Zero;
            for (int k = 0; k < n; k++)
            {
                T zik = row[k];
                if (zik == T.Zero) continue;
                StridedVector.Axpy(n - k, zik, h + k * n + k, 1, zi + k, 1);
            }
        }
    }

    /// <summary>(a + ib)/(c + id) by Smith's algorithm (no overflow from squaring c, d).</summary>
    private static void ComplexDivide<T>(T a, T b, T c, T d, out T re, out T im) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (T.Abs(c) > T.Abs(d))
        {
            T rr = d / c, den = c + rr * d;
            re = (a + rr * b) / den;
            im = (b - rr * a) / den;
        }
        else
        {
            T rr = c / d, den = d + rr * c;
            re = (rr * a + b) / den;
            im = (rr * b - a) / den;
        }
    }
}
