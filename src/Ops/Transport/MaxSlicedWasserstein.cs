using System.Numerics;
using Kernels.Tensors;
using Kernels.Tensors.Sorting;

namespace Kernels.Ops.Transport;

/// <summary>
/// Max-sliced Wasserstein distance max_{‖θ‖=1} W_p(θ#μ, θ#ν): the best of the random directions (POT's
/// <c>max_sliced_wasserstein_distance</c>) refined by projected gradient ascent on the sphere,
/// θ ← (θ + η·(I − θθᵀ)∇_θ W_pᵖ)/‖·‖ with step doubling on success and halving on failure.
/// </summary>
/// <remarks>
/// The objective is not concave: the result is a local maximum at least as large as the best sampled direction.
/// ∇_θ W_pᵖ = Σ_segments mass·p·|u_i − v_j|ᵖ⁻¹·sign(u_i − v_j)·(x_i − y_j), with the same quantile matching
/// (sorted permutations) as the distance itself.
/// </remarks>
public static class MaxSlicedWasserstein
{
    /// <summary>Result: the distance, the maximising direction, the best sampled distance and the ascent steps taken.</summary>
    public sealed record Result<T>(T Distance, NDArray<T> Direction, T SampledDistance, int Iterations) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>Runs the ascent from the best of the directions <paramref name="options"/> describes.</summary>
    /// <param name="x">Source points (n×d).</param>
    /// <param name="y">Target points (m×d).</param>
    /// <param name="options">Directions to start from, p, weights (gradient flag ignored).</param>
    /// <param name="maxIterations">Most accepted or rejected ascent steps.</param>
    /// <param name="tolerance">Stop when a step gains less than this fraction of W_pᵖ.</param>
    public static Result<T> Compute<T>(NDArray<T> x, NDArray<T> y, SlicedWassersteinOptions<T>? options = null, int maxIterations = 200, double tolerance = 1e-10)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        options ??= new SlicedWassersteinOptions<T>();
        ArgumentOutOfRangeException.ThrowIfNegative(maxIterations);
        var start = SlicedWasserstein.Compute(x, y, new SlicedWassersteinOptions<T>
        {
            ProjectionCount = options.ProjectionCount, Seed = options.Seed, Projections = options.Projections, P = options.P,
            SourceWeights = options.SourceWeights, TargetWeights = options.TargetWeights, Threads = options.Threads,
        });
        var costs = start.ProjectedCosts.AsSpan();
        int best = 0;
        for (int k = 1; k < costs.Length; k++) if (costs[k] > costs[best]) best = k;
        int d = x.Shape[1];
        var theta = new double[d];
        for (int i = 0; i < d; i++) theta[i] = double.CreateTruncating(start.Projections[i, best]);
        Normalise(theta);

        var problem = new Problem<T>(x.Contiguous(), y.Contiguous(), options.SourceWeights?.ToArray(), options.TargetWeights?.ToArray(), options.P);
        var gradient = new double[d];
        var candidate = new double[d];
        var trialGradient = new double[d];
        double value = problem.Evaluate(theta, gradient);
        double sampled = value;
        double step = double.NaN;
        int iterations = 0;
        while (iterations < maxIterations)
        {
            iterations++;
            // Tangent component of the gradient: ascent along the sphere.
            double radial = Dot(gradient, theta);
            for (int i = 0; i < d; i++) gradient[i] -= radial * theta[i];
            double norm = Math.Sqrt(Dot(gradient, gradient));
            if (norm == 0) break;
            if (double.IsNaN(step)) step = 0.1 / norm;
            double moved = double.NaN;
            while (step * norm > 1e-12)
            {
                for (int i = 0; i < d; i++) candidate[i] = theta[i] + step * gradient[i];
                Normalise(candidate);
                moved = problem.Evaluate(candidate, trialGradient);
                if (moved > value) break;
                step /= 2;
            }
            if (!(moved > value)) break;
            double gain = moved - value;
            (theta, candidate) = (candidate, theta);
            (gradient, trialGradient) = (trialGradient, gradient);
            value = moved;
            step *= 2;
            if (gain <= tolerance * value) break;
        }
        var direction = new NDArray<T>(d);
        for (int i = 0; i < d; i++) direction.AsSpan()[i] = T.CreateTruncating(theta[i]);
        double root = 1 / options.P;
        return new Result<T>(T.CreateTruncating(Math.Pow(value, root)), direction, T.CreateTruncating(Math.Pow(sampled, root)), iterations);
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static void Normalise(double[] v)
    {
        double norm = Math.Sqrt(Dot(v, v));
        for (int i = 0; i < v.Length; i++) v[i] /= norm;
    }

    /// <summary>W_pᵖ(θ) and ∇_θ W_pᵖ for one direction, in double.</summary>
    private sealed class Problem<T>(NDArray<T> x, NDArray<T> y, T[]? a, T[]? b, double p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly int _n = x.Shape[0], _m = y.Shape[0], _d = x.Shape[1];

        public double Evaluate(double[] theta, double[] gradient)
        {
            var u = Project(x, theta, out var pu);
            var v = Project(y, theta, out var pv);
            var wa = Gather(a, pu);
            var wb = Gather(b, pv);
            var du = new double[_n];
            var dv = new double[_m];
            double cost = QuantileMatching.PowerCost<double>(u, wa, v, wb, p, du, dv);
            Array.Clear(gradient);
            var xs = x.AsSpan();
            var ys = y.AsSpan();
            for (int k = 0; k < _n; k++)
            {
                if (du[k] == 0) continue;
                var row = xs.Slice(pu[k] * _d, _d);
                for (int i = 0; i < _d; i++) gradient[i] += du[k] * double.CreateTruncating(row[i]);
            }
            for (int k = 0; k < _m; k++)
            {
                if (dv[k] == 0) continue;
                var row = ys.Slice(pv[k] * _d, _d);
                for (int i = 0; i < _d; i++) gradient[i] += dv[k] * double.CreateTruncating(row[i]);
            }
            return cost;
        }

        private double[] Project(NDArray<T> points, double[] theta, out int[] permutation)
        {
            int count = points.Shape[0];
            var s = points.AsSpan();
            var values = new double[count];
            for (int k = 0; k < count; k++)
            {
                double acc = 0;
                var row = s.Slice(k * _d, _d);
                for (int i = 0; i < _d; i++) acc += double.CreateTruncating(row[i]) * theta[i];
                values[k] = acc;
            }
            permutation = new int[count];
            for (int k = 0; k < count; k++) permutation[k] = k;
            RadixSort.Sort(values.AsSpan(), permutation);
            return values;
        }

        private static double[] Gather(T[]? weights, int[] permutation)
        {
            if (weights is null) return [];
            var result = new double[permutation.Length];
            for (int k = 0; k < result.Length; k++) result[k] = double.CreateTruncating(weights[permutation[k]]);
            return result;
        }
    }
}
