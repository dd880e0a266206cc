using System.Numerics;
using Kernels.Backends.Cpu.Scheduling;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Householder;

/// <summary>
/// Applies one block reflector to disjoint column chunks (left side) or row chunks (right side) of C in parallel,
/// each chunk by three single-threaded GEMMs. The trailing update of a factorization has k = panel width (≈ 48):
/// parallelising inside those thin GEMMs costs a barrier per k-block for little work, whereas the chunks are
/// independent. Each chunk uses its own slice of the workspace. Every element of C is computed by the same
/// kernel over the same k-blocks whatever the chunking, so results stay bit-identical for any thread count.
/// </summary>
internal sealed unsafe class BlockReflectorJob<T> : IParallelJob where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Smallest chunk worth a thread (columns or rows of C).</summary>
    public const int MinimumChunk = 96;

    // The caller blocks inside CpuWorkerPool.Run until every part is done, so one cached job per calling thread
    // suffices and the hot path allocates nothing.
    [ThreadStatic] private static BlockReflectorJob<T>? s_cached;

    private bool _left, _transpose;
    private T* _v, _t, _work;
    private int _p, _k;
    private StridedMatrix<T> _c;
    private GemmOptions? _single;

    public static void Run(bool left, bool transpose, T* v, T* t, int p, int k, StridedMatrix<T> c, T* work, GemmOptions? options, int threads)
    {
        var job = s_cached ?? new BlockReflectorJob<T>();
        s_cached = null;
        try
        {
            job._left = left;
            job._transpose = transpose;
            job._v = v;
            job._t = t;
            job._p = p;
            job._k = k;
            job._c = c;
            job._work = work;
            if (job._single is null || job._single.KernelSet != options?.KernelSet)
                job._single = new GemmOptions { Threads = 1, KernelSet = options?.KernelSet };
            int other = left ? c.Cols : c.Rows;
            CpuWorkerPool.Run(job, Math.Min(threads, other / MinimumChunk));
        }
        finally
        {
            s_cached = job;
        }
    }

    public void Begin(int parts) { }

    public void Execute(int part, int parts)
    {
        int other = _left ? _c.Cols : _c.Rows;
        // Chunk boundaries on multiples of 16 keep every chunk's GEMM on full NR/MR tiles except the last.
        int units = (other + 15) / 16;
        int from = Math.Min(other, (int)((long)units * part / parts) * 16);
        int to = Math.Min(other, (int)((long)units * (part + 1) / parts) * 16);
        if (to <= from) return;
        var chunk = _left ? _c.Sub(0, from, _c.Rows, to - from) : _c.Sub(from, 0, to - from, _c.Cols);
        BlockReflector.ApplySerial(_left, _transpose, _v, _t, _p, _k, chunk, _work + 2L * _k * from, _single);
    }
}
