using System.Numerics;
using FsCheck.Xunit;
using Kernels.Ops.StateSpace;
using Kernels.Ops.StateSpace.Associative;
using Kernels.Tensors;
using Xunit;

namespace Kernels.Tests.StateSpace;

public class AssociativeScanTests
{
    /// <summary>A 2×2 matrix: a non-commutative associative product, exact on small integers.</summary>
    private readonly record struct Matrix2(double A, double B, double C, double D) : IMultiplyOperators<Matrix2, Matrix2, Matrix2>
    {
        public static Matrix2 operator *(Matrix2 x, Matrix2 y) =>
            new(x.A * y.A + x.B * y.C, x.A * y.B + x.B * y.D, x.C * y.A + x.D * y.C, x.C * y.B + x.D * y.D);
    }

    private static T[] Sequential<T, TOp>(T[] x, bool reverse) where TOp : IAssociativeOperator<T>
    {
        var y = new T[x.Length];
        if (x.Length == 0) return y;
        if (!reverse)
        {
            y[0] = x[0];
            for (int i = 1; i < x.Length; i++) y[i] = TOp.Combine(y[i - 1], x[i]);
        }
        else
        {
            y[^1] = x[^1];
            for (int i = x.Length - 2; i >= 0; i--) y[i] = TOp.Combine(y[i + 1], x[i]);
        }
        return y;
    }

    [Property(MaxTest = 40)]
    public void Chunked_scans_of_exact_operators_equal_the_sequential_definition(int seed)
    {
        var rng = new Random(seed);
        int rows = rng.Next(0, 4), length = rng.Next(0, 300);
        bool reverse = rng.Next(2) == 0;
        var sums = Enumerable.Range(0, rows * length).Select(_ => (long)rng.Next(-1000, 1000)).ToArray();
        // Entries in {−1, 0, 1} with determinant ±1 keep products small integers: exact in double.
        Matrix2[] unimodular = [new(1, 1, 0, 1), new(1, 0, 1, 1), new(0, 1, -1, 0), new(1, -1, 0, 1), new(0, 1, 1, 0)];
        var mats = Enumerable.Range(0, rows * length).Select(_ => unimodular[rng.Next(unimodular.Length)]).ToArray();
        foreach (int chunks in new[] { 1, 2, 3, 17, Math.Max(1, length) })
            foreach (int threads in new[] { 1, 2, 3 })
            {
                var options = new AssociativeScanOptions { Chunks = chunks, Threads = threads };
                var s = new long[sums.Length];
                AssociativeScan.Inclusive<long, SumOperator<long>>(sums, s, rows, length, reverse, options);
                var m = (Matrix2[])mats.Clone();   // in place
                AssociativeScan.Inclusive<Matrix2, ProductOperator<Matrix2>>(m, m, rows, length, reverse, options);
                for (int r = 0; r < rows; r++)
                {
                    Assert.Equal(Sequential<long, SumOperator<long>>(sums[(r * length)..((r + 1) * length)], reverse), s[(r * length)..((r + 1) * length)]);
                    Assert.Equal(Sequential<Matrix2, ProductOperator<Matrix2>>(mats[(r * length)..((r + 1) * length)], reverse), m[(r * length)..((r + 1) * length)]);
                }
            }
    }

    [Property(MaxTest = 30)]
    public void Linear_recurrence_pairs_give_the_diagonal_scan(int seed)
    {
        var rng = new Random(seed);
        int length = rng.Next(1, 400);
        bool reverse = rng.Next(2) == 0;
        var a = Enumerable.Range(0, length).Select(_ => 0.5 + 0.5 * rng.NextDouble()).ToArray();
        var b = Enumerable.Range(0, length).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var (h, _) = DiagonalScan.Run(NDArray.FromArray(a, 1, length, 1), NDArray.FromArray(b, 1, length, 1), reverse: reverse);
        var pairs = a.Zip(b, (p, q) => new AffinePair<double>(p, q)).ToArray();
        var sequential = new AffinePair<double>[length];
        AssociativeScan.Inclusive<AffinePair<double>, LinearRecurrence<double>>(pairs, sequential, reverse);
        // One FMA per step in both: bit-identical.
        Assert.Equal(h.ToArray(), sequential.Select(p => p.B).ToArray());
        var chunked = new AffinePair<double>[length];
        AssociativeScan.Inclusive<AffinePair<double>, LinearRecurrence<double>>(pairs, chunked, 1, length, reverse, new AssociativeScanOptions { Chunks = 7 });
        for (int t = 0; t < length; t++)
            Assert.True(Math.Abs(chunked[t].B - h[0, t, 0]) <= 8 * (length + 1) * 2.2e-16 * (1 + Math.Abs(h[0, t, 0])), $"t={t}");
    }

    [Fact]
    public void Running_maximum_propagates_nan_and_bad_arguments_are_named()
    {
        double[] x = [1, 3, 2, double.NaN, 5, 4];
        var y = new double[x.Length];
        AssociativeScan.Inclusive<double, MaxOperator<double>>(x, y, 1, x.Length, options: new AssociativeScanOptions { Chunks = 3 });
        Assert.Equal([1, 3, 3, double.NaN, double.NaN, double.NaN], y);
        Assert.Throws<ArgumentException>(() => AssociativeScan.Inclusive<double, SumOperator<double>>(new double[3], new double[2]));
        Assert.Contains("2 rows of 5 need 10", Assert.Throws<ArgumentException>(() =>
            AssociativeScan.Inclusive<double, SumOperator<double>>(new double[10], new double[9], 2, 5)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            AssociativeScan.Inclusive<double, SumOperator<double>>(new double[10], new double[10], 2, 5, options: new AssociativeScanOptions { Chunks = 0 }));
    }

    [Property(MaxTest = 25)]
    public void Complex_diagonal_scan_matches_the_plain_recurrence_and_the_complex_associative_scan(int seed)
    {
        var rng = new Random(seed);
        int batch = rng.Next(0, 3), length = rng.Next(0, 80), channels = rng.Next(0, 140);
        bool reverse = rng.Next(2) == 0, withState = rng.Next(2) == 0;
        Complex Unit() => Complex.FromPolarCoordinates(0.5 + 0.5 * rng.NextDouble(), 2 * Math.PI * rng.NextDouble());
        var a = Enumerable.Range(0, batch * length * channels).Select(_ => Unit()).ToArray();
        var b = Enumerable.Range(0, batch * length * channels).Select(_ => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5)).ToArray();
        var h0 = Enumerable.Range(0, batch * channels).Select(_ => withState ? new Complex(rng.NextDouble(), rng.NextDouble()) : Complex.Zero).ToArray();
        var h = (Complex[])b.Clone();
        var final = (Complex[])h0.Clone();
        ComplexDiagonalScan.RunInPlace(a, h, final, batch, length, channels, reverse, threads: 2);
        for (int bi = 0; bi < batch; bi++)
            for (int d = 0; d < channels; d++)
            {
                // The same channel through the generic scan: prepend h₀ as the map (0, h₀).
                var pairs = new AffinePair<Complex>[length + 1];
                pairs[0] = new AffinePair<Complex>(Complex.Zero, h0[bi * channels + d]);
                for (int s = 0; s < length; s++)
                {
                    int t = reverse ? length - 1 - s : s;
                    int at = (bi * length + t) * channels + d;
                    pairs[s + 1] = new AffinePair<Complex>(a[at], b[at]);
                }
                var scanned = new AffinePair<Complex>[length + 1];
                AssociativeScan.Inclusive<AffinePair<Complex>, ComplexLinearRecurrence>(pairs, scanned, 1, length + 1, options: new AssociativeScanOptions { Chunks = 4 });
                for (int s = 0; s < length; s++)
                {
                    int t = reverse ? length - 1 - s : s;
                    var expected = scanned[s + 1].B;
                    var got = h[(bi * length + t) * channels + d];
                    Assert.True(Complex.Abs(got - expected) <= 16 * (length + 2) * 2.2e-16 * (1 + Complex.Abs(expected)), $"({bi},{t},{d}) {got} vs {expected}");
                }
                if (length > 0) Assert.True(Complex.Abs(final[bi * channels + d] - scanned[length].B) <= 16 * (length + 2) * 2.2e-16 * (1 + Complex.Abs(scanned[length].B)));
            }
        // Thread count does not change a bit.
        var h1 = (Complex[])b.Clone();
        var f1 = (Complex[])h0.Clone();
        ComplexDiagonalScan.RunInPlace(a, h1, f1, batch, length, channels, reverse, threads: 1);
        Assert.Equal(h1, h);
        // Chunked in time: the sequential result to rounding, and bit-identical for any thread count.
        foreach (int chunks in new[] { 2, 5 })
        {
            Complex[]? first = null;
            foreach (int threads in new[] { 1, 2 })
            {
                var hc = (Complex[])b.Clone();
                var fc = (Complex[])h0.Clone();
                ComplexDiagonalScan.RunInPlace(a, hc, fc, batch, length, channels, reverse, threads: threads, chunks: chunks);
                for (int i = 0; i < hc.Length; i++)
                    Assert.True(Complex.Abs(hc[i] - h[i]) <= 16 * (length + 2) * 2.2e-16 * (1 + Complex.Abs(h[i])), $"chunks {chunks}: h[{i}] {hc[i]} vs {h[i]}");
                for (int i = 0; i < fc.Length; i++)
                    Assert.True(Complex.Abs(fc[i] - final[i]) <= 16 * (length + 2) * 2.2e-16 * (1 + Complex.Abs(final[i])), $"chunks {chunks}: final[{i}]");
                if (first is null) first = hc; else Assert.Equal(first, hc);
            }
        }
    }

    [Fact]
    public void Complex_scan_errors_name_the_problem()
    {
        Assert.Contains("batch·length·channels = 1·2·3 = 6", Assert.Throws<ArgumentException>(() =>
            ComplexDiagonalScan.RunInPlace(new Complex[6], new Complex[5], new Complex[3], 1, 2, 3)).Message);
        var a = new Complex[6];
        a[4] = new Complex(double.NaN, 0);
        Assert.Contains("a holds a non-finite value", Assert.Throws<ArgumentException>(() =>
            ComplexDiagonalScan.RunInPlace(a, new Complex[6], new Complex[3], 1, 2, 3)).Message);
    }
}
