using FsCheck.Xunit;
using Kernels.Devices;
using Xunit;
using static Kernels.Tests.Devices.DeviceContractTests;

namespace Kernels.Tests.Devices;

/// <summary>
/// <see cref="ComputeDevice.StridedBatchedGemm{T}"/> on every device: operands at offsets, with padded leading
/// dimensions, batch strides with gaps or 0 (one matrix shared by the batch), all three in one buffer; the result
/// within the GEMM's scaled bound of a scalar reference and every element outside C's layout bit for bit as it was.
/// </summary>
[Collection("Devices")]
public sealed class DeviceStridedGemmTests
{
    public static IEnumerable<object[]> Devices => DevicesUnderTest.Ids;

    [Theory, MemberData(nameof(Devices))]
    public void Strided_batched_gemm_matches_the_reference_and_leaves_everything_outside_c_alone(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var random = new Random(21);
        // Past the float (128) and double (64) tile edges, a single column, and k = 0 (C ← β·C).
        var shapes = new (int Batch, int M, int N, int K)[] { (1, 1, 1, 1), (2, 65, 63, 17), (3, 7, 1, 33), (1, 129, 130, 20), (2, 5, 9, 0) };
        foreach (var (batch, m, n, k) in shapes)
            foreach (bool ta in new[] { false, true })
                foreach (bool tb in new[] { false, true })
                {
                    StridedGemmCase<double>(device, random, batch, m, n, k, ta, tb, 1.25, 0.0);
                    StridedGemmCase<float>(device, random, batch, m, n, k, ta, tb, -0.5f, 2f);
                }
    }

    [Property(MaxTest = 8)]
    public void Strided_batched_gemm_on_random_shapes_and_layouts_is_within_the_scaled_bound_on_every_device(int seed)
    {
        var shapes = new Random(seed);
        int batch = shapes.Next(0, 4), m = shapes.Next(0, 140), n = shapes.Next(0, 140), k = shapes.Next(0, 40);
        bool ta = shapes.Next(2) == 0, tb = shapes.Next(2) == 0;
        foreach (var id in DevicesUnderTest.Ids)
        {
            var device = DevicesUnderTest.Get((string)id[0]);
            StridedGemmCase<double>(device, new Random(seed), batch, m, n, k, ta, tb, 0.75, shapes.Next(2) == 0 ? 0.0 : -1.5);
            StridedGemmCase<float>(device, new Random(seed), batch, m, n, k, ta, tb, 1.5f, shapes.Next(2) == 0 ? 0f : 0.5f);
        }
    }

    [Theory, MemberData(nameof(Devices))]
    public void Launches_split_at_the_grid_limit_give_the_same_bits(string id)
    {
        // CUDA grids hold at most 65 535 groups along y and z: longer batches and taller matrices take several
        // launches. Shrinking the limit to 2 forces the splits here on small shapes (3 row tiles, 5 matrices).
        var device = DevicesUnderTest.Get(id);
        var random = new Random(3);
        const int batch = 5, m = 300, n = 70, k = 20;
        var a = RandomData(random, batch * m * k); var b = RandomData(random, batch * k * n); var c = RandomData(random, batch * m * n);
        double[] Gemm(bool transposeA)
        {
            using var da = device.Upload<double>(a); using var db = device.Upload<double>(b); using var dc = device.Upload<double>(c);
            device.StridedBatchedGemm(batch, transposeA, false, m, n, k, 0.5, da, MatrixLayout.Dense(transposeA ? k : m, transposeA ? m : k), db, MatrixLayout.Dense(k, n), -1.0, dc, MatrixLayout.Dense(m, n));
            return dc.ToArray();
        }
        float[] GemmSingle()
        {
            using var da = device.Upload<float>(Cast<float>(a)); using var db = device.Upload<float>(Cast<float>(b)); using var dc = device.Allocate<float>(batch * m * n);
            device.BatchedGemm(batch, false, true, m, n, k, 1f, da, db, 0f, dc);
            return dc.ToArray();
        }
        double[] Transpose(int rows, int cols)
        {
            using var dx = device.Upload<double>(a.AsSpan(0, rows * cols)); using var dy = device.Allocate<double>(rows * cols);
            device.Transpose(rows, cols, dx, dy);
            return dy.ToArray();
        }
        var whole = (Gemm(false), Gemm(true), GemmSingle(), Transpose(130, 70), Transpose(40, 200));
        using var limit = DevicesUnderTest.LimitGrid(device, int.MaxValue, 2, 2);
        if (limit is null) return;   // no grid limit on this device
        Assert.Equal(whole.Item1, Gemm(false));
        Assert.Equal(whole.Item2, Gemm(true));
        Assert.Equal(whole.Item3, GemmSingle());
        Assert.Equal(whole.Item4, Transpose(130, 70));
        using (DevicesUnderTest.LimitGrid(device, 2, int.MaxValue, int.MaxValue)) Assert.Equal(whole.Item5, Transpose(40, 200));
        for (int i = 0; i < 40; i++)
            for (int j = 0; j < 200; j++)
                Assert.Equal(a[i * 200 + j], whole.Item5[j * 40 + i]);
    }

    [Fact]
    public void The_plain_batched_gemm_is_the_strided_one_with_dense_layouts()
    {
        var device = DevicesUnderTest.Get("cpu");
        var random = new Random(5);
        const int batch = 2, m = 3, n = 4, k = 5;
        var a = RandomData(random, batch * m * k); var b = RandomData(random, batch * k * n);
        using var da = device.Upload<double>(a); using var db = device.Upload<double>(b);
        using var c1 = device.Allocate<double>(batch * m * n); using var c2 = device.Allocate<double>(batch * m * n);
        device.BatchedGemm(batch, true, false, m, n, k, 1.0, da, db, 0.0, c1);
        device.StridedBatchedGemm(batch, true, false, m, n, k, 1.0, da, new MatrixLayout(0, m, m * k), db, new MatrixLayout(0, n, k * n), 0.0, c2, new MatrixLayout(0, n, m * n));
        Assert.Equal(c1.ToArray(), c2.ToArray());
        Assert.True(MatrixLayout.Dense(k, m).IsDense(k, m));
        Assert.Equal(new MatrixLayout(0, m, m * k), MatrixLayout.Dense(k, m));
    }

    [Theory, MemberData(nameof(Devices))]
    public void Bad_layouts_name_the_problem_and_leave_the_buffers_alone(string id)
    {
        var device = DevicesUnderTest.Get(id);
        double[] initial = [.. Enumerable.Range(0, 40).Select(i => (double)i)];
        using var x = device.Upload<double>(initial);
        using var y = device.Upload<double>(initial);
        var dense = MatrixLayout.Dense(2, 3);
        // A 2×3 with a leading dimension of 2 would overlap its own rows.
        var narrow = Assert.Throws<ArgumentException>(() => device.StridedBatchedGemm(1, false, false, 2, 2, 3, 1.0, x, new MatrixLayout(0, 2, 6), y, MatrixLayout.Dense(3, 2), 0.0, y, new MatrixLayout(20, 2, 4)));
        Assert.Contains("a is stored 2×3, but its leading dimension is 2", narrow.Message, StringComparison.Ordinal);
        // Three 2×2 products 3 apart: each spans 1·2 + 2 = 4 elements.
        var crowded = Assert.Throws<ArgumentException>(() => device.StridedBatchedGemm(3, false, false, 2, 2, 3, 1.0, x, dense, x, MatrixLayout.Dense(3, 2), 0.0, y, new MatrixLayout(0, 2, 3)));
        Assert.Contains("batch stride 3 is less than one 2×2 matrix spans", crowded.Message, StringComparison.Ordinal);
        // C at elements 4…7 of the buffer that holds A at 0…5.
        var alias = Assert.Throws<ArgumentException>(() => device.StridedBatchedGemm(1, false, false, 2, 2, 3, 1.0, x, dense, y, MatrixLayout.Dense(3, 2), 0.0, x, new MatrixLayout(4, 2, 4)));
        Assert.Contains("overlaps a", alias.Message, StringComparison.Ordinal);
        var past = Assert.Throws<ArgumentException>(() => device.StridedBatchedGemm(2, false, false, 2, 2, 3, 1.0, x, new MatrixLayout(30, 3, 6), y, MatrixLayout.Dense(3, 2), 0.0, y, new MatrixLayout(20, 2, 4)));
        Assert.Contains("a has 40 elements, needs 42", past.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => device.StridedBatchedGemm(1, false, false, 2, 2, 3, 1.0, x, new MatrixLayout(-1, 3, 6), y, MatrixLayout.Dense(3, 2), 0.0, y, new MatrixLayout(20, 2, 4)));
        Assert.Equal(initial, x.ToArray());
        Assert.Equal(initial, y.ToArray());
        // Disjoint spans of one buffer are fine: A at 0…5, B at 6…11, C at 12…15.
        device.StridedBatchedGemm(1, false, false, 2, 2, 3, 1.0, x, dense, x, MatrixLayout.Dense(3, 2, 6), 0.0, x, MatrixLayout.Dense(2, 2, 12));
        var got = x.ToArray();
        Assert.Equal([0 * 6 + 1 * 8 + 2 * 10, 0 * 7 + 1 * 9 + 2 * 11, 3 * 6 + 4 * 8 + 5 * 10, 3 * 7 + 4 * 9 + 5 * 11], got[12..16]);
        Assert.Equal(initial[..12], got[..12]);
        Assert.Equal(initial[16..], got[16..]);
    }

    /// <summary>
    /// One strided-batched GEMM with layouts drawn from <paramref name="random"/>: padded leading dimensions, offsets,
    /// batch strides with gaps or 0 for A or B, and sometimes A, B and C in one buffer.
    /// </summary>
    internal static void StridedGemmCase<T>(ComputeDevice device, Random random, int batch, int m, int n, int k, bool ta, bool tb, T alpha, T beta)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int rowsA = ta ? k : m, colsA = ta ? m : k, rowsB = tb ? n : k, colsB = tb ? k : n;
        bool oneBuffer = random.Next(3) == 0;
        long next = 0;
        MatrixLayout Place(int rows, int cols, bool shared)
        {
            int ld = Math.Max(1, cols) + random.Next(0, 4);
            var layout = new MatrixLayout((oneBuffer ? next : 0) + random.Next(0, 4), ld, shared ? 0 : (long)rows * ld + random.Next(0, 3));
            if (oneBuffer) next = layout.End(batch, rows, cols);
            return layout;
        }
        var la = Place(rowsA, colsA, random.Next(4) == 0);
        var lb = Place(rowsB, colsB, random.Next(4) == 0);
        var lc = Place(m, n, false);
        T[] NewData(long length) => Cast<T>(RandomData(random, checked((int)length)));
        var hostA = NewData((oneBuffer ? lc.End(batch, m, n) : la.End(batch, rowsA, colsA)) + random.Next(0, 3));
        var hostB = oneBuffer ? hostA : NewData(lb.End(batch, rowsB, colsB) + random.Next(0, 3));
        var hostC = oneBuffer ? hostA : NewData(lc.End(batch, m, n) + random.Next(0, 3));
        long At(MatrixLayout l, int p, int r, int s) => l.Offset + p * l.BatchStride + (long)r * l.LeadingDimension + s;
        if (T.IsZero(beta) && batch * m * n > 0) hostC[At(lc, 0, 0, 0)] = T.NaN;   // β = 0: C is not read

        using var da = device.Upload<T>(hostA);
        using var db = oneBuffer ? null : device.Upload<T>(hostB);
        using var dc = oneBuffer ? null : device.Upload<T>(hostC);
        device.StridedBatchedGemm(batch, ta, tb, m, n, k, alpha, da, la, db ?? da, lb, beta, dc ?? da, lc);
        var got = (dc ?? da).ToArray();

        var expected = (T[])hostC.Clone();
        double al = D(alpha), be = D(beta);
        string what = $"{device.Info.Id} {typeof(T).Name} strided GEMM batch {batch} {m}×{n}×{k} tA={ta} tB={tb}, A {la}, B {lb}, C {lc}, one buffer {oneBuffer}";
        for (int p = 0; p < batch; p++)
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    double sum = 0, bound = 0;
                    for (int l = 0; l < k; l++)
                    {
                        double av = D(hostA[ta ? At(la, p, l, i) : At(la, p, i, l)]), bv = D(hostB[tb ? At(lb, p, j, l) : At(lb, p, l, j)]);
                        sum += av * bv;
                        bound += Math.Abs(av * bv);
                    }
                    long at = At(lc, p, i, j);
                    double old = be == 0 ? 0 : D(hostC[at]);
                    double want = al * sum + be * old, scale = Math.Abs(al) * bound + Math.Abs(be * old);
                    Assert.True(Math.Abs(D(got[at]) - want) <= 2 * (k + 2) * Eps<T>() * scale + 1e-300, $"{what}: C[{p},{i},{j}] = {D(got[at])}, expected {want}");
                    expected[at] = got[at];
                }
        Assert.True(expected.AsSpan().SequenceEqual(got), $"{what}: an element outside C's layout changed");
        if (!oneBuffer)
        {
            Assert.True(hostA.AsSpan().SequenceEqual(da.ToArray()), $"{what}: A changed");
            Assert.True(hostB.AsSpan().SequenceEqual(db!.ToArray()), $"{what}: B changed");
        }
    }
}
