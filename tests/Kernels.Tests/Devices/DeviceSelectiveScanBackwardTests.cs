using Kernels.Devices;
using Kernels.Ops.StateSpace;
using Kernels.Tensors;
using Xunit;

namespace Kernels.Tests.Devices;

/// <summary>
/// The selective scan's gradients on every device against the library's CPU backward pass run in double on the
/// same (rounded) inputs. The bound is norm-wise per gradient, ‖g − g_ref‖_∞ ≤ 32·(batch·length + state + 8)·ε·‖g_ref‖_∞,
/// since ∂A, ∂D and ∂bias are sums over every step of every batch.
/// </summary>
[Collection("Devices")]
public sealed class DeviceSelectiveScanBackwardTests
{
    public static IEnumerable<object[]> Devices => DevicesUnderTest.Ids;

    [Theory, MemberData(nameof(Devices))]
    public void Selective_scan_gradients_match_the_cpu_backward_pass_in_double(string id)
    {
        var device = DevicesUnderTest.Get(id);
        var random = new Random(77);
        // State sizes below, at and above the 32 lanes; groups; every optional operand; reverse (odd lengths);
        // ∂(final state) given or not; no steps; no state (y = D·u only).
        foreach (var (shape, options) in new (SelectiveScanShape, int)[]
                 {
                     (new(1, 1, 1, 1), 0), (new(2, 9, 5, 3), 7), (new(2, 8, 6, 16, 2), 5 | 8), (new(1, 12, 4, 40), 3),
                     (new(3, 6, 8, 32, 4), 6 | 8), (new(1, 7, 2, 33), 2 | 8), (new(2, 0, 3, 2), 7), (new(2, 5, 3, 0), 3),
                 })
        {
            Case<double>(device, random, shape, options);
            Case<float>(device, random, shape, options);
        }
    }

    private static double Eps<T>() => typeof(T) == typeof(float) ? Math.Pow(2, -24) : Math.Pow(2, -53);

    private static T[] Cast<T>(double[] x) where T : unmanaged =>
        typeof(T) == typeof(float) ? (T[])(object)x.Select(v => (float)v).ToArray() : (T[])(object)x.ToArray();

    private static double[] Back<T>(T[] x) where T : unmanaged =>
        typeof(T) == typeof(float) ? [.. ((float[])(object)x).Select(v => (double)v)] : (double[])(object)x;

    private static double[] Random(Random random, int n, double low, double high) => [.. Enumerable.Range(0, n).Select(_ => low + (high - low) * random.NextDouble())];

    /// <summary>options bits: 1 D, 2 z, 4 bias + softplus, 8 ∂(final state); reverse when the length is odd.</summary>
    internal static void Case<T>(ComputeDevice device, Random random, SelectiveScanShape shape, int options) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var (batch, length, channels, state, groups) = shape;
        bool hasD = (options & 1) != 0, hasZ = (options & 2) != 0, softplus = (options & 4) != 0, hasFinal = (options & 8) != 0, reverse = (length & 1) == 1;
        int seq = batch * length * channels, proj = batch * groups * length * state, finalSize = batch * channels * state;
        // Inputs rounded to T, so the double reference sees exactly what the device sees.
        double[] R(double[] x) => Back(Cast<T>(x));
        double[] u = R(Random(random, seq, -1, 1)), z = R(Random(random, seq, -3, 3));
        double[] b = R(Random(random, proj, -1, 1)), c = R(Random(random, proj, -1, 1));
        double[] delta = R(softplus ? Random(random, seq, -2, 1) : Random(random, seq, 0.05, 0.55));
        double[] a = R(Random(random, channels * state, -2.1, -0.1));
        double[] skip = R(Random(random, channels, -1, 1)), bias = R(Random(random, channels, -0.8, 0.2));
        double[] dy = R(Random(random, seq, -1, 1)), dFinal = R(Random(random, finalSize, -1, 1));

        var expected = SelectiveScan.Backward(new SelectiveScanInputs<double>
        {
            U = Nd(u, batch, length, channels), Delta = Nd(delta, batch, length, channels), A = Nd(a, channels, state),
            B = Nd(b, batch, groups, length, state), C = Nd(c, batch, groups, length, state),
            D = hasD ? Nd(skip, channels) : null, Z = hasZ ? Nd(z, batch, length, channels) : null,
            DeltaBias = softplus ? Nd(bias, channels) : null, DeltaSoftplus = softplus, Reverse = reverse,
        }, Nd(dy, batch, length, channels), hasFinal ? Nd(dFinal, batch, channels, state) : null);

        using var du = device.Upload<T>(Cast<T>(u)); using var dDelta = device.Upload<T>(Cast<T>(delta)); using var dA = device.Upload<T>(Cast<T>(a));
        using var dB = device.Upload<T>(Cast<T>(b)); using var dC = device.Upload<T>(Cast<T>(c));
        using var dD = hasD ? device.Upload<T>(Cast<T>(skip)) : null;
        using var dZ = hasZ ? device.Upload<T>(Cast<T>(z)) : null;
        using var dBias = softplus ? device.Upload<T>(Cast<T>(bias)) : null;
        using var dDy = device.Upload<T>(Cast<T>(dy));
        using var dDFinal = hasFinal ? device.Upload<T>(Cast<T>(dFinal)) : null;
        using var gU = device.Allocate<T>(seq); using var gDelta = device.Allocate<T>(seq); using var gA = device.Allocate<T>(channels * state);
        using var gB = device.Allocate<T>(proj); using var gC = device.Allocate<T>(proj);
        using var gD = hasD ? device.Allocate<T>(channels) : null;
        using var gZ = hasZ ? device.Allocate<T>(seq) : null;
        using var gBias = softplus ? device.Allocate<T>(channels) : null;
        var gradients = new SelectiveScanDeviceGradients<T>(gU, gDelta, gA, gB, gC, gD, gZ, gBias);
        device.SelectiveScanBackward(shape, du, dDelta, dA, dB, dC, dD, dZ, dBias, softplus, dDy, dDFinal, gradients, reverse);
        var first = gradients.Present().Select(g => g.Buffer.ToArray()).ToArray();

        double tolerance = 32 * ((double)batch * length + state + 8) * Eps<T>();
        void Check(string name, NDArray<double>? reference, DeviceBuffer<T>? got)
        {
            if (reference is null || got is null) { Assert.True(reference is null && got is null, $"{name}: presence differs"); return; }
            var r = reference.ToArray();
            var g = Back(got.ToArray());
            Assert.Equal(r.Length, g.Length);
            double scale = r.Length == 0 ? 0 : r.Max(Math.Abs), worst = 0;
            int at = -1;
            for (int i = 0; i < r.Length; i++)
                if (!(Math.Abs(g[i] - r[i]) <= worst)) { worst = Math.Abs(g[i] - r[i]); at = i; }
            Assert.True(worst <= tolerance * scale,
                $"{device.Info.Id} {typeof(T).Name} backward {shape} options {options}: {name}[{at}] = {(at < 0 ? 0 : g[at])}, expected {(at < 0 ? 0 : r[at])}; ‖Δ‖∞ = {worst:E3} > {tolerance * scale:E3}");
        }
        Check("∂u", expected.U, gU); Check("∂Δ", expected.Delta, gDelta); Check("∂A", expected.A, gA);
        Check("∂B", expected.B, gB); Check("∂C", expected.C, gC); Check("∂D", expected.D, gD);
        Check("∂z", expected.Z, gZ); Check("∂bias", expected.DeltaBias, gBias);

        Assert.Equal(Cast<T>(u), du.ToArray());   // inputs unchanged
        Assert.Equal(Cast<T>(dy), dDy.ToArray());
        // A second call gives the same bits (fixed summation orders, no atomics).
        device.SelectiveScanBackward(shape, du, dDelta, dA, dB, dC, dD, dZ, dBias, softplus, dDy, dDFinal, gradients, reverse);
        var second = gradients.Present().Select(g => g.Buffer.ToArray()).ToArray();
        for (int i = 0; i < first.Length; i++) Assert.Equal(first[i], second[i]);
    }

    private static NDArray<double> Nd(double[] data, params int[] shape) => new(data.AsMemory(), shape);

    [Fact]
    public void Selective_scan_backward_arguments_name_the_problem()
    {
        var device = DevicesUnderTest.Get("cpu");
        var shape = new SelectiveScanShape(1, 4, 3, 2);
        using var x = device.Allocate<double>(12);
        using var small = device.Allocate<double>(5);
        using var g1 = device.Allocate<double>(12); using var g2 = device.Allocate<double>(12); using var g3 = device.Allocate<double>(12);
        using var g4 = device.Allocate<double>(12); using var g5 = device.Allocate<double>(12); using var g6 = device.Allocate<double>(12);
        var gradients = new SelectiveScanDeviceGradients<double>(g1, g2, g3, g4, g5);
        Assert.Contains("∂D", Assert.Throws<ArgumentException>(() =>
            device.SelectiveScanBackward(shape, x, x, x, x, x, x, null, null, false, x, null, gradients)).Message);          // D given, ∂D missing
        Assert.Contains("needs", Assert.Throws<ArgumentException>(() =>
            device.SelectiveScanBackward(shape, x, x, x, x, x, null, null, null, false, small, null, gradients)).Message);   // ∂y too short
        Assert.Contains("same buffer", Assert.Throws<ArgumentException>(() =>
            device.SelectiveScanBackward(shape, x, x, x, x, x, null, null, null, false, x, null, gradients with { C = g1 })).Message);
        Assert.Contains("input", Assert.Throws<ArgumentException>(() =>
            device.SelectiveScanBackward(shape, x, x, x, x, x, null, null, null, false, g6, null, gradients with { U = g6 })).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => device.SelectiveScanBackward(shape with { Groups = 2 }, x, x, x, x, x, null, null, null, false, x, null, gradients));
    }
}
