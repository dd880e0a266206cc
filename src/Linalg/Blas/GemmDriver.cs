using System.Numerics;
using Kernels.Backends.Cpu.Gemm;
using Kernels.Backends.Cpu.Scheduling;

namespace Kernels.Linalg.Blas;

/// <summary>
/// The blocked GEMM driver, written once for every micro-kernel: <c>C ← α·A·B + β·C</c> over element-strided
/// operands (A is m×k with strides rsa/csa, B k×n, C m×n with unit column stride — the dispatcher transposes the
/// problem when C is column-major). BLIS loop nest: jc (NC) → pc (KC) → pack B → ic (MC) → pack A → jr (NR) →
/// ir (MR) → micro-kernel.
/// </summary>
/// <remarks>
/// Threads split either the rows (in whole MR slivers, sharing one packed B panel that they pack together between
/// barriers) or, when there are too few rows, the columns (in whole NR slivers, each thread with its own B panel).
/// Every C element is accumulated by the same micro-kernel over the same KC blocks in the same order whatever the
/// split, and full and edge tiles round identically, so results are bit-identical for every thread count.
/// </remarks>
internal sealed unsafe class GemmDriver<T, TKernel> : IParallelJob
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : struct, IGemmMicroKernel<T>
{
    [ThreadStatic] private static GemmDriver<T, TKernel>? t_cached;

    /// <summary>Up to this many MR row slivers, a row-major B is read in place instead of packed.</summary>
    /// <summary>Cache blocking of this kernel, derived once from the machine's caches.</summary>
    private static readonly GemmBlocking s_blocking = GemmBlocking.For(TKernel.MR, TKernel.NR, sizeof(T), Kernels.Backends.Cpu.CacheInfo.Current);

    internal static readonly int DirectBMaxRowSlivers = int.TryParse(Environment.GetEnvironmentVariable("KERNELS_GEMM_DIRECTB"), out int v) ? v : 4;

    private readonly SpinBarrier _barrier = new();
    private int _m, _n, _k;
    private T _alpha, _beta;
    private T* _a, _b, _c;
    private nint _rsa, _csa, _rsb, _csb, _rsc, _csc;
    private GemmWorkspace _workspace = null!;
    private bool _splitRows;
    private bool _directB;
    private long _packedABytes, _panelBytes;

    /// <summary>Runs the product on up to <paramref name="threads"/> threads (see the class remarks).</summary>
    public static void Run(int m, int n, int k, T alpha, T* a, nint rsa, nint csa, T* b, nint rsb, nint csb,
        T beta, T* c, nint rsc, nint csc, int threads, GemmWorkspace workspace)
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        // Fewer threads for small products: a thread must get at least ~2 MFLOP to pay for waking it.
        double flops = 2.0 * m * n * k;
        threads = (int)Math.Clamp(flops / 2e6, 1, threads);
        int rowSlivers = (m + mr - 1) / mr, colSlivers = (n + nr - 1) / nr;
        bool splitRows = rowSlivers >= 4 * threads || rowSlivers >= colSlivers;
        // Skinny products (few row slivers) with a row-major B: each B element is used by so few micro-kernel calls
        // that packing it would cost as much as the product, so the kernel reads B in place.
        bool directB = csb == 1 && rowSlivers <= DirectBMaxRowSlivers && !(splitRows && threads > 1);
        if (!splitRows && colSlivers < 2) threads = 1;
        int kc = Math.Min(s_blocking.KC, k);
        int mc = Math.Min(s_blocking.MC, rowSlivers * mr);
        int nc = Math.Min(s_blocking.NC, colSlivers * nr);

        var job = t_cached ?? new GemmDriver<T, TKernel>();
        t_cached = null; // not reentrant: a nested call on this thread builds its own
        job._m = m; job._n = n; job._k = k; job._alpha = alpha; job._beta = beta;
        job._a = a; job._rsa = rsa; job._csa = csa;
        job._b = b; job._rsb = rsb; job._csb = csb;
        job._c = c; job._rsc = rsc; job._csc = csc;
        job._workspace = workspace; job._splitRows = splitRows; job._directB = directB;
        job._packedABytes = (long)mc * kc * sizeof(T);
        job._panelBytes = (long)nc * kc * sizeof(T);
        try
        {
            CpuWorkerPool.Run(job, threads);
        }
        finally
        {
            job._a = job._b = job._c = null;
            job._workspace = null!;
            t_cached = job;
        }
    }

    /// <summary>
    /// Sizes the workspace for the parts actually granted — the pool may grant fewer than asked (nested or concurrent
    /// calls), and a lone part packs B into its own panel instead of the shared one.
    /// </summary>
    public void Begin(int parts)
    {
        bool sharedPanel = parts > 1 && _splitRows;
        _workspace.Reserve(parts, _packedABytes, sharedPanel ? 0 : _panelBytes, sharedPanel ? _panelBytes : 0);
        _barrier.Reset(parts);
    }

    public void Execute(int part, int parts)
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        if (parts == 1)
        {
            Blocked(0, _m, 0, _n, (T*)_workspace.PackedA(0), (T*)_workspace.PackedB(0), 0, 1, shared: false);
        }
        else if (_splitRows)
        {
            var (s0, s1) = Split((_m + mr - 1) / mr, part, parts);
            Blocked(s0 * mr, Math.Min(_m, s1 * mr), 0, _n, (T*)_workspace.PackedA(part), (T*)_workspace.SharedB, part, parts, shared: true);
        }
        else
        {
            var (s0, s1) = Split((_n + nr - 1) / nr, part, parts);
            Blocked(0, _m, s0 * nr, Math.Min(_n, s1 * nr), (T*)_workspace.PackedA(part), (T*)_workspace.PackedB(part), part, parts, shared: false);
        }
    }

    /// <summary>Balanced split of <paramref name="count"/> items: part p gets [p·q + min(p, r), …).</summary>
    private static (int Start, int End) Split(int count, int part, int parts)
    {
        int q = count / parts, r = count % parts;
        int start = part * q + Math.Min(part, r);
        return (start, start + q + (part < r ? 1 : 0));
    }

    private void Blocked(int r0, int r1, int c0, int c1, T* packA, T* packB, int part, int parts, bool shared)
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        var (mcMax, kcMax, ncMax) = s_blocking;
        for (int jc = c0; jc < c1; jc += ncMax)
        {
            int nc = Math.Min(ncMax, c1 - jc);
            int slivers = (nc + nr - 1) / nr;
            for (int pc = 0; pc < _k; pc += kcMax)
            {
                int kc = Math.Min(kcMax, _k - pc);
                T beta = pc == 0 ? _beta : T.One;
                T* bSource = _b + pc * _rsb + jc * _csb;
                if (shared)
                {
                    var (s0, s1) = Split(slivers, part, parts);
                    GemmPacking.PackB(kc, nc, bSource, _rsb, _csb, packB, nr, s0, s1);
                    _barrier.SignalAndWait();
                }
                else if (_directB)
                {
                    // Only a ragged last sliver needs packing (zero padding); full slivers are read in place.
                    if (nc % nr != 0) GemmPacking.PackB(kc, nc, bSource, _rsb, _csb, packB, nr, slivers - 1, slivers);
                }
                else
                {
                    GemmPacking.PackB(kc, nc, bSource, _rsb, _csb, packB, nr, 0, slivers);
                }
                for (int ic = r0; ic < r1; ic += mcMax)
                {
                    int mc = Math.Min(mcMax, r1 - ic);
                    GemmPacking.PackA(mc, kc, _a + ic * _rsa + pc * _csa, _rsa, _csa, packA, mr);
                    Macro(mc, nc, kc, packA, packB, shared ? null : bSource, _c + ic * _rsc + jc * _csc, beta);
                }
                if (shared) _barrier.SignalAndWait(); // nobody repacks B while another part still reads it
            }
        }
    }

    private void Macro(int mc, int nc, int kc, T* packA, T* packB, T* bSource, T* c, T beta)
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        T* tile = stackalloc T[mr * nr];
        bool unitColumns = _csc == 1;
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            T* b = packB + (nint)jr * kc;
            nint rsb = nr;
            if (_directB && cols == nr && bSource != null)
            {
                b = bSource + jr; // unit column stride: row p of the sliver is at b + p·rsb
                rsb = _rsb;
            }
            for (int ir = 0; ir < mc; ir += mr)
            {
                int rows = Math.Min(mr, mc - ir);
                T* a = packA + (nint)ir * kc;
                T* cTile = c + ir * _rsc + jr * _csc;
                if (rows == mr && cols == nr && unitColumns)
                {
                    TKernel.Run(kc, a, b, rsb, cTile, _rsc, _alpha, beta);
                }
                else
                {
                    TKernel.Run(kc, a, b, rsb, tile, nr, T.One, T.Zero);
                    MergeTile(rows, cols, tile, nr, cTile, beta);
                }
            }
        }
    }

    /// <summary>C ← α·tile + β·C on a partial tile, rounding exactly as the kernels' own store does.</summary>
    private void MergeTile(int rows, int cols, T* tile, int nr, T* c, T beta)
    {
        bool readC = beta != T.Zero;
        for (int i = 0; i < rows; i++)
        {
            T* ci = c + i * _rsc;
            for (int j = 0; j < cols; j++)
            {
                T v = _alpha * tile[i * nr + j];
                ci[j * _csc] = readC ? v + beta * ci[j * _csc] : v;
            }
        }
    }
}
