namespace Kernels.Tensors;

/// <summary>
/// Thread budget for Kernels' parallel loops. Default: <see cref="Environment.ProcessorCount"/>, or the
/// <c>KERNELS_THREADS</c> environment variable. Element-wise results never depend on the thread count; reductions
/// split work only at fixed block boundaries, so they do not either.
/// </summary>
public static class Threading
{
    private static int s_maxThreads = Initial();

    /// <summary>Most threads one call may use (≥ 1).</summary>
    public static int MaxThreads
    {
        get => s_maxThreads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            s_maxThreads = value;
        }
    }

    /// <summary>Below this many elements an element-wise operation stays on the calling thread.</summary>
    public const long ParallelThreshold = 1 << 18;

    private static int Initial()
    {
        var env = Environment.GetEnvironmentVariable("KERNELS_THREADS");
        return int.TryParse(env, out int t) && t >= 1 ? t : Environment.ProcessorCount;
    }

    /// <summary>Threads to use for <paramref name="elements"/> elements of work.</summary>
    internal static int For(long elements) =>
        elements < ParallelThreshold ? 1 : (int)Math.Min(MaxThreads, Math.Max(1, elements / (ParallelThreshold / 2)));
}
