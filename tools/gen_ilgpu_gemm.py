"""Writes src/Backends/Ilgpu/Kernels/GemmKernels.cs: the ILGPU GEMM kernels with their register blocks spelled out
as named locals (a LocalMemory array lives off-chip). Run: python3 tools/gen_ilgpu_gemm.py"""
def prefetch(w, indent, k, loads):
    """Loads slice `k` of A and B into pa*/pb*: without bounds checks when the whole slice lies inside the matrices."""
    sp = " " * indent
    if k == "0":
        w(f"{sp}long ka = 0, kb = 0;")
        w(f"{sp}if (interior && slice <= g.K)")
    else:
        w(f"{sp}long ka = (long)({k}) * sa.KStep, kb = (long)({k}) * sb.KStep;")
        w(f"{sp}if (interior && {k} + slice <= g.K)")
    w(f"{sp}{{")
    for e in range(loads):
        step_a = "" if e == 0 else " + sa.OffsetStep" if e == 1 else f" + {e} * sa.OffsetStep"
        step_b = step_a.replace("sa.", "sb.")
        w(f"{sp}    pa{e} = a[sa.Offset{step_a} + ka]; pb{e} = b[sb.Offset{step_b} + kb];")
    w(f"{sp}}}")
    w(f"{sp}else")
    w(f"{sp}{{")
    for e in range(loads):
        w(f"{sp}    pa{e} = Load<T, TOps>(a, sa, {e}, {k}, ka, g.K); pb{e} = Load<T, TOps>(b, sb, {e}, {k}, kb, g.K);")
    w(f"{sp}}}")

def stage(w, indent, loads, offset=""):
    sp = " " * indent
    for e in range(loads):
        step = "" if e == 0 else " + sa.SlotStep" if e == 1 else f" + {e} * sa.SlotStep"
        stepb = step.replace("sa.", "sb.")
        w(f"{sp}tileA[{offset}sa.Slot{step}] = pa{e}; tileB[{offset}sb.Slot{stepb}] = pb{e};")

def group_width(per):
    """Neighbouring rows (columns) per 16-byte group of a thread's register block: 4 floats (8×8) or 2 doubles (4×4)."""
    return 4 if per == 8 else 2

def kernel(name, tile, slice_, per, doc, double_buffered=False):
    threads = 16
    stride = tile + 4
    # A thread's register block is `per` rows × `per` columns in groups of `width` neighbours, the groups `span` apart:
    # float rows 4·ty + {0..3} and 64 + 4·ty + {0..3}; double 2·ty + {0, 1} and 32 + 2·ty + {0, 1}. Each group is one
    # 16-byte shared load (ld.shared.v4.f32 / v2.f64) at an offset fixed at compile time.
    width = group_width(per)
    vec = f"Packed{width}<T>"
    span = threads * width
    vstride, vspan = stride // width, span // width
    assert stride % width == 0 and (slice_ * stride) % width == 0 and per % width == 0
    fields = "XYZW"[:width]
    loads = tile * slice_ // (threads * threads)
    assert (threads * threads) % tile == 0 and (threads * threads) % slice_ == 0   # Staging relies on it
    L = []
    w = L.append
    buffers = '2 * ' if double_buffered else ''
    w(f'''    /// <summary>{doc}</summary>
    public static void {name}<T, TOps>(ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, GemmArguments<T> g) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {{
        const int tile = {tile}, slice = {slice_}, stride = {stride};
        TOps ops = default;
        var tileA = SharedMemory.Allocate<T>({buffers}slice * stride);   // [kk][i], rows padded by 4 so the staging stores do not collide in a bank
        var tileB = SharedMemory.Allocate<T>({buffers}slice * stride);   // [kk][j]''')
    accs = [f"c{r}{q}" for r in range(per) for q in range(per)]
    for r in range(per):
        w("        T " + ", ".join(f"c{r}{q} = ops.Zero" for q in range(per)) + ";")
    w(f'''
        int tx = Group.IdxX, ty = Group.IdxY, tid = ty * Threads + tx;
        int row0 = Grid.IdxY * tile, col0 = Grid.IdxX * tile;
        long baseA = g.OffsetA + Grid.IdxZ * g.BatchStrideA, baseB = g.OffsetB + Grid.IdxZ * g.BatchStrideB, baseC = g.OffsetC + Grid.IdxZ * g.BatchStrideC;

        // Each thread stages {loads} elements of A and of B per slice. The next slice's elements are loaded into
        // registers before the current slice's multiply-adds, so their global-memory latency hides behind them.
        // Where they come from and go is worked out once (see Staging); tiles and slices wholly inside the matrices
        // (all but the edges) load without bounds checks.
        var sa = StagingA(g, tid, tile, slice, stride, baseA, row0);
        var sb = StagingB(g, tid, tile, slice, stride, baseB, col0);
        bool interior = row0 + tile <= g.M && col0 + tile <= g.N;''')
    w("        T " + ", ".join(f"pa{e} = ops.Zero, pb{e} = ops.Zero" for e in range(loads)) + ";")
    w("        {")
    prefetch(w, 12, "0", loads)
    w("        }")
    if double_buffered:
        # Two shared buffers: slice s is multiplied out of buffer s mod 2 while slice s + 1, already in registers,
        # is stored into the other; one barrier per slice both publishes those stores and guarantees that everyone
        # has finished reading a buffer before it is overwritten (two slices later).
        stage(w, 8, loads)
        w(f'''        Group.Barrier();
        for (int k0 = 0, current = 0; k0 < g.K; k0 += slice, current ^= slice * stride)
        {{
            bool more = k0 + slice < g.K;
            if (more)
            {{''')
        prefetch(w, 16, "k0 + slice", loads)
        w(f'''            }}
            var vectorsA = tileA.Cast<{vec}>().SubView(current / {width} + ty);
            var vectorsB = tileB.Cast<{vec}>().SubView(current / {width} + tx);''')
    else:
        w(f'''
        var vectorsA = tileA.Cast<{vec}>().SubView(ty);   // this thread's rows of every A row-slice, {width} at a time
        var vectorsB = tileB.Cast<{vec}>().SubView(tx);
        for (int k0 = 0; k0 < g.K; k0 += slice)
        {{''')
        stage(w, 12, loads)
        w(f'''            Group.Barrier();
            if (k0 + slice < g.K)
            {{''')
        prefetch(w, 16, "k0 + slice", loads)
        w('            }')
    # The K-slice is unrolled: every shared offset below is a constant, so the loads need no address arithmetic.
    groups = per // width
    for kk in range(slice_):
        w(f"            {{   // kk = {kk}")
        w(f"                {vec} " + ", ".join(f"a{h} = vectorsA[{kk * vstride + h * vspan}]" for h in range(groups)) + ", "
          + ", ".join(f"b{h} = vectorsB[{kk * vstride + h * vspan}]" for h in range(groups)) + ";")
        for r in range(per):
            ar = f"a{r // width}.{fields[r % width]}"
            w("                " + " ".join(f"c{r}{q} = ops.MultiplyAdd({ar}, b{q // width}.{fields[q % width]}, c{r}{q});" for q in range(per)))
        w("            }")
    if double_buffered:
        w('''            if (more)
            {
                int next = current ^ (slice * stride);''')
        stage(w, 16, loads, "next + ")
        w('''            }
            Group.Barrier();
        }
''')
    else:
        w('''            Group.Barrier();
        }
''')
    for r in range(per):
        row = "row0" + (f" + {(r // width) * span}" if r >= width else "") + f" + ty * {width}" + (f" + {r % width}" if r % width else "")
        w(f"        Store<T, TOps>(c, g, baseC, {row}, col0 + tx * {width}, " + ", ".join(f"c{r}{q}" for q in range(per)) + ");")
    w("    }\n")
    return "\n".join(L)

def store(per):
    width = group_width(per)
    args = ", ".join(f"T v{q}" for q in range(per))
    body = "\n".join(f"        StoreOne<T, TOps>(c, g, baseC, row, col + {(q // width) * 16 * width + q % width}, v{q});" for q in range(per))
    return f'''    // Row `row` of a thread's block: its {per} columns are col + {{0…{width - 1}}} and col + {16 * width} + {{0…{width - 1}}}.
    private static void Store<T, TOps>(ArrayView<T> c, GemmArguments<T> g, long baseC, int row, int col, {args}) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {{
        if (row >= g.M) return;
{body}
    }}
'''

head = '''using ILGPU;

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

'''
tail = '''
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
'''
out = head + kernel("GemmLarge", 128, 16, 8, "128×128 tiles, K slices of 16, an 8×8 register block per thread (float).") + "\n" \
    + kernel("GemmLargeDoubleBuffered", 128, 16, 8, "As <see cref=\"GemmLarge{T, TOps}\"/> with two shared buffers and one barrier per slice instead of two (not yet timed on a GPU).", double_buffered=True) + "\n" \
    + kernel("GemmLargeSlice8DoubleBuffered", 128, 8, 8, "As <see cref=\"GemmLargeDoubleBuffered{T, TOps}\"/> with K-slices of 8: fewer registers for the next slice, so that with launch bounds two groups fit a multiprocessor (<see cref=\"FloatGemmKernel.TwoGroupsPerMultiprocessor\"/>; not yet timed on a GPU).", double_buffered=True) + "\n" \
    + kernel("Gemm", 64, 16, 4, "64×64 tiles, K slices of 16, a 4×4 register block per thread (double).") + "\n" + store(8) + "\n" + store(4) + tail
import os; open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src/Backends/Ilgpu/Kernels/GemmKernels.cs'), 'w').write(out)
