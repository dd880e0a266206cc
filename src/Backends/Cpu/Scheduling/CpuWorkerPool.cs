using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Kernels.Backends.Cpu.Scheduling;

/// <summary>
/// Fork-join over dedicated worker threads. A region leases idle workers (never more than
/// <see cref="Environment.ProcessorCount"/> − 1 exist), runs part 0 on the calling thread and the other parts on the
/// leased workers, and returns when all are done. All parts of a region run concurrently, so a job may synchronise
/// its parts with a <see cref="SpinBarrier"/>.
/// </summary>
/// <remarks>
/// No oversubscription: when other regions hold the workers — user code calling Kernels from many threads, or a
/// Kernels call nested inside a region — a region simply gets fewer parts, down to one (the caller's thread).
/// Callers must therefore never assume the part count they asked for; results of Kernels' parallel kernels do not
/// depend on it. Steady-state regions allocate nothing.
/// </remarks>
public static class CpuWorkerPool
{
    private static readonly ConcurrentQueue<Worker> s_idle = new();
    private static readonly int s_maxWorkers = Math.Max(0, Environment.ProcessorCount - 1);
    private static int s_created;

    [ThreadStatic] private static bool t_insideRegion;

    /// <summary>
    /// Runs <paramref name="job"/> with up to <paramref name="maxParts"/> parts and returns the number of parts
    /// used (at least 1).
    /// </summary>
    public static int Run(IParallelJob job, int maxParts)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (maxParts <= 1 || t_insideRegion)
        {
            job.Begin(1);
            job.Execute(0, 1);
            return 1;
        }
        var leased = ArrayPool<Worker>.Shared.Rent(maxParts - 1);
        int count = 0;
        try
        {
            while (count < maxParts - 1 && TryLease(out var worker)) leased[count++] = worker;
            int parts = count + 1;
            job.Begin(parts);
            for (int i = 0; i < count; i++) leased[i].Start(job, i + 1, parts);
            Exception? first = null;
            t_insideRegion = true;
            try { job.Execute(0, parts); }
            catch (Exception e) { first = e; }
            finally { t_insideRegion = false; }
            for (int i = 0; i < count; i++)
            {
                var error = leased[i].Join();
                first ??= error;
            }
            if (first is not null) ExceptionDispatchInfo.Capture(first).Throw();
            return parts;
        }
        finally
        {
            for (int i = 0; i < count; i++)
            {
                s_idle.Enqueue(leased[i]);
                leased[i] = null!;
            }
            ArrayPool<Worker>.Shared.Return(leased);
        }
    }

    private static bool TryLease(out Worker worker)
    {
        if (s_idle.TryDequeue(out worker!)) return true;
        while (true)
        {
            int created = Volatile.Read(ref s_created);
            if (created >= s_maxWorkers) return false;
            if (Interlocked.CompareExchange(ref s_created, created + 1, created) == created) break;
        }
        worker = new Worker();
        return true;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Workers live as long as the process.")]
    private sealed class Worker
    {
        private readonly ManualResetEventSlim _go = new(false, spinCount: 2000);
        private readonly ManualResetEventSlim _done = new(false, spinCount: 2000);
        private IParallelJob? _job;
        private int _part, _parts;
        private Exception? _error;

        public Worker()
        {
            var thread = new Thread(Loop) { IsBackground = true, Name = "Kernels worker" };
            thread.Start();
        }

        public void Start(IParallelJob job, int part, int parts)
        {
            _job = job;
            _part = part;
            _parts = parts;
            _error = null;
            _done.Reset();
            _go.Set();
        }

        public Exception? Join()
        {
            _done.Wait();
            _job = null;
            return _error;
        }

        private void Loop()
        {
            t_insideRegion = true;
            while (true)
            {
                _go.Wait();
                _go.Reset();
                try { _job!.Execute(_part, _parts); }
                catch (Exception e) { _error = e; }
                _done.Set();
            }
        }
    }
}
