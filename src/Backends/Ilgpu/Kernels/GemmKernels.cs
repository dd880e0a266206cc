using ILGPU;

namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>
/// Scalar arguments of the <see cref="GemmKernels"/> kernels: the shape, op flags and scalars, and where each operand
/// lives — element (p, r, s) of the stored A is at OffsetA + p·BatchStrideA + r·LdA + s (likewise B and C).
/// </summary>
internal readonly record struct GemmArguments<T>(int M, int N, int K, int TransposeA, int TransposeB, T Alpha, T Beta, int ReadC,
    int LdA, int LdB, int LdC, long OffsetA, long OffsetB, long OffsetC, long BatchStrideA, long BatchStrideB, long BatchStrideC) where T : unmanaged;

/// <summary>
/// C = α·op(A)·op(B) + β·C, batched over grid z, by groups of 16×16 threads that each compute one tile of C: K is
/// walked in slices staged in shared memory with coalesced loads (the loop order follows the stored layout,
/// transposed or not; the next slice is read into registers while the current one is multiplied), and every thread
/// accumulates a register block made of two groups of 4 (float) or 2 (double) neighbouring rows and columns, so that
/// each k step reads its operands with four 16-byte shared loads (ld.shared.v4.f32 / v2.f64 in PTX) at offsets fixed
/// at compile time, and neighbouring threads read neighbouring 16-byte words.
/// </summary>
/// <remarks>
/// The register block is spelled out as named locals (generated; see tools/gen_ilgpu_gemm.py): a
/// <c>LocalMemory</c> array, which the first version used, lives in the GPU's off-chip local memory, and that
/// kernel ran at 1.85 TFLOP/s on an H100 (3.6 % of cuBLAS). Float uses 128×128 tiles with an 8×8 block (64 FMAs per
/// four 16-byte shared loads); double keeps 64×64 tiles with a 4×4 block, as 64 double accumulators would exceed the
/// register file and spill. The K-slice is unrolled and the block's rows come in 16-byte groups because the first
/// float kernel (rows strided by 16, a loop over k) compiled to 16 scalar shared loads and about 50 integer address
/// instructions per 64 multiply-adds in its PTX; now it is 4 vector loads and none (checked by a test that compiles
/// the kernels to PTX without a GPU). The sum over k runs in the same order as before, so the bits are unchanged.
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
        long baseA = g.OffsetA + Grid.IdxZ * g.BatchStrideA, baseB = g.OffsetB + Grid.IdxZ * g.BatchStrideB, baseC = g.OffsetC + Grid.IdxZ * g.BatchStrideC;

        // Each thread stages 8 elements of A and of B per slice. The next slice's elements are loaded into
        // registers before the current slice's multiply-adds, so their global-memory latency hides behind them.
        // Where they come from and go is worked out once (see Staging); tiles and slices wholly inside the matrices
        // (all but the edges) load without bounds checks.
        var sa = StagingA(g, tid, tile, slice, stride, baseA, row0);
        var sb = StagingB(g, tid, tile, slice, stride, baseB, col0);
        bool interior = row0 + tile <= g.M && col0 + tile <= g.N;
        T pa0 = ops.Zero, pb0 = ops.Zero, pa1 = ops.Zero, pb1 = ops.Zero, pa2 = ops.Zero, pb2 = ops.Zero, pa3 = ops.Zero, pb3 = ops.Zero, pa4 = ops.Zero, pb4 = ops.Zero, pa5 = ops.Zero, pb5 = ops.Zero, pa6 = ops.Zero, pb6 = ops.Zero, pa7 = ops.Zero, pb7 = ops.Zero;
        {
            long ka = 0, kb = 0;
            if (interior && slice <= g.K)
            {
                pa0 = a[sa.Offset + ka]; pb0 = b[sb.Offset + kb];
                pa1 = a[sa.Offset + sa.OffsetStep + ka]; pb1 = b[sb.Offset + sb.OffsetStep + kb];
                pa2 = a[sa.Offset + 2 * sa.OffsetStep + ka]; pb2 = b[sb.Offset + 2 * sb.OffsetStep + kb];
                pa3 = a[sa.Offset + 3 * sa.OffsetStep + ka]; pb3 = b[sb.Offset + 3 * sb.OffsetStep + kb];
                pa4 = a[sa.Offset + 4 * sa.OffsetStep + ka]; pb4 = b[sb.Offset + 4 * sb.OffsetStep + kb];
                pa5 = a[sa.Offset + 5 * sa.OffsetStep + ka]; pb5 = b[sb.Offset + 5 * sb.OffsetStep + kb];
                pa6 = a[sa.Offset + 6 * sa.OffsetStep + ka]; pb6 = b[sb.Offset + 6 * sb.OffsetStep + kb];
                pa7 = a[sa.Offset + 7 * sa.OffsetStep + ka]; pb7 = b[sb.Offset + 7 * sb.OffsetStep + kb];
            }
            else
            {
                pa0 = Load<T, TOps>(a, sa, 0, 0, ka, g.K); pb0 = Load<T, TOps>(b, sb, 0, 0, kb, g.K);
                pa1 = Load<T, TOps>(a, sa, 1, 0, ka, g.K); pb1 = Load<T, TOps>(b, sb, 1, 0, kb, g.K);
                pa2 = Load<T, TOps>(a, sa, 2, 0, ka, g.K); pb2 = Load<T, TOps>(b, sb, 2, 0, kb, g.K);
                pa3 = Load<T, TOps>(a, sa, 3, 0, ka, g.K); pb3 = Load<T, TOps>(b, sb, 3, 0, kb, g.K);
                pa4 = Load<T, TOps>(a, sa, 4, 0, ka, g.K); pb4 = Load<T, TOps>(b, sb, 4, 0, kb, g.K);
                pa5 = Load<T, TOps>(a, sa, 5, 0, ka, g.K); pb5 = Load<T, TOps>(b, sb, 5, 0, kb, g.K);
                pa6 = Load<T, TOps>(a, sa, 6, 0, ka, g.K); pb6 = Load<T, TOps>(b, sb, 6, 0, kb, g.K);
                pa7 = Load<T, TOps>(a, sa, 7, 0, ka, g.K); pb7 = Load<T, TOps>(b, sb, 7, 0, kb, g.K);
            }
        }

        var vectorsA = tileA.Cast<Packed4<T>>().SubView(ty);   // this thread's rows of every A row-slice, 4 at a time
        var vectorsB = tileB.Cast<Packed4<T>>().SubView(tx);
        for (int k0 = 0; k0 < g.K; k0 += slice)
        {
            tileA[sa.Slot] = pa0; tileB[sb.Slot] = pb0;
            tileA[sa.Slot + sa.SlotStep] = pa1; tileB[sb.Slot + sb.SlotStep] = pb1;
            tileA[sa.Slot + 2 * sa.SlotStep] = pa2; tileB[sb.Slot + 2 * sb.SlotStep] = pb2;
            tileA[sa.Slot + 3 * sa.SlotStep] = pa3; tileB[sb.Slot + 3 * sb.SlotStep] = pb3;
            tileA[sa.Slot + 4 * sa.SlotStep] = pa4; tileB[sb.Slot + 4 * sb.SlotStep] = pb4;
            tileA[sa.Slot + 5 * sa.SlotStep] = pa5; tileB[sb.Slot + 5 * sb.SlotStep] = pb5;
            tileA[sa.Slot + 6 * sa.SlotStep] = pa6; tileB[sb.Slot + 6 * sb.SlotStep] = pb6;
            tileA[sa.Slot + 7 * sa.SlotStep] = pa7; tileB[sb.Slot + 7 * sb.SlotStep] = pb7;
            Group.Barrier();
            if (k0 + slice < g.K)
            {
                long ka = (long)(k0 + slice) * sa.KStep, kb = (long)(k0 + slice) * sb.KStep;
                if (interior && k0 + slice + slice <= g.K)
                {
                    pa0 = a[sa.Offset + ka]; pb0 = b[sb.Offset + kb];
                    pa1 = a[sa.Offset + sa.OffsetStep + ka]; pb1 = b[sb.Offset + sb.OffsetStep + kb];
                    pa2 = a[sa.Offset + 2 * sa.OffsetStep + ka]; pb2 = b[sb.Offset + 2 * sb.OffsetStep + kb];
                    pa3 = a[sa.Offset + 3 * sa.OffsetStep + ka]; pb3 = b[sb.Offset + 3 * sb.OffsetStep + kb];
                    pa4 = a[sa.Offset + 4 * sa.OffsetStep + ka]; pb4 = b[sb.Offset + 4 * sb.OffsetStep + kb];
                    pa5 = a[sa.Offset + 5 * sa.OffsetStep + ka]; pb5 = b[sb.Offset + 5 * sb.OffsetStep + kb];
                    pa6 = a[sa.Offset + 6 * sa.OffsetStep + ka]; pb6 = b[sb.Offset + 6 * sb.OffsetStep + kb];
                    pa7 = a[sa.Offset + 7 * sa.OffsetStep + ka]; pb7 = b[sb.Offset + 7 * sb.OffsetStep + kb];
                }
                else
                {
                    pa0 = Load<T, TOps>(a, sa, 0, k0 + slice, ka, g.K); pb0 = Load<T, TOps>(b, sb, 0, k0 + slice, kb, g.K);
                    pa1 = Load<T, TOps>(a, sa, 1, k0 + slice, ka, g.K); pb1 = Load<T, TOps>(b, sb, 1, k0 + slice, kb, g.K);
                    pa2 = Load<T, TOps>(a, sa, 2, k0 + slice, ka, g.K); pb2 = Load<T, TOps>(b, sb, 2, k0 + slice, kb, g.K);
                    pa3 = Load<T, TOps>(a, sa, 3, k0 + slice, ka, g.K); pb3 = Load<T, TOps>(b, sb, 3, k0 + slice, kb, g.K);
                    pa4 = Load<T, TOps>(a, sa, 4, k0 + slice, ka, g.K); pb4 = Load<T, TOps>(b, sb, 4, k0 + slice, kb, g.K);
                    pa5 = Load<T, TOps>(a, sa, 5, k0 + slice, ka, g.K); pb5 = Load<T, TOps>(b, sb, 5, k0 + slice, kb, g.K);
                    pa6 = Load<T, TOps>(a, sa, 6, k0 + slice, ka, g.K); pb6 = Load<T, TOps>(b, sb, 6, k0 + slice, kb, g.K);
                    pa7 = Load<T, TOps>(a, sa, 7, k0 + slice, ka, g.K); pb7 = Load<T, TOps>(b, sb, 7, k0 + slice, kb, g.K);
                }
            }
            {   // kk = 0
                Packed4<T> a0 = vectorsA[0], a1 = vectorsA[16], b0 = vectorsB[0], b1 = vectorsB[16];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 1
                Packed4<T> a0 = vectorsA[33], a1 = vectorsA[49], b0 = vectorsB[33], b1 = vectorsB[49];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 2
                Packed4<T> a0 = vectorsA[66], a1 = vectorsA[82], b0 = vectorsB[66], b1 = vectorsB[82];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 3
                Packed4<T> a0 = vectorsA[99], a1 = vectorsA[115], b0 = vectorsB[99], b1 = vectorsB[115];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 4
                Packed4<T> a0 = vectorsA[132], a1 = vectorsA[148], b0 = vectorsB[132], b1 = vectorsB[148];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 5
                Packed4<T> a0 = vectorsA[165], a1 = vectorsA[181], b0 = vectorsB[165], b1 = vectorsB[181];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 6
                Packed4<T> a0 = vectorsA[198], a1 = vectorsA[214], b0 = vectorsB[198], b1 = vectorsB[214];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 7
                Packed4<T> a0 = vectorsA[231], a1 = vectorsA[247], b0 = vectorsB[231], b1 = vectorsB[247];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 8
                Packed4<T> a0 = vectorsA[264], a1 = vectorsA[280], b0 = vectorsB[264], b1 = vectorsB[280];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 9
                Packed4<T> a0 = vectorsA[297], a1 = vectorsA[313], b0 = vectorsB[297], b1 = vectorsB[313];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 10
                Packed4<T> a0 = vectorsA[330], a1 = vectorsA[346], b0 = vectorsB[330], b1 = vectorsB[346];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 11
                Packed4<T> a0 = vectorsA[363], a1 = vectorsA[379], b0 = vectorsB[363], b1 = vectorsB[379];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 12
                Packed4<T> a0 = vectorsA[396], a1 = vectorsA[412], b0 = vectorsB[396], b1 = vectorsB[412];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 13
                Packed4<T> a0 = vectorsA[429], a1 = vectorsA[445], b0 = vectorsB[429], b1 = vectorsB[445];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 14
                Packed4<T> a0 = vectorsA[462], a1 = vectorsA[478], b0 = vectorsB[462], b1 = vectorsB[478];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 15
                Packed4<T> a0 = vectorsA[495], a1 = vectorsA[511], b0 = vectorsB[495], b1 = vectorsB[511];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            Group.Barrier();
        }

        Store<T, TOps>(c, g, baseC, row0 + ty * 4, col0 + tx * 4, c00, c01, c02, c03, c04, c05, c06, c07);
        Store<T, TOps>(c, g, baseC, row0 + ty * 4 + 1, col0 + tx * 4, c10, c11, c12, c13, c14, c15, c16, c17);
        Store<T, TOps>(c, g, baseC, row0 + ty * 4 + 2, col0 + tx * 4, c20, c21, c22, c23, c24, c25, c26, c27);
        Store<T, TOps>(c, g, baseC, row0 + ty * 4 + 3, col0 + tx * 4, c30, c31, c32, c33, c34, c35, c36, c37);
        Store<T, TOps>(c, g, baseC, row0 + 64 + ty * 4, col0 + tx * 4, c40, c41, c42, c43, c44, c45, c46, c47);
        Store<T, TOps>(c, g, baseC, row0 + 64 + ty * 4 + 1, col0 + tx * 4, c50, c51, c52, c53, c54, c55, c56, c57);
        Store<T, TOps>(c, g, baseC, row0 + 64 + ty * 4 + 2, col0 + tx * 4, c60, c61, c62, c63, c64, c65, c66, c67);
        Store<T, TOps>(c, g, baseC, row0 + 64 + ty * 4 + 3, col0 + tx * 4, c70, c71, c72, c73, c74, c75, c76, c77);
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
        long baseA = g.OffsetA + Grid.IdxZ * g.BatchStrideA, baseB = g.OffsetB + Grid.IdxZ * g.BatchStrideB, baseC = g.OffsetC + Grid.IdxZ * g.BatchStrideC;

        // Each thread stages 8 elements of A and of B per slice. The next slice's elements are loaded into
        // registers before the current slice's multiply-adds, so their global-memory latency hides behind them.
        // Where they come from and go is worked out once (see Staging); tiles and slices wholly inside the matrices
        // (all but the edges) load without bounds checks.
        var sa = StagingA(g, tid, tile, slice, stride, baseA, row0);
        var sb = StagingB(g, tid, tile, slice, stride, baseB, col0);
        bool interior = row0 + tile <= g.M && col0 + tile <= g.N;
        T pa0 = ops.Zero, pb0 = ops.Zero, pa1 = ops.Zero, pb1 = ops.Zero, pa2 = ops.Zero, pb2 = ops.Zero, pa3 = ops.Zero, pb3 = ops.Zero, pa4 = ops.Zero, pb4 = ops.Zero, pa5 = ops.Zero, pb5 = ops.Zero, pa6 = ops.Zero, pb6 = ops.Zero, pa7 = ops.Zero, pb7 = ops.Zero;
        {
            long ka = 0, kb = 0;
            if (interior && slice <= g.K)
            {
                pa0 = a[sa.Offset + ka]; pb0 = b[sb.Offset + kb];
                pa1 = a[sa.Offset + sa.OffsetStep + ka]; pb1 = b[sb.Offset + sb.OffsetStep + kb];
                pa2 = a[sa.Offset + 2 * sa.OffsetStep + ka]; pb2 = b[sb.Offset + 2 * sb.OffsetStep + kb];
                pa3 = a[sa.Offset + 3 * sa.OffsetStep + ka]; pb3 = b[sb.Offset + 3 * sb.OffsetStep + kb];
                pa4 = a[sa.Offset + 4 * sa.OffsetStep + ka]; pb4 = b[sb.Offset + 4 * sb.OffsetStep + kb];
                pa5 = a[sa.Offset + 5 * sa.OffsetStep + ka]; pb5 = b[sb.Offset + 5 * sb.OffsetStep + kb];
                pa6 = a[sa.Offset + 6 * sa.OffsetStep + ka]; pb6 = b[sb.Offset + 6 * sb.OffsetStep + kb];
                pa7 = a[sa.Offset + 7 * sa.OffsetStep + ka]; pb7 = b[sb.Offset + 7 * sb.OffsetStep + kb];
            }
            else
            {
                pa0 = Load<T, TOps>(a, sa, 0, 0, ka, g.K); pb0 = Load<T, TOps>(b, sb, 0, 0, kb, g.K);
                pa1 = Load<T, TOps>(a, sa, 1, 0, ka, g.K); pb1 = Load<T, TOps>(b, sb, 1, 0, kb, g.K);
                pa2 = Load<T, TOps>(a, sa, 2, 0, ka, g.K); pb2 = Load<T, TOps>(b, sb, 2, 0, kb, g.K);
                pa3 = Load<T, TOps>(a, sa, 3, 0, ka, g.K); pb3 = Load<T, TOps>(b, sb, 3, 0, kb, g.K);
                pa4 = Load<T, TOps>(a, sa, 4, 0, ka, g.K); pb4 = Load<T, TOps>(b, sb, 4, 0, kb, g.K);
                pa5 = Load<T, TOps>(a, sa, 5, 0, ka, g.K); pb5 = Load<T, TOps>(b, sb, 5, 0, kb, g.K);
                pa6 = Load<T, TOps>(a, sa, 6, 0, ka, g.K); pb6 = Load<T, TOps>(b, sb, 6, 0, kb, g.K);
                pa7 = Load<T, TOps>(a, sa, 7, 0, ka, g.K); pb7 = Load<T, TOps>(b, sb, 7, 0, kb, g.K);
            }
        }
        tileA[sa.Slot] = pa0; tileB[sb.Slot] = pb0;
        tileA[sa.Slot + sa.SlotStep] = pa1; tileB[sb.Slot + sb.SlotStep] = pb1;
        tileA[sa.Slot + 2 * sa.SlotStep] = pa2; tileB[sb.Slot + 2 * sb.SlotStep] = pb2;
        tileA[sa.Slot + 3 * sa.SlotStep] = pa3; tileB[sb.Slot + 3 * sb.SlotStep] = pb3;
        tileA[sa.Slot + 4 * sa.SlotStep] = pa4; tileB[sb.Slot + 4 * sb.SlotStep] = pb4;
        tileA[sa.Slot + 5 * sa.SlotStep] = pa5; tileB[sb.Slot + 5 * sb.SlotStep] = pb5;
        tileA[sa.Slot + 6 * sa.SlotStep] = pa6; tileB[sb.Slot + 6 * sb.SlotStep] = pb6;
        tileA[sa.Slot + 7 * sa.SlotStep] = pa7; tileB[sb.Slot + 7 * sb.SlotStep] = pb7;
        Group.Barrier();
        for (int k0 = 0, current = 0; k0 < g.K; k0 += slice, current ^= slice * stride)
        {
            bool more = k0 + slice < g.K;
            if (more)
            {
                long ka = (long)(k0 + slice) * sa.KStep, kb = (long)(k0 + slice) * sb.KStep;
                if (interior && k0 + slice + slice <= g.K)
                {
                    pa0 = a[sa.Offset + ka]; pb0 = b[sb.Offset + kb];
                    pa1 = a[sa.Offset + sa.OffsetStep + ka]; pb1 = b[sb.Offset + sb.OffsetStep + kb];
                    pa2 = a[sa.Offset + 2 * sa.OffsetStep + ka]; pb2 = b[sb.Offset + 2 * sb.OffsetStep + kb];
                    pa3 = a[sa.Offset + 3 * sa.OffsetStep + ka]; pb3 = b[sb.Offset + 3 * sb.OffsetStep + kb];
                    pa4 = a[sa.Offset + 4 * sa.OffsetStep + ka]; pb4 = b[sb.Offset + 4 * sb.OffsetStep + kb];
                    pa5 = a[sa.Offset + 5 * sa.OffsetStep + ka]; pb5 = b[sb.Offset + 5 * sb.OffsetStep + kb];
                    pa6 = a[sa.Offset + 6 * sa.OffsetStep + ka]; pb6 = b[sb.Offset + 6 * sb.OffsetStep + kb];
                    pa7 = a[sa.Offset + 7 * sa.OffsetStep + ka]; pb7 = b[sb.Offset + 7 * sb.OffsetStep + kb];
                }
                else
                {
                    pa0 = Load<T, TOps>(a, sa, 0, k0 + slice, ka, g.K); pb0 = Load<T, TOps>(b, sb, 0, k0 + slice, kb, g.K);
                    pa1 = Load<T, TOps>(a, sa, 1, k0 + slice, ka, g.K); pb1 = Load<T, TOps>(b, sb, 1, k0 + slice, kb, g.K);
                    pa2 = Load<T, TOps>(a, sa, 2, k0 + slice, ka, g.K); pb2 = Load<T, TOps>(b, sb, 2, k0 + slice, kb, g.K);
                    pa3 = Load<T, TOps>(a, sa, 3, k0 + slice, ka, g.K); pb3 = Load<T, TOps>(b, sb, 3, k0 + slice, kb, g.K);
                    pa4 = Load<T, TOps>(a, sa, 4, k0 + slice, ka, g.K); pb4 = Load<T, TOps>(b, sb, 4, k0 + slice, kb, g.K);
                    pa5 = Load<T, TOps>(a, sa, 5, k0 + slice, ka, g.K); pb5 = Load<T, TOps>(b, sb, 5, k0 + slice, kb, g.K);
                    pa6 = Load<T, TOps>(a, sa, 6, k0 + slice, ka, g.K); pb6 = Load<T, TOps>(b, sb, 6, k0 + slice, kb, g.K);
                    pa7 = Load<T, TOps>(a, sa, 7, k0 + slice, ka, g.K); pb7 = Load<T, TOps>(b, sb, 7, k0 + slice, kb, g.K);
                }
            }
            var vectorsA = tileA.Cast<Packed4<T>>().SubView(current / 4 + ty);
            var vectorsB = tileB.Cast<Packed4<T>>().SubView(current / 4 + tx);
            {   // kk = 0
                Packed4<T> a0 = vectorsA[0], a1 = vectorsA[16], b0 = vectorsB[0], b1 = vectorsB[16];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 1
                Packed4<T> a0 = vectorsA[33], a1 = vectorsA[49], b0 = vectorsB[33], b1 = vectorsB[49];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 2
                Packed4<T> a0 = vectorsA[66], a1 = vectorsA[82], b0 = vectorsB[66], b1 = vectorsB[82];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 3
                Packed4<T> a0 = vectorsA[99], a1 = vectorsA[115], b0 = vectorsB[99], b1 = vectorsB[115];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 4
                Packed4<T> a0 = vectorsA[132], a1 = vectorsA[148], b0 = vectorsB[132], b1 = vectorsB[148];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 5
                Packed4<T> a0 = vectorsA[165], a1 = vectorsA[181], b0 = vectorsB[165], b1 = vectorsB[181];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 6
                Packed4<T> a0 = vectorsA[198], a1 = vectorsA[214], b0 = vectorsB[198], b1 = vectorsB[214];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 7
                Packed4<T> a0 = vectorsA[231], a1 = vectorsA[247], b0 = vectorsB[231], b1 = vectorsB[247];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 8
                Packed4<T> a0 = vectorsA[264], a1 = vectorsA[280], b0 = vectorsB[264], b1 = vectorsB[280];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 9
                Packed4<T> a0 = vectorsA[297], a1 = vectorsA[313], b0 = vectorsB[297], b1 = vectorsB[313];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 10
                Packed4<T> a0 = vectorsA[330], a1 = vectorsA[346], b0 = vectorsB[330], b1 = vectorsB[346];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 11
                Packed4<T> a0 = vectorsA[363], a1 = vectorsA[379], b0 = vectorsB[363], b1 = vectorsB[379];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 12
                Packed4<T> a0 = vectorsA[396], a1 = vectorsA[412], b0 = vectorsB[396], b1 = vectorsB[412];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 13
                Packed4<T> a0 = vectorsA[429], a1 = vectorsA[445], b0 = vectorsB[429], b1 = vectorsB[445];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 14
                Packed4<T> a0 = vectorsA[462], a1 = vectorsA[478], b0 = vectorsB[462], b1 = vectorsB[478];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 15
                Packed4<T> a0 = vectorsA[495], a1 = vectorsA[511], b0 = vectorsB[495], b1 = vectorsB[511];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            if (more)
            {
                int next = current ^ (slice * stride);
                tileA[next + sa.Slot] = pa0; tileB[next + sb.Slot] = pb0;
                tileA[next + sa.Slot + sa.SlotStep] = pa1; tileB[next + sb.Slot + sb.SlotStep] = pb1;
                tileA[next + sa.Slot + 2 * sa.SlotStep] = pa2; tileB[next + sb.Slot + 2 * sb.SlotStep] = pb2;
                tileA[next + sa.Slot + 3 * sa.SlotStep] = pa3; tileB[next + sb.Slot + 3 * sb.SlotStep] = pb3;
                tileA[next + sa.Slot + 4 * sa.SlotStep] = pa4; tileB[next + sb.Slot + 4 * sb.SlotStep] = pb4;
                tileA[next + sa.Slot + 5 * sa.SlotStep] = pa5; tileB[next + sb.Slot + 5 * sb.SlotStep] = pb5;
                tileA[next + sa.Slot + 6 * sa.SlotStep] = pa6; tileB[next + sb.Slot + 6 * sb.SlotStep] = pb6;
                tileA[next + sa.Slot + 7 * sa.SlotStep] = pa7; tileB[next + sb.Slot + 7 * sb.SlotStep] = pb7;
            }
            Group.Barrier();
        }

        Store<T, TOps>(c, g, baseC, row0 + ty * 4, col0 + tx * 4, c00, c01, c02, c03, c04, c05, c06, c07);
        Store<T, TOps>(c, g, baseC, row0 + ty * 4 + 1, col0 + tx * 4, c10, c11, c12, c13, c14, c15, c16, c17);
        Store<T, TOps>(c, g, baseC, row0 + ty * 4 + 2, col0 + tx * 4, c20, c21, c22, c23, c24, c25, c26, c27);
        Store<T, TOps>(c, g, baseC, row0 + ty * 4 + 3, col0 + tx * 4, c30, c31, c32, c33, c34, c35, c36, c37);
        Store<T, TOps>(c, g, baseC, row0 + 64 + ty * 4, col0 + tx * 4, c40, c41, c42, c43, c44, c45, c46, c47);
        Store<T, TOps>(c, g, baseC, row0 + 64 + ty * 4 + 1, col0 + tx * 4, c50, c51, c52, c53, c54, c55, c56, c57);
        Store<T, TOps>(c, g, baseC, row0 + 64 + ty * 4 + 2, col0 + tx * 4, c60, c61, c62, c63, c64, c65, c66, c67);
        Store<T, TOps>(c, g, baseC, row0 + 64 + ty * 4 + 3, col0 + tx * 4, c70, c71, c72, c73, c74, c75, c76, c77);
    }

    /// <summary>As <see cref="GemmLargeDoubleBuffered{T, TOps}"/> with K-slices of 8: fewer registers for the next slice, so that with launch bounds two groups fit a multiprocessor (<see cref="FloatGemmKernel.TwoGroupsPerMultiprocessor"/>; not yet timed on a GPU).</summary>
    public static void GemmLargeSlice8DoubleBuffered<T, TOps>(ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, GemmArguments<T> g) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        const int tile = 128, slice = 8, stride = 132;
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
        long baseA = g.OffsetA + Grid.IdxZ * g.BatchStrideA, baseB = g.OffsetB + Grid.IdxZ * g.BatchStrideB, baseC = g.OffsetC + Grid.IdxZ * g.BatchStrideC;

        // Each thread stages 4 elements of A and of B per slice. The next slice's elements are loaded into
        // registers before the current slice's multiply-adds, so their global-memory latency hides behind them.
        // Where they come from and go is worked out once (see Staging); tiles and slices wholly inside the matrices
        // (all but the edges) load without bounds checks.
        var sa = StagingA(g, tid, tile, slice, stride, baseA, row0);
        var sb = StagingB(g, tid, tile, slice, stride, baseB, col0);
        bool interior = row0 + tile <= g.M && col0 + tile <= g.N;
        T pa0 = ops.Zero, pb0 = ops.Zero, pa1 = ops.Zero, pb1 = ops.Zero, pa2 = ops.Zero, pb2 = ops.Zero, pa3 = ops.Zero, pb3 = ops.Zero;
        {
            long ka = 0, kb = 0;
            if (interior && slice <= g.K)
            {
                pa0 = a[sa.Offset + ka]; pb0 = b[sb.Offset + kb];
                pa1 = a[sa.Offset + sa.OffsetStep + ka]; pb1 = b[sb.Offset + sb.OffsetStep + kb];
                pa2 = a[sa.Offset + 2 * sa.OffsetStep + ka]; pb2 = b[sb.Offset + 2 * sb.OffsetStep + kb];
                pa3 = a[sa.Offset + 3 * sa.OffsetStep + ka]; pb3 = b[sb.Offset + 3 * sb.OffsetStep + kb];
            }
            else
            {
                pa0 = Load<T, TOps>(a, sa, 0, 0, ka, g.K); pb0 = Load<T, TOps>(b, sb, 0, 0, kb, g.K);
                pa1 = Load<T, TOps>(a, sa, 1, 0, ka, g.K); pb1 = Load<T, TOps>(b, sb, 1, 0, kb, g.K);
                pa2 = Load<T, TOps>(a, sa, 2, 0, ka, g.K); pb2 = Load<T, TOps>(b, sb, 2, 0, kb, g.K);
                pa3 = Load<T, TOps>(a, sa, 3, 0, ka, g.K); pb3 = Load<T, TOps>(b, sb, 3, 0, kb, g.K);
            }
        }
        tileA[sa.Slot] = pa0; tileB[sb.Slot] = pb0;
        tileA[sa.Slot + sa.SlotStep] = pa1; tileB[sb.Slot + sb.SlotStep] = pb1;
        tileA[sa.Slot + 2 * sa.SlotStep] = pa2; tileB[sb.Slot + 2 * sb.SlotStep] = pb2;
        tileA[sa.Slot + 3 * sa.SlotStep] = pa3; tileB[sb.Slot + 3 * sb.SlotStep] = pb3;
        Group.Barrier();
        for (int k0 = 0, current = 0; k0 < g.K; k0 += slice, current ^= slice * stride)
        {
            bool more = k0 + slice < g.K;
            if (more)
            {
                long ka = (long)(k0 + slice) * sa.KStep, kb = (long)(k0 + slice) * sb.KStep;
                if (interior && k0 + slice + slice <= g.K)
                {
                    pa0 = a[sa.Offset + ka]; pb0 = b[sb.Offset + kb];
                    pa1 = a[sa.Offset + sa.OffsetStep + ka]; pb1 = b[sb.Offset + sb.OffsetStep + kb];
                    pa2 = a[sa.Offset + 2 * sa.OffsetStep + ka]; pb2 = b[sb.Offset + 2 * sb.OffsetStep + kb];
                    pa3 = a[sa.Offset + 3 * sa.OffsetStep + ka]; pb3 = b[sb.Offset + 3 * sb.OffsetStep + kb];
                }
                else
                {
                    pa0 = Load<T, TOps>(a, sa, 0, k0 + slice, ka, g.K); pb0 = Load<T, TOps>(b, sb, 0, k0 + slice, kb, g.K);
                    pa1 = Load<T, TOps>(a, sa, 1, k0 + slice, ka, g.K); pb1 = Load<T, TOps>(b, sb, 1, k0 + slice, kb, g.K);
                    pa2 = Load<T, TOps>(a, sa, 2, k0 + slice, ka, g.K); pb2 = Load<T, TOps>(b, sb, 2, k0 + slice, kb, g.K);
                    pa3 = Load<T, TOps>(a, sa, 3, k0 + slice, ka, g.K); pb3 = Load<T, TOps>(b, sb, 3, k0 + slice, kb, g.K);
                }
            }
            var vectorsA = tileA.Cast<Packed4<T>>().SubView(current / 4 + ty);
            var vectorsB = tileB.Cast<Packed4<T>>().SubView(current / 4 + tx);
            {   // kk = 0
                Packed4<T> a0 = vectorsA[0], a1 = vectorsA[16], b0 = vectorsB[0], b1 = vectorsB[16];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 1
                Packed4<T> a0 = vectorsA[33], a1 = vectorsA[49], b0 = vectorsB[33], b1 = vectorsB[49];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 2
                Packed4<T> a0 = vectorsA[66], a1 = vectorsA[82], b0 = vectorsB[66], b1 = vectorsB[82];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 3
                Packed4<T> a0 = vectorsA[99], a1 = vectorsA[115], b0 = vectorsB[99], b1 = vectorsB[115];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 4
                Packed4<T> a0 = vectorsA[132], a1 = vectorsA[148], b0 = vectorsB[132], b1 = vectorsB[148];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 5
                Packed4<T> a0 = vectorsA[165], a1 = vectorsA[181], b0 = vectorsB[165], b1 = vectorsB[181];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 6
                Packed4<T> a0 = vectorsA[198], a1 = vectorsA[214], b0 = vectorsB[198], b1 = vectorsB[214];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            {   // kk = 7
                Packed4<T> a0 = vectorsA[231], a1 = vectorsA[247], b0 = vectorsB[231], b1 = vectorsB[247];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b0.Z, c02); c03 = ops.MultiplyAdd(a0.X, b0.W, c03); c04 = ops.MultiplyAdd(a0.X, b1.X, c04); c05 = ops.MultiplyAdd(a0.X, b1.Y, c05); c06 = ops.MultiplyAdd(a0.X, b1.Z, c06); c07 = ops.MultiplyAdd(a0.X, b1.W, c07);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b0.Z, c12); c13 = ops.MultiplyAdd(a0.Y, b0.W, c13); c14 = ops.MultiplyAdd(a0.Y, b1.X, c14); c15 = ops.MultiplyAdd(a0.Y, b1.Y, c15); c16 = ops.MultiplyAdd(a0.Y, b1.Z, c16); c17 = ops.MultiplyAdd(a0.Y, b1.W, c17);
                c20 = ops.MultiplyAdd(a0.Z, b0.X, c20); c21 = ops.MultiplyAdd(a0.Z, b0.Y, c21); c22 = ops.MultiplyAdd(a0.Z, b0.Z, c22); c23 = ops.MultiplyAdd(a0.Z, b0.W, c23); c24 = ops.MultiplyAdd(a0.Z, b1.X, c24); c25 = ops.MultiplyAdd(a0.Z, b1.Y, c25); c26 = ops.MultiplyAdd(a0.Z, b1.Z, c26); c27 = ops.MultiplyAdd(a0.Z, b1.W, c27);
                c30 = ops.MultiplyAdd(a0.W, b0.X, c30); c31 = ops.MultiplyAdd(a0.W, b0.Y, c31); c32 = ops.MultiplyAdd(a0.W, b0.Z, c32); c33 = ops.MultiplyAdd(a0.W, b0.W, c33); c34 = ops.MultiplyAdd(a0.W, b1.X, c34); c35 = ops.MultiplyAdd(a0.W, b1.Y, c35); c36 = ops.MultiplyAdd(a0.W, b1.Z, c36); c37 = ops.MultiplyAdd(a0.W, b1.W, c37);
                c40 = ops.MultiplyAdd(a1.X, b0.X, c40); c41 = ops.MultiplyAdd(a1.X, b0.Y, c41); c42 = ops.MultiplyAdd(a1.X, b0.Z, c42); c43 = ops.MultiplyAdd(a1.X, b0.W, c43); c44 = ops.MultiplyAdd(a1.X, b1.X, c44); c45 = ops.MultiplyAdd(a1.X, b1.Y, c45); c46 = ops.MultiplyAdd(a1.X, b1.Z, c46); c47 = ops.MultiplyAdd(a1.X, b1.W, c47);
                c50 = ops.MultiplyAdd(a1.Y, b0.X, c50); c51 = ops.MultiplyAdd(a1.Y, b0.Y, c51); c52 = ops.MultiplyAdd(a1.Y, b0.Z, c52); c53 = ops.MultiplyAdd(a1.Y, b0.W, c53); c54 = ops.MultiplyAdd(a1.Y, b1.X, c54); c55 = ops.MultiplyAdd(a1.Y, b1.Y, c55); c56 = ops.MultiplyAdd(a1.Y, b1.Z, c56); c57 = ops.MultiplyAdd(a1.Y, b1.W, c57);
                c60 = ops.MultiplyAdd(a1.Z, b0.X, c60); c61 = ops.MultiplyAdd(a1.Z, b0.Y, c61); c62 = ops.MultiplyAdd(a1.Z, b0.Z, c62); c63 = ops.MultiplyAdd(a1.Z, b0.W, c63); c64 = ops.MultiplyAdd(a1.Z, b1.X, c64); c65 = ops.MultiplyAdd(a1.Z, b1.Y, c65); c66 = ops.MultiplyAdd(a1.Z, b1.Z, c66); c67 = ops.MultiplyAdd(a1.Z, b1.W, c67);
                c70 = ops.MultiplyAdd(a1.W, b0.X, c70); c71 = ops.MultiplyAdd(a1.W, b0.Y, c71); c72 = ops.MultiplyAdd(a1.W, b0.Z, c72); c73 = ops.MultiplyAdd(a1.W, b0.W, c73); c74 = ops.MultiplyAdd(a1.W, b1.X, c74); c75 = ops.MultiplyAdd(a1.W, b1.Y, c75); c76 = ops.MultiplyAdd(a1.W, b1.Z, c76); c77 = ops.MultiplyAdd(a1.W, b1.W, c77);
            }
            if (more)
            {
                int next = current ^ (slice * stride);
                tileA[next + sa.Slot] = pa0; tileB[next + sb.Slot] = pb0;
                tileA[next + sa.Slot + sa.SlotStep] = pa1; tileB[next + sb.Slot + sb.SlotStep] = pb1;
                tileA[next + sa.Slot + 2 * sa.SlotStep] = pa2; tileB[next + sb.Slot + 2 * sb.SlotStep] = pb2;
                tileA[next + sa.Slot + 3 * sa.SlotStep] = pa3; tileB[next + sb.Slot + 3 * sb.SlotStep] = pb3;
            }
            Group.Barrier();
        }

        Store<T, TOps>(c, g, baseC, row0 + ty * 4, col0 + tx * 4, c00, c01, c02, c03, c04, c05, c06, c07);
        Store<T, TOps>(c, g, baseC, row0 + ty * 4 + 1, col0 + tx * 4, c10, c11, c12, c13, c14, c15, c16, c17);
        Store<T, TOps>(c, g, baseC, row0 + ty * 4 + 2, col0 + tx * 4, c20, c21, c22, c23, c24, c25, c26, c27);
        Store<T, TOps>(c, g, baseC, row0 + ty * 4 + 3, col0 + tx * 4, c30, c31, c32, c33, c34, c35, c36, c37);
        Store<T, TOps>(c, g, baseC, row0 + 64 + ty * 4, col0 + tx * 4, c40, c41, c42, c43, c44, c45, c46, c47);
        Store<T, TOps>(c, g, baseC, row0 + 64 + ty * 4 + 1, col0 + tx * 4, c50, c51, c52, c53, c54, c55, c56, c57);
        Store<T, TOps>(c, g, baseC, row0 + 64 + ty * 4 + 2, col0 + tx * 4, c60, c61, c62, c63, c64, c65, c66, c67);
        Store<T, TOps>(c, g, baseC, row0 + 64 + ty * 4 + 3, col0 + tx * 4, c70, c71, c72, c73, c74, c75, c76, c77);
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
        long baseA = g.OffsetA + Grid.IdxZ * g.BatchStrideA, baseB = g.OffsetB + Grid.IdxZ * g.BatchStrideB, baseC = g.OffsetC + Grid.IdxZ * g.BatchStrideC;

        // Each thread stages 4 elements of A and of B per slice. The next slice's elements are loaded into
        // registers before the current slice's multiply-adds, so their global-memory latency hides behind them.
        // Where they come from and go is worked out once (see Staging); tiles and slices wholly inside the matrices
        // (all but the edges) load without bounds checks.
        var sa = StagingA(g, tid, tile, slice, stride, baseA, row0);
        var sb = StagingB(g, tid, tile, slice, stride, baseB, col0);
        bool interior = row0 + tile <= g.M && col0 + tile <= g.N;
        T pa0 = ops.Zero, pb0 = ops.Zero, pa1 = ops.Zero, pb1 = ops.Zero, pa2 = ops.Zero, pb2 = ops.Zero, pa3 = ops.Zero, pb3 = ops.Zero;
        {
            long ka = 0, kb = 0;
            if (interior && slice <= g.K)
            {
                pa0 = a[sa.Offset + ka]; pb0 = b[sb.Offset + kb];
                pa1 = a[sa.Offset + sa.OffsetStep + ka]; pb1 = b[sb.Offset + sb.OffsetStep + kb];
                pa2 = a[sa.Offset + 2 * sa.OffsetStep + ka]; pb2 = b[sb.Offset + 2 * sb.OffsetStep + kb];
                pa3 = a[sa.Offset + 3 * sa.OffsetStep + ka]; pb3 = b[sb.Offset + 3 * sb.OffsetStep + kb];
            }
            else
            {
                pa0 = Load<T, TOps>(a, sa, 0, 0, ka, g.K); pb0 = Load<T, TOps>(b, sb, 0, 0, kb, g.K);
                pa1 = Load<T, TOps>(a, sa, 1, 0, ka, g.K); pb1 = Load<T, TOps>(b, sb, 1, 0, kb, g.K);
                pa2 = Load<T, TOps>(a, sa, 2, 0, ka, g.K); pb2 = Load<T, TOps>(b, sb, 2, 0, kb, g.K);
                pa3 = Load<T, TOps>(a, sa, 3, 0, ka, g.K); pb3 = Load<T, TOps>(b, sb, 3, 0, kb, g.K);
            }
        }

        var vectorsA = tileA.Cast<Packed2<T>>().SubView(ty);   // this thread's rows of every A row-slice, 2 at a time
        var vectorsB = tileB.Cast<Packed2<T>>().SubView(tx);
        for (int k0 = 0; k0 < g.K; k0 += slice)
        {
            tileA[sa.Slot] = pa0; tileB[sb.Slot] = pb0;
            tileA[sa.Slot + sa.SlotStep] = pa1; tileB[sb.Slot + sb.SlotStep] = pb1;
            tileA[sa.Slot + 2 * sa.SlotStep] = pa2; tileB[sb.Slot + 2 * sb.SlotStep] = pb2;
            tileA[sa.Slot + 3 * sa.SlotStep] = pa3; tileB[sb.Slot + 3 * sb.SlotStep] = pb3;
            Group.Barrier();
            if (k0 + slice < g.K)
            {
                long ka = (long)(k0 + slice) * sa.KStep, kb = (long)(k0 + slice) * sb.KStep;
                if (interior && k0 + slice + slice <= g.K)
                {
                    pa0 = a[sa.Offset + ka]; pb0 = b[sb.Offset + kb];
                    pa1 = a[sa.Offset + sa.OffsetStep + ka]; pb1 = b[sb.Offset + sb.OffsetStep + kb];
                    pa2 = a[sa.Offset + 2 * sa.OffsetStep + ka]; pb2 = b[sb.Offset + 2 * sb.OffsetStep + kb];
                    pa3 = a[sa.Offset + 3 * sa.OffsetStep + ka]; pb3 = b[sb.Offset + 3 * sb.OffsetStep + kb];
                }
                else
                {
                    pa0 = Load<T, TOps>(a, sa, 0, k0 + slice, ka, g.K); pb0 = Load<T, TOps>(b, sb, 0, k0 + slice, kb, g.K);
                    pa1 = Load<T, TOps>(a, sa, 1, k0 + slice, ka, g.K); pb1 = Load<T, TOps>(b, sb, 1, k0 + slice, kb, g.K);
                    pa2 = Load<T, TOps>(a, sa, 2, k0 + slice, ka, g.K); pb2 = Load<T, TOps>(b, sb, 2, k0 + slice, kb, g.K);
                    pa3 = Load<T, TOps>(a, sa, 3, k0 + slice, ka, g.K); pb3 = Load<T, TOps>(b, sb, 3, k0 + slice, kb, g.K);
                }
            }
            {   // kk = 0
                Packed2<T> a0 = vectorsA[0], a1 = vectorsA[16], b0 = vectorsB[0], b1 = vectorsB[16];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b1.X, c02); c03 = ops.MultiplyAdd(a0.X, b1.Y, c03);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b1.X, c12); c13 = ops.MultiplyAdd(a0.Y, b1.Y, c13);
                c20 = ops.MultiplyAdd(a1.X, b0.X, c20); c21 = ops.MultiplyAdd(a1.X, b0.Y, c21); c22 = ops.MultiplyAdd(a1.X, b1.X, c22); c23 = ops.MultiplyAdd(a1.X, b1.Y, c23);
                c30 = ops.MultiplyAdd(a1.Y, b0.X, c30); c31 = ops.MultiplyAdd(a1.Y, b0.Y, c31); c32 = ops.MultiplyAdd(a1.Y, b1.X, c32); c33 = ops.MultiplyAdd(a1.Y, b1.Y, c33);
            }
            {   // kk = 1
                Packed2<T> a0 = vectorsA[34], a1 = vectorsA[50], b0 = vectorsB[34], b1 = vectorsB[50];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b1.X, c02); c03 = ops.MultiplyAdd(a0.X, b1.Y, c03);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b1.X, c12); c13 = ops.MultiplyAdd(a0.Y, b1.Y, c13);
                c20 = ops.MultiplyAdd(a1.X, b0.X, c20); c21 = ops.MultiplyAdd(a1.X, b0.Y, c21); c22 = ops.MultiplyAdd(a1.X, b1.X, c22); c23 = ops.MultiplyAdd(a1.X, b1.Y, c23);
                c30 = ops.MultiplyAdd(a1.Y, b0.X, c30); c31 = ops.MultiplyAdd(a1.Y, b0.Y, c31); c32 = ops.MultiplyAdd(a1.Y, b1.X, c32); c33 = ops.MultiplyAdd(a1.Y, b1.Y, c33);
            }
            {   // kk = 2
                Packed2<T> a0 = vectorsA[68], a1 = vectorsA[84], b0 = vectorsB[68], b1 = vectorsB[84];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b1.X, c02); c03 = ops.MultiplyAdd(a0.X, b1.Y, c03);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b1.X, c12); c13 = ops.MultiplyAdd(a0.Y, b1.Y, c13);
                c20 = ops.MultiplyAdd(a1.X, b0.X, c20); c21 = ops.MultiplyAdd(a1.X, b0.Y, c21); c22 = ops.MultiplyAdd(a1.X, b1.X, c22); c23 = ops.MultiplyAdd(a1.X, b1.Y, c23);
                c30 = ops.MultiplyAdd(a1.Y, b0.X, c30); c31 = ops.MultiplyAdd(a1.Y, b0.Y, c31); c32 = ops.MultiplyAdd(a1.Y, b1.X, c32); c33 = ops.MultiplyAdd(a1.Y, b1.Y, c33);
            }
            {   // kk = 3
                Packed2<T> a0 = vectorsA[102], a1 = vectorsA[118], b0 = vectorsB[102], b1 = vectorsB[118];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b1.X, c02); c03 = ops.MultiplyAdd(a0.X, b1.Y, c03);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b1.X, c12); c13 = ops.MultiplyAdd(a0.Y, b1.Y, c13);
                c20 = ops.MultiplyAdd(a1.X, b0.X, c20); c21 = ops.MultiplyAdd(a1.X, b0.Y, c21); c22 = ops.MultiplyAdd(a1.X, b1.X, c22); c23 = ops.MultiplyAdd(a1.X, b1.Y, c23);
                c30 = ops.MultiplyAdd(a1.Y, b0.X, c30); c31 = ops.MultiplyAdd(a1.Y, b0.Y, c31); c32 = ops.MultiplyAdd(a1.Y, b1.X, c32); c33 = ops.MultiplyAdd(a1.Y, b1.Y, c33);
            }
            {   // kk = 4
                Packed2<T> a0 = vectorsA[136], a1 = vectorsA[152], b0 = vectorsB[136], b1 = vectorsB[152];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b1.X, c02); c03 = ops.MultiplyAdd(a0.X, b1.Y, c03);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b1.X, c12); c13 = ops.MultiplyAdd(a0.Y, b1.Y, c13);
                c20 = ops.MultiplyAdd(a1.X, b0.X, c20); c21 = ops.MultiplyAdd(a1.X, b0.Y, c21); c22 = ops.MultiplyAdd(a1.X, b1.X, c22); c23 = ops.MultiplyAdd(a1.X, b1.Y, c23);
                c30 = ops.MultiplyAdd(a1.Y, b0.X, c30); c31 = ops.MultiplyAdd(a1.Y, b0.Y, c31); c32 = ops.MultiplyAdd(a1.Y, b1.X, c32); c33 = ops.MultiplyAdd(a1.Y, b1.Y, c33);
            }
            {   // kk = 5
                Packed2<T> a0 = vectorsA[170], a1 = vectorsA[186], b0 = vectorsB[170], b1 = vectorsB[186];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b1.X, c02); c03 = ops.MultiplyAdd(a0.X, b1.Y, c03);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b1.X, c12); c13 = ops.MultiplyAdd(a0.Y, b1.Y, c13);
                c20 = ops.MultiplyAdd(a1.X, b0.X, c20); c21 = ops.MultiplyAdd(a1.X, b0.Y, c21); c22 = ops.MultiplyAdd(a1.X, b1.X, c22); c23 = ops.MultiplyAdd(a1.X, b1.Y, c23);
                c30 = ops.MultiplyAdd(a1.Y, b0.X, c30); c31 = ops.MultiplyAdd(a1.Y, b0.Y, c31); c32 = ops.MultiplyAdd(a1.Y, b1.X, c32); c33 = ops.MultiplyAdd(a1.Y, b1.Y, c33);
            }
            {   // kk = 6
                Packed2<T> a0 = vectorsA[204], a1 = vectorsA[220], b0 = vectorsB[204], b1 = vectorsB[220];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b1.X, c02); c03 = ops.MultiplyAdd(a0.X, b1.Y, c03);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b1.X, c12); c13 = ops.MultiplyAdd(a0.Y, b1.Y, c13);
                c20 = ops.MultiplyAdd(a1.X, b0.X, c20); c21 = ops.MultiplyAdd(a1.X, b0.Y, c21); c22 = ops.MultiplyAdd(a1.X, b1.X, c22); c23 = ops.MultiplyAdd(a1.X, b1.Y, c23);
                c30 = ops.MultiplyAdd(a1.Y, b0.X, c30); c31 = ops.MultiplyAdd(a1.Y, b0.Y, c31); c32 = ops.MultiplyAdd(a1.Y, b1.X, c32); c33 = ops.MultiplyAdd(a1.Y, b1.Y, c33);
            }
            {   // kk = 7
                Packed2<T> a0 = vectorsA[238], a1 = vectorsA[254], b0 = vectorsB[238], b1 = vectorsB[254];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b1.X, c02); c03 = ops.MultiplyAdd(a0.X, b1.Y, c03);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b1.X, c12); c13 = ops.MultiplyAdd(a0.Y, b1.Y, c13);
                c20 = ops.MultiplyAdd(a1.X, b0.X, c20); c21 = ops.MultiplyAdd(a1.X, b0.Y, c21); c22 = ops.MultiplyAdd(a1.X, b1.X, c22); c23 = ops.MultiplyAdd(a1.X, b1.Y, c23);
                c30 = ops.MultiplyAdd(a1.Y, b0.X, c30); c31 = ops.MultiplyAdd(a1.Y, b0.Y, c31); c32 = ops.MultiplyAdd(a1.Y, b1.X, c32); c33 = ops.MultiplyAdd(a1.Y, b1.Y, c33);
            }
            {   // kk = 8
                Packed2<T> a0 = vectorsA[272], a1 = vectorsA[288], b0 = vectorsB[272], b1 = vectorsB[288];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b1.X, c02); c03 = ops.MultiplyAdd(a0.X, b1.Y, c03);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b1.X, c12); c13 = ops.MultiplyAdd(a0.Y, b1.Y, c13);
                c20 = ops.MultiplyAdd(a1.X, b0.X, c20); c21 = ops.MultiplyAdd(a1.X, b0.Y, c21); c22 = ops.MultiplyAdd(a1.X, b1.X, c22); c23 = ops.MultiplyAdd(a1.X, b1.Y, c23);
                c30 = ops.MultiplyAdd(a1.Y, b0.X, c30); c31 = ops.MultiplyAdd(a1.Y, b0.Y, c31); c32 = ops.MultiplyAdd(a1.Y, b1.X, c32); c33 = ops.MultiplyAdd(a1.Y, b1.Y, c33);
            }
            {   // kk = 9
                Packed2<T> a0 = vectorsA[306], a1 = vectorsA[322], b0 = vectorsB[306], b1 = vectorsB[322];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b1.X, c02); c03 = ops.MultiplyAdd(a0.X, b1.Y, c03);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b1.X, c12); c13 = ops.MultiplyAdd(a0.Y, b1.Y, c13);
                c20 = ops.MultiplyAdd(a1.X, b0.X, c20); c21 = ops.MultiplyAdd(a1.X, b0.Y, c21); c22 = ops.MultiplyAdd(a1.X, b1.X, c22); c23 = ops.MultiplyAdd(a1.X, b1.Y, c23);
                c30 = ops.MultiplyAdd(a1.Y, b0.X, c30); c31 = ops.MultiplyAdd(a1.Y, b0.Y, c31); c32 = ops.MultiplyAdd(a1.Y, b1.X, c32); c33 = ops.MultiplyAdd(a1.Y, b1.Y, c33);
            }
            {   // kk = 10
                Packed2<T> a0 = vectorsA[340], a1 = vectorsA[356], b0 = vectorsB[340], b1 = vectorsB[356];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b1.X, c02); c03 = ops.MultiplyAdd(a0.X, b1.Y, c03);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b1.X, c12); c13 = ops.MultiplyAdd(a0.Y, b1.Y, c13);
                c20 = ops.MultiplyAdd(a1.X, b0.X, c20); c21 = ops.MultiplyAdd(a1.X, b0.Y, c21); c22 = ops.MultiplyAdd(a1.X, b1.X, c22); c23 = ops.MultiplyAdd(a1.X, b1.Y, c23);
                c30 = ops.MultiplyAdd(a1.Y, b0.X, c30); c31 = ops.MultiplyAdd(a1.Y, b0.Y, c31); c32 = ops.MultiplyAdd(a1.Y, b1.X, c32); c33 = ops.MultiplyAdd(a1.Y, b1.Y, c33);
            }
            {   // kk = 11
                Packed2<T> a0 = vectorsA[374], a1 = vectorsA[390], b0 = vectorsB[374], b1 = vectorsB[390];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b1.X, c02); c03 = ops.MultiplyAdd(a0.X, b1.Y, c03);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b1.X, c12); c13 = ops.MultiplyAdd(a0.Y, b1.Y, c13);
                c20 = ops.MultiplyAdd(a1.X, b0.X, c20); c21 = ops.MultiplyAdd(a1.X, b0.Y, c21); c22 = ops.MultiplyAdd(a1.X, b1.X, c22); c23 = ops.MultiplyAdd(a1.X, b1.Y, c23);
                c30 = ops.MultiplyAdd(a1.Y, b0.X, c30); c31 = ops.MultiplyAdd(a1.Y, b0.Y, c31); c32 = ops.MultiplyAdd(a1.Y, b1.X, c32); c33 = ops.MultiplyAdd(a1.Y, b1.Y, c33);
            }
            {   // kk = 12
                Packed2<T> a0 = vectorsA[408], a1 = vectorsA[424], b0 = vectorsB[408], b1 = vectorsB[424];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b1.X, c02); c03 = ops.MultiplyAdd(a0.X, b1.Y, c03);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b1.X, c12); c13 = ops.MultiplyAdd(a0.Y, b1.Y, c13);
                c20 = ops.MultiplyAdd(a1.X, b0.X, c20); c21 = ops.MultiplyAdd(a1.X, b0.Y, c21); c22 = ops.MultiplyAdd(a1.X, b1.X, c22); c23 = ops.MultiplyAdd(a1.X, b1.Y, c23);
                c30 = ops.MultiplyAdd(a1.Y, b0.X, c30); c31 = ops.MultiplyAdd(a1.Y, b0.Y, c31); c32 = ops.MultiplyAdd(a1.Y, b1.X, c32); c33 = ops.MultiplyAdd(a1.Y, b1.Y, c33);
            }
            {   // kk = 13
                Packed2<T> a0 = vectorsA[442], a1 = vectorsA[458], b0 = vectorsB[442], b1 = vectorsB[458];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b1.X, c02); c03 = ops.MultiplyAdd(a0.X, b1.Y, c03);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b1.X, c12); c13 = ops.MultiplyAdd(a0.Y, b1.Y, c13);
                c20 = ops.MultiplyAdd(a1.X, b0.X, c20); c21 = ops.MultiplyAdd(a1.X, b0.Y, c21); c22 = ops.MultiplyAdd(a1.X, b1.X, c22); c23 = ops.MultiplyAdd(a1.X, b1.Y, c23);
                c30 = ops.MultiplyAdd(a1.Y, b0.X, c30); c31 = ops.MultiplyAdd(a1.Y, b0.Y, c31); c32 = ops.MultiplyAdd(a1.Y, b1.X, c32); c33 = ops.MultiplyAdd(a1.Y, b1.Y, c33);
            }
            {   // kk = 14
                Packed2<T> a0 = vectorsA[476], a1 = vectorsA[492], b0 = vectorsB[476], b1 = vectorsB[492];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b1.X, c02); c03 = ops.MultiplyAdd(a0.X, b1.Y, c03);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b1.X, c12); c13 = ops.MultiplyAdd(a0.Y, b1.Y, c13);
                c20 = ops.MultiplyAdd(a1.X, b0.X, c20); c21 = ops.MultiplyAdd(a1.X, b0.Y, c21); c22 = ops.MultiplyAdd(a1.X, b1.X, c22); c23 = ops.MultiplyAdd(a1.X, b1.Y, c23);
                c30 = ops.MultiplyAdd(a1.Y, b0.X, c30); c31 = ops.MultiplyAdd(a1.Y, b0.Y, c31); c32 = ops.MultiplyAdd(a1.Y, b1.X, c32); c33 = ops.MultiplyAdd(a1.Y, b1.Y, c33);
            }
            {   // kk = 15
                Packed2<T> a0 = vectorsA[510], a1 = vectorsA[526], b0 = vectorsB[510], b1 = vectorsB[526];
                c00 = ops.MultiplyAdd(a0.X, b0.X, c00); c01 = ops.MultiplyAdd(a0.X, b0.Y, c01); c02 = ops.MultiplyAdd(a0.X, b1.X, c02); c03 = ops.MultiplyAdd(a0.X, b1.Y, c03);
                c10 = ops.MultiplyAdd(a0.Y, b0.X, c10); c11 = ops.MultiplyAdd(a0.Y, b0.Y, c11); c12 = ops.MultiplyAdd(a0.Y, b1.X, c12); c13 = ops.MultiplyAdd(a0.Y, b1.Y, c13);
                c20 = ops.MultiplyAdd(a1.X, b0.X, c20); c21 = ops.MultiplyAdd(a1.X, b0.Y, c21); c22 = ops.MultiplyAdd(a1.X, b1.X, c22); c23 = ops.MultiplyAdd(a1.X, b1.Y, c23);
                c30 = ops.MultiplyAdd(a1.Y, b0.X, c30); c31 = ops.MultiplyAdd(a1.Y, b0.Y, c31); c32 = ops.MultiplyAdd(a1.Y, b1.X, c32); c33 = ops.MultiplyAdd(a1.Y, b1.Y, c33);
            }
            Group.Barrier();
        }

        Store<T, TOps>(c, g, baseC, row0 + ty * 2, col0 + tx * 2, c00, c01, c02, c03);
        Store<T, TOps>(c, g, baseC, row0 + ty * 2 + 1, col0 + tx * 2, c10, c11, c12, c13);
        Store<T, TOps>(c, g, baseC, row0 + 32 + ty * 2, col0 + tx * 2, c20, c21, c22, c23);
        Store<T, TOps>(c, g, baseC, row0 + 32 + ty * 2 + 1, col0 + tx * 2, c30, c31, c32, c33);
    }

    // Row `row` of a thread's block: its 8 columns are col + {0…3} and col + 64 + {0…3}.
    private static void Store<T, TOps>(ArrayView<T> c, GemmArguments<T> g, long baseC, int row, int col, T v0, T v1, T v2, T v3, T v4, T v5, T v6, T v7) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        if (row >= g.M) return;
        StoreOne<T, TOps>(c, g, baseC, row, col + 0, v0);
        StoreOne<T, TOps>(c, g, baseC, row, col + 1, v1);
        StoreOne<T, TOps>(c, g, baseC, row, col + 2, v2);
        StoreOne<T, TOps>(c, g, baseC, row, col + 3, v3);
        StoreOne<T, TOps>(c, g, baseC, row, col + 64, v4);
        StoreOne<T, TOps>(c, g, baseC, row, col + 65, v5);
        StoreOne<T, TOps>(c, g, baseC, row, col + 66, v6);
        StoreOne<T, TOps>(c, g, baseC, row, col + 67, v7);
    }

    // Row `row` of a thread's block: its 4 columns are col + {0…1} and col + 32 + {0…1}.
    private static void Store<T, TOps>(ArrayView<T> c, GemmArguments<T> g, long baseC, int row, int col, T v0, T v1, T v2, T v3) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        if (row >= g.M) return;
        StoreOne<T, TOps>(c, g, baseC, row, col + 0, v0);
        StoreOne<T, TOps>(c, g, baseC, row, col + 1, v1);
        StoreOne<T, TOps>(c, g, baseC, row, col + 32, v2);
        StoreOne<T, TOps>(c, g, baseC, row, col + 33, v3);
    }

    // Element e (0 ≤ e < loads) of a thread's share of an operand slice is row (A) or column (B) R0 + e·DR of the
    // tile at k offset L0 + e·DL of the slice — one of DR, DL is 0, which one depends on the stored layout, chosen so
    // that the fast index of the stored matrix varies fastest across a warp (coalesced loads). It lives at
    // Offset + e·OffsetStep + k0·KStep in memory and at Slot + e·SlotStep in the shared slice ([kk][i] or [kk][j]).
    // Extent is how many rows (columns) of the tile exist. Computed once per thread, so the loop only adds.
    private readonly record struct Staging(int R0, int L0, int DR, int DL, int Extent, long Offset, long OffsetStep, long KStep, int Slot, int SlotStep);

    // A is stored i·LdA + l, or l·LdA + i when transposed; B l·LdB + j, or j·LdB + l when transposed.
    private static Staging StagingA<T>(GemmArguments<T> g, int tid, int tile, int slice, int stride, long baseA, int row0) where T : unmanaged =>
        g.TransposeA != 0 ? KMajor(tid, tile, stride, g.LdA, baseA, row0, g.M - row0) : TileMajor(tid, slice, stride, g.LdA, baseA, row0, g.M - row0);

    private static Staging StagingB<T>(GemmArguments<T> g, int tid, int tile, int slice, int stride, long baseB, int col0) where T : unmanaged =>
        g.TransposeB != 0 ? TileMajor(tid, slice, stride, g.LdB, baseB, col0, g.N - col0) : KMajor(tid, tile, stride, g.LdB, baseB, col0, g.N - col0);

    // The operand is stored l·ld + (origin + r): consecutive threads take consecutive r, a thread's elements are
    // 256/tile k-rows apart (256 threads; 256 is a multiple of tile and slice).
    private static Staging KMajor(int tid, int tile, int stride, int ld, long baseX, int origin, int extent)
    {
        int r = tid % tile, l = tid / tile, dl = Threads * Threads / tile;
        return new Staging(r, l, 0, dl, extent, baseX + (long)l * ld + origin + r, (long)dl * ld, ld, l * stride + r, dl * stride);
    }

    // The operand is stored (origin + r)·ld + l: consecutive threads take consecutive l, a thread's elements are
    // 256/slice rows (columns) apart.
    private static Staging TileMajor(int tid, int slice, int stride, int ld, long baseX, int origin, int extent)
    {
        int r = tid / slice, l = tid % slice, dr = Threads * Threads / slice;
        return new Staging(r, l, dr, 0, extent, baseX + (long)(origin + r) * ld + l, (long)dr * ld, 1, l * stride + r, dr);
    }

    // Element e of slice k0 (kOffset = k0·KStep), or zero where it falls outside the matrix.
    private static T Load<T, TOps>(ArrayView<T> x, Staging s, int e, int k0, long kOffset, int k) where T : unmanaged where TOps : struct, IDeviceArithmetic<T> =>
        s.R0 + e * s.DR < s.Extent && k0 + s.L0 + e * s.DL < k ? x[s.Offset + e * s.OffsetStep + kOffset] : default(TOps).Zero;

    private static void StoreOne<T, TOps>(ArrayView<T> c, GemmArguments<T> g, long baseC, int row, int col, T acc) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        if (col >= g.N) return;
        TOps ops = default;
        long at = baseC + (long)row * g.LdC + col;
        T value = ops.Multiply(g.Alpha, acc);
        c[at] = g.ReadC != 0 ? ops.MultiplyAdd(g.Beta, c[at], value) : value;
    }
}
