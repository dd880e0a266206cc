using System.Numerics;
using Kernels.Backends.Cpu.Scheduling;

namespace Kernels.Linalg.Blas;

/// <summary>
/// Solves op(A)·X = B for disjoint column chunks of B in parallel, each chunk by the serial recursive TRSM with
/// single-threaded GEMMs. Chunk boundaries fall on multiples of 16 columns, so every element meets the same
/// operations in the same vector lane or scalar tail as in a one-thread solve: results are bit-identical for any
/// thread count.
/// </summary>
internal sealed unsafe class TrsmJob<T> : IParallelJob where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Smallest column chunk worth a thread.</summary>
    public const int MinimumChunk = 64;

    [ThreadStatic] private static TrsmJob<T>? s_cached;

    private int _m, _n;
    private T* _a, _b;
    private nint _rsa, _csa, _rsb, _csb;
    private bool _lower, _unit;
    private GemmOptions? _single;

    public static void Run(int m, int n, T* a, nint rsa, nint csa, bool lower, bool unit, T* b, nint rsb, nint csb, GemmOptions? options, int threads)
    {
        var job = s_cached ?? new TrsmJob<T>();
        s_cached = null;
        try
        {
            job._a = a;
            job._b = b;
            (job._m, job._n, job._rsa, job._csa, job._lower, job._unit, job._rsb, job._csb) = (m, n, rsa, csa, lower, unit, rsb, csb);
            if (job._single is null || job._single.KernelSet != options?.KernelSet)
                job._single = new GemmOptions { Threads = 1, KernelSet = options?.KernelSet };
            CpuWorkerPool.Run(job, Math.Min(threads, n / MinimumChunk));
        }
        finally
        {
            s_cached = job;
        }
    }

    public void Begin(int parts) { }

    public void Execute(int part, int parts)
    {
        int units = (_n + 15) / 16;
        int from = Math.Min(_n, (int)((long)units * part / parts) * 16);
        int to = Math.Min(_n, (int)((long)units * (part + 1) / parts) * 16);
        if (to > from)
            Blas.TrsmLeftSerial(_m, to - from, _a, _rsa, _csa, _lower, _unit, _b + from * _csb, _rsb, _csb, _single);
    }
}
