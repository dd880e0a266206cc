using Kernels.Devices;
using Kernels.Linalg.Solvers;
using Xunit;

namespace Kernels.Tests.Devices;

/// <summary>
/// The cross-backend suite: every primitive of the device contract on every device present, against plain scalar
/// references (in double) with LAPACK-style scaled bounds, and the CPU device's results where the definition is
/// exact. Sizes cover 0 and 1, odd sizes around the GPU tile and group sizes, and both element types.
/// </summary>
[Collection("Devices")]
public sealed class DeviceContractTests
{
    public static IEnumerable<object[]> Devices => DevicesUnderTest.Ids;

    internal static double[] RandomData(Random random, int n, double scale = 1) => [.. Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2 - 1) * scale)];

    private static float[] F(double[] x) => [.. x.Select(v => (float)v)];

    internal static double Eps<T>() => typeof(T) == typeof(float) ? Math.Pow(2, -24) : Math.Pow(2, -53);

    internal static T[] Cast<T>(double[] x) where T : unmanaged => typeof(T) == typeof(float) ? (T[])(object)F(x) : (T[])(object)x;

    internal static double D<T>(T v) where T : unmanaged => typeof(T) == typeof(float) ? (float)(object)v : (double)(object)v;

    // ------------------------------------------------------------- element-wise

    [Theory, MemberData(nameof(Devices))]
    public void Unary_operations_match_the_scalar_definitions(string id)
    {
        Unary<float>(id);
        Unary<double>(id);
    }

    private static void Unary<T>(string id) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var device = DevicesUnderTest.Get(id);
        var random = new Random(5);
        var failures = new List<string>();   // every operation is checked before failing, so one run shows them all
        foreach (int n in new[] { 0, 1, 7, 33, 257 })
        {
            var host = Cast<T>(RandomData(random, n, 6));
            if (n > 3) { host[0] = T.Zero; host[1] = -T.Zero; host[2] = T.NaN; }
            using var x = device.Upload<T>(host);
            using var y = device.Allocate<T>(n);
            foreach (UnaryOperation op in Enum.GetValues<UnaryOperation>())
            {
                device.Map(op, x, y);
                var got = y.ToArray();
                for (int i = 0; i < n; i++)
                {
                    double v = D(host[i]);
                    double expected = op switch
                    {
                        UnaryOperation.Negate => -v,
                        UnaryOperation.Abs => Math.Abs(v),
                        UnaryOperation.Sqrt => Math.Sqrt(v),
                        UnaryOperation.Square => v * v,
                        UnaryOperation.Exp => Math.Exp(v),
                        UnaryOperation.Log => Math.Log(v),
                        UnaryOperation.Tanh => Math.Tanh(v),
                        UnaryOperation.Sigmoid => 1 / (1 + Math.Exp(-v)),
                        _ => v / (1 + Math.Exp(-v)),
                    };
                    double actual = D(got[i]);
                    bool ok = double.IsNaN(expected) ? double.IsNaN(actual)
                        : double.IsInfinity(expected) ? actual == expected
                        : expected == 0 ? actual == 0 && double.IsNegative(actual) == double.IsNegative(expected)   // tanh(−0) = −0
                        : Math.Abs(actual - expected) <= 8 * Eps<T>() * Math.Abs(expected) + 1e-300;
                    if (!ok)
                        failures.Add($"{id} {typeof(T).Name} {op}({v}) = {actual}, expected {expected} (error {Math.Abs(actual - expected) / (Eps<T>() * Math.Abs(expected)):0.#} ε)");
                }
            }
            Assert.Equal(host, x.ToArray());   // input unchanged
        }
        Assert.True(failures.Count == 0, $"{failures.Count} results off:\n" + string.Join("\n", failures.Take(30)));
    }

    [Theory, MemberData(nameof(Devices))]
    public void Exp_is_within_a_few_ulp_over_its_whole_range_with_overflow_and_subnormal_results(string id)
    {
        var device = DevicesUnderTest.Get(id);
        // double: the device's own exp (2 ulp, as the CPU's); float: the backend's (OpenCL allows 3 ulp).
        double[] wide = [-746, -745.2, -744, -740, -720, -708.4, -700, -100, -20, -1, -1e-300, -0.0, 0, 1e-10, 0.5, 1, 20, 88.5, 300,
            709.7, 709.8, 710, 1e308, double.PositiveInfinity, double.NegativeInfinity, double.NaN];
        using (var x = device.Upload<double>(wide))
        using (var y = device.Allocate<double>(wide.Length))
        {
            device.Map(UnaryOperation.Exp, x, y);
            var got = y.ToArray();
            for (int i = 0; i < wide.Length; i++) AssertUlp(Math.Exp(wide[i]), got[i], 2, $"{id} exp({wide[i]})");
        }
        float[] narrow = [-104, -103.5f, -100, -90, -87.5f, -20, -1, -1e-30f, -0f, 0, 1e-10f, 0.5f, 1, 20, 88, 88.7f, 89, 1e30f,
            float.PositiveInfinity, float.NegativeInfinity, float.NaN];
        using (var x = device.Upload<float>(narrow))
        using (var y = device.Allocate<float>(narrow.Length))
        {
            device.Map(UnaryOperation.Exp, x, y);
            var got = y.ToArray();
            for (int i = 0; i < narrow.Length; i++) AssertUlp(MathF.Exp(narrow[i]), got[i], 4, $"{id} expf({narrow[i]})");
        }
        // Dense sweeps over the whole finite range (normal and subnormal results), judged against the correctly
        // rounded value: the device's own exp in both types now (3 ulp float, 2 double).
        var random = new Random(81);
        var denseFloat = Enumerable.Range(0, 4000).Select(_ => (float)(random.NextDouble() * 193 - 104)).ToArray();
        using (var x = device.Upload<float>(denseFloat))
        using (var y = device.Allocate<float>(denseFloat.Length))
        {
            device.Map(UnaryOperation.Exp, x, y);
            var got = y.ToArray();
            for (int i = 0; i < denseFloat.Length; i++) AssertUlp((float)Math.Exp(denseFloat[i]), got[i], 3, $"{id} expf({denseFloat[i]:R})");
        }
        var denseDouble = Enumerable.Range(0, 4000).Select(_ => random.NextDouble() * 1455 - 745).ToArray();
        using (var x = device.Upload<double>(denseDouble))
        using (var y = device.Allocate<double>(denseDouble.Length))
        {
            device.Map(UnaryOperation.Exp, x, y);
            var got = y.ToArray();
            for (int i = 0; i < denseDouble.Length; i++) AssertUlp(Math.Exp(denseDouble[i]), got[i], 2, $"{id} exp({denseDouble[i]:R})");
        }
    }

    [Theory, MemberData(nameof(Devices))]
    public void Power_of_single_differences_is_within_a_few_ulp_of_pow(string id)
    {
        // One column and y = 0: each row's distance is |x|ᵖ itself, so this checks the device's pow element by element
        // (p = 1 and 2 take other paths). Bases from subnormal to huge, exponents that overflow and underflow.
        var device = DevicesUnderTest.Get(id);
        var random = new Random(82);
        double[] special = [0, -0.0, 1, -1, 2, 0.5, 1 + 1e-15, 1 - 1e-16, 4.9e-324, 1e-310, 2.2250738585072014e-308, 1e-300, 1e300,
            1.7976931348623157e308, double.PositiveInfinity, double.NaN];
        var bases = special.Concat(Enumerable.Range(0, 600).Select(_ => Math.Pow(10, random.NextDouble() * 40 - 20) * (random.Next(2) == 0 ? -1 : 1))).ToArray();
        foreach (double p in new[] { 1.5, 3, 1.0000001, 7.3, 40, 250.5 })
        {
            var got = Powers<double>(device, bases, p);
            for (int i = 0; i < bases.Length; i++)
            {
                double expected = Math.Pow(Math.Abs(bases[i]), p);
                if (double.IsNaN(expected) || double.IsInfinity(expected) || expected == 0 || expected < 1e-300) Assert.True(expected.Equals(got[i]) || (expected < 1e-300 && Math.Abs(got[i] - expected) <= 1e-323 + 4e-16 * expected), $"{id} |{bases[i]:R}|^{p} = {got[i]:R}, expected {expected:R}");
                else AssertUlp(expected, got[i], 4, $"{id} |{bases[i]:R}|^{p}");   // 3 ulp the most seen in 10⁵ samples
            }
            var floats = bases.Select(b => (float)b).ToArray();
            var gotFloat = Powers<float>(device, floats, (float)p);
            for (int i = 0; i < floats.Length; i++)
            {
                float expected = (float)Math.Pow(Math.Abs((double)floats[i]), (float)p);
                if (float.IsNaN(expected) || float.IsInfinity(expected) || expected == 0) Assert.True(expected.Equals(gotFloat[i]) || Math.Abs(gotFloat[i] - expected) <= 1.5e-45f, $"{id} |{floats[i]:R}|^{(float)p} = {gotFloat[i]:R}, expected {expected:R}");
                else AssertUlp(expected, gotFloat[i], 1, $"{id} float |{floats[i]:R}|^{(float)p}");
            }
        }
    }

    private static T[] Powers<T>(ComputeDevice device, T[] bases, T p) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        using var x = device.Upload<T>(bases);
        using var y = device.Upload<T>(new T[bases.Length]);
        using var r = device.Allocate<T>(bases.Length);
        device.RowPowerDistances(bases.Length, 1, x, y, p, r);
        return r.ToArray();
    }

    private static void AssertUlp(double expected, double actual, int ulps, string what)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected) || expected == 0)
        {
            Assert.True(expected.Equals(actual), $"{what} = {actual}, expected {expected}");
            return;
        }
        double ulp = Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected);
        Assert.True(Math.Abs(actual - expected) <= ulps * ulp, $"{what} = {actual:R}, expected {expected:R} ({Math.Abs(actual - expected) / ulp:0.#} ulp)");
    }

    private static void AssertUlp(float expected, float actual, int ulps, string what)
    {
        if (float.IsNaN(expected) || float.IsInfinity(expected) || expected == 0)
        {
            Assert.True(expected.Equals(actual), $"{what} = {actual}, expected {expected}");
            return;
        }
        float ulp = MathF.BitIncrement(MathF.Abs(expected)) - MathF.Abs(expected);
        Assert.True(Math.Abs((double)actual - expected) <= ulps * (double)ulp, $"{what} = {actual:R}, expected {expected:R} ({Math.Abs((double)actual - expected) / ulp:0.#} ulp)");
    }

    [Theory, MemberData(nameof(Devices))]
    public void Binary_operations_are_exact_and_min_max_follow_IEEE_754_2019(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var random = new Random(6);
        double[] a = [.. RandomData(random, 61), 0.0, -0.0, double.NaN, 1, double.PositiveInfinity];
        double[] b = [.. RandomData(random, 61), -0.0, 0.0, 1, double.NaN, 3];
        using var x = device.Upload<double>(a);
        using var y = device.Upload<double>(b);
        using var z = device.Allocate<double>(a.Length);
        foreach (BinaryOperation op in Enum.GetValues<BinaryOperation>())
        {
            device.Zip(op, x, y, z);
            var got = z.ToArray();
            for (int i = 0; i < a.Length; i++)
            {
                double expected = op switch
                {
                    BinaryOperation.Add => a[i] + b[i],
                    BinaryOperation.Subtract => a[i] - b[i],
                    BinaryOperation.Multiply => a[i] * b[i],
                    BinaryOperation.Divide => a[i] / b[i],
                    BinaryOperation.Minimum => Math.Min(a[i], b[i]),
                    _ => Math.Max(a[i], b[i]),
                };
                Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(got[i]) || (double.IsNaN(expected) && double.IsNaN(got[i])),
                    $"{id} {op}({a[i]}, {b[i]}) = {got[i]}, expected {expected}");
            }
        }
    }

    [Theory, MemberData(nameof(Devices))]
    public void Axpby_fill_and_copy(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var random = new Random(7);
        var a = RandomData(random, 301);
        var b = RandomData(random, 301);
        b[5] = double.NaN;
        using var x = device.Upload<double>(a);
        using var y = device.Upload<double>(b);
        device.Axpby(2.5, x, 0.0, y);   // β = 0 must not read the NaN
        Assert.All(y.ToArray().Zip(a), p => Assert.Equal(2.5 * p.Second, p.First));
        y.CopyFrom(b);
        device.Axpby(-1.5, x, 0.25, y);
        var got = y.ToArray();
        for (int i = 0; i < a.Length; i++)
        {
            if (i == 5) { Assert.True(double.IsNaN(got[i])); continue; }
            Assert.True(Math.Abs(got[i] - (-1.5 * a[i] + 0.25 * b[i])) <= 4 * Eps<double>() * (1.5 * Math.Abs(a[i]) + 0.25 * Math.Abs(b[i])));
        }
        device.Fill(y, 3.0);
        Assert.All(y.ToArray(), v => Assert.Equal(3.0, v));
        device.Copy(x, y);
        Assert.Equal(a, y.ToArray());
    }

    // ------------------------------------------------------------- reductions

    [Theory, MemberData(nameof(Devices))]
    public void Reductions_agree_with_a_double_reference_within_n_epsilon(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var random = new Random(8);
        foreach (int n in new[] { 0, 1, 2, 255, 256, 257, 1000, 70_001 })
        {
            var data = RandomData(random, n, 3);
            var single = F(data);
            using var xs = device.Upload<float>(single);
            using var xd = device.Upload<double>(data);
            double sumAbs = data.Sum(Math.Abs), sumSq = data.Sum(v => v * v);
            Assert.True(Math.Abs(device.Reduce(ReduceOperation.Sum, xd) - data.Sum()) <= (n + 1) * Eps<double>() * sumAbs + 1e-300, $"{id} sum n={n}");
            Assert.True(Math.Abs(device.Reduce(ReduceOperation.Sum, xs) - single.Sum(v => (double)v)) <= (n + 1) * Eps<float>() * sumAbs + 1e-30, $"{id} float sum n={n}");
            Assert.True(Math.Abs(device.Reduce(ReduceOperation.SumOfSquares, xd) - sumSq) <= (n + 1) * Eps<double>() * sumSq + 1e-300, $"{id} sumsq n={n}");
            Assert.True(Math.Abs(device.Dot(xd, xd) - sumSq) <= (n + 1) * Eps<double>() * sumSq + 1e-300, $"{id} dot n={n}");
            if (n > 0)
            {
                Assert.Equal(data.Min(), device.Reduce(ReduceOperation.Min, xd));
                Assert.Equal(data.Max(), device.Reduce(ReduceOperation.Max, xd));
                Assert.Equal(single.Max(), device.Reduce(ReduceOperation.Max, xs));
            }
            else
            {
                Assert.Equal(0.0, device.Reduce(ReduceOperation.Sum, xd));
                var error = Assert.Throws<ArgumentException>(() => device.Reduce(ReduceOperation.Min, xd));
                Assert.Contains("empty", error.Message, StringComparison.Ordinal);
            }
            // Determinism: the same call gives the same bits.
            Assert.Equal(BitConverter.DoubleToInt64Bits(device.Reduce(ReduceOperation.Sum, xd)), BitConverter.DoubleToInt64Bits(device.Reduce(ReduceOperation.Sum, xd)));
        }
        using var withNaN = device.Upload<double>([1, double.NaN, -5]);
        Assert.True(double.IsNaN(device.Reduce(ReduceOperation.Max, withNaN)));
        Assert.True(double.IsNaN(device.Reduce(ReduceOperation.Min, withNaN)));
        Assert.True(double.IsNaN(device.Reduce(ReduceOperation.Sum, withNaN)));
        using var zeros = device.Upload<double>([0.0, -0.0]);
        Assert.True(double.IsNegative(device.Reduce(ReduceOperation.Min, zeros)));
        Assert.False(double.IsNegative(device.Reduce(ReduceOperation.Max, zeros)));
    }

    [Theory, MemberData(nameof(Devices))]
    public void Warp_shuffle_reductions_give_the_bits_of_the_shared_memory_tree(string id)
    {
        var device = DevicesUnderTest.Get(id);
        // The CPU accelerator simulates 32-lane warps: CI must take the shuffle path there.
        if (device.Info.Kind == DeviceKind.IlgpuCpu) Assert.True(DevicesUnderTest.TrySetWarpShuffleReductions(device, true), "ilgpu-cpu has warp shuffles");
        if (!DevicesUnderTest.TrySetWarpShuffleReductions(device, true)) return;   // CPU device, OpenCL: one tree only
        try
        {
            var random = new Random(21);
            foreach (int n in new[] { 1, 31, 32, 33, 255, 256, 257, 5000, 70_001 })
            {
                var data = RandomData(random, n, 3);
                if (n > 40) { data[7] = -0.0; data[9] = 0.0; }
                var withNaN = (double[])data.Clone();
                withNaN[n / 2] = double.NaN;
                var shuffled = ReductionBits(device, data, withNaN);
                DevicesUnderTest.TrySetWarpShuffleReductions(device, false);
                var tree = ReductionBits(device, data, withNaN);
                DevicesUnderTest.TrySetWarpShuffleReductions(device, true);
                Assert.Equal(tree, shuffled);
            }
        }
        finally { DevicesUnderTest.TrySetWarpShuffleReductions(device, true); }
    }

    // Bits of every reduction (float and double), the dot product and row distances over two rows.
    private static long[] ReductionBits(ComputeDevice device, double[] data, double[] withNaN)
    {
        using var xd = device.Upload<double>(data);
        using var xs = device.Upload<float>(F(data));
        using var nd = device.Upload<double>(withNaN);
        var bits = new List<long>();
        foreach (var operation in new[] { ReduceOperation.Sum, ReduceOperation.SumOfSquares, ReduceOperation.Min, ReduceOperation.Max })
        {
            bits.Add(BitConverter.DoubleToInt64Bits(device.Reduce(operation, xd)));
            bits.Add(BitConverter.SingleToInt32Bits(device.Reduce(operation, xs)));
            bits.Add(BitConverter.DoubleToInt64Bits(device.Reduce(operation, nd)));
        }
        bits.Add(BitConverter.DoubleToInt64Bits(device.Dot(xd, nd)));
        bits.Add(BitConverter.SingleToInt32Bits(device.Dot(xs, xs)));
        int cols = data.Length / 2;
        if (cols > 0)
        {
            using var distances = device.Allocate<double>(2);
            device.RowPowerDistances(2, cols, xd, nd, 1.5, distances);
            bits.AddRange(distances.ToArray().Select(BitConverter.DoubleToInt64Bits));
        }
        return [.. bits];
    }

    // ------------------------------------------------------------- GEMM, transpose

    [Theory, MemberData(nameof(Devices))]
    public void Gemm_matches_a_scalar_reference_for_every_transpose_and_tile_remainder(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var random = new Random(9);
        // 64 and 128 are the tile edges (double, float): every shape class below, at, and past them.
        var shapes = new (int Batch, int M, int N, int K)[] { (1, 1, 1, 1), (1, 64, 64, 16), (2, 65, 63, 17), (1, 3, 130, 5), (3, 7, 1, 33), (1, 1, 9, 0), (1, 0, 4, 4), (1, 131, 129, 9), (2, 128, 200, 24), (1, 129, 130, 50) };
        foreach (var (batch, m, n, k) in shapes)
            foreach (bool ta in new[] { false, true })
                foreach (bool tb in new[] { false, true })
                {
                    GemmCase<double>(device, random, batch, m, n, k, ta, tb, 1.25, 0.0);
                    GemmCase<double>(device, random, batch, m, n, k, ta, tb, -0.5, 2.0);
                    int seed = random.Next();
                    var single = GemmCase<float>(device, new Random(seed), batch, m, n, k, ta, tb, 1.0f, 0.5f);
                    // GPU devices have other float kernels too (double-buffered; K-slices of 8 for two groups per
                    // multiprocessor): the same multiply-adds in the same order, so the same bits.
                    foreach (var variant in DevicesUnderTest.OtherFloatGemmKernels(device))
                        using (variant)
                            Assert.Equal(single, GemmCase<float>(device, new Random(seed), batch, m, n, k, ta, tb, 1.0f, 0.5f));
                }
    }

    internal static T[] GemmCase<T>(ComputeDevice device, Random random, int batch, int m, int n, int k, bool ta, bool tb, T alpha, T beta)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var a = Cast<T>(RandomData(random, batch * m * k));
        var b = Cast<T>(RandomData(random, batch * k * n));
        var c0 = Cast<T>(RandomData(random, batch * m * n));
        if (T.IsZero(beta) && c0.Length > 0) c0[0] = T.NaN;   // β = 0: C is not read
        using var da = device.Upload<T>(a);
        using var db = device.Upload<T>(b);
        using var dc = device.Upload<T>(c0);
        device.BatchedGemm(batch, ta, tb, m, n, k, alpha, da, db, beta, dc);
        var c = dc.ToArray();
        double al = D(alpha), be = D(beta);
        for (int p = 0; p < batch; p++)
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    double sum = 0, bound = 0;
                    for (int l = 0; l < k; l++)
                    {
                        double av = D(a[p * m * k + (ta ? l * m + i : i * k + l)]), bv = D(b[p * k * n + (tb ? j * k + l : l * n + j)]);
                        sum += av * bv;
                        bound += Math.Abs(av * bv);
                    }
                    double old = D(c0[p * m * n + i * n + j]);
                    double expected = al * sum + (be == 0 ? 0 : be * old);
                    double scale = Math.Abs(al) * bound + Math.Abs(be * (be == 0 ? 0 : old));
                    double got = D(c[p * m * n + i * n + j]);
                    Assert.True(Math.Abs(got - expected) <= 2 * (k + 2) * Eps<T>() * scale + 1e-300,
                        $"{device.Info.Id} {typeof(T).Name} GEMM batch {batch} {m}×{n}×{k} tA={ta} tB={tb}: C[{p},{i},{j}] = {got}, expected {expected}");
                }
        Assert.Equal(a, da.ToArray());
        Assert.Equal(b, db.ToArray());
        return c;
    }

    [Theory, MemberData(nameof(Devices))]
    public void Transpose_is_exact(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var random = new Random(10);
        foreach (var (rows, cols) in new[] { (1, 1), (1, 40), (33, 1), (31, 65), (64, 32), (0, 5), (130, 67), (200, 129) })
        {
            var x = RandomData(random, rows * cols);
            using var dx = device.Upload<double>(x);
            using var dy = device.Allocate<double>(rows * cols);
            device.Transpose(rows, cols, dx, dy);
            var y = dy.ToArray();
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++)
                    Assert.Equal(x[i * cols + j], y[j * rows + i]);
        }
    }

    // ------------------------------------------------------------- scan

    [Theory, MemberData(nameof(Devices))]
    public void Diagonal_scan_matches_the_sequential_recurrence_for_any_chunking(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var random = new Random(11);
        try
        {
            foreach (int? chunks in new int?[] { null, 1, 3, 8 })
            {
                if (chunks is not null && !DevicesUnderTest.TrySetScanChunks(device, chunks)) continue;
                foreach (var (batch, length, channels) in new[] { (1, 1, 1), (2, 37, 5), (1, 200, 3), (3, 0, 2), (2, 64, 33) })
                    foreach (bool reverse in new[] { false, true })
                        foreach (bool withInitial in new[] { false, true })
                        {
                            ScanCase<double>(device, random, batch, length, channels, reverse, withInitial, aliasStates: false);
                            ScanCase<float>(device, random, batch, length, channels, reverse, withInitial, aliasStates: true);
                        }
            }
        }
        finally
        {
            DevicesUnderTest.TrySetScanChunks(device, null);
        }
    }

    [Theory, MemberData(nameof(Devices))]
    public void Selective_scan_matches_the_sequential_recurrence_on_every_device(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var random = new Random(21);
        // State sizes below, at and above the 32 lanes of the GPU kernel; groups; every optional operand; reverse.
        foreach (var (shape, options) in new (SelectiveScanShape, int)[]
                 {
                     (new(1, 1, 1, 1), 0), (new(2, 9, 5, 3), 7), (new(2, 9, 6, 16, 2), 5), (new(1, 12, 4, 40), 3),
                     (new(3, 6, 8, 32, 4), 6), (new(1, 0, 3, 2), 1), (new(1, 7, 2, 33), 2),
                 })
        {
            SelectiveScanCase<double>(device, random, shape, options);
            SelectiveScanCase<float>(device, random, shape, options);
        }
    }

    /// <summary>options bits: 1 D, 2 z, 4 bias + softplus; 8 reverse is taken from the shape's parity.</summary>
    internal static void SelectiveScanCase<T>(ComputeDevice device, Random random, SelectiveScanShape shape, int options)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var (batch, length, channels, state, groups) = shape;
        bool hasD = (options & 1) != 0, hasZ = (options & 2) != 0, softplus = (options & 4) != 0, reverse = (length & 1) == 1;
        int seq = batch * length * channels, proj = batch * groups * length * state;
        double[] u = RandomData(random, seq), z = RandomData(random, seq, 3), b = RandomData(random, proj), c = RandomData(random, proj);
        double[] delta = [.. Enumerable.Range(0, seq).Select(_ => softplus ? random.NextDouble() * 3 - 2 : 0.05 + 0.5 * random.NextDouble())];
        double[] a = [.. Enumerable.Range(0, channels * state).Select(_ => -0.1 - 2 * random.NextDouble())];
        double[] dSkip = RandomData(random, channels), bias = [.. Enumerable.Range(0, channels).Select(_ => random.NextDouble() - 0.8)];
        using var du = device.Upload<T>(Cast<T>(u)); using var dd = device.Upload<T>(Cast<T>(delta)); using var da = device.Upload<T>(Cast<T>(a));
        using var db = device.Upload<T>(Cast<T>(b)); using var dc = device.Upload<T>(Cast<T>(c));
        using var dskip = hasD ? device.Upload<T>(Cast<T>(dSkip)) : null;
        using var dz = hasZ ? device.Upload<T>(Cast<T>(z)) : null;
        using var dbias = softplus ? device.Upload<T>(Cast<T>(bias)) : null;
        using var y = device.Allocate<T>(seq);
        using var final = device.Allocate<T>(batch * channels * state);
        device.SelectiveScan(shape, du, dd, da, db, dc, dskip, dz, dbias, softplus, y, final, reverse);
        var gotY = y.ToArray();
        var gotFinal = final.ToArray();
        // Inputs rounded to T first, then the recurrence in double with its magnitude (the same on |values|).
        double R(double v) => D(Cast<T>([v])[0]);
        for (int bi = 0; bi < batch; bi++)
            for (int ch = 0; ch < channels; ch++)
            {
                int g = ch * groups / channels;
                var h = new double[state];
                var hm = new double[state];
                for (int s = 0; s < length; s++)
                {
                    int t = reverse ? length - 1 - s : s, at = (bi * length + t) * channels + ch, row = ((bi * groups + g) * length + t) * state;
                    double dt = R(delta[at]) + (softplus ? R(bias[ch]) : 0);
                    if (softplus) dt = Math.Max(dt, 0) + Math.Log(1 + Math.Exp(-Math.Abs(dt)));
                    double acc = 0, accM = 0;
                    for (int n = 0; n < state; n++)
                    {
                        double decay = Math.Exp(dt * R(a[ch * state + n])), drive = dt * R(u[at]) * R(b[row + n]);
                        h[n] = decay * h[n] + drive;
                        hm[n] = decay * hm[n] + Math.Abs(drive);
                        acc += R(c[row + n]) * h[n];
                        accM += Math.Abs(R(c[row + n])) * hm[n];
                    }
                    if (hasD) { acc += R(dSkip[ch]) * R(u[at]); accM += Math.Abs(R(dSkip[ch]) * R(u[at])); }
                    if (hasZ) { double gate = R(z[at]) / (1 + Math.Exp(-R(z[at]))); acc *= gate; accM *= Math.Max(1, Math.Abs(gate)); }
                    double bound = 32 * (length + state + 8) * Eps<T>() * (accM + Math.Abs(acc)) + 1e-300;
                    Assert.True(Math.Abs(D(gotY[at]) - acc) <= bound,
                        $"{device.Info.Id} {typeof(T).Name} selective scan {shape}: y[{bi},{t},{ch}] = {D(gotY[at])}, expected {acc}");
                }
                for (int n = 0; n < state; n++)
                    Assert.True(Math.Abs(D(gotFinal[(bi * channels + ch) * state + n]) - h[n]) <= 32 * (length + 8) * Eps<T>() * (hm[n] + 1e-300) + 1e-300,
                        $"{device.Info.Id} {typeof(T).Name} final state");
            }
    }

    [Fact]
    public void Selective_scan_arguments_are_checked_once_for_every_device()
    {
        var device = DevicesUnderTest.Get("cpu");
        using var x = device.Allocate<double>(12);
        using var small = device.Allocate<double>(5);
        using var y = device.Allocate<double>(12);
        using var f = device.Allocate<double>(6);
        var shape = new SelectiveScanShape(1, 4, 3, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => device.SelectiveScan(shape with { Groups = 2 }, x, x, x, x, x, null, null, null, true, y, f));
        Assert.Contains("selective scan of", Assert.Throws<ArgumentException>(() => device.SelectiveScan(shape, x, small, x, x, x, null, null, null, true, y, f)).Message);
        Assert.Throws<ArgumentException>(() => device.SelectiveScan(shape, x, x, x, x, x, null, null, null, true, x, f));
    }

    internal static void ScanCase<T>(ComputeDevice device, Random random, int batch, int length, int channels, bool reverse, bool withInitial, bool aliasStates)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int total = batch * length * channels, width = batch * channels;
        // Decays in (0.5, 1.05): some growth, so chunk products are not trivially small.
        var a = Cast<T>([.. Enumerable.Range(0, total).Select(_ => 0.5 + 0.55 * random.NextDouble())]);
        var b = Cast<T>(RandomData(random, total));
        var h0 = Cast<T>(RandomData(random, width));
        using var da = device.Upload<T>(a);
        using var db = device.Upload<T>(b);
        using var dh0 = withInitial ? device.Upload<T>(h0) : null;
        using var separate = aliasStates ? null : device.Allocate<T>(total);
        var states = separate ?? db;
        using var final = device.Allocate<T>(width);
        device.DiagonalScan(batch, length, channels, da, db, dh0, states, final, reverse);
        var got = states.ToArray();
        var gotFinal = final.ToArray();
        for (int p = 0; p < batch; p++)
            for (int c = 0; c < channels; c++)
            {
                double h = withInitial ? D(h0[p * channels + c]) : 0, magnitude = Math.Abs(h);
                for (int s = 0; s < length; s++)
                {
                    int t = reverse ? length - 1 - s : s, at = (p * length + t) * channels + c;
                    h = D(a[at]) * h + D(b[at]);
                    magnitude = D(a[at]) * magnitude + Math.Abs(D(b[at]));
                    Assert.True(Math.Abs(D(got[at]) - h) <= 4 * (s + 2) * Eps<T>() * magnitude,
                        $"{device.Info.Id} {typeof(T).Name} scan ({batch},{length},{channels}) reverse={reverse}: h[{p},{t},{c}] = {D(got[at])}, expected {h}");
                }
                Assert.True(Math.Abs(D(gotFinal[p * channels + c]) - h) <= 4 * (length + 2) * Eps<T>() * magnitude + 1e-300, $"{device.Info.Id} final state");
            }
    }

    // ------------------------------------------------------------- sort, transport

    [Theory, MemberData(nameof(Devices))]
    public void Row_sort_is_a_stable_total_order_sort_identical_on_every_device(string id)
    {
        var device = DevicesUnderTest.Get(id);
        // ILGPU's CPU accelerator runs a group's threads as OS threads meeting at every barrier (≈ 10 ms per sort
        // tile on two cores), so there the longer rows run through the bitonic network only; its radix tiles are
        // 128 keys, so 513 columns still span five tiles. Real devices (and PoCL in CI) take every case.
        bool simulated = device.Info.Kind == DeviceKind.IlgpuCpu;
        SortCases(device, tiedLimit: simulated ? 3000 : int.MaxValue, bitsLimit: simulated ? 600 : int.MaxValue);
        // GPU devices sort by a bitonic network or a radix sort: both must give the CPU's permutation exactly.
        if (DevicesUnderTest.TrySetRadixRowSort(device, true))
        {
            try { SortCases(device, tiedLimit: simulated ? 600 : int.MaxValue, bitsLimit: simulated ? 600 : int.MaxValue); }
            finally { DevicesUnderTest.TrySetRadixRowSort(device, false); }
        }
    }

    private static void SortCases(ComputeDevice device, int tiedLimit, int bitsLimit)
    {
        var random = new Random(12);
        // Bitonic: up to 3000 columns (padded 4096) cover the shared-memory tile stages and three block sizes beyond
        // the tile that mix global stages with shared-memory merges. Radix: tiles of 4 × group size (≤ 1024) keys,
        // so 1500 … 5000 columns cover several tiles per row with a partial last one.
        foreach (var (rows, cols) in new[] { (1, 1), (1, 2), (3, 5), (2, 64), (4, 100), (1, 513), (3, 1500), (2, 3000), (1, 5000) })
        {
            var keys = new double[rows * cols];
            for (int i = 0; i < keys.Length; i++) keys[i] = Math.Round(random.NextDouble() * 20 - 10);   // many ties
            if (cols > 6) { keys[0] = double.NaN; keys[1] = -0.0; keys[2] = 0.0; keys[3] = double.NegativeInfinity; keys[4] = double.PositiveInfinity; keys[5] = -double.NaN; }
            // Arbitrary bit patterns (every exponent, subnormals, NaN payloads): every radix digit varies.
            var bits = new double[rows * cols];
            for (int i = 0; i < bits.Length; i++) bits[i] = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            if (cols <= tiedLimit)
            {
                SortCase(device, rows, cols, keys);
                SortCase(device, rows, cols, F(keys));
            }
            if (cols <= bitsLimit)
            {
                SortCase(device, rows, cols, bits);
                SortCase(device, rows, cols, [.. bits.Select(v => BitConverter.Int32BitsToSingle((int)BitConverter.DoubleToInt64Bits(v)))]);
            }
        }
    }

    internal static void SortCase<T>(ComputeDevice device, int rows, int cols, T[] keys) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        using var dk = device.Upload<T>(keys);
        using var di = device.Allocate<int>(rows * cols);
        device.SortRows(rows, cols, dk, di);
        var sorted = dk.ToArray();
        var index = di.ToArray();
        for (int r = 0; r < rows; r++)
        {
            var expected = Enumerable.Range(0, cols).OrderBy(j => TotalOrderKey(keys[r * cols + j])).ThenBy(j => j).ToArray();
            for (int j = 0; j < cols; j++)
            {
                Assert.Equal(expected[j], index[r * cols + j]);
                Assert.Equal(Bits(keys[r * cols + expected[j]]), Bits(sorted[r * cols + j]));
            }
        }
    }

    // The raw bits in the key's own width (widening a float signalling NaN to double would quiet it and reorder NaNs).
    private static long Bits<T>(T v) where T : unmanaged =>
        typeof(T) == typeof(float) ? BitConverter.SingleToInt32Bits((float)(object)v) : BitConverter.DoubleToInt64Bits((double)(object)v);

    private static long TotalOrderKey<T>(T v) where T : unmanaged
    {
        long bits = Bits(v);
        long sign = typeof(T) == typeof(float) ? int.MinValue : long.MinValue;
        return bits < 0 ? ~(bits & ~sign) : bits;
    }

    [Theory, MemberData(nameof(Devices))]
    public void Row_power_distances_match_the_definition(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var random = new Random(13);
        foreach (double p in new[] { 1.0, 2.0, 1.5, 3.0 })
            foreach (var (rows, cols) in new[] { (1, 1), (3, 300), (5, 17) })
            {
                var x = RandomData(random, rows * cols);
                var y = RandomData(random, rows * cols);
                using var dx = device.Upload<double>(x);
                using var dy = device.Upload<double>(y);
                using var dr = device.Allocate<double>(rows);
                device.RowPowerDistances(rows, cols, dx, dy, p, dr);
                var got = dr.ToArray();
                for (int r = 0; r < rows; r++)
                {
                    double expected = Enumerable.Range(0, cols).Sum(j => Math.Pow(Math.Abs(x[r * cols + j] - y[r * cols + j]), p)) / cols;
                    Assert.True(Math.Abs(got[r] - expected) <= 8 * (cols + 2) * Eps<double>() * expected, $"{id} p={p} row {r}: {got[r]} vs {expected}");
                }
            }
    }

    // ------------------------------------------------------------- sketch and sparse

    [Theory, MemberData(nameof(Devices))]
    public void CountSketch_sums_signed_rows_into_their_buckets(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var random = new Random(14);
        int m = 57, n = 13, s = 8;
        var a = RandomData(random, m * n);
        var buckets = Enumerable.Range(0, m).Select(_ => random.Next(s)).ToArray();
        var signs = Enumerable.Range(0, m).Select(_ => random.Next(2) == 0 ? -1.0 : 1.0).ToArray();
        using var da = device.Upload<double>(a);
        using var dh = device.Upload<int>(buckets);
        using var ds = device.Upload<double>(signs);
        using var dy = device.Upload<double>(RandomData(random, s * n));   // overwritten
        device.CountSketch(m, n, s, da, dh, ds, dy);
        var y = dy.ToArray();
        for (int r = 0; r < s; r++)
            for (int j = 0; j < n; j++)
            {
                double expected = 0, bound = 0;
                for (int i = 0; i < m; i++)
                    if (buckets[i] == r) { expected += signs[i] * a[i * n + j]; bound += Math.Abs(a[i * n + j]); }
                Assert.True(Math.Abs(y[r * n + j] - expected) <= 2 * m * Eps<double>() * bound, $"{id} CountSketch Y[{r},{j}]");
            }
        buckets[3] = s;
        dh.CopyFrom(buckets);
        var error = Assert.Throws<ArgumentException>(() => device.CountSketch(m, n, s, da, dh, ds, dy));
        Assert.Contains("bucket 8 of row 3", error.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Devices))]
    public void Csr_and_stencil_products_match_the_host_operators(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var random = new Random(15);
        foreach (int side in new[] { 1, 2, 9, 17 })
        {
            var host = CsrMatrix.Poisson2D<double>(side);
            var x = RandomData(random, side * side);
            var expected = new double[side * side];
            host.Apply(x, expected);
            var stencil = new double[side * side];
            new PoissonStencil<double>(side).Apply(x, stencil);
            using var matrix = new DeviceCsrMatrix<double>(device, host);
            using var dx = device.Upload<double>(x);
            using var dy = device.Allocate<double>(side * side);
            device.CsrMultiply(matrix, dx, dy);
            var got = dy.ToArray();
            for (int i = 0; i < got.Length; i++) Assert.True(Math.Abs(got[i] - expected[i]) <= 16 * Eps<double>() * 8, $"{id} CSR row {i}");
            device.PoissonMultiply(side, dx, dy);
            got = dy.ToArray();
            for (int i = 0; i < got.Length; i++) Assert.True(Math.Abs(got[i] - stencil[i]) <= 16 * Eps<double>() * 8, $"{id} stencil point {i}");
        }
    }

    // ------------------------------------------------------------- errors and lifetime

    [Theory, MemberData(nameof(Devices))]
    public void Bad_arguments_name_the_problem_and_leave_buffers_alone(string id)
    {
        var device = DevicesUnderTest.Get(id);
        using var a = device.Upload<double>([1, 2, 3, 4, 5, 6]);
        using var b = device.Upload<double>([1, 2, 3]);
        using var c = device.Allocate<double>(4);
        var gemm = Assert.Throws<ArgumentException>(() => device.Gemm(false, false, 2, 2, 3, 1.0, a, b, 0.0, c));
        Assert.Contains("GEMM 1×(2×3)·(3×2)", gemm.Message, StringComparison.Ordinal);
        Assert.Contains("b has 3 elements, needs 6", gemm.Message, StringComparison.Ordinal);
        var zip = Assert.Throws<ArgumentException>(() => device.Zip(BinaryOperation.Add, a, b, b));
        Assert.Contains("6 and 3", zip.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => device.RowPowerDistances(1, 3, b, b, 0.5, b));
        Assert.Throws<ArgumentOutOfRangeException>(() => device.Gemm(false, false, -1, 2, 3, 1.0, a, b, 0.0, c));
        Assert.Equal([1.0, 2, 3, 4, 5, 6], a.ToArray());
        Assert.Equal([1.0, 2, 3], b.ToArray());

        using var other = new CpuDevice();
        using var foreign = other.Allocate<double>(3);
        var wrong = Assert.Throws<ArgumentException>(() => device.Copy(foreign, b));
        Assert.Contains("lives on", wrong.Message, StringComparison.Ordinal);

        var gone = device.Allocate<double>(3);
        gone.Dispose();
        gone.Dispose();   // twice is harmless
        Assert.Throws<ObjectDisposedException>(() => device.Fill(gone, 1.0));
        Assert.Throws<ObjectDisposedException>(() => gone.ToArray());

        var oom = Assert.Throws<DeviceOutOfMemoryException>(() => device.Allocate<double>(long.MaxValue / 4));
        Assert.Contains(id, oom.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => a.CopyFrom(new double[4], 3));
    }

    [Theory, MemberData(nameof(Devices))]
    public void Ten_thousand_allocate_free_cycles_leak_nothing(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var before = device.Statistics;
        for (int i = 0; i < 10_000; i++)
        {
            using var buffer = device.Allocate<float>(1 + i % 5000);
            if (i % 1000 == 0) device.Fill(buffer, 1f);
        }
        var after = device.Statistics;
        Assert.Equal(before.LiveBuffers, after.LiveBuffers);
        Assert.Equal(before.LiveBytes, after.LiveBytes);
        Assert.True(after.PooledBytes <= 64L << 20, $"{id} keeps {after.PooledBytes} bytes pooled");
    }
}

/// <summary>One device shared by several threads: calls are serialised by the backend, results match serial ones.</summary>
[Collection("Devices")]
public sealed class DeviceConcurrencyTests
{
    public static IEnumerable<object[]> Devices => DevicesUnderTest.Ids;

    [Theory, MemberData(nameof(Devices))]
    public void Concurrent_callers_get_the_serial_results(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var random = new Random(30);
        const int n = 40;
        var a = Enumerable.Range(0, n * n).Select(_ => random.NextDouble()).ToArray();
        double[] Work(int seed)
        {
            using var da = device.Upload<double>(a);
            using var db = device.Upload<double>([.. a.Select(v => v * seed)]);
            using var dc = device.Allocate<double>(n * n);
            device.Gemm(false, true, n, n, n, 1.0, da, db, 0.0, dc);
            return [device.Reduce(ReduceOperation.Sum, dc), device.Dot(da, db)];
        }
        var serial = Enumerable.Range(1, 4).Select(Work).ToArray();
        var parallel = new double[4][];
        Parallel.For(0, 4, i => parallel[i] = Work(i + 1));
        for (int i = 0; i < 4; i++) Assert.Equal(serial[i], parallel[i]);
    }
}
