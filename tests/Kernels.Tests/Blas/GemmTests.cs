using FsCheck.Xunit;
using Kernels.Backends.Cpu;
using Kernels.Linalg;
using Kernels.Linalg.Blas;
using Kernels.Tensors;
using Xunit;
using static Kernels.Tests.Blas.MatrixFactory;

namespace Kernels.Tests.Blas;

/// <summary>GEMM against a compensated double reference with a componentwise rounding-bound ratio.</summary>
public class GemmTests
{
    /// <summary>Kernel sets this process can execute (the CI runs again with AVX2/AVX-512/all intrinsics off).</summary>
    public static readonly CpuKernelSet[] Sets = Enum.GetValues<CpuKernelSet>().Where(CpuKernelSelection.CanExecute).ToArray();

    public static IEnumerable<object[]> SetData => Sets.Select(s => new object[] { s });

    // 0, 1, primes, and sizes around MR (4, 6, 8, 12) and NR (4, 8, 16, 32) and the vector widths.
    private static readonly int[] SmallDims = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 15, 16, 17, 23, 24, 25, 31, 32, 33, 37, 47, 48, 49];

    private static double Threshold => 1.0;

    [Property(MaxTest = 250)]
    public void Random_shapes_layouts_scalars_and_kernel_sets_match_reference(int seed)
    {
        var rng = new Random(seed);
        int m = SmallDims[rng.Next(SmallDims.Length)], n = SmallDims[rng.Next(SmallDims.Length)], k = SmallDims[rng.Next(SmallDims.Length)];
        var set = Sets[rng.Next(Sets.Length)];
        double[] scalars = [0, 1, -1, 0.5, 2.5];
        double alpha = scalars[rng.Next(scalars.Length)], beta = scalars[rng.Next(scalars.Length)];
        var options = new GemmOptions { KernelSet = set, Threads = 1 + rng.Next(3) };
        if (rng.Next(2) == 0) Check<float>(rng, m, n, k, (float)alpha, (float)beta, options);
        else Check<double>(rng, m, n, k, alpha, beta, options);
    }

    [Theory]
    [MemberData(nameof(SetData))]
    public void Sizes_around_cache_blocks_match_reference(CpuKernelSet set)
    {
        var rng = new Random(7);
        var options = new GemmOptions { KernelSet = set };
        // KC is 128–512 and MC a few hundred rows: cross each boundary once in both types.
        foreach (var (m, n, k) in new[] { (3, 5, 513), (130, 7, 129), (675, 3, 5), (97, 601, 33), (19, 37, 385) })
        {
            Check<float>(rng, m, n, k, 1.5f, -0.5f, options);
            Check<double>(rng, m, n, k, -1.0, 2.0, options);
        }
    }

    private static void Check<T>(Random rng, int m, int n, int k, T alpha, T beta, GemmOptions options)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var a = Create<T>(rng, m, k, Layouts[rng.Next(Layouts.Length)]);
        var b = Create<T>(rng, k, n, Layouts[rng.Next(Layouts.Length)]);
        var c = Create<T>(rng, m, n, Layouts[rng.Next(Layouts.Length)]);
        if (beta == T.Zero && m * n > 0) c[rng.Next(m), rng.Next(n)] = T.NaN; // must not leak when β = 0
        var c0 = Snapshot(c);
        var aBefore = a.ToArray();
        var bBefore = b.ToArray();
        LinearAlgebra.Gemm(alpha, a, b, beta, c, options);
        double ratio = ErrorRatio(alpha, a, b, beta, c0, c);
        Assert.True(ratio < Threshold, $"{typeof(T).Name} {m}×{n}×{k} α={alpha} β={beta} set={options.KernelSet} threads={options.Threads}: ratio {ratio:G3}");
        Assert.Equal(aBefore, a.ToArray());
        Assert.Equal(bBefore, b.ToArray());
    }

    [Theory]
    [MemberData(nameof(SetData))]
    public void Span_api_all_orders_and_transposes_with_padded_leading_dimensions(CpuKernelSet set)
    {
        var rng = new Random(11);
        const int m = 29, n = 35, k = 19;
        foreach (var order in new[] { MatrixOrder.RowMajor, MatrixOrder.ColumnMajor })
            foreach (var ta in new[] { Transpose.None, Transpose.Transpose })
                foreach (var tb in new[] { Transpose.None, Transpose.Transpose })
                {
                    // Stored shapes and element accessors for each operand.
                    var (ar, ac) = ta == Transpose.None ? (m, k) : (k, m);
                    var (br, bc) = tb == Transpose.None ? (k, n) : (n, k);
                    int lda = (order == MatrixOrder.RowMajor ? ac : ar) + 3, ldb = (order == MatrixOrder.RowMajor ? bc : br) + 1;
                    int ldc = (order == MatrixOrder.RowMajor ? n : m) + 2;
                    var a = RandomArray(rng, lda * (order == MatrixOrder.RowMajor ? ar : ac));
                    var b = RandomArray(rng, ldb * (order == MatrixOrder.RowMajor ? br : bc));
                    var c = RandomArray(rng, ldc * (order == MatrixOrder.RowMajor ? m : n));
                    var c0 = (double[])c.Clone();
                    Linalg.Blas.Blas.Gemm(order, ta, tb, m, n, k, 0.75, a, lda, b, ldb, -1.25, c, ldc, new GemmOptions { KernelSet = set });
                    double At(double[] x, int ld, int i, int j) => order == MatrixOrder.RowMajor ? x[i * ld + j] : x[i + j * ld];
                    double OpA(int i, int p) => ta == Transpose.None ? At(a, lda, i, p) : At(a, lda, p, i);
                    double OpB(int p, int j) => tb == Transpose.None ? At(b, ldb, p, j) : At(b, ldb, j, p);
                    for (int i = 0; i < m; i++)
                        for (int j = 0; j < n; j++)
                        {
                            double s = 0, abs = 0;
                            for (int p = 0; p < k; p++) { s += OpA(i, p) * OpB(p, j); abs += Math.Abs(OpA(i, p) * OpB(p, j)); }
                            double expected = 0.75 * s - 1.25 * At(c0, ldc, i, j);
                            double bound = 2 * (k + 4) * Math.Pow(2, -53) * (0.75 * abs + 1.25 * Math.Abs(At(c0, ldc, i, j)));
                            Assert.True(Math.Abs(At(c, ldc, i, j) - expected) <= bound, $"{order} {ta} {tb} at ({i},{j})");
                        }
                    // Padding between rows/columns is untouched.
                    for (int idx = 0; idx < c.Length; idx++)
                    {
                        int inner = idx % ldc;
                        if (inner >= (order == MatrixOrder.RowMajor ? n : m)) Assert.Equal(c0[idx], c[idx]);
                    }
                }
    }

    private static double[] RandomArray(Random rng, int length) => Enumerable.Range(0, length).Select(_ => rng.NextDouble() * 2 - 1).ToArray();

    [Fact]
    public void Alpha_zero_and_k_zero_scale_C_without_reading_A_or_B()
    {
        var a = new float[6] { float.NaN, 1, 2, 3, 4, float.PositiveInfinity };
        var b = new float[6] { 1, 2, float.NaN, 4, 5, 6 };
        var c = new float[4] { 1, 2, 3, 4 };
        Linalg.Blas.Blas.Gemm(MatrixOrder.RowMajor, Transpose.None, Transpose.None, 2, 2, 3, 0f, a, 3, b, 2, 2f, c, 2);
        Assert.Equal([2f, 4, 6, 8], c);
        Linalg.Blas.Blas.Gemm(MatrixOrder.RowMajor, Transpose.None, Transpose.None, 2, 2, 0, 1f, [], 1, [], 2, 0f, c, 2);
        Assert.Equal([0f, 0, 0, 0], c);
        var cNaN = new double[] { double.NaN, double.NaN };
        Linalg.Blas.Blas.Gemm(MatrixOrder.RowMajor, Transpose.None, Transpose.None, 1, 2, 1, 0.0, [1.0], 1, [1.0, 2.0], 2, 0.0, cNaN, 2);
        Assert.Equal([0.0, 0.0], cNaN);
    }

    [Theory]
    [MemberData(nameof(SetData))]
    public void NaN_and_Inf_propagate_to_exactly_the_affected_rows(CpuKernelSet set)
    {
        var rng = new Random(5);
        var a = Create<double>(rng, 40, 30, Layout.RowMajor);
        var b = Create<double>(rng, 30, 50, Layout.RowMajor);
        a[7, 3] = double.NaN;
        a[20, 29] = double.PositiveInfinity;
        var c = LinearAlgebra.MatMul(a, b, new GemmOptions { KernelSet = set });
        for (int i = 0; i < 40; i++)
            for (int j = 0; j < 50; j++)
                Assert.Equal(i is 7 or 20, !double.IsFinite(c[i, j]));
    }

    [Theory]
    [MemberData(nameof(SetData))]
    public void Huge_and_tiny_scaling_keeps_relative_accuracy(CpuKernelSet set)
    {
        var rng = new Random(9);
        foreach (double scale in new[] { 1e-150, 1e150 })
        {
            var a = Create<double>(rng, 33, 21, Layout.RowMajor);
            var b = Create<double>(rng, 21, 17, Layout.ColumnMajor);
            var aScaled = NDArray.Multiply(a, NDArray.Scalar(scale));
            var c = new NDArray<double>(33, 17);
            LinearAlgebra.Gemm(1.0 / scale, aScaled, b, 0.0, c, new GemmOptions { KernelSet = set });
            Assert.True(ErrorRatio(1.0, a, b, 0.0, new double[33, 17], c) < 4, $"scale {scale}");
        }
    }

    [Fact]
    public void Results_are_bit_identical_for_1_2_and_3_threads()
    {
        var rng = new Random(3);
        // Row split, column split (few rows) and a shape that crosses KC and MC.
        foreach (var (m, n, k) in new[] { (301, 257, 411), (8, 3001, 700), (700, 40, 1030) })
        {
            var a = Create<float>(rng, m, k, Layout.RowMajor);
            var b = Create<float>(rng, k, n, Layout.ColumnMajor);
            float[]? first = null;
            foreach (int threads in new[] { 1, 2, 3 })
            {
                var c = LinearAlgebra.MatMul(a, b, new GemmOptions { Threads = threads }).ToArray();
                first ??= c;
                Assert.Equal(first, c);
            }
        }
    }

    [Fact]
    public async Task Concurrent_calls_from_many_threads_match_serial_results()
    {
        var rng = new Random(4);
        var inputs = Enumerable.Range(0, 12).Select(i => (A: Create<double>(rng, 90 + i, 70, Layout.RowMajor), B: Create<double>(rng, 70, 110 - i, Layout.RowMajor))).ToArray();
        var serial = inputs.Select(x => LinearAlgebra.MatMul(x.A, x.B).ToArray()).ToArray();
        for (int round = 0; round < 3; round++)
        {
            var results = await Task.WhenAll(inputs.Select(x => Task.Run(() => LinearAlgebra.MatMul(x.A, x.B).ToArray())));
            for (int i = 0; i < inputs.Length; i++) Assert.Equal(serial[i], results[i]);
        }
    }

    [Fact]
    public void Bad_input_gets_clear_errors()
    {
        var a = new NDArray<float>(3, 4);
        var b = new NDArray<float>(5, 2);
        var e = Assert.Throws<ArgumentException>(() => LinearAlgebra.MatMul(a, b));
        Assert.Contains("(3, 4)", e.Message);
        Assert.Contains("(5, 2)", e.Message);
        var c = new NDArray<float>(3, 2);
        Assert.Throws<ArgumentException>(() => LinearAlgebra.Gemm(1f, a, new NDArray<float>(4, 3), 0f, c));
        // Output aliasing an input.
        var sq = new NDArray<float>(4, 4);
        Assert.Contains("alias", Assert.Throws<ArgumentException>(() => LinearAlgebra.Gemm(1f, sq, sq, 0f, sq)).Message);
        // Broadcast output.
        var bc = new NDArray<float>(1, 2).BroadcastTo(3, 2);
        Assert.Throws<ArgumentException>(() => LinearAlgebra.Gemm(1f, a, new NDArray<float>(4, 2), 0f, bc));
        // Too-small buffers and leading dimensions.
        var msg = Assert.Throws<ArgumentException>(() => Linalg.Blas.Blas.Gemm(MatrixOrder.RowMajor, Transpose.None, Transpose.None,
            3, 3, 3, 1f, new float[8], 3, new float[9], 3, 0f, new float[9], 3)).Message;
        Assert.Contains("A has 8 elements", msg);
        Assert.Throws<ArgumentException>(() => Linalg.Blas.Blas.Gemm(MatrixOrder.RowMajor, Transpose.None, Transpose.None,
            3, 3, 3, 1f, new float[9], 2, new float[9], 3, 0f, new float[9], 3));
        var buf = new float[20];
        Assert.Throws<ArgumentException>(() => Linalg.Blas.Blas.Gemm(MatrixOrder.RowMajor, Transpose.None, Transpose.None,
            2, 2, 2, 1f, buf.AsSpan(0, 4), 2, buf.AsSpan(8, 4), 2, 0f, buf.AsSpan(2, 4), 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Linalg.Blas.Blas.Gemm<float>(-1, 2, 2, [], [], []));
    }

    [Fact]
    public void Forcing_a_kernel_set_the_machine_cannot_run_is_rejected()
    {
        foreach (var set in Enum.GetValues<CpuKernelSet>().Where(s => !Sets.Contains(s)))
            Assert.Throws<NotSupportedException>(() => LinearAlgebra.MatMul(new NDArray<float>(2, 2), new NDArray<float>(2, 2), new GemmOptions { KernelSet = set }));
    }
}

/// <summary>Runs alone (no other test allocating in parallel), so the process-wide allocation count is ours.</summary>
[CollectionDefinition(nameof(AllocationSensitive), DisableParallelization = true)]
public class AllocationSensitive;

[Collection(nameof(AllocationSensitive))]
public class GemmAllocationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Steady_state_calls_with_a_workspace_allocate_nothing(int threads)
    {
        const int m = 200, n = 150, k = 300;
        var a = new float[m * k];
        var b = new float[k * n];
        var c = new float[m * n];
        a.AsSpan().Fill(0.5f);
        b.AsSpan().Fill(0.25f);
        var options = new GemmOptions { Threads = threads, Workspace = new GemmWorkspace() };
        for (int i = 0; i < 3; i++) Linalg.Blas.Blas.Gemm<float>(m, n, k, a, b, c, options); // warm up: JIT, pools, workers
        // The counter is process-wide, so a background thread (thread pool, timers left by earlier tests) can add a
        // stray allocation to one attempt; a per-call allocation shows in every attempt, so the minimum decides.
        long allocated = long.MaxValue;
        for (int attempt = 0; attempt < 3 && allocated > 0; attempt++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            for (int i = 0; i < 10; i++) Linalg.Blas.Blas.Gemm<float>(m, n, k, a, b, c, options);
            allocated = Math.Min(allocated, GC.GetTotalAllocatedBytes(precise: true) - before);
        }
        Assert.True(allocated / 10 < 64, $"{allocated} bytes allocated in 10 calls");
        Assert.Equal(0.5f * 0.25f * k, c[0]);
    }
}

public class GemmNestedTests
{
    private sealed class NestedGemmJob(float[] a, float[] b, float[][] c, int m, int n, int k) : Kernels.Backends.Cpu.Scheduling.IParallelJob
    {
        public void Begin(int parts) { }

        // Each part asks for 2 threads with a fresh workspace; inside a region the pool grants one part, so the
        // driver must size its buffers for the parts it actually got, not the threads it asked for.
        public void Execute(int part, int parts) =>
            Linalg.Blas.Blas.Gemm<float>(m, n, k, a, b, c[part], new GemmOptions { Threads = 2, Workspace = new GemmWorkspace() });
    }

    [Fact]
    public void Calls_nested_in_a_parallel_region_run_with_fewer_parts_and_match_a_lone_call()
    {
        const int m = 300, n = 280, k = 260; // enough rows for a row split with a shared B panel
        var rng = new Random(8);
        var a = Enumerable.Range(0, m * k).Select(_ => (float)rng.NextDouble()).ToArray();
        var b = Enumerable.Range(0, k * n).Select(_ => (float)rng.NextDouble()).ToArray();
        var expected = new float[m * n];
        Linalg.Blas.Blas.Gemm<float>(m, n, k, a, b, expected, new GemmOptions { Threads = 1 });
        var c = new[] { new float[m * n], new float[m * n] };
        // The region itself may get one part when other tests hold the workers; part 0 always runs nested.
        int parts = Kernels.Backends.Cpu.Scheduling.CpuWorkerPool.Run(new NestedGemmJob(a, b, c, m, n, k), 2);
        for (int p = 0; p < parts; p++) Assert.Equal(expected, c[p]);
    }
}
