using Kernels.Devices;
using Kernels.Devices.Algorithms;
using Kernels.Linalg.Solvers;
using Kernels.Ops.Transport;
using Kernels.Tensors;
using Xunit;

namespace Kernels.Tests.Devices;

/// <summary>Algorithms written once against the contract, on every device, against the library's CPU routines.</summary>
[Collection("Devices")]
public sealed class DeviceAlgorithmTests
{
    public static IEnumerable<object[]> Devices => DevicesUnderTest.Ids;

    [Theory, MemberData(nameof(Devices))]
    public void Conjugate_gradient_on_the_device_solves_Poisson_like_the_host_solver(string id)
    {
        var device = DevicesUnderTest.Get(id);
        int side = 12, n = side * side;
        var random = new Random(21);
        var b = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        var host = ConjugateGradient.Solve(new PoissonStencil<double>(side), b, options: new IterativeSolverOptions<double> { RelativeTolerance = 1e-10 });

        using var db = device.Upload<double>(b);
        foreach (IDeviceOperator<double> op in new IDeviceOperator<double>[] { new DevicePoissonOperator<double>(side) })
        {
            using var dx = device.Allocate<double>(n);
            device.Fill(dx, 0.0);
            var result = DeviceConjugateGradient.Solve(device, op, db, dx, tolerance: 1e-10);
            Assert.True(result.Converged, $"{id}: {result}");
            Assert.InRange(result.Iterations, host.Iterations - 2, host.Iterations + 2);
            var x = dx.ToArray();
            var residual = new double[n];
            new PoissonStencil<double>(side).Apply(x, residual);
            double r = Math.Sqrt(residual.Select((v, i) => (b[i] - v) * (b[i] - v)).Sum()), bn = Math.Sqrt(b.Sum(v => v * v));
            Assert.True(r / bn < 1e-9, $"{id}: true residual {r / bn}");
        }

        using var matrix = new DeviceCsrMatrix<double>(device, CsrMatrix.Poisson2D<double>(side));
        using var xs = device.Allocate<double>(n);
        device.Fill(xs, 0.0);
        var csr = DeviceConjugateGradient.Solve(device, new DeviceCsrOperator<double>(matrix), db, xs, tolerance: 1e-10);
        Assert.True(csr.Converged);
        Assert.InRange(csr.Iterations, host.Iterations - 2, host.Iterations + 2);

        // Indefinite operator: a clear error, not garbage.
        using var negated = new DeviceCsrMatrix<double>(device, NegatedPoisson(side));
        device.Fill(xs, 0.0);
        var error = Assert.Throws<ArithmeticException>(() => DeviceConjugateGradient.Solve(device, new DeviceCsrOperator<double>(negated), db, xs));
        Assert.Contains("not positive definite", error.Message, StringComparison.Ordinal);
    }

    private static CsrMatrix<double> NegatedPoisson(int side)
    {
        var p = CsrMatrix.Poisson2D<double>(side);
        return new CsrMatrix<double>(p.Rows, p.Columns, p.RowPointers.ToArray(), p.ColumnIndices.ToArray(), [.. p.Values.ToArray().Select(v => -v)]);
    }

    [Theory, MemberData(nameof(Devices))]
    public void Sliced_Wasserstein_on_the_device_equals_the_CPU_routine(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var random = new Random(22);
        foreach (var (n, d, projections, p) in new[] { (1, 1, 1, 2.0), (37, 3, 20, 2.0), (100, 5, 7, 1.0), (64, 2, 9, 1.5) })
        {
            var x = Enumerable.Range(0, n * d).Select(_ => random.NextDouble()).ToArray();
            var y = Enumerable.Range(0, n * d).Select(_ => random.NextDouble() + 0.3).ToArray();
            var theta = Enumerable.Range(0, d * projections).Select(_ => random.NextDouble() - 0.5).ToArray();
            for (int j = 0; j < projections; j++)
            {
                double norm = Math.Sqrt(Enumerable.Range(0, d).Sum(i => theta[i * projections + j] * theta[i * projections + j]));
                for (int i = 0; i < d; i++) theta[i * projections + j] /= norm;
            }
            var cpu = SlicedWasserstein.Compute(NDArray.FromArray(x, n, d), NDArray.FromArray(y, n, d),
                new SlicedWassersteinOptions<double> { Projections = NDArray.FromArray(theta, d, projections), P = p });
            using var dx = device.Upload<double>(x);
            using var dy = device.Upload<double>(y);
            using var dt = device.Upload<double>(theta);
            var result = DeviceSlicedWasserstein.Compute(device, dx, dy, dt, n, d, projections, p);
            Assert.True(Math.Abs(result.Distance - cpu.Distance) <= 1e-12 * cpu.Distance, $"{id} SW: {result.Distance} vs {cpu.Distance}");
            var costs = cpu.ProjectedCosts.ToArray();
            for (int j = 0; j < projections; j++) Assert.True(Math.Abs(result.Projected[j] - costs[j]) <= 1e-12 * Math.Max(costs[j], 1e-300) + 1e-300, $"{id} direction {j}");
        }
    }
}

/// <summary>The contract's CPU fallback, its policy, and the catalog.</summary>
[Collection("Devices")]
public sealed class DeviceFallbackAndCatalogTests
{
    /// <summary>A device with buffers and no kernels at all: every primitive must go through the fallback.</summary>
    private sealed class BuffersOnlyDevice(FallbackPolicy policy) : ComputeDevice(policy)
    {
        public override DeviceInfo Info { get; } = new("buffers-only", "test device without kernels", DeviceKind.Cpu, 1L << 30, "none", false, DevicePrimitives.None);
        protected override DeviceBuffer<T> AllocateCore<T>(long length) => new HostArrayBuffer<T>(this, length);
        public override void Synchronize() { }
    }

    private sealed class HostArrayBuffer<T>(ComputeDevice device, long length) : DeviceBuffer<T>(device, length) where T : unmanaged
    {
        private readonly T[] _data = new T[length];
        protected override void CopyFromHost(ReadOnlySpan<T> source, long offset, DeviceStream stream) => source.CopyTo(_data.AsSpan((int)offset));
        protected override void CopyToHost(Span<T> destination, long offset, DeviceStream stream) => _data.AsSpan((int)offset, destination.Length).CopyTo(destination);
        protected override void Release() { }
    }

    [Fact]
    public void A_device_without_kernels_computes_every_primitive_through_the_counted_fallback()
    {
        using var device = new BuffersOnlyDevice(FallbackPolicy.CopyToCpu);
        using var a = device.Upload<double>([1, 2, 3, 4, 5, 6]);
        using var b = device.Upload<double>([1, 0, 0, 1, 1, 1]);
        using var c = device.Allocate<double>(4);
        device.Gemm(false, false, 2, 2, 3, 1.0, a, b, 0.0, c);     // [1 2 3; 4 5 6]·[1 0; 0 1; 1 1]
        Assert.Equal([4.0, 5, 10, 11], c.ToArray());
        Assert.Equal(21.0, device.Reduce(ReduceOperation.Sum, a));
        using var keys = device.Upload<double>([3, 1, 2]);
        using var order = device.Allocate<int>(3);
        device.SortRows(1, 3, keys, order);
        Assert.Equal([1.0, 2, 3], keys.ToArray());
        Assert.Equal([1, 2, 0], order.ToArray());
        var stats = device.Statistics;
        Assert.Equal(3, stats.FallbackCalls);
        // GEMM reads A and B (C is not read when β = 0) and writes C; the sum reads A; the sort reads the keys and
        // writes keys and indices.
        Assert.Equal((6 + 6 + 4) * 8 + 6 * 8 + (3 + 3) * 8 + 3 * 4, stats.FallbackBytesCopied);
        Assert.Equal(5, stats.LiveBuffers);
    }

    [Fact]
    public void The_selective_scan_falls_back_with_its_copies_counted_and_the_cpu_result()
    {
        var shape = new SelectiveScanShape(1, 3, 2, 2);
        double[] u = [1, -1, 0.5, 2, -0.5, 1], delta = [0.1, 0.2, 0.3, 0.1, 0.2, 0.3], a = [-1, -2, -0.5, -1.5], bc = [1, 0.5, -1, 2, 0.25, 1];
        using var device = new BuffersOnlyDevice(FallbackPolicy.CopyToCpu);
        var cpu = DevicesUnderTest.Get("cpu");
        double[] Run(ComputeDevice d, out double[] final)
        {
            using var du = d.Upload<double>(u); using var dd = d.Upload<double>(delta); using var da = d.Upload<double>(a);
            using var db = d.Upload<double>(bc); using var dc = d.Upload<double>(bc);
            using var y = d.Allocate<double>(6); using var f = d.Allocate<double>(4);
            d.SelectiveScan(shape, du, dd, da, db, dc, null, null, null, false, y, f);
            final = f.ToArray();
            return y.ToArray();
        }
        Assert.Equal(Run(cpu, out var cpuFinal), Run(device, out var fallbackFinal));
        Assert.Equal(cpuFinal, fallbackFinal);
        Assert.Equal(1, device.Statistics.FallbackCalls);
        // Reads u, Δ, A, B, C; writes y and the final state.
        Assert.Equal((6 + 6 + 4 + 6 + 6) * 8 + (6 + 4) * 8, device.Statistics.FallbackBytesCopied);
    }

    [Fact]
    public void The_fallback_of_a_strided_gemm_keeps_the_gaps_between_the_rows_and_matrices_of_c()
    {
        using var device = new BuffersOnlyDevice(FallbackPolicy.CopyToCpu);
        var native = DevicesUnderTest.Get("cpu");
        double[] Run(ComputeDevice d)
        {
            using var a = d.Upload<double>([1, 2, 3, 4, 5, 6]);            // one 2×3 A for both products (batch stride 0)
            using var b = d.Upload<double>([1, 0, 0, 1, 1, 1, 2, 0, 0, 2, 2, 2]);
            using var c = d.Upload<double>([.. Enumerable.Repeat(-1.0, 16)]);
            // C: offset 1, rows 3 apart, matrices 7 apart; β = 0, so C is not read — but its gaps must survive.
            d.StridedBatchedGemm(2, false, false, 2, 2, 3, 1.0, a, new MatrixLayout(0, 3, 0), b, MatrixLayout.Dense(3, 2), 0.0, c, new MatrixLayout(1, 3, 7));
            return c.ToArray();
        }
        var expected = Run(native);
        Assert.Equal([-1.0, 4, 5, -1, 10, 11, -1, -1, 8, 10, -1, 20, 22, -1, -1, -1], expected);
        Assert.Equal(expected, Run(device));
        // C is read whole (its layout has gaps) and its span, elements 1…12, copied back.
        Assert.Equal((6 + 12 + 16 + 12) * 8, device.Statistics.FallbackBytesCopied);
    }

    [Fact]
    public void The_fallback_of_a_strided_copy_leaves_the_destination_elements_it_does_not_reach()
    {
        using var device = new BuffersOnlyDevice(FallbackPolicy.CopyToCpu);
        using var x = device.Upload<double>([1, 2, 3, 4, 5, 6]);   // 2×3
        using var y = device.Upload<double>([.. Enumerable.Repeat(-1.0, 10)]);
        // xᵀ (3×2) into y from element 1 with rows 3 apart.
        device.CopyStrided([3, 2], x, 0, [1, 3], y, 1, [3, 1]);
        Assert.Equal([-1.0, 1, 4, -1, 2, 5, -1, 3, 6, -1], y.ToArray());
        Assert.Equal(1, device.Statistics.FallbackCalls);
        // Reads x and all of y (for the gaps), writes back y's span, elements 1…8.
        Assert.Equal((6 + 10 + 8) * 8, device.Statistics.FallbackBytesCopied);
        Assert.Throws<DeviceCapabilityException>(() =>
        {
            using var strict = new BuffersOnlyDevice(FallbackPolicy.Throw);
            using var a = strict.Upload<double>([1, 2]);
            using var b = strict.Allocate<double>(2);
            strict.CopyStrided([2], a, 1, [-1], b, 0, [1]);
        });
    }

    [Fact]
    public void The_fallback_leaves_the_tail_of_a_longer_output_buffer_as_native_kernels_do()
    {
        using var device = new BuffersOnlyDevice(FallbackPolicy.CopyToCpu);
        var native = DevicesUnderTest.Get("cpu");
        double[] Run(ComputeDevice d)
        {
            using var a = d.Upload<double>([1, 2, 3, 4, 5, 6]);
            using var b = d.Upload<double>([1, 0, 0, 1, 1, 1]);
            using var c = d.Upload<double>([9, 9, 9, 9, -7, -8]);   // 2×2 result, two extra elements
            d.Gemm(false, false, 2, 2, 3, 1.0, a, b, 0.0, c);
            using var t = d.Upload<double>([5, 5, 5, 5, 5, 5, 5, 3]);   // 2×3 transpose, two extra
            d.Transpose(2, 3, a, t);
            return [.. c.ToArray(), .. t.ToArray()];
        }
        var expected = Run(native);
        Assert.Equal([4.0, 5, 10, 11, -7, -8, 1, 4, 2, 5, 3, 6, 5, 3], expected);
        Assert.Equal(expected, Run(device));
        // Only the written elements travel back: GEMM reads A, B and writes 4; the transpose reads A and writes 6.
        Assert.Equal((6 + 6 + 4 + 6 + 6) * 8, device.Statistics.FallbackBytesCopied);
    }

    [Fact]
    public void The_throw_policy_names_the_missing_primitive()
    {
        using var device = new BuffersOnlyDevice(FallbackPolicy.Throw);
        using var a = device.Upload<float>([1, 2]);
        var error = Assert.Throws<DeviceCapabilityException>(() => device.Map(UnaryOperation.Exp, a, a));
        Assert.Contains("no native Exp", error.Message, StringComparison.Ordinal);
        using var d = device.Upload<double>([1, 2]);
        var fp64 = Assert.Throws<DeviceCapabilityException>(() => device.Reduce(ReduceOperation.Sum, d));
        Assert.Contains("no double precision", fp64.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalog_opens_by_id_kind_or_environment_and_lists_what_exists()
    {
        var catalog = DevicesUnderTest.Catalog;
        Assert.Contains(catalog.Devices, d => d.Id == "cpu");
        using (var cpu = catalog.Open("CPU")) Assert.Equal(DeviceKind.Cpu, cpu.Info.Kind);
        using (var best = catalog.Open()) Assert.NotEqual(DeviceKind.IlgpuCpu, best.Info.Kind);
        var error = Assert.Throws<DeviceCapabilityException>(() => catalog.Open("tpu:3"));
        Assert.Contains("No device 'tpu:3'", error.Message, StringComparison.Ordinal);
        Assert.Contains("cpu", error.Message, StringComparison.Ordinal);
        var device = catalog.Open("cpu");
        device.Dispose();
        device.Dispose();   // twice is harmless
        Assert.Throws<ObjectDisposedException>(() => device.Allocate<float>(1));
    }
}

/// <summary>Randomized SVD with A on the device, against the dense SVD.</summary>
[Collection("Devices")]
public sealed class DeviceRandomizedSvdTests
{
    public static IEnumerable<object[]> Devices => DevicesUnderTest.Ids;

    [Theory, MemberData(nameof(Devices))]
    public void Recovers_a_low_rank_matrix_and_the_leading_singular_values(string id)
    {
        var device = DevicesUnderTest.Get(id);
        const int m = 60, n = 40, rank = 5;
        // A = L·R with geometric singular decay and rank 8: the rank-5 approximation must carry the top 5 values.
        var left = NDArray.RandomNormal(41UL, 0.0, 1.0, m, 8);
        var right = NDArray.RandomNormal(42UL, 0.0, 1.0, 8, n);
        for (int j = 0; j < 8; j++) for (int i = 0; i < m; i++) left[i, j] *= Math.Pow(0.1, j);
        var a = Kernels.Linalg.LinearAlgebra.MatMul(left, right);
        var exact = Kernels.Linalg.LinearAlgebra.Svd(a);
        using var da = device.Upload<double>(a.AsSpan());
        var result = DeviceRandomizedSvd.Compute(device, da, m, n, rank, oversampling: 5, powerIterations: 2, seed: 3);
        Assert.Equal([m, rank], result.U.Shape.ToArray());
        Assert.Equal([rank, n], result.Vt.Shape.ToArray());
        for (int i = 0; i < rank; i++)
            Assert.True(Math.Abs(result.S[i] - exact.S[i]) <= 1e-10 * exact.S[0], $"{id} σ{i}: {result.S[i]} vs {exact.S[i]}");
        // Orthonormal factors: ‖UᵀU − I‖ / (k·ε) small.
        var utu = Kernels.Linalg.LinearAlgebra.MatMul(result.U.Transpose(), result.U);
        for (int i = 0; i < rank; i++)
            for (int j = 0; j < rank; j++)
                Assert.True(Math.Abs(utu[i, j] - (i == j ? 1 : 0)) / (rank * m * Math.Pow(2, -52)) < 30, $"{id} UᵀU[{i},{j}]");
        // With rank 8 = oversampled size, a rank-8 run reconstructs A to rounding.
        var full = DeviceRandomizedSvd.Compute(device, da, m, n, 8, oversampling: 2, powerIterations: 1, seed: 4);
        var us = full.U.Copy();
        for (int i = 0; i < m; i++) for (int j = 0; j < 8; j++) us[i, j] *= full.S[j];
        var back = Kernels.Linalg.LinearAlgebra.MatMul(us, full.Vt);
        double error = 0, norm = 0;
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) { error = Math.Max(error, Math.Abs(back[i, j] - a[i, j])); norm = Math.Max(norm, Math.Abs(a[i, j])); }
        Assert.True(error / (norm * Math.Max(m, n) * Math.Pow(2, -52)) < 30, $"{id} reconstruction ratio {error / (norm * Math.Max(m, n) * Math.Pow(2, -52))}");
        Assert.Throws<ArgumentException>(() => DeviceRandomizedSvd.Compute(device, da, m, n, 0));
    }
}
