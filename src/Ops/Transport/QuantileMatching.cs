using System.Numerics;
using System.Runtime.InteropServices;

namespace Kernels.Ops.Transport;

/// <summary>
/// The 1-D optimal-transport cost between two sorted weighted samples by matching quantile functions:
/// W_pᵖ = ∫₀¹ |F⁻¹(q) − G⁻¹(q)|ᵖ dq, evaluated exactly as a merge of the two cumulative-weight sequences
/// (the breakpoints POT's <c>wasserstein_1d</c> obtains by sorting and <c>searchsorted</c>), with its derivative
/// with respect to every sample. Sums are accumulated in double for float samples too.
/// </summary>
internal static class QuantileMatching
{
    /// <summary>
    /// W_pᵖ between sorted <paramref name="u"/> (weights <paramref name="a"/> in the same order; empty = uniform
    /// 1/n) and sorted <paramref name="v"/> (weights <paramref name="b"/>; empty = uniform 1/m). When
    /// <paramref name="du"/> / <paramref name="dv"/> are not empty they receive ∂W_pᵖ/∂u_k and ∂W_pᵖ/∂v_k.
    /// </summary>
    public static double PowerCost<T>(ReadOnlySpan<T> u, ReadOnlySpan<T> a, ReadOnlySpan<T> v, ReadOnlySpan<T> b, double p,
        Span<T> du, Span<T> dv)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = u.Length, m = v.Length;
        if (a.IsEmpty && b.IsEmpty && n == m)
            return du.IsEmpty && dv.IsEmpty ? EqualSizeUniform(u, v, p) : EqualSizeUniformWithDerivative(u, v, p, du, dv);
        return Merge(u, a, v, b, p, du, dv, null);
    }

    /// <summary>
    /// The equal-size, uniform-weight case of <see cref="PowerCost{T}"/> with the derivative written straight to the
    /// samples' original positions: <paramref name="coefficients"/>[σ(k)] = ∂W_pᵖ/∂u_k, σ = <paramref name="permutation"/>
    /// (u's sorting permutation). One pass instead of a derivative buffer and a separate scatter.
    /// </summary>
    public static double EqualSizeUniformScattered<T>(ReadOnlySpan<T> u, ReadOnlySpan<T> v, double p, ReadOnlySpan<int> permutation, Span<T> coefficients)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = u.Length;
        double cost = EqualSizeUniform(u, v, p);
        if (p == 2)
        {
            var scale = T.CreateTruncating(2.0 / n);
            for (int k = 0; k < n; k++) coefficients[permutation[k]] = scale * (u[k] - v[k]);
        }
        else if (p == 1)
        {
            var inv = T.CreateTruncating(1.0 / n);
            for (int k = 0; k < n; k++) coefficients[permutation[k]] = inv * T.CreateTruncating(T.Sign(u[k] - v[k]));
        }
        else
        {
            double inv = 1.0 / n;
            for (int k = 0; k < n; k++)
                coefficients[permutation[k]] = T.CreateTruncating(inv * Slope(double.CreateTruncating(u[k]) - double.CreateTruncating(v[k]), p));
        }
        return cost;
    }

    /// <summary>
    /// Walks the merged quantile breakpoints and calls <paramref name="segment"/> (i, j, mass) for every piece of
    /// positive mass: the monotone (optimal) coupling of the two sorted samples.
    /// </summary>
    public static double Couple<T>(ReadOnlySpan<T> u, ReadOnlySpan<T> a, ReadOnlySpan<T> v, ReadOnlySpan<T> b, double p,
        Action<int, int, double> segment)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Merge(u, a, v, b, p, Span<T>.Empty, Span<T>.Empty, segment);

    private static double Merge<T>(ReadOnlySpan<T> u, ReadOnlySpan<T> a, ReadOnlySpan<T> v, ReadOnlySpan<T> b, double p,
        Span<T> du, Span<T> dv, Action<int, int, double>? segment)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = u.Length, m = v.Length;
        bool uniformA = a.IsEmpty, uniformB = b.IsEmpty;
        bool wantDerivative = !du.IsEmpty || !dv.IsEmpty;
        if (!du.IsEmpty) du.Clear();
        if (!dv.IsEmpty) dv.Clear();
        // Uniform breakpoints (i+1)/n are formed from the index, not accumulated: each is correctly rounded, so equal
        // fractions of n and m compare equal and distinct ones (which differ by ≥ 1/(n·m)) keep their order.
        double cu = uniformA ? 1.0 / n : double.CreateTruncating(a[0]);
        double cv = uniformB ? 1.0 / m : double.CreateTruncating(b[0]);
        double previous = 0, total = 0;
        int i = 0, j = 0;
        bool uDone = false, vDone = false;
        while (true)
        {
            double q = Math.Min(cu, cv);
            double mass = q - previous;
            if (mass > 0)
            {
                double diff = double.CreateTruncating(u[i]) - double.CreateTruncating(v[j]);
                total += mass * Power(Math.Abs(diff), p);
                if (wantDerivative)
                {
                    double g = mass * Slope(diff, p);
                    if (!du.IsEmpty) du[i] += T.CreateTruncating(g);
                    if (!dv.IsEmpty) dv[j] -= T.CreateTruncating(g);
                }
                segment?.Invoke(i, j, mass);
                previous = q;
            }
            bool advanceU = cu <= q, advanceV = cv <= q;
            // Past the last breakpoint of one sample (its weights summed to slightly less than the other's), its
            // last value stays matched, as POT's clipped searchsorted does.
            if (advanceU)
            {
                if (i == n - 1) { uDone = true; cu = double.PositiveInfinity; }
                else { i++; cu = uniformA ? (double)(i + 1) / n : cu + double.CreateTruncating(a[i]); }
            }
            if (advanceV)
            {
                if (j == m - 1) { vDone = true; cv = double.PositiveInfinity; }
                else { j++; cv = uniformB ? (double)(j + 1) / m : cv + double.CreateTruncating(b[j]); }
            }
            if (uDone && vDone) return total;
        }
    }

    /// <summary>|d|ᵖ with the p = 1 and p = 2 cases exact and fast.</summary>
    public static double Power(double magnitude, double p) => p == 2 ? magnitude * magnitude : p == 1 ? magnitude : Math.Pow(magnitude, p);

    /// <summary>d/dd |d|ᵖ = p·|d|ᵖ⁻¹·sign(d) (0 at d = 0).</summary>
    public static double Slope(double d, double p) =>
        p == 2 ? 2 * d : p == 1 ? Math.Sign(d) : d == 0 ? 0 : p * Math.Pow(Math.Abs(d), p - 1) * Math.Sign(d);

    /// <summary>(1/n)·Σ|u_k − v_k|ᵖ; vectorised for p = 1 and 2, in blocks whose partial sums are added in double.</summary>
    private static double EqualSizeUniform<T>(ReadOnlySpan<T> u, ReadOnlySpan<T> v, double p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = u.Length;
        double total = 0;
        int k = 0;
        if ((p == 1 || p == 2) && Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            var uv = MemoryMarshal.Cast<T, Vector<T>>(u);
            var vv = MemoryMarshal.Cast<T, Vector<T>>(v);
            const int Block = 64;
            for (int start = 0; start < uv.Length; start += Block)
            {
                int end = Math.Min(uv.Length, start + Block);
                Vector<T> s0 = Vector<T>.Zero, s1 = Vector<T>.Zero;
                int c = start;
                if (p == 2)
                {
                    for (; c + 1 < end; c += 2)
                    {
                        var d0 = uv[c] - vv[c];
                        var d1 = uv[c + 1] - vv[c + 1];
                        s0 += d0 * d0;
                        s1 += d1 * d1;
                    }
                    if (c < end) { var d = uv[c] - vv[c]; s0 += d * d; }
                }
                else
                {
                    for (; c + 1 < end; c += 2)
                    {
                        s0 += Vector.Abs(uv[c] - vv[c]);
                        s1 += Vector.Abs(uv[c + 1] - vv[c + 1]);
                    }
                    if (c < end) s0 += Vector.Abs(uv[c] - vv[c]);
                }
                total += double.CreateTruncating(Vector.Sum(s0 + s1));
            }
            k = uv.Length * Vector<T>.Count;
        }
        for (; k < n; k++)
            total += Power(Math.Abs(double.CreateTruncating(u[k]) - double.CreateTruncating(v[k])), p);
        return total / n;
    }

    private static double EqualSizeUniformWithDerivative<T>(ReadOnlySpan<T> u, ReadOnlySpan<T> v, double p, Span<T> du, Span<T> dv)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = u.Length;
        double total = 0, inv = 1.0 / n;
        for (int k = 0; k < n; k++)
        {
            double d = double.CreateTruncating(u[k]) - double.CreateTruncating(v[k]);
            total += Power(Math.Abs(d), p);
            var g = T.CreateTruncating(inv * Slope(d, p));
            if (!du.IsEmpty) du[k] = g;
            if (!dv.IsEmpty) dv[k] = -g;
        }
        return total * inv;
    }
}
