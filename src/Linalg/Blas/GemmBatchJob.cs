using System.Numerics;
using Kernels.Backends.Cpu.Scheduling;

namespace Kernels.Linalg.Blas;

/// <summary>
/// Runs a batch of independent GEMMs: whole products are dealt to threads (each single-threaded) when the batch is
/// at least as large as the thread count and each product is small; otherwise products run one after another, each
/// using every thread. Batch b's operands start at <c>b·stride</c>, or at <c>offsets[b]</c> when offsets are given. Either way each C element is computed exactly as a lone call computes it.
/// </summary>
internal sealed unsafe class GemmBatchJob<T> : IParallelJob where T : unmanaged, IFloatingPointIeee754<T>
{
    internal readonly record struct Problem(int M, int N, int K, T Alpha,
        nint A, nint Rsa, nint Csa, long StrideA, nint B, nint Rsb, nint Csb, long StrideB,
        T Beta, nint C, nint Rsc, nint Csc, long StrideC, int Count,
        long[]? OffsetsA = null, long[]? OffsetsB = null, long[]? OffsetsC = null);

    private Problem _problem;
    private GemmOptions? _options;

    public static void Run(in Problem p, GemmOptions? options)
    {
        int threads = options?.Threads ?? Kernels.Tensors.Threading.MaxThreads;
        double flopsEach = 2.0 * p.M * p.N * p.K;
        if (p.Count >= 2 && threads > 1 && flopsEach < 64.0 * 64 * 64 * 16)
        {
            var job = new GemmBatchJob<T> { _problem = p, _options = options };
            CpuWorkerPool.Run(job, Math.Min(threads, p.Count));
            return;
        }
        for (int i = 0; i < p.Count; i++) One(p, i, options);
    }

    public void Begin(int parts) { }

    public void Execute(int part, int parts)
    {
        int q = _problem.Count / parts, r = _problem.Count % parts;
        int start = part * q + Math.Min(part, r), end = start + q + (part < r ? 1 : 0);
        // Inner products run on this thread only; any workspace the caller gave serves one call at a time.
        var single = new GemmOptions { Threads = 1, KernelSet = _options?.KernelSet };
        for (int i = start; i < end; i++) One(_problem, i, single);
    }

    private static void One(in Problem p, int i, GemmOptions? options) =>
        GemmDispatch.Run(p.M, p.N, p.K, p.Alpha, (T*)p.A + (p.OffsetsA?[i] ?? i * p.StrideA), p.Rsa, p.Csa,
            (T*)p.B + (p.OffsetsB?[i] ?? i * p.StrideB), p.Rsb, p.Csb,
            p.Beta, (T*)p.C + (p.OffsetsC?[i] ?? i * p.StrideC), p.Rsc, p.Csc, options);
}
