using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Spectral;

/// <summary>
/// Eigenvectors of a symmetric tridiagonal T by Cuppen's divide and conquer (LAPACK's <c>stedc</c>/<c>laed0–4</c>):
/// T = diag(T₁, T₂) + ρ·u·uᵀ; the halves are solved recursively and each merge diagonalises <c>D + ρ·z·zᵀ</c>
/// (z from the halves' boundary rows). Deflation removes tiny zᵢ and nearly equal poles (Dongarra–Sorensen), the
/// secular roots are offsets from their nearer pole, and z is recomputed from the roots by Löwner's formula
/// (Gu–Eisenstat), which makes the merged eigenvectors orthogonal to working precision without extra precision.
/// The eigenvector update is a GEMM per half (the halves' block structure is kept, as <c>laed2</c>'s column types).
/// </summary>
internal static unsafe class TridiagonalDivideAndConquer
{
    /// <summary>Blocks of at most this order are solved by QL with vectors.</summary>
    public const int Leaf = 32;

    /// <summary>
    /// d (n) diagonal, e (n slots, destroyed) off-diagonal; writes the eigenvalues ascending to d and T's
    /// eigenvectors to the n×n row-major <paramref name="q"/> (leading dimension n).
    /// </summary>
    public static void Solve<T>(int n, T* d, T* e, T* q, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n == 0) return;
        new Span<T>(q, n * n).Clear();
        T max = T.Zero;
        for (int i = 0; i < n; i++) max = T.Max(max, T.Abs(d[i]));
        for (int i = 0; i < n - 1; i++) max = T.Max(max, T.Abs(e[i]));
        if (max == T.Zero)
        {
            for (int i = 0; i < n; i++) q[i * n + i] = T.One;
            return;
        }
        // Scale by a power of two to ‖T‖ ≈ 1 (exact), so tolerances and secular sums live in a safe range.
        T scale = T.ScaleB(T.One, -T.ILogB(max));
        for (int i = 0; i < n; i++) d[i] *= scale;
        for (int i = 0; i < n - 1; i++) e[i] *= scale;
        var ctx = new Context<T>(n, q, options);
        try
        {
            ctx.Recurse(d, e, 0, n);
        }
        finally
        {
            ctx.Dispose();
        }
        T inverse = T.One / scale;
        for (int i = 0; i < n; i++) d[i] *= inverse;
    }

    private sealed class Context<T> : IDisposable where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly int _n;
        private readonly T* _q;
        private readonly GemmOptions? _options;
        private readonly T[] _buffer;
        private readonly int[] _ints;
        private System.Runtime.InteropServices.GCHandle _handle, _intHandle;
        private readonly T* _qc, _ug, _y, _dt, _z, _dk, _zk, _lambda, _zhat, _dnew, _u;
        private readonly int* _perm, _type, _kept, _deflated, _order;

        public Context(int n, T* q, GemmOptions? options)
        {
            _n = n;
            _q = q;
            _options = options;
            long big = (long)n * n;
            _buffer = System.Buffers.ArrayPool<T>.Shared.Rent(checked((int)(4 * big + 7L * n)));
            _ints = System.Buffers.ArrayPool<int>.Shared.Rent(5 * n);
            _handle = System.Runtime.InteropServices.GCHandle.Alloc(_buffer, System.Runtime.InteropServices.GCHandleType.Pinned);
            _intHandle = System.Runtime.InteropServices.GCHandle.Alloc(_ints, System.Runtime.InteropServices.GCHandleType.Pinned);
            T* p = (T*)_handle.AddrOfPinnedObject();
            _qc = p; _ug = p + big; _y = p + 2 * big; _dt = p + 3 * big;
            T* v = p + 4 * big;
            _z = v; _dk = v + n; _zk = v + 2 * n; _lambda = v + 3 * n; _zhat = v + 4 * n; _dnew = v + 5 * n; _u = v + 6 * n;
            int* ip = (int*)_intHandle.AddrOfPinnedObject();
            _perm = ip; _type = ip + n; _kept = ip + 2 * n; _deflated = ip + 3 * n; _order = ip + 4 * n;
        }

        public void Dispose()
        {
            if (_handle.IsAllocated) { _handle.Free(); System.Buffers.ArrayPool<T>.Shared.Return(_buffer); }
            if (_intHandle.IsAllocated) { _intHandle.Free(); System.Buffers.ArrayPool<int>.Shared.Return(_ints); }
        }

        private StridedMatrix<T> Block(int s, int m) => new(_q + s * _n + s, m, m, _n, 1);

        public void Recurse(T* d, T* e, int s, int m)
        {
            if (m <= Leaf)
            {
                var block = Block(s, m);
                
                // Solve on a contiguous Zᵀ so each rotation touches two unit-stride rows, then transpose into place.
                T* zt = stackalloc T[m * m];
                var z = new StridedMatrix<T>(zt, m, m, 1, m);
                z.SetIdentity();
                TridiagonalQl.Solve(m, d + s, e + s, z);
                for (int r = 0; r < m; r++)
                    for (int c = 0; c < m; c++) block[r, c] = zt[c * m + r];
                
                return;
            }
            int n1 = m / 2;
            T beta = e[s + n1 - 1];
            // T = diag(T₁ − |β|·e_last·e_lastᵀ, T₂ − |β|·e₁·e₁ᵀ) + |β|·u·uᵀ, u = e_last + sign(β)·e₁: ρ stays positive.
            d[s + n1 - 1] -= T.Abs(beta);
            d[s + n1] -= T.Abs(beta);
            Recurse(d, e, s, n1);
            Recurse(d, e, s + n1, m - n1);
            Merge(d + s, s, n1, m, beta);
        }

        private void Merge(T* d, int s, int n1, int m, T beta)
        {
            T two = T.One + T.One;
            int n = _n, n2 = m - n1;
            var block = Block(s, m);
            T rho = two * T.Abs(beta);
            T sign = beta < T.Zero ? -T.One : T.One;
            T invSqrt2 = T.One / T.Sqrt(two);
            T* z = _z;
            for (int i = 0; i < n1; i++) z[i] = block[n1 - 1, i] * invSqrt2;
            for (int i = 0; i < n2; i++) z[n1 + i] = sign * block[n1, n1 + i] * invSqrt2;
            for (int i = 0; i < m; i++) _type[i] = i < n1 ? 0 : 1;
            // Both halves come back sorted: merge their orders.
            for (int a = 0, b = n1, o = 0; o < m; o++)
                _perm[o] = b >= m || (a < n1 && d[a] <= d[b]) ? a++ : b++;
            T dmax = T.Zero, zmax = T.Zero;
            for (int i = 0; i < m; i++) { dmax = T.Max(dmax, T.Abs(d[i])); zmax = T.Max(zmax, T.Abs(z[i])); }
            T tol = T.CreateTruncating(8) * Precision<T>.Epsilon * T.Max(dmax, zmax);

            int k = 0, deflatedCount = 0, pj = -1;
            for (int o = 0; o < m; o++)
            {
                int nj = _perm[o];
                if (rho * T.Abs(z[nj]) <= tol) { _deflated[deflatedCount++] = nj; continue; }
                if (pj < 0) { pj = nj; continue; }
                // Rotate (z_pj, z_nj) onto (0, τ); if the poles are close enough the rotated pj decouples.
                T sv = z[pj], cv = z[nj];
                T tau = T.Hypot(cv, sv);
                cv /= tau;
                sv = -sv / tau;
                T t = d[nj] - d[pj];
                if (T.Abs(t * cv * sv) <= tol)
                {
                    z[nj] = tau;
                    z[pj] = T.Zero;
                    if (_type[pj] != _type[nj]) _type[nj] = 2;
                    StridedVector.Rotate(m, block.At(0, pj), n, block.At(0, nj), n, cv, sv);
                    T dp = d[pj] * cv * cv + d[nj] * sv * sv;
                    d[nj] = d[pj] * sv * sv + d[nj] * cv * cv;
                    d[pj] = dp;
                    _deflated[deflatedCount++] = pj;
                    pj = nj;
                }
                else
                {
                    _kept[k++] = pj;
                    pj = nj;
                }
            }
            if (pj >= 0) _kept[k++] = pj;
            InsertionSort(_deflated, deflatedCount, d);

            int k0 = 0, k2 = 0;
            if (k > 0)
            {
                T* dk = _dk, zk = _zk;
                for (int i = 0; i < k; i++) { dk[i] = d[_kept[i]]; zk[i] = z[_kept[i]]; }
                for (int j = 0; j < k; j++) _lambda[j] = SecularEquation.Root(k, j, dk, zk, rho, _dt + j * k); 
                // Löwner: the ẑ for which the computed λ are exact eigenvalues of D + ρ·ẑ·ẑᵀ.
                // Products over j outer (as laed3) so every pass is a unit-stride sweep over i.
                for (int i = 0; i < k; i++) _zhat[i] = -_dt[i * k + i] / rho;
                for (int j = 0; j < k; j++)
                {
                    T* dtj = _dt + j * k;
                    T dj = dk[j];
                    for (int i = 0; i < j; i++) _zhat[i] *= -dtj[i] / (dj - dk[i]);
                    for (int i = j + 1; i < k; i++) _zhat[i] *= -dtj[i] / (dj - dk[i]);
                }
                for (int i = 0; i < k; i++) _zhat[i] = T.CopySign(T.Sqrt(T.Abs(_zhat[i])), zk[i]);
                // Group the kept columns top-only, dense, bottom-only so each half's GEMM skips the other's zeros.
                int g = 0;
                for (int pass = 0; pass < 3; pass++)
                {
                    int want = pass == 0 ? 0 : pass == 1 ? 2 : 1;
                    for (int i = 0; i < k; i++)
                        if (_type[_kept[i]] == want) _order[g++] = i;
                    if (pass == 0) k0 = g; else if (pass == 1) k2 = g - k0;
                }
                for (int r = 0; r < m; r++)
                {
                    T* src = block.At(r, 0);
                    T* dst = _qc + r * k;
                    for (int c = 0; c < k; c++) dst[c] = src[_kept[_order[c]]];
                }
                // Eigenvector j of D + ρẑẑᵀ: uᵢ = ẑᵢ/(dᵢ − λ_j), normalised, stored as row j of Uᵀ in group order.
                for (int j = 0; j < k; j++)
                {
                    T* dt = _dt + j * k;
                    T norm = T.Zero;
                    for (int i = 0; i < k; i++) { _u[i] = _zhat[i] / dt[i]; norm += _u[i] * _u[i]; }
                    T inv = T.One / T.Sqrt(norm);
                    T* ugj = _ug + j * k;
                    for (int c = 0; c < k; c++) ugj[c] = _u[_order[c]] * inv;
                }
                int top = k0 + k2;
                var yTop = StridedMatrix<T>.RowMajor(_y, n1, k, k);
                var yBottom = StridedMatrix<T>.RowMajor(_y + n1 * k, n2, k, k);
                if (top > 0)
                    StridedMatrix<T>.Gemm(T.One, StridedMatrix<T>.RowMajor(_qc, n1, top, k), new StridedMatrix<T>(_ug, top, k, 1, k), T.Zero, yTop, _options);
                else yTop.Fill(T.Zero);
                if (k - k0 > 0)
                    StridedMatrix<T>.Gemm(T.One, StridedMatrix<T>.RowMajor(_qc + n1 * k + k0, n2, k - k0, k), new StridedMatrix<T>(_ug + k0, k - k0, k, 1, k), T.Zero, yBottom, _options);
                else yBottom.Fill(T.Zero);
            }
            // Merge the secular roots (columns of Y) with the deflated pairs (columns of the block) by value: first the
            // column map, then row by row (a saved copy of the row supplies the deflated entries), all unit stride.
            int* source = _order;
            for (int a = 0, b = 0, o = 0; o < m; o++)
            {
                bool takeRoot = b >= deflatedCount || (a < k && _lambda[a] <= d[_deflated[b]]);
                if (takeRoot) { _dnew[o] = _lambda[a]; source[o] = a++; }
                else { int c = _deflated[b++]; _dnew[o] = d[c]; source[o] = -1 - c; }
            }
            T* saved = _qc;
            for (int r = 0; r < m; r++)
            {
                T* row = block.At(r, 0);
                T* yr = _y + r * k;
                new Span<T>(row, m).CopyTo(new Span<T>(saved, m));
                for (int o = 0; o < m; o++)
                {
                    int src = source[o];
                    row[o] = src >= 0 ? yr[src] : saved[-1 - src];
                }
            }
            for (int i = 0; i < m; i++) d[i] = _dnew[i];
        }

        private static void InsertionSort(int* idx, int count, T* key)
        {
            for (int i = 1; i < count; i++)
            {
                int v = idx[i];
                int j = i - 1;
                while (j >= 0 && key[idx[j]] > key[v]) { idx[j + 1] = idx[j]; j--; }
                idx[j + 1] = v;
            }
        }
    }
}
