using System.Numerics;
using Kernels.Tensors;
using Kernels.Tensors.Sorting;

namespace Kernels.Ops.Transport;

/// <summary>
/// Exact optimal transport between two weighted samples on the real line with ground cost |x − y|ᵖ, p ≥ 1:
/// W_pᵖ(μ, ν) = ∫₀¹ |F_μ⁻¹(q) − F_ν⁻¹(q)|ᵖ dq, attained by the monotone (quantile) coupling.
/// </summary>
public static class Wasserstein1D
{
    /// <summary>
    /// W_pᵖ between samples <paramref name="u"/> (weights <paramref name="a"/>, null = uniform) and
    /// <paramref name="v"/> (weights <paramref name="b"/>) — POT's <c>wasserstein_1d(u, v, a, b, p)</c>, which
    /// returns the p-th power.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A sample is empty, not 1-D, or holds NaN/∞; weights are negative, of the wrong length, or do not sum to 1.
    /// </exception>
    public static T Cost<T>(NDArray<T> u, NDArray<T> v, NDArray<T>? a = null, NDArray<T>? b = null, double p = 1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (su, sa, _) = Sorted(u, a, "u", "a");
        var (sv, sb, _) = Sorted(v, b, "v", "b");
        TransportInputs.RequireExponent(p);
        return T.CreateTruncating(QuantileMatching.PowerCost<T>(su, sa, sv, sb, p, Span<T>.Empty, Span<T>.Empty));
    }

    /// <summary>W_p = (W_pᵖ)^{1/p}; see <see cref="Cost{T}"/>.</summary>
    public static T Distance<T>(NDArray<T> u, NDArray<T> v, NDArray<T>? a = null, NDArray<T>? b = null, double p = 1)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        T.CreateTruncating(Math.Pow(double.CreateTruncating(Cost(u, v, a, b, p)), 1 / p));

    /// <summary>
    /// The optimal coupling: the monotone plan that matches the i-th quantile of u with the i-th quantile of v, in
    /// the samples' original indices (POT's <c>emd_1d</c>), and its cost W_pᵖ.
    /// </summary>
    public static TransportCoupling<T> Coupling<T>(NDArray<T> u, NDArray<T> v, NDArray<T>? a = null, NDArray<T>? b = null, double p = 1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (su, sa, pu) = Sorted(u, a, "u", "a");
        var (sv, sb, pv) = Sorted(v, b, "v", "b");
        TransportInputs.RequireExponent(p);
        var source = new List<int>(su.Length + sv.Length);
        var target = new List<int>(su.Length + sv.Length);
        var mass = new List<T>(su.Length + sv.Length);
        double cost = QuantileMatching.Couple<T>(su, sa, sv, sb, p, (i, j, w) =>
        {
            source.Add(pu[i]);
            target.Add(pv[j]);
            mass.Add(T.CreateTruncating(w));
        });
        return new TransportCoupling<T>(su.Length, sv.Length, [.. source], [.. target], [.. mass], T.CreateTruncating(cost));
    }

    /// <summary>Sorted copy of a sample with its permutation and its weights in sorted order (empty = uniform).</summary>
    private static (T[] Values, T[] Weights, int[] Permutation) Sorted<T>(NDArray<T> values, NDArray<T>? weights, string name, string weightName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Rank != 1 || values.Shape[0] < 1)
            throw new ArgumentException($"{name} must be a non-empty 1-D sample; got {values.ShapeString}.", name);
        TransportInputs.RequireFinite(values, name);
        var w = TransportInputs.Weights(weights, values.Shape[0], weightName, name);
        var sorted = values.ToArray();
        var permutation = new int[sorted.Length];
        for (int i = 0; i < permutation.Length; i++) permutation[i] = i;
        RadixSort.Sort<T>(sorted, permutation);
        if (w is null) return (sorted, [], permutation);
        var sortedWeights = new T[w.Length];
        for (int i = 0; i < w.Length; i++) sortedWeights[i] = w[permutation[i]];
        return (sorted, sortedWeights, permutation);
    }
}
