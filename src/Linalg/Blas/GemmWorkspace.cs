using System.Collections.Concurrent;

namespace Kernels.Linalg.Blas;

/// <summary>
/// Packing buffers for GEMM: one packed block of A and one packed panel of B per thread plus a panel of B shared by
/// all threads, 64-byte aligned and pinned. Pass one to the span-level entry points to make every call, including
/// the first, allocation-free; otherwise calls rent one from a process-wide pool. A workspace serves one call at a
/// time.
/// </summary>
public sealed class GemmWorkspace
{
    private const int Alignment = 64;
    private static readonly ConcurrentQueue<GemmWorkspace> s_pool = new();

    private Buffer[] _a = [];
    private Buffer[] _b = [];
    private Buffer _sharedB;

    private struct Buffer
    {
        public byte[]? Array;
        public nint Aligned;
        public long Bytes;

        public void Ensure(long bytes)
        {
            if (Bytes >= bytes) return;
            Array = GC.AllocateUninitializedArray<byte>(checked((int)(bytes + Alignment)), pinned: true);
            unsafe
            {
                fixed (byte* p = Array) Aligned = (nint)(((long)p + Alignment - 1) & ~(long)(Alignment - 1));
            }
            Bytes = bytes;
        }
    }

    /// <summary>Makes room for <paramref name="parts"/> threads' buffers of the given sizes in bytes.</summary>
    internal void Reserve(int parts, long packedABytes, long packedBBytes, long sharedBBytes)
    {
        if (_a.Length < parts)
        {
            Array.Resize(ref _a, parts);
            Array.Resize(ref _b, parts);
        }
        for (int i = 0; i < parts; i++)
        {
            _a[i].Ensure(packedABytes);
            if (packedBBytes > 0) _b[i].Ensure(packedBBytes);
        }
        if (sharedBBytes > 0) _sharedB.Ensure(sharedBBytes);
    }

    internal nint PackedA(int part) => _a[part].Aligned;
    internal nint PackedB(int part) => _b[part].Aligned;
    internal nint SharedB => _sharedB.Aligned;

    internal static GemmWorkspace Rent() => s_pool.TryDequeue(out var w) ? w : new GemmWorkspace();

    internal static void Return(GemmWorkspace workspace)
    {
        // Keep a few; a burst of concurrent callers must not pin memory forever.
        if (s_pool.Count < 2 * Environment.ProcessorCount) s_pool.Enqueue(workspace);
    }
}
