using Kernels.Backends.Cpu.Scheduling;
using Kernels.Tensors;

namespace Kernels.Ops.StateSpace.Associative;

/// <summary>
/// Inclusive scans under any associative operator, as JAX's <c>lax.associative_scan</c>:
/// out[i] = x[0] ∘ x[1] ∘ … ∘ x[i], or with <c>reverse</c> out[i] = x[n−1] ∘ … ∘ x[i] (the left operand is always
/// the element met first).
/// </summary>
/// <remarks>
/// The parallel form is Blelloch's blocked scan: every chunk of a sequence is scanned on its own, the chunk totals are
/// scanned (sequentially — there are few), and each later chunk combines its carry-in from the left into every
/// element: about 2n combines, each chunk read twice from cache. The work-efficient up-sweep/down-sweep tree is the
/// GPU form; on CPU cores it only adds passes over memory. The operator is a struct type parameter, so
/// <see cref="IAssociativeOperator{T}.Combine"/> inlines.
/// </remarks>
public static class AssociativeScan
{
    /// <summary>Sequential scan of one sequence; <paramref name="output"/> may be <paramref name="input"/> itself.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void Inclusive<T, TOperator>(ReadOnlySpan<T> input, Span<T> output, bool reverse = false)
        where TOperator : IAssociativeOperator<T>
    {
        if (input.Length != output.Length)
            throw new ArgumentException($"The output has {output.Length} elements for {input.Length} inputs.", nameof(output));
        int n = input.Length;
        if (n == 0) return;
        if (!reverse)
        {
            output[0] = input[0];
            for (int i = 1; i < n; i++) output[i] = TOperator.Combine(output[i - 1], input[i]);
        }
        else
        {
            output[n - 1] = input[n - 1];
            for (int i = n - 2; i >= 0; i--) output[i] = TOperator.Combine(output[i + 1], input[i]);
        }
    }

    /// <summary>
    /// Scans <paramref name="rows"/> independent sequences of <paramref name="length"/> elements stored row-major,
    /// each split into <see cref="AssociativeScanOptions.Chunks"/> chunks, parallel over (row, chunk).
    /// <paramref name="output"/> may be <paramref name="input"/> itself.
    /// </summary>
    /// <exception cref="ArgumentException">The buffers are shorter than rows × length, or rows/length are negative.</exception>
    public static void Inclusive<T, TOperator>(ReadOnlyMemory<T> input, Memory<T> output, int rows, int length, bool reverse = false,
        AssociativeScanOptions? options = null)
        where TOperator : IAssociativeOperator<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        long needed = (long)rows * length;
        if (input.Length < needed || output.Length < needed)
            throw new ArgumentException($"{rows} rows of {length} need {needed} elements; input has {input.Length}, output {output.Length}.", nameof(input));
        int chunks = options?.Chunks ?? 1;
        if (chunks < 1) throw new ArgumentOutOfRangeException(nameof(options), chunks, "Chunks must be at least 1.");
        chunks = Math.Min(chunks, Math.Max(1, length));
        int threads = options?.Threads ?? Threading.MaxThreads;
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(options), threads, "Threads must be at least 1.");
        if (needed == 0) return;
        var job = new BlockedScan<T, TOperator>(input, output, rows, length, chunks, reverse);
        int parts = (int)Math.Min(threads, (long)rows * chunks);
        CpuWorkerPool.Run(job, parts);        // 1: every chunk scanned locally
        if (chunks == 1) return;
        job.ChainCarries();                   // 2: carry-in of every chunk, sequential over the chunks of a row
        job.Phase = 1;
        CpuWorkerPool.Run(job, parts);        // 3: carry ∘ element in every later chunk
    }

    private sealed class BlockedScan<T, TOperator>(ReadOnlyMemory<T> input, Memory<T> output, int rows, int length, int chunks, bool reverse)
        : IParallelJob where TOperator : IAssociativeOperator<T>
    {
        private readonly T[] _carries = new T[(long)rows * chunks];

        /// <summary>0: local scans; 1: carry fix-up.</summary>
        public int Phase;

        public void Begin(int parts) { }

        private (int Start, int End) Steps(int c) => ((int)((long)length * c / chunks), (int)((long)length * (c + 1) / chunks));

        private int Position(int step) => reverse ? length - 1 - step : step;

        public void Execute(int part, int parts)
        {
            long items = (long)rows * chunks;
            // Contiguous item ranges: neighbouring chunks of a row share cache lines at their edges.
            for (long item = items * part / parts; item < items * (part + 1) / parts; item++)
            {
                int row = (int)(item / chunks), c = (int)(item % chunks);
                var x = input.Span.Slice(row * length, length);
                var y = output.Span.Slice(row * length, length);
                var (start, end) = Steps(c);
                if (Phase == 0)
                {
                    int first = Position(start);
                    y[first] = x[first];
                    for (int s = start + 1; s < end; s++)
                    {
                        int i = Position(s);
                        y[i] = TOperator.Combine(y[Position(s - 1)], x[i]);
                    }
                }
                else if (c > 0)
                {
                    T carry = _carries[item];
                    for (int s = start; s < end; s++)
                    {
                        int i = Position(s);
                        y[i] = TOperator.Combine(carry, y[i]);
                    }
                }
            }
        }

        /// <summary>carry[c] = carry[c−1] ∘ (local total of chunk c−1); carry[1] = total of chunk 0.</summary>
        public void ChainCarries()
        {
            var y = output.Span;
            for (int row = 0; row < rows; row++)
            {
                T carry = default!;
                for (int c = 1; c < chunks; c++)
                {
                    var (_, previousEnd) = Steps(c - 1);
                    T total = y[row * length + Position(previousEnd - 1)];
                    carry = c == 1 ? total : TOperator.Combine(carry, total);
                    _carries[(long)row * chunks + c] = carry;
                }
            }
        }
    }
}
