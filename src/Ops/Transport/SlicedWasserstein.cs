using System.Buffers;
using System.Numerics;
using Kernels.Backends.Cpu.Scheduling;
using Kernels.Linalg;
using Kernels.Linalg.Blas;
using Kernels.Tensors;
using Kernels.Tensors.Random;

namespace Kernels.Ops.Transport;

/// <summary>
/// Sliced Wasserstein distance SW_p(μ, ν) = ((1/P)·Σ_θ W_pᵖ(θ#μ, θ#ν))^{1/p} between point clouds X (n×d) and
/// Y (m×d): project both on P directions (one GEMM per group of directions), sort every projection (radix sort),
/// match quantiles. Equals POT's <c>ot.sliced_wasserstein_distance</c> given the same directions.
/// </summary>
/// <remarks>
/// Directions are processed in groups of up to <see cref="MaxGroupSize"/> (fewer when n + m is large, see
/// <see cref="GroupBudgetBytes"/>): the group's projections are one GEMM into a pooled buffer (so memory stays
/// O((n + m)·group), not O((n + m)·P)), then the group's rows are sorted and matched in parallel. Every direction's cost is computed by one thread from the same data and the costs are summed in
/// direction order, so results are bit-identical for every thread count (they differ between ISA paths only through
/// the GEMM's rounding).
/// </remarks>
public static class SlicedWasserstein
{
    /// <summary>Most directions projected by one GEMM (a taller product runs the GEMM closer to its peak).</summary>
    public const int MaxGroupSize = 128;

    /// <summary>Bytes the projected group may occupy; the group shrinks (down to one direction) to stay within.</summary>
    public const long GroupBudgetBytes = 128L << 20;

    /// <summary>
    /// P directions uniform on the unit sphere S^{d−1}: columns of a d×P matrix of N(0, 1) draws (Philox,
    /// <see cref="RandomFill.Normal{T}"/>) divided by their norms — the construction of POT's
    /// <c>get_random_projections</c>, with our generator.
    /// </summary>
    public static NDArray<T> RandomProjections<T>(int dimension, int count, ulong seed) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var draws = new double[dimension * count];
        RandomFill.Normal<double>(draws, seed, 0, 1);
        var result = new NDArray<T>(dimension, count);
        var r = result.AsSpan();
        for (int c = 0; c < count; c++)
        {
            double norm = 0;
            for (int i = 0; i < dimension; i++) norm += draws[i * count + c] * draws[i * count + c];
            norm = Math.Sqrt(norm);
            for (int i = 0; i < dimension; i++)
                r[i * count + c] = T.CreateTruncating(norm > 0 ? draws[i * count + c] / norm : i == 0 ? 1 : 0);
        }
        return result;
    }

    /// <summary>SW_p(X, Y) and, on request, ∂SW_p/∂X.</summary>
    /// <exception cref="ArgumentException">
    /// X or Y is not an n×d matrix with n, d ≥ 1, their d differ, the directions are not d×P with P ≥ 1, a value is
    /// NaN or infinite, or weights are negative, of the wrong length, or do not sum to 1.
    /// </exception>
    public static SlicedWassersteinResult<T> Compute<T>(NDArray<T> x, NDArray<T> y, SlicedWassersteinOptions<T>? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        options ??= new SlicedWassersteinOptions<T>();
        TransportInputs.RequirePoints(x, nameof(x));
        TransportInputs.RequirePoints(y, nameof(y));
        int n = x.Shape[0], m = y.Shape[0], d = x.Shape[1];
        if (y.Shape[1] != d)
            throw new ArgumentException($"X {x.ShapeString} and Y {y.ShapeString} must have the same number of columns (dimension d).", nameof(y));
        TransportInputs.RequireExponent(options.P);
        var theta = Directions(options, d);
        var a = TransportInputs.Weights(options.SourceWeights, n, "source weights", "X");
        var b = TransportInputs.Weights(options.TargetWeights, m, "target weights", "Y");

        int count = theta.Shape[1];
        int threads = Math.Max(1, options.Threads ?? Threading.MaxThreads);
        var gemm = new GemmOptions { Threads = threads };
        int group = GroupSize<T>(n, m, count);
        var costs = new double[count];
        var gradient = options.ComputeGradient ? new NDArray<T>(n, d) : null;
        T[] uBuffer = ArrayPool<T>.Shared.Rent(group * n);
        T[] vBuffer = ArrayPool<T>.Shared.Rent(group * m);
        T[]? coefficientBuffer = gradient is null ? null : ArrayPool<T>.Shared.Rent(group * n);
        try
        {
            var job = new ProjectionJob<T>(uBuffer, vBuffer, coefficientBuffer, n, m, a, b, options.P, costs);
            for (int start = 0; start < count; start += group)
            {
                int g = Math.Min(group, count - start);
                // Rows of U are the projections θ_kᵀ·Xᵀ: contiguous, ready to sort in place.
                var thetaT = theta.Slice(AxisRange.All, new AxisRange(start, start + g)).Transpose();
                var u = new NDArray<T>(uBuffer.AsMemory(0, g * n), [g, n]);
                var v = new NDArray<T>(vBuffer.AsMemory(0, g * m), [g, m]);
                LinearAlgebra.Gemm(T.One, thetaT, x.Transpose(), T.Zero, u, gemm);
                LinearAlgebra.Gemm(T.One, thetaT, y.Transpose(), T.Zero, v, gemm);
                job.Start = start;
                job.Count = g;
                CpuWorkerPool.Run(job, Math.Min(threads, g));
                if (gradient is not null)
                {
                    // ∂/∂X Σ_θ W_pᵖ(θ) = Σ_θ c_θ·θᵀ, c_θ ∈ ℝⁿ the per-point derivative: one GEMM per group.
                    var c = new NDArray<T>(coefficientBuffer.AsMemory(0, g * n), [g, n]);
                    LinearAlgebra.Gemm(T.One, c.Transpose(), thetaT, T.One, gradient, gemm);
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(uBuffer);
            ArrayPool<T>.Shared.Return(vBuffer);
            if (coefficientBuffer is not null) ArrayPool<T>.Shared.Return(coefficientBuffer);
        }

        double sum = 0;
        for (int k = 0; k < count; k++) sum += costs[k];
        double mean = sum / count;
        double distance = Math.Pow(mean, 1 / options.P);
        if (gradient is not null)
        {
            // d/dX (S)^{1/p} = (1/p)·S^{1/p − 1}·dS, S = (1/P)·Σ_θ W_pᵖ(θ).
            double scale = mean > 0 ? Math.Pow(mean, 1 / options.P - 1) / (options.P * count) : 0;
            var span = gradient.AsSpan();
            var s = T.CreateTruncating(scale);
            for (int i = 0; i < span.Length; i++) span[i] *= s;
        }
        var perProjection = new NDArray<T>(count);
        var pp = perProjection.AsSpan();
        for (int k = 0; k < count; k++) pp[k] = T.CreateTruncating(costs[k]);
        return new SlicedWassersteinResult<T>(T.CreateTruncating(distance), perProjection, theta, gradient);
    }

    private static unsafe int GroupSize<T>(int n, int m, int count) where T : unmanaged
    {
        long perDirection = ((long)n + m) * sizeof(T); // the gradient's coefficient rows come on top: same group, better GEMM
        long fits = Math.Clamp(GroupBudgetBytes / perDirection, 1, MaxGroupSize);
        if (fits >= 16) fits = fits / 16 * 16;  // whole micro-kernel row panels
        return (int)Math.Min(fits, count);
    }

    private static NDArray<T> Directions<T>(SlicedWassersteinOptions<T> options, int d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (options.Projections is null)
        {
            if (options.ProjectionCount < 1)
                throw new ArgumentException($"The number of projections must be at least 1; got {options.ProjectionCount}.", nameof(options));
            return RandomProjections<T>(d, options.ProjectionCount, options.Seed);
        }
        var theta = options.Projections;
        if (theta.Rank != 2 || theta.Shape[0] != d || theta.Shape[1] < 1)
            throw new ArgumentException($"The projections must be a d×P matrix with d = {d} and P ≥ 1; got {theta.ShapeString}.", nameof(options));
        TransportInputs.RequireFinite(theta, "projections");
        return theta;
    }

    /// <summary>Sorts and matches the rows [Start, Start + Count) of a projected group; parts take disjoint rows.</summary>
    private sealed class ProjectionJob<T>(T[] u, T[] v, T[]? coefficients, int n, int m, T[]? a, T[]? b, double p, double[] costs) : IParallelJob
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public int Start;
        public int Count;

        public void Begin(int parts) { }

        public void Execute(int part, int parts)
        {
            int first = Count * part / parts, last = Count * (part + 1) / parts;
            if (first == last) return;
            bool sourcePermutation = coefficients is not null || a is not null;
            bool targetPermutation = b is not null;
            int longest = Math.Max(n, m);
            T[] keyScratch = ArrayPool<T>.Shared.Rent(longest);
            int[] permutation = ArrayPool<int>.Shared.Rent(longest);
            int[] permutationScratch = ArrayPool<int>.Shared.Rent(longest);
            T[] sortedWeightsA = ArrayPool<T>.Shared.Rent(a is null ? 0 : n);
            T[] sortedWeightsB = ArrayPool<T>.Shared.Rent(b is null ? 0 : m);
            T[] derivative = ArrayPool<T>.Shared.Rent(coefficients is null ? 0 : n);
            try
            {
                for (int r = first; r < last; r++)
                {
                    var uRow = u.AsSpan(r * n, n);
                    var vRow = v.AsSpan(r * m, m);
                    ReadOnlySpan<T> wb = default, wa = default;
                    if (targetPermutation)
                    {
                        SortWithPermutation(vRow, permutation.AsSpan(0, m), keyScratch, permutationScratch);
                        for (int k = 0; k < m; k++) sortedWeightsB[k] = b![permutation[k]];
                        wb = sortedWeightsB.AsSpan(0, m);
                    }
                    else Kernels.Tensors.Sorting.RadixSort.Sort(vRow, Span<int>.Empty, keyScratch, Span<int>.Empty);
                    // The source permutation is sorted last so that it is still in `permutation` for the scatter.
                    if (sourcePermutation)
                    {
                        SortWithPermutation(uRow, permutation.AsSpan(0, n), keyScratch, permutationScratch);
                        if (a is not null)
                        {
                            for (int k = 0; k < n; k++) sortedWeightsA[k] = a[permutation[k]];
                            wa = sortedWeightsA.AsSpan(0, n);
                        }
                    }
                    else Kernels.Tensors.Sorting.RadixSort.Sort(uRow, Span<int>.Empty, keyScratch, Span<int>.Empty);

                    if (coefficients is not null && a is null && b is null && n == m)
                    {
                        costs[Start + r] = QuantileMatching.EqualSizeUniformScattered<T>(uRow, vRow, p, permutation.AsSpan(0, n), coefficients.AsSpan(r * n, n));
                        continue;
                    }
                    var du = coefficients is null ? Span<T>.Empty : derivative.AsSpan(0, n);
                    costs[Start + r] = QuantileMatching.PowerCost<T>(uRow, wa, vRow, wb, p, du, Span<T>.Empty);
                    if (coefficients is not null)
                    {
                        var row = coefficients.AsSpan(r * n, n);
                        for (int k = 0; k < n; k++) row[permutation[k]] = du[k];
                    }
                }
            }
            finally
            {
                ArrayPool<T>.Shared.Return(keyScratch);
                ArrayPool<int>.Shared.Return(permutation);
                ArrayPool<int>.Shared.Return(permutationScratch);
                ArrayPool<T>.Shared.Return(sortedWeightsA);
                ArrayPool<T>.Shared.Return(sortedWeightsB);
                ArrayPool<T>.Shared.Return(derivative);
            }
        }

        private static void SortWithPermutation(Span<T> keys, Span<int> permutation, T[] keyScratch, int[] permutationScratch)
        {
            for (int k = 0; k < permutation.Length; k++) permutation[k] = k;
            Kernels.Tensors.Sorting.RadixSort.Sort(keys, permutation, keyScratch, permutationScratch);
        }
    }
}
