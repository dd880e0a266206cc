using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Kernels.Backends.Cpu.Gemm;

/// <summary>
/// Writes one accumulated micro-kernel row to C: <c>c ← α·acc + β·c</c>, or <c>c ← α·acc</c> without reading C when
/// β = 0 (BLAS semantics). Shared by every vector micro-kernel so the β rule lives in one place.
/// </summary>
internal static class GemmTileStore
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store<T>(T* c, Vector128<T> acc, Vector128<T> alpha, Vector128<T> beta, bool readC)
        where T : unmanaged
    {
        var r = alpha * acc;
        if (readC) r += beta * Vector128.Load(c);
        r.Store(c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store<T>(T* c, Vector256<T> acc, Vector256<T> alpha, Vector256<T> beta, bool readC)
        where T : unmanaged
    {
        var r = alpha * acc;
        if (readC) r += beta * Vector256.Load(c);
        r.Store(c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store<T>(T* c, Vector512<T> acc, Vector512<T> alpha, Vector512<T> beta, bool readC)
        where T : unmanaged
    {
        var r = alpha * acc;
        if (readC) r += beta * Vector512.Load(c);
        r.Store(c);
    }
}
