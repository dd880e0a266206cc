using System.Runtime.CompilerServices;

namespace Kernels.Tensors.Random;

/// <summary>
/// Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11), the counter-based
/// generator used by cuRAND, PyTorch on CUDA and JAX. Block i of the stream is Philox(key = seed, counter = i):
/// four 32-bit words, with no state carried between blocks — so element j of a random tensor depends only on
/// (seed, j), never on the thread count or on how the fill is split.
/// </summary>
public static class Philox4x32
{
    private const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /// <summary>The 4 output words for a 128-bit counter (c0..c3) and 64-bit key.</summary>
    public static (uint, uint, uint, uint) Block(ulong counter, ulong stream, ulong key)
    {
        uint c0 = (uint)counter, c1 = (uint)(counter >> 32), c2 = (uint)stream, c3 = (uint)(stream >> 32);
        uint k0 = (uint)key, k1 = (uint)(key >> 32);
        for (int r = 0; r < 10; r++)
        {
            Round(ref c0, ref c1, ref c2, ref c3, k0, k1);
            k0 += W0; k1 += W1;
        }
        return (c0, c1, c2, c3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref uint c0, ref uint c1, ref uint c2, ref uint c3, uint k0, uint k1)
    {
        ulong p0 = (ulong)M0 * c0, p1 = (ulong)M1 * c2;
        uint n0 = (uint)(p1 >> 32) ^ c1 ^ k0;
        uint n1 = (uint)p1;
        uint n2 = (uint)(p0 >> 32) ^ c3 ^ k1;
        uint n3 = (uint)p0;
        c0 = n0; c1 = n1; c2 = n2; c3 = n3;
    }
}
