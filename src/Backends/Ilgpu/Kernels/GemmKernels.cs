using ILGPU;

namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>Scalar arguments of the <see cref="GemmKernels"/> kernels.</summary>
internal readonly record struct GemmArguments<T>(int M, int N, int K, int TransposeA, int TransposeB, T Alpha, T Beta, int ReadC) where T : unmanaged;

/// <summary>
/// C = α·op(A)·op(B) + β·C, batched over grid z, by groups of 16×16 threads that each compute one tile of C: K is
/// walked in slices staged in shared memory with coalesced loads (the loop order follows the stored layout,
/// transposed or not; the next slice is read into registers while the current one is multiplied), and every thread accumulates a register block whose rows and columns are strided by 16 so
/// that neighbouring threads read neighbouring shared words and write neighbouring words of C.
/// </summary>
/// <remarks>
/// The register block is spelled out as named locals (generated; see tools/gen_ilgpu_gemm.py): a
/// <c>LocalMemory</c> array, which the first version used, lives in the GPU's off-chip local memory, and that
/// kernel ran at 1.85 TFLOP/s on an H100 (3.6 % of cuBLAS). Float uses 128×128 tiles with an 8×8 block (64 FMAs per
/// 16 shared loads); double keeps 64×64 tiles with a 4×4 block, as 64 double accumulators would exceed the
/// register file and spill.
/// </remarks>
internal static class GemmKernels
{
    /// <summary>Threads per group along each axis.</summary>
    public const int Threads = 16;

    /// <summary>Tile edge of <see cref="GemmLarge{T, TOps}"/>.</summary>
    public const int LargeTile = 128;

    /// <summary>Tile edge of <see cref="Gemm{T, TOps}"/>.</summary>
    public const int Tile = 64;

    /// <summary>128×128 tiles, K slices of 16, an 8×8 register block per thread (float).</summary>
    public static void GemmLarge<T, TOps>(ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, GemmArguments<T> g) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        const int tile = 128, slice = 16, stride = 132;
        TOps ops = default;
        var tileA = SharedMemory.Allocate<T>(slice * stride);   // [kk][i], rows padded by 4 so the staging stores do not collide in a bank
        var tileB = SharedMemory.Allocate<T>(slice * stride);   // [kk][j]
        T c00 = ops.Zero, c01 = ops.Zero, c02 = ops.Zero, c03 = ops.Zero, c04 = ops.Zero, c05 = ops.Zero, c06 = ops.Zero, c07 = ops.Zero;
        T c10 = ops.Zero, c11 = ops.Zero, c12 = ops.Zero, c13 = ops.Zero, c14 = ops.Zero, c15 = ops.Zero, c16 = ops.Zero, c17 = ops.Zero;
        T c20 = ops.Zero, c21 = ops.Zero, c22 = ops.Zero, c23 = ops.Zero, c24 = ops.Zero, c25 = ops.Zero, c26 = ops.Zero, c27 = ops.Zero;
        T c30 = ops.Zero, c31 = ops.Zero, c32 = ops.Zero, c33 = ops.Zero, c34 = ops.Zero, c35 = ops.Zero, c36 = ops.Zero, c37 = ops.Zero;
        T c40 = ops.Zero, c41 = ops.Zero, c42 = ops.Zero, c43 = ops.Zero, c44 = ops.Zero, c45 = ops.Zero, c46 = ops.Zero, c47 = ops.Zero;
        T c50 = ops.Zero, c51 = ops.Zero, c52 = ops.Zero, c53 = ops.Zero, c54 = ops.Zero, c55 = ops.Zero, c56 = ops.Zero, c57 = ops.Zero;
        T c60 = ops.Zero, c61 = ops.Zero, c62 = ops.Zero, c63 = ops.Zero, c64 = ops.Zero, c65 = ops.Zero, c66 = ops.Zero, c67 = ops.Zero;
        T c70 = ops.Zero, c71 = ops.Zero, c72 = ops.Zero, c73 = ops.Zero, c74 = ops.Zero, c75 = ops.Zero, c76 = ops.Zero, c77 = ops.Zero;

        int tx = Group.IdxX, ty = Group.IdxY, tid = ty * Threads + tx;
        int row0 = Grid.IdxY * tile, col0 = Grid.IdxX * tile;
        long baseA = (long)Grid.IdxZ * g.M * g.K, baseB = (long)Grid.IdxZ * g.K * g.N, baseC = (long)Grid.IdxZ * g.M * g.N;

        // Each thread stages 8 elements of A and of B per slice. The next slice's elements are loaded into
        // registers before the current slice's multiply-adds, so their global-memory latency hides behind them.
        int idx0 = tid + 0;
        int slotA0 = SlotA(g, idx0, tile, slice, stride), slotB0 = SlotB(g, idx0, tile, slice, stride);
        T pa0 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx0, tile, slice), pb0 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx0, tile, slice);
        int idx1 = tid + 256;
        int slotA1 = SlotA(g, idx1, tile, slice, stride), slotB1 = SlotB(g, idx1, tile, slice, stride);
        T pa1 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx1, tile, slice), pb1 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx1, tile, slice);
        int idx2 = tid + 512;
        int slotA2 = SlotA(g, idx2, tile, slice, stride), slotB2 = SlotB(g, idx2, tile, slice, stride);
        T pa2 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx2, tile, slice), pb2 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx2, tile, slice);
        int idx3 = tid + 768;
        int slotA3 = SlotA(g, idx3, tile, slice, stride), slotB3 = SlotB(g, idx3, tile, slice, stride);
        T pa3 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx3, tile, slice), pb3 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx3, tile, slice);
        int idx4 = tid + 1024;
        int slotA4 = SlotA(g, idx4, tile, slice, stride), slotB4 = SlotB(g, idx4, tile, slice, stride);
        T pa4 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx4, tile, slice), pb4 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx4, tile, slice);
        int idx5 = tid + 1280;
        int slotA5 = SlotA(g, idx5, tile, slice, stride), slotB5 = SlotB(g, idx5, tile, slice, stride);
        T pa5 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx5, tile, slice), pb5 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx5, tile, slice);
        int idx6 = tid + 1536;
        int slotA6 = SlotA(g, idx6, tile, slice, stride), slotB6 = SlotB(g, idx6, tile, slice, stride);
        T pa6 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx6, tile, slice), pb6 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx6, tile, slice);
        int idx7 = tid + 1792;
        int slotA7 = SlotA(g, idx7, tile, slice, stride), slotB7 = SlotB(g, idx7, tile, slice, stride);
        T pa7 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx7, tile, slice), pb7 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx7, tile, slice);

        for (int k0 = 0; k0 < g.K; k0 += slice)
        {
            tileA[slotA0] = pa0; tileB[slotB0] = pb0;
            tileA[slotA1] = pa1; tileB[slotB1] = pb1;
            tileA[slotA2] = pa2; tileB[slotB2] = pb2;
            tileA[slotA3] = pa3; tileB[slotB3] = pb3;
            tileA[slotA4] = pa4; tileB[slotB4] = pb4;
            tileA[slotA5] = pa5; tileB[slotB5] = pb5;
            tileA[slotA6] = pa6; tileB[slotB6] = pb6;
            tileA[slotA7] = pa7; tileB[slotB7] = pb7;
            Group.Barrier();
            if (k0 + slice < g.K)
            {
                pa0 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx0, tile, slice); pb0 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx0, tile, slice);
                pa1 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx1, tile, slice); pb1 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx1, tile, slice);
                pa2 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx2, tile, slice); pb2 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx2, tile, slice);
                pa3 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx3, tile, slice); pb3 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx3, tile, slice);
                pa4 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx4, tile, slice); pb4 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx4, tile, slice);
                pa5 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx5, tile, slice); pb5 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx5, tile, slice);
                pa6 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx6, tile, slice); pb6 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx6, tile, slice);
                pa7 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx7, tile, slice); pb7 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx7, tile, slice);
            }
            for (int kk = 0; kk < slice; kk++)
            {
                int ra = kk * stride + ty, rb = kk * stride + tx;
                T a0 = tileA[ra + 0], a1 = tileA[ra + 16], a2 = tileA[ra + 32], a3 = tileA[ra + 48], a4 = tileA[ra + 64], a5 = tileA[ra + 80], a6 = tileA[ra + 96], a7 = tileA[ra + 112];
                T b0 = tileB[rb + 0], b1 = tileB[rb + 16], b2 = tileB[rb + 32], b3 = tileB[rb + 48], b4 = tileB[rb + 64], b5 = tileB[rb + 80], b6 = tileB[rb + 96], b7 = tileB[rb + 112];
                c00 = ops.MultiplyAdd(a0, b0, c00); c01 = ops.MultiplyAdd(a0, b1, c01); c02 = ops.MultiplyAdd(a0, b2, c02); c03 = ops.MultiplyAdd(a0, b3, c03); c04 = ops.MultiplyAdd(a0, b4, c04); c05 = ops.MultiplyAdd(a0, b5, c05); c06 = ops.MultiplyAdd(a0, b6, c06); c07 = ops.MultiplyAdd(a0, b7, c07);
                c10 = ops.MultiplyAdd(a1, b0, c10); c11 = ops.MultiplyAdd(a1, b1, c11); c12 = ops.MultiplyAdd(a1, b2, c12); c13 = ops.MultiplyAdd(a1, b3, c13); c14 = ops.MultiplyAdd(a1, b4, c14); c15 = ops.MultiplyAdd(a1, b5, c15); c16 = ops.MultiplyAdd(a1, b6, c16); c17 = ops.MultiplyAdd(a1, b7, c17);
                c20 = ops.MultiplyAdd(a2, b0, c20); c21 = ops.MultiplyAdd(a2, b1, c21); c22 = ops.MultiplyAdd(a2, b2, c22); c23 = ops.MultiplyAdd(a2, b3, c23); c24 = ops.MultiplyAdd(a2, b4, c24); c25 = ops.MultiplyAdd(a2, b5, c25); c26 = ops.MultiplyAdd(a2, b6, c26); c27 = ops.MultiplyAdd(a2, b7, c27);
                c30 = ops.MultiplyAdd(a3, b0, c30); c31 = ops.MultiplyAdd(a3, b1, c31); c32 = ops.MultiplyAdd(a3, b2, c32); c33 = ops.MultiplyAdd(a3, b3, c33); c34 = ops.MultiplyAdd(a3, b4, c34); c35 = ops.MultiplyAdd(a3, b5, c35); c36 = ops.MultiplyAdd(a3, b6, c36); c37 = ops.MultiplyAdd(a3, b7, c37);
                c40 = ops.MultiplyAdd(a4, b0, c40); c41 = ops.MultiplyAdd(a4, b1, c41); c42 = ops.MultiplyAdd(a4, b2, c42); c43 = ops.MultiplyAdd(a4, b3, c43); c44 = ops.MultiplyAdd(a4, b4, c44); c45 = ops.MultiplyAdd(a4, b5, c45); c46 = ops.MultiplyAdd(a4, b6, c46); c47 = ops.MultiplyAdd(a4, b7, c47);
                c50 = ops.MultiplyAdd(a5, b0, c50); c51 = ops.MultiplyAdd(a5, b1, c51); c52 = ops.MultiplyAdd(a5, b2, c52); c53 = ops.MultiplyAdd(a5, b3, c53); c54 = ops.MultiplyAdd(a5, b4, c54); c55 = ops.MultiplyAdd(a5, b5, c55); c56 = ops.MultiplyAdd(a5, b6, c56); c57 = ops.MultiplyAdd(a5, b7, c57);
                c60 = ops.MultiplyAdd(a6, b0, c60); c61 = ops.MultiplyAdd(a6, b1, c61); c62 = ops.MultiplyAdd(a6, b2, c62); c63 = ops.MultiplyAdd(a6, b3, c63); c64 = ops.MultiplyAdd(a6, b4, c64); c65 = ops.MultiplyAdd(a6, b5, c65); c66 = ops.MultiplyAdd(a6, b6, c66); c67 = ops.MultiplyAdd(a6, b7, c67);
                c70 = ops.MultiplyAdd(a7, b0, c70); c71 = ops.MultiplyAdd(a7, b1, c71); c72 = ops.MultiplyAdd(a7, b2, c72); c73 = ops.MultiplyAdd(a7, b3, c73); c74 = ops.MultiplyAdd(a7, b4, c74); c75 = ops.MultiplyAdd(a7, b5, c75); c76 = ops.MultiplyAdd(a7, b6, c76); c77 = ops.MultiplyAdd(a7, b7, c77);
            }
            Group.Barrier();
        }

        Store<T, TOps>(c, g, baseC, row0 + ty + 0, col0 + tx, c00, c01, c02, c03, c04, c05, c06, c07);
        Store<T, TOps>(c, g, baseC, row0 + ty + 16, col0 + tx, c10, c11, c12, c13, c14, c15, c16, c17);
        Store<T, TOps>(c, g, baseC, row0 + ty + 32, col0 + tx, c20, c21, c22, c23, c24, c25, c26, c27);
        Store<T, TOps>(c, g, baseC, row0 + ty + 48, col0 + tx, c30, c31, c32, c33, c34, c35, c36, c37);
        Store<T, TOps>(c, g, baseC, row0 + ty + 64, col0 + tx, c40, c41, c42, c43, c44, c45, c46, c47);
        Store<T, TOps>(c, g, baseC, row0 + ty + 80, col0 + tx, c50, c51, c52, c53, c54, c55, c56, c57);
        Store<T, TOps>(c, g, baseC, row0 + ty + 96, col0 + tx, c60, c61, c62, c63, c64, c65, c66, c67);
        Store<T, TOps>(c, g, baseC, row0 + ty + 112, col0 + tx, c70, c71, c72, c73, c74, c75, c76, c77);
    }

    /// <summary>As <see cref="GemmLarge{T, TOps}"/> with two shared buffers and one barrier per slice instead of two (not yet timed on a GPU).</summary>
    public static void GemmLargeDoubleBuffered<T, TOps>(ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, GemmArguments<T> g) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        const int tile = 128, slice = 16, stride = 132;
        TOps ops = default;
        var tileA = SharedMemory.Allocate<T>(2 * slice * stride);   // [kk][i], rows padded by 4 so the staging stores do not collide in a bank
        var tileB = SharedMemory.Allocate<T>(2 * slice * stride);   // [kk][j]
        T c00 = ops.Zero, c01 = ops.Zero, c02 = ops.Zero, c03 = ops.Zero, c04 = ops.Zero, c05 = ops.Zero, c06 = ops.Zero, c07 = ops.Zero;
        T c10 = ops.Zero, c11 = ops.Zero, c12 = ops.Zero, c13 = ops.Zero, c14 = ops.Zero, c15 = ops.Zero, c16 = ops.Zero, c17 = ops.Zero;
        T c20 = ops.Zero, c21 = ops.Zero, c22 = ops.Zero, c23 = ops.Zero, c24 = ops.Zero, c25 = ops.Zero, c26 = ops.Zero, c27 = ops.Zero;
        T c30 = ops.Zero, c31 = ops.Zero, c32 = ops.Zero, c33 = ops.Zero, c34 = ops.Zero, c35 = ops.Zero, c36 = ops.Zero, c37 = ops.Zero;
        T c40 = ops.Zero, c41 = ops.Zero, c42 = ops.Zero, c43 = ops.Zero, c44 = ops.Zero, c45 = ops.Zero, c46 = ops.Zero, c47 = ops.Zero;
        T c50 = ops.Zero, c51 = ops.Zero, c52 = ops.Zero, c53 = ops.Zero, c54 = ops.Zero, c55 = ops.Zero, c56 = ops.Zero, c57 = ops.Zero;
        T c60 = ops.Zero, c61 = ops.Zero, c62 = ops.Zero, c63 = ops.Zero, c64 = ops.Zero, c65 = ops.Zero, c66 = ops.Zero, c67 = ops.Zero;
        T c70 = ops.Zero, c71 = ops.Zero, c72 = ops.Zero, c73 = ops.Zero, c74 = ops.Zero, c75 = ops.Zero, c76 = ops.Zero, c77 = ops.Zero;

        int tx = Group.IdxX, ty = Group.IdxY, tid = ty * Threads + tx;
        int row0 = Grid.IdxY * tile, col0 = Grid.IdxX * tile;
        long baseA = (long)Grid.IdxZ * g.M * g.K, baseB = (long)Grid.IdxZ * g.K * g.N, baseC = (long)Grid.IdxZ * g.M * g.N;

        // Each thread stages 8 elements of A and of B per slice. The next slice's elements are loaded into
        // registers before the current slice's multiply-adds, so their global-memory latency hides behind them.
        int idx0 = tid + 0;
        int slotA0 = SlotA(g, idx0, tile, slice, stride), slotB0 = SlotB(g, idx0, tile, slice, stride);
        T pa0 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx0, tile, slice), pb0 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx0, tile, slice);
        int idx1 = tid + 256;
        int slotA1 = SlotA(g, idx1, tile, slice, stride), slotB1 = SlotB(g, idx1, tile, slice, stride);
        T pa1 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx1, tile, slice), pb1 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx1, tile, slice);
        int idx2 = tid + 512;
        int slotA2 = SlotA(g, idx2, tile, slice, stride), slotB2 = SlotB(g, idx2, tile, slice, stride);
        T pa2 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx2, tile, slice), pb2 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx2, tile, slice);
        int idx3 = tid + 768;
        int slotA3 = SlotA(g, idx3, tile, slice, stride), slotB3 = SlotB(g, idx3, tile, slice, stride);
        T pa3 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx3, tile, slice), pb3 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx3, tile, slice);
        int idx4 = tid + 1024;
        int slotA4 = SlotA(g, idx4, tile, slice, stride), slotB4 = SlotB(g, idx4, tile, slice, stride);
        T pa4 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx4, tile, slice), pb4 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx4, tile, slice);
        int idx5 = tid + 1280;
        int slotA5 = SlotA(g, idx5, tile, slice, stride), slotB5 = SlotB(g, idx5, tile, slice, stride);
        T pa5 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx5, tile, slice), pb5 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx5, tile, slice);
        int idx6 = tid + 1536;
        int slotA6 = SlotA(g, idx6, tile, slice, stride), slotB6 = SlotB(g, idx6, tile, slice, stride);
        T pa6 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx6, tile, slice), pb6 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx6, tile, slice);
        int idx7 = tid + 1792;
        int slotA7 = SlotA(g, idx7, tile, slice, stride), slotB7 = SlotB(g, idx7, tile, slice, stride);
        T pa7 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx7, tile, slice), pb7 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx7, tile, slice);
        tileA[slotA0] = pa0; tileB[slotB0] = pb0;
        tileA[slotA1] = pa1; tileB[slotB1] = pb1;
        tileA[slotA2] = pa2; tileB[slotB2] = pb2;
        tileA[slotA3] = pa3; tileB[slotB3] = pb3;
        tileA[slotA4] = pa4; tileB[slotB4] = pb4;
        tileA[slotA5] = pa5; tileB[slotB5] = pb5;
        tileA[slotA6] = pa6; tileB[slotB6] = pb6;
        tileA[slotA7] = pa7; tileB[slotB7] = pb7;
        Group.Barrier();
        for (int k0 = 0, current = 0; k0 < g.K; k0 += slice, current ^= slice * stride)
        {
            bool more = k0 + slice < g.K;
            if (more)
            {
                pa0 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx0, tile, slice); pb0 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx0, tile, slice);
                pa1 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx1, tile, slice); pb1 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx1, tile, slice);
                pa2 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx2, tile, slice); pb2 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx2, tile, slice);
                pa3 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx3, tile, slice); pb3 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx3, tile, slice);
                pa4 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx4, tile, slice); pb4 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx4, tile, slice);
                pa5 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx5, tile, slice); pb5 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx5, tile, slice);
                pa6 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx6, tile, slice); pb6 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx6, tile, slice);
                pa7 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx7, tile, slice); pb7 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx7, tile, slice);
            }
            for (int kk = 0; kk < slice; kk++)
            {
                int ra = current + kk * stride + ty, rb = current + kk * stride + tx;
                T a0 = tileA[ra + 0], a1 = tileA[ra + 16], a2 = tileA[ra + 32], a3 = tileA[ra + 48], a4 = tileA[ra + 64], a5 = tileA[ra + 80], a6 = tileA[ra + 96], a7 = tileA[ra + 112];
                T b0 = tileB[rb + 0], b1 = tileB[rb + 16], b2 = tileB[rb + 32], b3 = tileB[rb + 48], b4 = tileB[rb + 64], b5 = tileB[rb + 80], b6 = tileB[rb + 96], b7 = tileB[rb + 112];
                c00 = ops.MultiplyAdd(a0, b0, c00); c01 = ops.MultiplyAdd(a0, b1, c01); c02 = ops.MultiplyAdd(a0, b2, c02); c03 = ops.MultiplyAdd(a0, b3, c03); c04 = ops.MultiplyAdd(a0, b4, c04); c05 = ops.MultiplyAdd(a0, b5, c05); c06 = ops.MultiplyAdd(a0, b6, c06); c07 = ops.MultiplyAdd(a0, b7, c07);
                c10 = ops.MultiplyAdd(a1, b0, c10); c11 = ops.MultiplyAdd(a1, b1, c11); c12 = ops.MultiplyAdd(a1, b2, c12); c13 = ops.MultiplyAdd(a1, b3, c13); c14 = ops.MultiplyAdd(a1, b4, c14); c15 = ops.MultiplyAdd(a1, b5, c15); c16 = ops.MultiplyAdd(a1, b6, c16); c17 = ops.MultiplyAdd(a1, b7, c17);
                c20 = ops.MultiplyAdd(a2, b0, c20); c21 = ops.MultiplyAdd(a2, b1, c21); c22 = ops.MultiplyAdd(a2, b2, c22); c23 = ops.MultiplyAdd(a2, b3, c23); c24 = ops.MultiplyAdd(a2, b4, c24); c25 = ops.MultiplyAdd(a2, b5, c25); c26 = ops.MultiplyAdd(a2, b6, c26); c27 = ops.MultiplyAdd(a2, b7, c27);
                c30 = ops.MultiplyAdd(a3, b0, c30); c31 = ops.MultiplyAdd(a3, b1, c31); c32 = ops.MultiplyAdd(a3, b2, c32); c33 = ops.MultiplyAdd(a3, b3, c33); c34 = ops.MultiplyAdd(a3, b4, c34); c35 = ops.MultiplyAdd(a3, b5, c35); c36 = ops.MultiplyAdd(a3, b6, c36); c37 = ops.MultiplyAdd(a3, b7, c37);
                c40 = ops.MultiplyAdd(a4, b0, c40); c41 = ops.MultiplyAdd(a4, b1, c41); c42 = ops.MultiplyAdd(a4, b2, c42); c43 = ops.MultiplyAdd(a4, b3, c43); c44 = ops.MultiplyAdd(a4, b4, c44); c45 = ops.MultiplyAdd(a4, b5, c45); c46 = ops.MultiplyAdd(a4, b6, c46); c47 = ops.MultiplyAdd(a4, b7, c47);
                c50 = ops.MultiplyAdd(a5, b0, c50); c51 = ops.MultiplyAdd(a5, b1, c51); c52 = ops.MultiplyAdd(a5, b2, c52); c53 = ops.MultiplyAdd(a5, b3, c53); c54 = ops.MultiplyAdd(a5, b4, c54); c55 = ops.MultiplyAdd(a5, b5, c55); c56 = ops.MultiplyAdd(a5, b6, c56); c57 = ops.MultiplyAdd(a5, b7, c57);
                c60 = ops.MultiplyAdd(a6, b0, c60); c61 = ops.MultiplyAdd(a6, b1, c61); c62 = ops.MultiplyAdd(a6, b2, c62); c63 = ops.MultiplyAdd(a6, b3, c63); c64 = ops.MultiplyAdd(a6, b4, c64); c65 = ops.MultiplyAdd(a6, b5, c65); c66 = ops.MultiplyAdd(a6, b6, c66); c67 = ops.MultiplyAdd(a6, b7, c67);
                c70 = ops.MultiplyAdd(a7, b0, c70); c71 = ops.MultiplyAdd(a7, b1, c71); c72 = ops.MultiplyAdd(a7, b2, c72); c73 = ops.MultiplyAdd(a7, b3, c73); c74 = ops.MultiplyAdd(a7, b4, c74); c75 = ops.MultiplyAdd(a7, b5, c75); c76 = ops.MultiplyAdd(a7, b6, c76); c77 = ops.MultiplyAdd(a7, b7, c77);
            }
            if (more)
            {
                int next = current ^ (slice * stride);
                tileA[next + slotA0] = pa0; tileB[next + slotB0] = pb0;
                tileA[next + slotA1] = pa1; tileB[next + slotB1] = pb1;
                tileA[next + slotA2] = pa2; tileB[next + slotB2] = pb2;
                tileA[next + slotA3] = pa3; tileB[next + slotB3] = pb3;
                tileA[next + slotA4] = pa4; tileB[next + slotB4] = pb4;
                tileA[next + slotA5] = pa5; tileB[next + slotB5] = pb5;
                tileA[next + slotA6] = pa6; tileB[next + slotB6] = pb6;
                tileA[next + slotA7] = pa7; tileB[next + slotB7] = pb7;
            }
            Group.Barrier();
        }

        Store<T, TOps>(c, g, baseC, row0 + ty + 0, col0 + tx, c00, c01, c02, c03, c04, c05, c06, c07);
        Store<T, TOps>(c, g, baseC, row0 + ty + 16, col0 + tx, c10, c11, c12, c13, c14, c15, c16, c17);
        Store<T, TOps>(c, g, baseC, row0 + ty + 32, col0 + tx, c20, c21, c22, c23, c24, c25, c26, c27);
        Store<T, TOps>(c, g, baseC, row0 + ty + 48, col0 + tx, c30, c31, c32, c33, c34, c35, c36, c37);
        Store<T, TOps>(c, g, baseC, row0 + ty + 64, col0 + tx, c40, c41, c42, c43, c44, c45, c46, c47);
        Store<T, TOps>(c, g, baseC, row0 + ty + 80, col0 + tx, c50, c51, c52, c53, c54, c55, c56, c57);
        Store<T, TOps>(c, g, baseC, row0 + ty + 96, col0 + tx, c60, c61, c62, c63, c64, c65, c66, c67);
        Store<T, TOps>(c, g, baseC, row0 + ty + 112, col0 + tx, c70, c71, c72, c73, c74, c75, c76, c77);
    }

    /// <summary>64×64 tiles, K slices of 16, a 4×4 register block per thread (double).</summary>
    public static void Gemm<T, TOps>(ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, GemmArguments<T> g) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        const int tile = 64, slice = 16, stride = 68;
        TOps ops = default;
        var tileA = SharedMemory.Allocate<T>(slice * stride);   // [kk][i], rows padded by 4 so the staging stores do not collide in a bank
        var tileB = SharedMemory.Allocate<T>(slice * stride);   // [kk][j]
        T c00 = ops.Zero, c01 = ops.Zero, c02 = ops.Zero, c03 = ops.Zero;
        T c10 = ops.Zero, c11 = ops.Zero, c12 = ops.Zero, c13 = ops.Zero;
        T c20 = ops.Zero, c21 = ops.Zero, c22 = ops.Zero, c23 = ops.Zero;
        T c30 = ops.Zero, c31 = ops.Zero, c32 = ops.Zero, c33 = ops.Zero;

        int tx = Group.IdxX, ty = Group.IdxY, tid = ty * Threads + tx;
        int row0 = Grid.IdxY * tile, col0 = Grid.IdxX * tile;
        long baseA = (long)Grid.IdxZ * g.M * g.K, baseB = (long)Grid.IdxZ * g.K * g.N, baseC = (long)Grid.IdxZ * g.M * g.N;

        // Each thread stages 4 elements of A and of B per slice. The next slice's elements are loaded into
        // registers before the current slice's multiply-adds, so their global-memory latency hides behind them.
        int idx0 = tid + 0;
        int slotA0 = SlotA(g, idx0, tile, slice, stride), slotB0 = SlotB(g, idx0, tile, slice, stride);
        T pa0 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx0, tile, slice), pb0 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx0, tile, slice);
        int idx1 = tid + 256;
        int slotA1 = SlotA(g, idx1, tile, slice, stride), slotB1 = SlotB(g, idx1, tile, slice, stride);
        T pa1 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx1, tile, slice), pb1 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx1, tile, slice);
        int idx2 = tid + 512;
        int slotA2 = SlotA(g, idx2, tile, slice, stride), slotB2 = SlotB(g, idx2, tile, slice, stride);
        T pa2 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx2, tile, slice), pb2 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx2, tile, slice);
        int idx3 = tid + 768;
        int slotA3 = SlotA(g, idx3, tile, slice, stride), slotB3 = SlotB(g, idx3, tile, slice, stride);
        T pa3 = LoadA<T, TOps>(a, g, baseA, row0, 0, idx3, tile, slice), pb3 = LoadB<T, TOps>(b, g, baseB, col0, 0, idx3, tile, slice);

        for (int k0 = 0; k0 < g.K; k0 += slice)
        {
            tileA[slotA0] = pa0; tileB[slotB0] = pb0;
            tileA[slotA1] = pa1; tileB[slotB1] = pb1;
            tileA[slotA2] = pa2; tileB[slotB2] = pb2;
            tileA[slotA3] = pa3; tileB[slotB3] = pb3;
            Group.Barrier();
            if (k0 + slice < g.K)
            {
                pa0 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx0, tile, slice); pb0 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx0, tile, slice);
                pa1 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx1, tile, slice); pb1 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx1, tile, slice);
                pa2 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx2, tile, slice); pb2 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx2, tile, slice);
                pa3 = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx3, tile, slice); pb3 = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx3, tile, slice);
            }
            for (int kk = 0; kk < slice; kk++)
            {
                int ra = kk * stride + ty, rb = kk * stride + tx;
                T a0 = tileA[ra + 0], a1 = tileA[ra + 16], a2 = tileA[ra + 32], a3 = tileA[ra + 48];
                T b0 = tileB[rb + 0], b1 = tileB[rb + 16], b2 = tileB[rb + 32], b3 = tileB[rb + 48];
                c00 = ops.MultiplyAdd(a0, b0, c00); c01 = ops.MultiplyAdd(a0, b1, c01); c02 = ops.MultiplyAdd(a0, b2, c02); c03 = ops.MultiplyAdd(a0, b3, c03);
                c10 = ops.MultiplyAdd(a1, b0, c10); c11 = ops.MultiplyAdd(a1, b1, c11); c12 = ops.MultiplyAdd(a1, b2, c12); c13 = ops.MultiplyAdd(a1, b3, c13);
                c20 = ops.MultiplyAdd(a2, b0, c20); c21 = ops.MultiplyAdd(a2, b1, c21); c22 = ops.MultiplyAdd(a2, b2, c22); c23 = ops.MultiplyAdd(a2, b3, c23);
                c30 = ops.MultiplyAdd(a3, b0, c30); c31 = ops.MultiplyAdd(a3, b1, c31); c32 = ops.MultiplyAdd(a3, b2, c32); c33 = ops.MultiplyAdd(a3, b3, c33);
            }
            Group.Barrier();
        }

        Store<T, TOps>(c, g, baseC, row0 + ty + 0, col0 + tx, c00, c01, c02, c03);
        Store<T, TOps>(c, g, baseC, row0 + ty + 16, col0 + tx, c10, c11, c12, c13);
        Store<T, TOps>(c, g, baseC, row0 + ty + 32, col0 + tx, c20, c21, c22, c23);
        Store<T, TOps>(c, g, baseC, row0 + ty + 48, col0 + tx, c30, c31, c32, c33);
    }

    // Row `row` of a thread's block: its 8 columns are col, col + 16, … (neighbouring threads, neighbouring words).
    private static void Store<T, TOps>(ArrayView<T> c, GemmArguments<T> g, long baseC, int row, int col, T v0, T v1, T v2, T v3, T v4, T v5, T v6, T v7) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        if (row >= g.M) return;
        StoreOne<T, TOps>(c, g, baseC, row, col + 0, v0);
        StoreOne<T, TOps>(c, g, baseC, row, col + 16, v1);
        StoreOne<T, TOps>(c, g, baseC, row, col + 32, v2);
        StoreOne<T, TOps>(c, g, baseC, row, col + 48, v3);
        StoreOne<T, TOps>(c, g, baseC, row, col + 64, v4);
        StoreOne<T, TOps>(c, g, baseC, row, col + 80, v5);
        StoreOne<T, TOps>(c, g, baseC, row, col + 96, v6);
        StoreOne<T, TOps>(c, g, baseC, row, col + 112, v7);
    }

    // Row `row` of a thread's block: its 4 columns are col, col + 16, … (neighbouring threads, neighbouring words).
    private static void Store<T, TOps>(ArrayView<T> c, GemmArguments<T> g, long baseC, int row, int col, T v0, T v1, T v2, T v3) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        if (row >= g.M) return;
        StoreOne<T, TOps>(c, g, baseC, row, col + 0, v0);
        StoreOne<T, TOps>(c, g, baseC, row, col + 16, v1);
        StoreOne<T, TOps>(c, g, baseC, row, col + 32, v2);
        StoreOne<T, TOps>(c, g, baseC, row, col + 48, v3);
    }

    // Element idx of a thread's share of the A slice: (i, l) with the stored fast index varying fastest, so a
    // warp's loads are coalesced whether A is transposed (stored l·M + i) or not (i·K + l).
    private static void CoordinatesA<T>(GemmArguments<T> g, int idx, int tile, int slice, out int i, out int l) where T : unmanaged
    {
        i = g.TransposeA != 0 ? idx % tile : idx / slice;
        l = g.TransposeA != 0 ? idx / tile : idx % slice;
    }

    // Element idx of the B slice: (l, j), B stored l·N + j, or j·K + l when transposed.
    private static void CoordinatesB<T>(GemmArguments<T> g, int idx, int tile, int slice, out int l, out int j) where T : unmanaged
    {
        j = g.TransposeB != 0 ? idx / slice : idx % tile;
        l = g.TransposeB != 0 ? idx % slice : idx / tile;
    }

    private static int SlotA<T>(GemmArguments<T> g, int idx, int tile, int slice, int stride) where T : unmanaged
    {
        CoordinatesA(g, idx, tile, slice, out int i, out int l);
        return l * stride + i;
    }

    private static int SlotB<T>(GemmArguments<T> g, int idx, int tile, int slice, int stride) where T : unmanaged
    {
        CoordinatesB(g, idx, tile, slice, out int l, out int j);
        return l * stride + j;
    }

    private static T LoadA<T, TOps>(ArrayView<T> a, GemmArguments<T> g, long baseA, int row0, int k0, int idx, int tile, int slice) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        CoordinatesA(g, idx, tile, slice, out int i, out int l);
        int gi = row0 + i, gl = k0 + l;
        return gi < g.M && gl < g.K ? a[baseA + (g.TransposeA != 0 ? (long)gl * g.M + gi : (long)gi * g.K + gl)] : default(TOps).Zero;
    }

    private static T LoadB<T, TOps>(ArrayView<T> b, GemmArguments<T> g, long baseB, int col0, int k0, int idx, int tile, int slice) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        CoordinatesB(g, idx, tile, slice, out int l, out int j);
        int gj = col0 + j, gl = k0 + l;
        return gj < g.N && gl < g.K ? b[baseB + (g.TransposeB != 0 ? (long)gj * g.K + gl : (long)gl * g.N + gj)] : default(TOps).Zero;
    }
    private static void StoreOne<T, TOps>(ArrayView<T> c, GemmArguments<T> g, long baseC, int row, int col, T acc) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        if (col >= g.N) return;
        TOps ops = default;
        long at = baseC + (long)row * g.N + col;
        T value = ops.Multiply(g.Alpha, acc);
        c[at] = g.ReadC != 0 ? ops.MultiplyAdd(g.Beta, c[at], value) : value;
    }
}
