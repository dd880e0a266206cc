using Kernels.Devices;
using Xunit;

namespace Kernels.Tests.Devices;

/// <summary>
/// Streams on every device: work queued on several streams gives the default stream's results bit for bit, a
/// buffer crossing streams is never read before it is written nor overwritten before its readers finish, memory freed with work pending is not reused under
/// that work, and scopes, disposal and errors behave as documented. On the CPU device and ILGPU's CPU accelerator
/// work finishes before a call returns, so only the contract is checked there; OpenCL command queues (PoCL in CI)
/// and CUDA streams run asynchronously, which is where the ordering rules matter.
/// </summary>
[Collection("Devices")]
public sealed class DeviceStreamTests
{
    public static IEnumerable<object[]> Devices => DevicesUnderTest.Ids;

    private const int N = 160;   // a GEMM long enough on a CPU OpenCL device for a missing wait to show

    private static float[] Matrix(int seed, float scale)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, N * N).Select(_ => (float)(random.NextDouble() * 2 - 1) * scale)];
    }

    // C = A·Bᵀ, then tanh(C), on the current stream; returns the buffers still queued.
    private static (DeviceBuffer<float> Product, DeviceBuffer<float> Squashed) Queue(ComputeDevice device, float[] a, float[] b)
    {
        using var da = device.Upload<float>(a);
        using var db = device.Upload<float>(b);
        var c = device.Allocate<float>(N * N);
        var t = device.Allocate<float>(N * N);
        device.Gemm(false, true, N, N, N, 1f, da, db, 0f, c);
        device.Map(UnaryOperation.Tanh, c, t);
        return (c, t);
    }

    private static (float[] Product, float[] Squashed) OnDefaultStream(ComputeDevice device, float[] a, float[] b)
    {
        var (c, t) = Queue(device, a, b);
        using (c)
        using (t)
            return (c.ToArray(), t.ToArray());
    }

    [Theory, MemberData(nameof(Devices))]
    public void Work_queued_on_several_streams_gives_the_default_stream_results_bit_for_bit(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var inputs = Enumerable.Range(0, 4).Select(i => (A: Matrix(10 + i, 1), B: Matrix(20 + i, 0.5f + i))).ToArray();
        var expected = inputs.Select(x => OnDefaultStream(device, x.A, x.B)).ToArray();

        // One thread queues on four streams before reading anything back: the streams may run concurrently.
        var streams = inputs.Select(_ => device.CreateStream()).ToArray();
        var queued = new (DeviceBuffer<float> Product, DeviceBuffer<float> Squashed)[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
            using (device.Use(streams[i]))
                queued[i] = Queue(device, inputs[i].A, inputs[i].B);
        for (int i = 0; i < inputs.Length; i++)
        {
            using (device.Use(streams[i]))
            {
                Assert.Equal(expected[i].Product, queued[i].Product.ToArray());
                Assert.Equal(expected[i].Squashed, queued[i].Squashed.ToArray());
            }
            queued[i].Product.Dispose();
            queued[i].Squashed.Dispose();
            streams[i].Dispose();
        }

        // Four threads, a stream each.
        var parallel = new (float[] Product, float[] Squashed)[inputs.Length];
        Parallel.For(0, inputs.Length, i =>
        {
            using var stream = device.CreateStream();
            using (device.Use(stream)) parallel[i] = OnDefaultStream(device, inputs[i].A, inputs[i].B);
        });
        for (int i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(expected[i].Product, parallel[i].Product);
            Assert.Equal(expected[i].Squashed, parallel[i].Squashed);
        }
    }

    [Theory, MemberData(nameof(Devices))]
    public void A_buffer_written_on_one_stream_is_complete_when_another_stream_reads_it(string id)
    {
        var device = DevicesUnderTest.Get(id);
        using var writer = device.CreateStream();
        using var reader = device.CreateStream();
        for (int round = 0; round < 4; round++)
        {
            var a = Matrix(30 + round, 1 + round);
            var b = Matrix(40 + round, 1);
            var (expected, _) = OnDefaultStream(device, a, b);
            using var da = device.Upload<float>(a);
            using var db = device.Upload<float>(b);
            using var c = device.Allocate<float>(N * N);
            using var copy = device.Allocate<float>(N * N);
            using (device.Use(writer)) device.Gemm(false, true, N, N, N, 1f, da, db, 0f, c);
            float sum;
            using (device.Use(reader))
            {
                device.Copy(c, copy);                       // a device-side read on the other stream
                sum = device.Reduce(ReduceOperation.Sum, c);
            }
            Assert.Equal(expected, copy.ToArray());
            using var check = device.Upload<float>(expected);
            Assert.Equal(device.Reduce(ReduceOperation.Sum, check), sum);
        }
    }

    [Theory, MemberData(nameof(Devices))]
    public void A_buffer_read_on_several_streams_is_overwritten_only_after_every_reader(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var streams = Enumerable.Range(0, 3).Select(_ => device.CreateStream()).ToArray();
        using var writer = device.CreateStream();
        try
        {
            for (int round = 0; round < 3; round++)
            {
                var a = Matrix(70 + round, 1);
                var bs = Enumerable.Range(0, streams.Length).Select(i => Matrix(80 + 10 * round + i, 1)).ToArray();
                var expected = bs.Select(b => OnDefaultStream(device, a, b).Product).ToArray();
                using var shared = device.Upload<float>(a);   // read by every stream at once
                var inputs = bs.Select(b => device.Upload<float>(b)).ToArray();
                var products = bs.Select(_ => device.Allocate<float>(N * N)).ToArray();
                for (int i = 0; i < streams.Length; i++)
                    using (device.Use(streams[i]))
                        device.Gemm(false, true, N, N, N, 1f, shared, inputs[i], 0f, products[i]);
                using (device.Use(writer)) device.Fill(shared, float.NaN);   // a write on a fourth stream: must wait for all three readers
                for (int i = 0; i < streams.Length; i++)
                {
                    Assert.Equal(expected[i], products[i].ToArray());
                    inputs[i].Dispose();
                    products[i].Dispose();
                }
            }
        }
        finally
        {
            foreach (var stream in streams) stream.Dispose();
        }
    }

    [Theory, MemberData(nameof(Devices))]
    public void Memory_freed_with_work_pending_is_not_reused_by_another_stream_under_that_work(string id)
    {
        var device = DevicesUnderTest.Get(id);
        using var first = device.CreateStream();
        using var second = device.CreateStream();
        for (int round = 0; round < 4; round++)
        {
            var a = Matrix(50 + round, 1);
            var b = Matrix(60 + round, 2);
            var (expected, _) = OnDefaultStream(device, a, b);
            DeviceBuffer<float> c;
            using (device.Use(first))
            {
                var da = device.Upload<float>(a);
                var db = device.Upload<float>(b);
                c = device.Allocate<float>(N * N);
                device.Gemm(false, true, N, N, N, 1f, da, db, 0f, c);
                da.Dispose();   // freed while the GEMM may still read them
                db.Dispose();
            }
            using (device.Use(second))
            {
                // Same size class: the pool hands back the blocks just freed; overwrite them at once.
                using var x = device.Allocate<float>(N * N);
                using var y = device.Allocate<float>(N * N);
                device.Fill(x, float.NaN);
                device.Fill(y, float.NaN);
            }
            using (c) Assert.Equal(expected, c.ToArray());
        }
    }

    [Theory, MemberData(nameof(Devices))]
    public void Stream_scopes_nest_flow_into_started_threads_and_reject_foreign_or_disposed_streams(string id)
    {
        var device = DevicesUnderTest.Get(id);
        Assert.Same(device.DefaultStream, device.CurrentStream);
        Assert.True(device.DefaultStream.IsDefault);
        using var outer = device.CreateStream();
        using var inner = device.CreateStream();
        Assert.False(outer.IsDefault);
        Assert.Same(device, outer.Device);
        using (device.Use(outer))
        {
            Assert.Same(outer, device.CurrentStream);
            using (device.Use(inner)) Assert.Same(inner, device.CurrentStream);
            Assert.Same(outer, device.CurrentStream);
            DeviceStream? seen = null;
            var thread = new Thread(() => seen = device.CurrentStream);   // a thread started here inherits the scope
            thread.Start();
            thread.Join();
            Assert.Same(outer, seen);
        }
        Assert.Same(device.DefaultStream, device.CurrentStream);

        using var other = new CpuDevice();
        using var foreign = other.CreateStream();
        var wrongDevice = Assert.Throws<ArgumentException>(() => device.Use(foreign));
        Assert.Contains(device.Info.Id, wrongDevice.Message);

        var closed = device.CreateStream();
        closed.Dispose();
        closed.Dispose();   // harmless
        Assert.True(closed.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => device.Use(closed));
        Assert.Throws<ObjectDisposedException>(closed.Synchronize);

        using var buffer = device.Allocate<float>(8);
        var closing = device.CreateStream();
        using (device.Use(closing))
        {
            closing.Dispose();
            Assert.Throws<ObjectDisposedException>(() => device.Fill(buffer, 1f));
            Assert.Throws<ObjectDisposedException>(() => buffer.ToArray());
        }

        device.DefaultStream.Dispose();   // owned by the device: nothing happens
        Assert.False(device.DefaultStream.IsDisposed);
        device.Fill(buffer, 2f);
        device.Synchronize();
        Assert.All(buffer.ToArray(), v => Assert.Equal(2f, v));
    }

    [Theory, MemberData(nameof(Devices))]
    public void A_thousand_stream_create_dispose_cycles_leak_nothing(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var before = device.Statistics;
        using var weights = device.Upload<float>([1f, 2f, 3f]);   // read by every stream, never written again
        for (int i = 0; i < 1000; i++)
        {
            using var stream = device.CreateStream();
            using (device.Use(stream)) Assert.Equal(6f, device.Reduce(ReduceOperation.Sum, weights));
            if (i % 100 != 0) continue;
            using (device.Use(stream))
            {
                using var x = device.Allocate<float>(1 + i);
                device.Fill(x, i);
                Assert.Equal((float)i * (1 + i), device.Reduce(ReduceOperation.Sum, x));
            }
        }
        Assert.True(weights.PendingStreams.Length <= 2, $"{weights.PendingStreams.Length} streams remembered by a buffer read by 1000 disposed ones");
        weights.Dispose();
        var after = device.Statistics;
        Assert.Equal(before.LiveStreams, after.LiveStreams);
        Assert.Equal(before.LiveBuffers, after.LiveBuffers);
        Assert.Equal(before.LiveBytes, after.LiveBytes);
    }
}
