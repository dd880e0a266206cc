using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Spectral;

/// <summary>
/// SVD of an n×n upper bidiagonal B by divide and conquer (the algorithm of LAPACK's <c>bdsdc</c>/<c>lasd0–4</c>,
/// Gu–Eisenstat): removing row k splits B into B₁ (k×(k+1)) and B₂ (square or one column wider), solved
/// recursively; the merge is the SVD of an arrowhead matrix M = [z; diag(d)] whose singular values are the roots of
/// <c>1 + Σ zᵢ²/(dᵢ² − σ²) = 0</c> (<see cref="SecularEquation"/> in its squared form), with deflation of tiny zᵢ,
/// tiny dᵢ and close pairs, Löwner's recomputed ẑ for orthogonal vectors, and the vector update as GEMMs. Small
/// leaves are solved by one-sided Jacobi. Singular values are accurate to ‖B‖·O(ε).
/// </summary>
internal static unsafe class BidiagonalDivideAndConquer
{
    /// <summary>Subproblems with at most this many rows are solved directly.</summary>
    public const int Leaf = 16;

    /// <summary>
    /// B = diag(d) + superdiag(e) (n, n−1). Writes σ descending to <paramref name="s"/>, and U, V (n×n row-major,
    /// columns are the singular vectors) with <c>B = U·diag(σ)·Vᵀ</c>. d and e are not modified.
    /// </summary>
    public static void Solve<T>(int n, T* d, T* e, T* s, T* u, T* v, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n == 0) return;
        new Span<T>(u, n * n).Clear();
        new Span<T>(v, n * n).Clear();
        T max = T.Zero;
        for (int i = 0; i < n; i++) max = T.Max(max, T.Abs(d[i]));
        for (int i = 0; i < n - 1; i++) max = T.Max(max, T.Abs(e[i]));
        if (max == T.Zero)
        {
            for (int i = 0; i < n; i++) { s[i] = T.Zero; u[i * n + i] = T.One; v[i * n + i] = T.One; }
            return;
        }
        T scale = T.ScaleB(T.One, -T.ILogB(max));
        using var work = new Scratch<T>(2 * n + 4 * n * n + 12 * n);
        T* dd = work.Pointer, ee = dd + n;
        for (int i = 0; i < n; i++) dd[i] = d[i] * scale;
        for (int i = 0; i < n - 1; i++) ee[i] = e[i] * scale;
        ee[n - 1] = T.Zero;
        var ctx = new Context<T>(n, dd, ee, s, u, v, ee + n, options);
        ctx.Recurse(0, n, 0);
        T inverse = T.One / scale;
        for (int i = 0; i < n; i++) s[i] *= inverse;
    }

    private sealed class Context<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly int _n;
        private readonly T* _d, _e, _s, _u, _v;
        private readonly GemmOptions? _options;
        private readonly T* _big1, _big2, _big3, _big4, _vec;

        public Context(int n, T* d, T* e, T* s, T* u, T* v, T* work, GemmOptions? options)
        {
            _n = n; _d = d; _e = e; _s = s; _u = u; _v = v; _options = options;
            long nn = (long)n * n;
            _big1 = work; _big2 = work + nn; _big3 = work + 2 * nn; _big4 = work + 3 * nn; _vec = work + 4 * nn;
        }

        /// <summary>Rows r0…r0+rows−1 of B, columns r0…r0+rows−1+sq (sq = 1: one extra column on the right).</summary>
        public void Recurse(int r0, int rows, int sq)
        {
            if (rows <= Leaf)
            {
                SolveLeaf(r0, rows, sq);
                return;
            }
            int k = (rows - 1) / 2;
            Recurse(r0, k, 1);
            Recurse(r0 + k + 1, rows - k - 1, sq);
            Merge(r0, rows, sq, k);
        }

        private void SolveLeaf(int r0, int rows, int sq)
        {
            int n = _n, cols = rows + sq;
            // Bᵀ (cols×rows) = Ū·Σ·V̄ᵀ by one-sided Jacobi ⇒ B = V̄·Σ·Ūᵀ: U_leaf = V̄, V_leaf = Ū (completed if sq).
            using var scratch = new Scratch<T>(rows * cols + cols * rows + rows * rows + cols * cols);
            T* g = scratch.Pointer, ubar = g + rows * cols, vbt = ubar + cols * rows, full = vbt + rows * rows;
            new Span<T>(g, rows * cols).Clear();
            // JacobiSvd takes the columns of the tall Bᵀ as rows: column i of Bᵀ is row i of B.
            for (int i = 0; i < rows; i++)
            {
                g[i * cols + i] = _d[r0 + i];
                if (i + 1 < cols) g[i * cols + i + 1] = _e[r0 + i];
            }
            JacobiSvd.Compute(g, cols, rows, _s + r0, ubar, vbt);
            // U_leaf = V̄ (rows×rows): V̄ᵀ is vbt, so U[i, j] = vbt[j, i].
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < rows; j++) _u[(r0 + i) * n + r0 + j] = vbt[j * rows + i];
            // V_leaf = Ū (cols×rows) plus, when sq, a unit null vector as its last column.
            for (int c = 0; c < rows; c++)
                for (int r = 0; r < cols; r++) full[c * cols + r] = ubar[r * rows + c];
            if (sq == 1) JacobiSvd.CompleteColumn(full, cols, rows);
            for (int i = 0; i < cols; i++)
                for (int j = 0; j < cols; j++) _v[(r0 + i) * n + r0 + j] = full[j * cols + i];
        }

        private void Merge(int r0, int rows, int sq, int k)
        {
            int n = _n, n2 = rows - k - 1, cols = rows + sq, mid = r0 + k;
            T eps = Precision<T>.Epsilon;
            T alpha = _d[mid], beta = _e[mid];
            // The arrowhead's first row in the children's bases: α·(last row of V₁), β·(first row of V₂).
            // Pole p ↔ (U column uc[p], V column vc[p], value dv[p], z[p]); pole 0 is the z-row/null-column pair.
            T* dv = _vec, z = dv + n, lam = z + n, zhat = lam + n, tmp = zhat + n, newS = tmp + n;
            int* uc = (int*)(newS + n), vc = uc + n, order = vc + n, kept = order + n, defl = kept + n, src = defl + n;
            T za = alpha * _v[(mid) * n + mid];
            T zb = T.Zero;
            int nullB = r0 + rows; // V₂'s null column when sq = 1
            if (sq == 1)
            {
                zb = beta * _v[(mid + 1) * n + nullB];
                // Rotate the two null columns so one carries the whole z entry and the other is B's null vector.
                T r = TridiagonalQl.Hypot(za, zb);
                if (r != T.Zero)
                {
                    T c = za / r, sn = zb / r;
                    for (int i = r0; i < r0 + cols; i++)
                    {
                        T a = _v[i * n + mid], b = _v[i * n + nullB];
                        _v[i * n + mid] = c * a + sn * b;
                        _v[i * n + nullB] = c * b - sn * a;
                    }
                    za = r;
                }
            }
            _u[mid * n + mid] = T.One;
            int m = 0;
            dv[m] = T.Zero; z[m] = za; uc[m] = mid; vc[m] = mid; m++;
            for (int i = 0; i < k; i++) { dv[m] = _s[r0 + i]; z[m] = alpha * _v[mid * n + r0 + i]; uc[m] = r0 + i; vc[m] = r0 + i; m++; }
            for (int i = 0; i < n2; i++) { int c = mid + 1 + i; dv[m] = _s[c]; z[m] = beta * _v[(mid + 1) * n + c]; uc[m] = c; vc[m] = c; m++; }
            // m == rows. Sort poles 1… ascending by value (pole 0, value 0, stays first).
            for (int i = 0; i < m; i++) order[i] = i;
            for (int i = 2; i < m; i++)
            {
                int x = order[i], j = i - 1;
                while (j >= 1 && dv[order[j]] > dv[x]) { order[j + 1] = order[j]; j--; }
                order[j + 1] = x;
            }
            T dmax = T.Zero, zmax = T.Zero;
            for (int i = 0; i < m; i++) { dmax = T.Max(dmax, dv[i]); zmax = T.Max(zmax, T.Abs(z[i])); }
            T tol = T.CreateTruncating(8) * eps * T.Max(dmax, zmax);
            if (T.Abs(z[0]) <= tol) z[0] = T.CopySign(tol, z[0] == T.Zero ? T.One : z[0]);
            int kc = 1, dc = 0;
            kept[0] = 0;
            int prev = -1;
            for (int o = 1; o < m; o++)
            {
                int p = order[o];
                if (T.Abs(z[p]) <= tol) { defl[dc++] = p; continue; }
                if (dv[p] <= tol)
                {
                    // A (numerically) zero pole: fold its z into pole 0 with a V-side rotation; σ = 0 deflates.
                    T r = TridiagonalQl.Hypot(z[0], z[p]);
                    T c = z[0] / r, sn = z[p] / r;
                    StridedVector.Rotate(cols, _v + r0 * n + vc[0], n, _v + r0 * n + vc[p], n, c, sn);
                    z[0] = r; z[p] = T.Zero; dv[p] = T.Zero;
                    defl[dc++] = p;
                    continue;
                }
                if (prev >= 0)
                {
                    T sv = z[prev], cv = z[p];
                    T tau = TridiagonalQl.Hypot(cv, sv);
                    cv /= tau;
                    sv = -sv / tau;
                    T t = dv[p] - dv[prev];
                    if (T.Abs(t * cv * sv) <= tol)
                    {
                        // Close poles: the same rotation on both sides zeroes z_prev, which then deflates.
                        z[p] = tau; z[prev] = T.Zero;
                        StridedVector.Rotate(rows, _u + r0 * n + uc[prev], n, _u + r0 * n + uc[p], n, cv, sv);
                        StridedVector.Rotate(cols, _v + r0 * n + vc[prev], n, _v + r0 * n + vc[p], n, cv, sv);
                        T dp = dv[prev] * cv * cv + dv[p] * sv * sv;
                        dv[p] = dv[prev] * sv * sv + dv[p] * cv * cv;
                        dv[prev] = dp;
                        defl[dc++] = prev;
                        prev = p;
                        continue;
                    }
                    kept[kc++] = prev;
                }
                prev = p;
            }
            if (prev >= 0) kept[kc++] = prev;
            // Secular roots, Löwner ẑ, vectors of M: v_j ∝ ẑᵢ/(dᵢ² − σ_j²); u_j ∝ (−1, dᵢẑᵢ/(dᵢ² − σ_j²)).
            T* dk = tmp, zk = newS; // reuse as compact pole arrays
            for (int i = 0; i < kc; i++) { dk[i] = dv[kept[i]]; zk[i] = z[kept[i]]; }
            T* dt = _big1;
            for (int j = 0; j < kc; j++) lam[j] = SecularEquation.Root(kc, j, dk, zk, T.One, dt + j * kc, squared: true);
            for (int i = 0; i < kc; i++) zhat[i] = -dt[i * kc + i];
            for (int j = 0; j < kc; j++)
            {
                T* dtj = dt + j * kc;
                T djv = dk[j];
                for (int i = 0; i < kc; i++)
                    if (i != j) zhat[i] *= -dtj[i] / ((djv - dk[i]) * (djv + dk[i]));
            }
            for (int i = 0; i < kc; i++) zhat[i] = T.CopySign(T.Sqrt(T.Abs(zhat[i])), zk[i]);
            T* um = _big2, vm = _big3, gath = _big4; // kc×kc each (um, vm), gathered columns (rows/cols × kc)
            for (int j = 0; j < kc; j++)
            {
                T* dtj = dt + j * kc;
                T nu = T.Zero, nv = T.Zero;
                for (int i = 0; i < kc; i++)
                {
                    T vi = zhat[i] / dtj[i];
                    T ui = i == 0 ? -T.One : dk[i] * zhat[i] / dtj[i];
                    um[i * kc + j] = ui;
                    vm[i * kc + j] = vi;
                    nu += ui * ui;
                    nv += vi * vi;
                }
                T iu = T.One / T.Sqrt(nu), iv = T.One / T.Sqrt(nv);
                for (int i = 0; i < kc; i++) { um[i * kc + j] *= iu; vm[i * kc + j] *= iv; }
            }
            // U_new = U[:, uc[kept]]·U_M and V_new = V[:, vc[kept]]·V_M over the node's rows; results in _big1
            // (dt is no longer needed) and gath reused for V.
            T* unew = _big1;
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < kc; c++) gath[r * kc + c] = _u[(r0 + r) * n + uc[kept[c]]];
            StridedMatrix<T>.Gemm(T.One, StridedMatrix<T>.RowMajor(gath, rows, kc, kc), StridedMatrix<T>.RowMajor(um, kc, kc, kc), T.Zero,
                StridedMatrix<T>.RowMajor(unew, rows, kc, kc), _options);
            T* vnew = um; // um consumed; reuse when it is large enough: (cols × kc) may exceed kc², so use _big2 fully
            for (int r = 0; r < cols; r++)
                for (int c = 0; c < kc; c++) gath[r * kc + c] = _v[(r0 + r) * n + vc[kept[c]]];
            StridedMatrix<T>.Gemm(T.One, StridedMatrix<T>.RowMajor(gath, cols, kc, kc), StridedMatrix<T>.RowMajor(vm, kc, kc, kc), T.Zero,
                StridedMatrix<T>.RowMajor(vnew, cols, kc, kc), _options);
            // Assemble σ descending: roots (ascending in j) and deflated values (any order) merged by value.
            for (int i = 1; i < dc; i++)
            {
                int x = defl[i], j = i - 1;
                while (j >= 0 && dv[defl[j]] < dv[x]) { defl[j + 1] = defl[j]; j--; }
                defl[j + 1] = x;
            }
            for (int a = kc - 1, b = 0, o = 0; o < rows; o++)
            {
                bool root = b >= dc || (a >= 0 && lam[a] >= dv[defl[b]]);
                if (root) { newS[o] = lam[a]; src[o] = a--; }
                else { int p = defl[b++]; newS[o] = dv[p]; src[o] = -1 - p; }
            }
            // Write the node's columns r0…r0+rows−1 of U and V (deflated columns read before being overwritten).
            T* row = tmp;
            for (int r = 0; r < rows; r++)
            {
                T* ur = _u + (r0 + r) * n;
                for (int o = 0; o < rows; o++) row[o] = src[o] >= 0 ? unew[r * kc + src[o]] : ur[uc[-1 - src[o]]];
                for (int o = 0; o < rows; o++) ur[r0 + o] = row[o];
            }
            for (int r = 0; r < cols; r++)
            {
                T* vr = _v + (r0 + r) * n;
                for (int o = 0; o < rows; o++) row[o] = src[o] >= 0 ? vnew[r * kc + src[o]] : vr[vc[-1 - src[o]]];
                for (int o = 0; o < rows; o++) vr[r0 + o] = row[o];
            }
            for (int o = 0; o < rows; o++) _s[r0 + o] = newS[o];
        }

    }
}
