using ILGPU;

namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>Scalar arguments of <see cref="GemmKernels.Gemm{T, TOps}"/>.</summary>
internal readonly record struct GemmArguments<T>(int M, int N, int K, int TransposeA, int TransposeB, T Alpha, T Beta, int ReadC) where T : unmanaged;

/// <summary>
/// C = α·op(A)·op(B) + β·C, batched over grid z. Each group of 16×16 threads computes a 64×64 tile of C: K is
/// walked in slices of 16, each slice of A (64×16) and B (16×64) staged in shared memory with coalesced loads
/// (the loop order follows the stored layout, transposed or not), and every thread accumulates a 4×4 register
/// block whose rows and columns are strided by 16 so that neighbouring threads read neighbouring shared words.
/// </summary>
internal static class GemmKernels
{
    public const int Tile = 64;
    public const int Slice = 16;
    public const int Threads = 16;
    private const int PerThread = Tile / Threads;

    public static void Gemm<T, TOps>(ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, GemmArguments<T> g) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        var tileA = SharedMemory.Allocate<T>(Slice * Tile);   // [kk][i]
        var tileB = SharedMemory.Allocate<T>(Slice * Tile);   // [kk][j]
        var acc = LocalMemory.Allocate<T>(PerThread * PerThread);
        for (int e = 0; e < PerThread * PerThread; e++) acc[e] = ops.Zero;

        int tx = Group.IdxX, ty = Group.IdxY, tid = ty * Threads + tx;
        int row0 = Grid.IdxY * Tile, col0 = Grid.IdxX * Tile;
        long baseA = (long)Grid.IdxZ * g.M * g.K, baseB = (long)Grid.IdxZ * g.K * g.N, baseC = (long)Grid.IdxZ * g.M * g.N;

        for (int k0 = 0; k0 < g.K; k0 += Slice)
        {
            for (int e = 0; e < Tile * Slice / (Threads * Threads); e++)
            {
                int idx = tid + e * Threads * Threads;
                // A element (i, l): stored at i·K + l, or at l·M + i when transposed; let the stored fast index vary fastest.
                int i = g.TransposeA != 0 ? idx % Tile : idx / Slice;
                int l = g.TransposeA != 0 ? idx / Tile : idx % Slice;
                int gi = row0 + i, gl = k0 + l;
                T va = ops.Zero;
                if (gi < g.M && gl < g.K) va = a[baseA + (g.TransposeA != 0 ? (long)gl * g.M + gi : (long)gi * g.K + gl)];
                tileA[l * Tile + i] = va;

                // B element (l, j): stored at l·N + j, or at j·K + l when transposed.
                int j = g.TransposeB != 0 ? idx / Slice : idx % Tile;
                int lb = g.TransposeB != 0 ? idx % Slice : idx / Tile;
                int gj = col0 + j, glb = k0 + lb;
                T vb = ops.Zero;
                if (gj < g.N && glb < g.K) vb = b[baseB + (g.TransposeB != 0 ? (long)gj * g.K + glb : (long)glb * g.N + gj)];
                tileB[lb * Tile + j] = vb;
            }
            Group.Barrier();
            for (int kk = 0; kk < Slice; kk++)
            {
                for (int r = 0; r < PerThread; r++)
                {
                    T ar = tileA[kk * Tile + ty + Threads * r];
                    for (int q = 0; q < PerThread; q++)
                        acc[r * PerThread + q] = ops.MultiplyAdd(ar, tileB[kk * Tile + tx + Threads * q], acc[r * PerThread + q]);
                }
            }
            Group.Barrier();
        }

        for (int r = 0; r < PerThread; r++)
        {
            int gi = row0 + ty + Threads * r;
            if (gi >= g.M) continue;
            for (int q = 0; q < PerThread; q++)
            {
                int gj = col0 + tx + Threads * q;
                if (gj >= g.N) continue;
                long at = baseC + (long)gi * g.N + gj;
                T value = ops.Multiply(g.Alpha, acc[r * PerThread + q]);
                c[at] = g.ReadC != 0 ? ops.MultiplyAdd(g.Beta, c[at], value) : value;
            }
        }
    }
}
