using System.Runtime.Intrinsics;
using Kernels.Tensors.Operators;
using Xunit;

namespace Kernels.Tests;

public class InlineExpTests
{
    private static IEnumerable<double> Arguments(double low, double high, int count)
    {
        var rng = new Random(42);
        for (int i = 0; i < count; i++) yield return low + (high - low) * rng.NextDouble();
        for (int i = -20; i <= 20; i++) yield return i * Math.Log(2);          // exact powers of two
        foreach (double x in new[] { 0.0, -0.0, 1e-30, -1e-30, 1e-8, -1e-8, 0.5, -0.5, 1, -1, 10, -10 }) yield return x;
    }

    [Fact]
    public void Float_exp_is_within_two_ulp_at_every_width()
    {
        var xs = Arguments(-104, 89, 20000).Concat([-87.3, -87.4, -100, -103.9, 88.7, 88.72]).Select(v => (float)v).ToArray();
        foreach (float x in xs)
        {
            float expected = (float)Math.Exp(x);
            float[] got =
            [
                InlineExp.Exp(Vector128.Create(x)).GetElement(0),
                InlineExp.Exp(Vector256.Create(x)).GetElement(3),
                InlineExp.Exp(Vector512.Create(x)).GetElement(15),
            ];
            foreach (float g in got)
                Assert.True(Reference.UlpDistance(g, expected) <= 2, $"exp({x:R}) = {g:R}, expected {expected:R}");
        }
    }

    [Fact]
    public void Double_exp_is_within_two_ulp_at_every_width()
    {
        var xs = Arguments(-745, 709.7, 20000).Concat([-708.4, -708.5, -740, -744.4, 709.78]).ToArray();
        foreach (double x in xs)
        {
            double expected = Math.Exp(x);
            double[] got =
            [
                InlineExp.Exp(Vector128.Create(x)).GetElement(1),
                InlineExp.Exp(Vector256.Create(x)).GetElement(2),
                InlineExp.Exp(Vector512.Create(x)).GetElement(7),
            ];
            foreach (double g in got)
                Assert.True(Reference.UlpDistance(g, expected) <= 2, $"exp({x:R}) = {g:R}, expected {expected:R}");
        }
    }

    [Fact]
    public void Limits_and_specials()
    {
        foreach (float x in new[] { float.NegativeInfinity, -1000f, -104.5f })
            Assert.Equal(0f, InlineExp.Exp(Vector256.Create(x)).GetElement(0));
        foreach (float x in new[] { float.PositiveInfinity, 1000f, 89f })
            Assert.Equal(float.PositiveInfinity, InlineExp.Exp(Vector256.Create(x)).GetElement(0));
        Assert.True(float.IsNaN(InlineExp.Exp(Vector256.Create(float.NaN)).GetElement(0)));
        foreach (double x in new[] { double.NegativeInfinity, -1e6, -746.5 })
            Assert.Equal(0.0, InlineExp.Exp(Vector512.Create(x)).GetElement(0));
        foreach (double x in new[] { double.PositiveInfinity, 1e6, 710.0 })
            Assert.Equal(double.PositiveInfinity, InlineExp.Exp(Vector512.Create(x)).GetElement(0));
        Assert.True(double.IsNaN(InlineExp.Exp(Vector128.Create(double.NaN)).GetElement(0)));
        // Subnormal results are produced, not flushed: e^−100 ≈ 3.7·10⁻⁴⁴ in float, e^−740 ≈ 4.2·10⁻³²² in double.
        Assert.True(Reference.UlpDistance(InlineExp.Exp(Vector128.Create(-100f)).GetElement(0), (float)Math.Exp(-100)) <= 2);
        Assert.True(Reference.UlpDistance(InlineExp.Exp(Vector128.Create(-740.0)).GetElement(0), Math.Exp(-740)) <= 2);
    }
}
