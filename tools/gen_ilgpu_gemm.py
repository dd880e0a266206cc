"""Writes src/Backends/Ilgpu/Kernels/GemmKernels.cs: the ILGPU GEMM kernels with their register blocks spelled out
as named locals (a LocalMemory array lives off-chip). Run: python3 tools/gen_ilgpu_gemm.py"""
def kernel(name, tile, slice_, per, doc, double_buffered=False):
    threads = 16
    stride = tile + 4
    loads = tile * slice_ // (threads * threads)
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
        long baseA = (long)Grid.IdxZ * g.M * g.K, baseB = (long)Grid.IdxZ * g.K * g.N, baseC = (long)Grid.IdxZ * g.M * g.N;

        // Each thread stages {loads} elements of A and of B per slice. The next slice's elements are loaded into
        // registers before the current slice's multiply-adds, so their global-memory latency hides behind them.''')
    for e in range(loads):
        w(f"        int idx{e} = tid + {e * 256};")
        w(f"        int slotA{e} = SlotA(g, idx{e}, tile, slice, stride), slotB{e} = SlotB(g, idx{e}, tile, slice, stride);")
        w(f"        T pa{e} = LoadA<T, TOps>(a, g, baseA, row0, 0, idx{e}, tile, slice), pb{e} = LoadB<T, TOps>(b, g, baseB, col0, 0, idx{e}, tile, slice);")
    if double_buffered:
        # Two shared buffers: slice s is multiplied out of buffer s mod 2 while slice s + 1, already in registers,
        # is stored into the other; one barrier per slice both publishes those stores and guarantees that everyone
        # has finished reading a buffer before it is overwritten (two slices later).
        for e in range(loads):
            w(f"        tileA[slotA{e}] = pa{e}; tileB[slotB{e}] = pb{e};")
        w(f'''        Group.Barrier();
        for (int k0 = 0, current = 0; k0 < g.K; k0 += slice, current ^= slice * stride)
        {{
            bool more = k0 + slice < g.K;
            if (more)
            {{''')
        for e in range(loads):
            w(f"                pa{e} = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx{e}, tile, slice); pb{e} = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx{e}, tile, slice);")
        w(f'''            }}
            for (int kk = 0; kk < slice; kk++)
            {{
                int ra = current + kk * stride + ty, rb = current + kk * stride + tx;''')
    else:
        w(f'''
        for (int k0 = 0; k0 < g.K; k0 += slice)
        {{''')
        for e in range(loads):
            w(f"            tileA[slotA{e}] = pa{e}; tileB[slotB{e}] = pb{e};")
        w(f'''            Group.Barrier();
            if (k0 + slice < g.K)
            {{''')
        for e in range(loads):
            w(f"                pa{e} = LoadA<T, TOps>(a, g, baseA, row0, k0 + slice, idx{e}, tile, slice); pb{e} = LoadB<T, TOps>(b, g, baseB, col0, k0 + slice, idx{e}, tile, slice);")
        w(f'''            }}
            for (int kk = 0; kk < slice; kk++)
            {{
                int ra = kk * stride + ty, rb = kk * stride + tx;''')
    w("                T " + ", ".join(f"a{r} = tileA[ra + {16*r}]" for r in range(per)) + ";")
    w("                T " + ", ".join(f"b{q} = tileB[rb + {16*q}]" for q in range(per)) + ";")
    for r in range(per):
        w("                " + " ".join(f"c{r}{q} = ops.MultiplyAdd(a{r}, b{q}, c{r}{q});" for q in range(per)))
    if double_buffered:
        w('''            }
            if (more)
            {
                int next = current ^ (slice * stride);''')
        for e in range(loads):
            w(f"                tileA[next + slotA{e}] = pa{e}; tileB[next + slotB{e}] = pb{e};")
        w('''            }
            Group.Barrier();
        }
''')
    else:
        w('''            }
            Group.Barrier();
        }
''')
    for r in range(per):
        w(f"        Store<T, TOps>(c, g, baseC, row0 + ty + {16*r}, col0 + tx, " + ", ".join(f"c{r}{q}" for q in range(per)) + ");")
    w("    }\n")
    return "\n".join(L)

def store(per):
    args = ", ".join(f"T v{q}" for q in range(per))
    body = "\n".join(f"        StoreOne<T, TOps>(c, g, baseC, row, col + {16*q}, v{q});" for q in range(per))
    return f'''    // Row `row` of a thread's block: its {per} columns are col, col + 16, … (neighbouring threads, neighbouring words).
    private static void Store<T, TOps>(ArrayView<T> c, GemmArguments<T> g, long baseC, int row, int col, {args}) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {{
        if (row >= g.M) return;
{body}
    }}
'''

head = '''using ILGPU;

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

'''
tail = '''
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
'''
out = head + kernel("GemmLarge", 128, 16, 8, "128×128 tiles, K slices of 16, an 8×8 register block per thread (float).") + "\n" \
    + kernel("GemmLargeDoubleBuffered", 128, 16, 8, "As <see cref=\"GemmLarge{T, TOps}\"/> with two shared buffers and one barrier per slice instead of two (not yet timed on a GPU).", double_buffered=True) + "\n" \
    + kernel("Gemm", 64, 16, 4, "64×64 tiles, K slices of 16, a 4×4 register block per thread (double).") + "\n" + store(8) + "\n" + store(4) + tail
import os; open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src/Backends/Ilgpu/Kernels/GemmKernels.cs'), 'w').write(out)
