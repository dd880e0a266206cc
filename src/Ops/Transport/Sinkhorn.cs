using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using Kernels.Backends.Cpu.Scheduling;
using Kernels.Tensors;

namespace Kernels.Ops.Transport;

/// <summary>
/// Entropic optimal transport min_P ⟨P, M⟩ − ε·H(P) over couplings of a and b, by Sinkhorn's iteration in the log
/// domain: g_j ← ε·(log b_j − LSE_i((f_i − M_ij)/ε)), f_i ← ε·(log a_i − LSE_j((g_j − M_ij)/ε)). Working with the
/// potentials instead of the scalings exp(f/ε) never overflows or underflows, however small ε is (POT's
/// <c>sinkhorn_log</c>); optional ε-scaling warm-starts from larger ε.
/// </summary>
/// <remarks>
/// Computed in double for float inputs too. Each log-sum-exp pass streams one row of M (or of its transposed copy)
/// through vectorised exp; rows are split across threads, each row computed by one thread, so results do not depend
/// on the thread count. Non-convergence is reported in <see cref="SinkhornResult{T}.Converged"/>, not thrown.
/// </remarks>
public static class Sinkhorn
{
    /// <summary>Solves the entropic problem for the n×m cost <paramref name="cost"/> and marginals a (n), b (m).</summary>
    /// <param name="a">Source weights (non-negative, sum 1); null = uniform 1/n.</param>
    /// <param name="b">Target weights (non-negative, sum 1); null = uniform 1/m.</param>
    /// <param name="cost">Ground cost M, finite.</param>
    /// <param name="epsilon">Regularisation ε &gt; 0 (POT's <c>reg</c>).</param>
    /// <param name="options">Iteration limits and tolerance.</param>
    /// <exception cref="ArgumentException">Shapes disagree, M holds NaN/∞, or weights are invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">ε is not a positive finite number, or an option is out of range.</exception>
    public static SinkhornResult<T> Solve<T>(NDArray<T>? a, NDArray<T>? b, NDArray<T> cost, double epsilon, SinkhornOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(cost);
        options ??= new SinkhornOptions();
        if (cost.Rank != 2 || cost.Shape[0] < 1 || cost.Shape[1] < 1)
            throw new ArgumentException($"The cost must be an n×m matrix with n, m ≥ 1; got {cost.ShapeString}.", nameof(cost));
        if (!double.IsFinite(epsilon) || epsilon <= 0)
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "The entropic regularisation ε must be positive and finite.");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxIterations, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CheckEvery, 1, nameof(options));
        if (!(options.Tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(options), options.Tolerance, "The tolerance must be ≥ 0.");
        if (!(options.ScalingFactor > 1)) throw new ArgumentOutOfRangeException(nameof(options), options.ScalingFactor, "The ε-scaling factor must be > 1.");
        TransportInputs.RequireFinite(cost, "cost");
        int n = cost.Shape[0], m = cost.Shape[1];
        var wa = TransportInputs.Weights(a, n, "a", "the cost's rows");
        var wb = TransportInputs.Weights(b, m, "b", "the cost's columns");

        var logA = new double[n];
        var logB = new double[m];
        for (int i = 0; i < n; i++) logA[i] = Math.Log(wa is null ? 1.0 / n : double.CreateTruncating(wa[i]));
        for (int j = 0; j < m; j++) logB[j] = Math.Log(wb is null ? 1.0 / m : double.CreateTruncating(wb[j]));
        var bValues = new double[m];
        for (int j = 0; j < m; j++) bValues[j] = Math.Exp(logB[j]);

        // M and Mᵀ in double, both row-major, so that both half-steps stream contiguous rows.
        var mRows = new double[(long)n * m];
        var mCols = new double[(long)n * m];
        var c = cost.Contiguous().AsSpan();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                double v = double.CreateTruncating(c[i * m + j]);
                mRows[(long)i * m + j] = v;
                mCols[(long)j * n + i] = v;
            }

        var f = new double[n];
        var g = new double[m];
        var lse = new double[Math.Max(n, m)];
        int threads = Math.Max(1, options.Threads ?? Threading.MaxThreads);
        var pass = new LogSumExpPass();

        double largest = 0;
        foreach (var v in mRows) largest = Math.Max(largest, Math.Abs(v));
        var stages = new List<double>();
        if (options.EpsilonScaling)
            for (double e = largest; e > epsilon; e /= options.ScalingFactor) stages.Add(e);
        stages.Add(epsilon);

        int iterations = 0;
        double error = double.PositiveInfinity;
        bool converged = false;
        for (int s = 0; s < stages.Count && iterations < options.MaxIterations; s++)
        {
            double eps = stages[s];
            bool final = s == stages.Count - 1;
            // Intermediate stages only need a warm start: a loose tolerance.
            double tolerance = final ? options.Tolerance : Math.Max(options.Tolerance, 1e-3);
            int stageIterations = 0;
            while (iterations < options.MaxIterations)
            {
                pass.Run(mCols, m, n, f, eps, lse, threads);
                if (stageIterations > 0 && stageIterations % options.CheckEvery == 0)
                {
                    error = ColumnMarginalError(g, lse, bValues, eps);
                    if (error <= tolerance) { converged = final; break; }
                }
                for (int j = 0; j < m; j++) g[j] = eps * (logB[j] - lse[j]);
                pass.Run(mRows, n, m, g, eps, lse, threads);
                for (int i = 0; i < n; i++) f[i] = eps * (logA[i] - lse[i]);
                iterations++;
                stageIterations++;
            }
        }
        if (!converged)
        {
            pass.Run(mCols, m, n, f, epsilon, lse, threads);
            error = ColumnMarginalError(g, lse, bValues, epsilon);
            converged = error <= options.Tolerance;
        }

        var plan = new NDArray<T>(n, m);
        var p = plan.AsSpan();
        double transportCost = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                double mij = mRows[(long)i * m + j];
                double pij = Math.Exp((f[i] + g[j] - mij) / epsilon);
                p[i * m + j] = T.CreateTruncating(pij);
                transportCost += pij * mij;
            }
        var fOut = new NDArray<T>(n);
        var gOut = new NDArray<T>(m);
        for (int i = 0; i < n; i++) fOut.AsSpan()[i] = T.CreateTruncating(f[i]);
        for (int j = 0; j < m; j++) gOut.AsSpan()[j] = T.CreateTruncating(g[j]);
        return new SinkhornResult<T>(plan, transportCost, fOut, gOut, iterations, error, converged);
    }

    /// <summary>
    /// Sinkhorn between point clouds X (n×d) and Y (m×d) under the squared Euclidean cost
    /// (<see cref="PairwiseDistances.SquaredEuclidean{T}"/>).
    /// </summary>
    public static SinkhornResult<T> SolvePoints<T>(NDArray<T> x, NDArray<T> y, double epsilon, NDArray<T>? a = null, NDArray<T>? b = null, SinkhornOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Solve(a, b, PairwiseDistances.SquaredEuclidean(x, y), epsilon, options);

    /// <summary>‖Pᵀ·𝟙 − b‖₂ with column sums exp((g_j + ε·LSE_i((f_i − M_ij)/ε))/ε) = exp(g_j/ε + lse_j).</summary>
    private static double ColumnMarginalError(double[] g, double[] lse, double[] b, double eps)
    {
        double sum = 0;
        for (int j = 0; j < g.Length; j++)
        {
            double d = Math.Exp(g[j] / eps + lse[j]) - b[j];
            sum += d * d;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>out_r = LSE_c((potential_c − K_rc)/ε) for every row r of a row-major R×C matrix K, rows split across parts.</summary>
    private sealed class LogSumExpPass : IParallelJob
    {
        private double[] _k = [];
        private double[] _potential = [];
        private double[] _output = [];
        private int _rows, _columns;
        private double _epsilon;

        public void Run(double[] k, int rows, int columns, double[] potential, double epsilon, double[] output, int threads)
        {
            _k = k; _rows = rows; _columns = columns; _potential = potential; _epsilon = epsilon; _output = output;
            long work = (long)rows * columns;
            CpuWorkerPool.Run(this, work < 1 << 15 ? 1 : Math.Min(threads, rows));
        }

        public void Begin(int parts) { }

        public void Execute(int part, int parts)
        {
            int first = (int)((long)_rows * part / parts), last = (int)((long)_rows * (part + 1) / parts);
            double[] t = ArrayPool<double>.Shared.Rent(_columns);
            try
            {
                var row = t.AsSpan(0, _columns);
                double inverse = 1 / _epsilon;
                for (int r = first; r < last; r++)
                {
                    var kr = _k.AsSpan((int)((long)r * _columns), _columns);
                    TensorPrimitives.Subtract(_potential.AsSpan(0, _columns), kr, row);
                    TensorPrimitives.Multiply(row, inverse, row);
                    double max = TensorPrimitives.Max(row);
                    if (double.IsNegativeInfinity(max)) { _output[r] = max; continue; }
                    TensorPrimitives.Subtract(row, max, row);
                    TensorPrimitives.Exp(row, row);
                    _output[r] = max + Math.Log(TensorPrimitives.Sum(row));
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(t);
            }
        }
    }
}
