using System.Numerics;
using System.Numerics.Tensors;

namespace Kernels.Linalg.Solvers;

/// <summary>
/// Conjugate gradients for symmetric positive definite A (Hestenes–Stiefel), preconditioned when the options carry a
/// preconditioner, and conjugate directions with a pluggable direction proposer. Vector work uses
/// <see cref="TensorPrimitives"/>; the operator's Apply dominates.
/// </summary>
public static class ConjugateGradient
{
    /// <summary>
    /// Solves <c>A·x = b</c> (PCG when <see cref="IterativeSolverOptions{T}.Preconditioner"/> is set).
    /// </summary>
    /// <exception cref="ArgumentException">Shapes disagree, or b / x₀ has NaN/∞.</exception>
    /// <exception cref="ArithmeticException">A (or M) is detected not to be positive definite: pᵀAp ≤ 0 (or rᵀMr ≤ 0).</exception>
    public static IterativeSolverResult<T> Solve<T>(ILinearOperator<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> x0 = default, IterativeSolverOptions<T>? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        options ??= new IterativeSolverOptions<T>();
        var (n, x, r, bnorm, tol, maxIterations, history) = Start(a, b, x0, options);
        var z = new T[n];
        var p = new T[n];
        var ap = new T[n];
        var m = options.Preconditioner;
        T rnorm = history[0];
        if (rnorm <= tol) return Result(x, 0, true, rnorm, bnorm, history);
        if (m is null) r.CopyTo(z); else m.Apply(r, z);
        z.CopyTo(p, 0);
        T rz = TensorPrimitives.Dot<T>(r, z);
        for (int k = 1; k <= maxIterations; k++)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            a.Apply(p, ap);
            T pap = TensorPrimitives.Dot<T>(p, ap);
            if (!(pap > T.Zero))
                throw new ArithmeticException($"Conjugate gradient: the operator is not positive definite (pᵀAp = {pap} at iteration {k}, n = {n}).");
            T alpha = rz / pap;
            TensorPrimitives.MultiplyAdd(p, alpha, x, x);
            TensorPrimitives.MultiplyAdd(ap, -alpha, r, r);
            rnorm = TensorPrimitives.Norm<T>(r);
            history.Add(rnorm);
            options.Progress?.Invoke(k, rnorm);
            if (rnorm <= tol) return Result(x, k, true, rnorm, bnorm, history);
            if (m is null) r.CopyTo(z, 0); else m.Apply(r, z);
            T rzNew = TensorPrimitives.Dot<T>(r, z);
            if (!(rzNew > T.Zero))
                throw new ArithmeticException($"Conjugate gradient: the preconditioner is not positive definite (rᵀMr = {rzNew} at iteration {k}).");
            T beta = rzNew / rz;
            rz = rzNew;
            TensorPrimitives.MultiplyAdd(p, beta, z, p);
        }
        return Result(x, maxIterations, false, rnorm, bnorm, history);
    }

    /// <summary>
    /// Conjugate directions: at each step <paramref name="proposer"/> suggests a direction d (default: the residual),
    /// d is A-orthogonalised against the last <paramref name="memory"/> directions (<c>d −= (Ap_iᵀd / p_iᵀAp_i)·p_i</c>,
    /// with A·d updated alongside, so one operator application per step) and an exact line search
    /// <c>α = dᵀr / dᵀAd</c> follows. With the residual as proposer this is CG; with d = A⁻¹r it converges in one step.
    /// </summary>
    /// <exception cref="ArithmeticException">dᵀAd ≤ 0 for a nonzero d (A not positive definite), or the proposer keeps
    /// returning directions with no component outside the stored ones.</exception>
    public static IterativeSolverResult<T> SolveConjugateDirections<T>(ILinearOperator<T> a, ReadOnlySpan<T> b, DirectionProposer<T>? proposer = null,
        int memory = 8, ReadOnlySpan<T> x0 = default, IterativeSolverOptions<T>? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        options ??= new IterativeSolverOptions<T>();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(memory);
        var (n, x, r, bnorm, tol, maxIterations, history) = Start(a, b, x0, options);
        var d = new T[n];
        var ad = new T[n];
        var ps = new T[memory][];
        var aps = new T[memory][];
        var paps = new T[memory];
        int stored = 0, next = 0;
        T rnorm = history[0];
        if (rnorm <= tol) return Result(x, 0, true, rnorm, bnorm, history);
        for (int k = 1; k <= maxIterations; k++)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            if (proposer is null) r.CopyTo(d, 0);
            else proposer(r, x, k, d);
            a.Apply(d, ad);
            for (int s = 0; s < stored; s++)
            {
                int i = (next - 1 - s + memory) % memory;
                T c = TensorPrimitives.Dot<T>(aps[i], d) / paps[i];
                TensorPrimitives.MultiplyAdd(ps[i], -c, d, d);
                TensorPrimitives.MultiplyAdd(aps[i], -c, ad, ad);
            }
            T dad = TensorPrimitives.Dot<T>(d, ad);
            if (!(dad > T.Zero))
            {
                if (TensorPrimitives.Norm<T>(d) == T.Zero)
                    throw new ArithmeticException($"Conjugate directions: the proposed direction at iteration {k} lies in the span of the stored directions.");
                throw new ArithmeticException($"Conjugate directions: the operator is not positive definite (dᵀAd = {dad} at iteration {k}, n = {n}).");
            }
            T alpha = TensorPrimitives.Dot<T>(d, r) / dad;
            TensorPrimitives.MultiplyAdd(d, alpha, x, x);
            TensorPrimitives.MultiplyAdd(ad, -alpha, r, r);
            ps[next] ??= new T[n];
            aps[next] ??= new T[n];
            d.CopyTo(ps[next], 0);
            ad.CopyTo(aps[next], 0);
            paps[next] = dad;
            next = (next + 1) % memory;
            stored = Math.Min(stored + 1, memory);
            rnorm = TensorPrimitives.Norm<T>(r);
            history.Add(rnorm);
            options.Progress?.Invoke(k, rnorm);
            if (rnorm <= tol) return Result(x, k, true, rnorm, bnorm, history);
        }
        return Result(x, maxIterations, false, rnorm, bnorm, history);
    }

    /// <summary>Validates the arguments and forms x₀, r₀ = b − A·x₀, ‖b‖, the stopping threshold, the iteration limit
    /// and the history (holding ‖r₀‖).</summary>
    private static (int N, T[] X, T[] R, T BNorm, T Tolerance, int MaxIterations, List<T> History) Start<T>(ILinearOperator<T> a, ReadOnlySpan<T> b,
        ReadOnlySpan<T> x0, IterativeSolverOptions<T> options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = Check(a, b, x0);
        if (options.CheckSymmetry) ThrowIfNotSymmetric(a, n);
        var x = new T[n];
        if (!x0.IsEmpty) x0.CopyTo(x);
        var r = new T[n];
        a.Apply(x, r);
        TensorPrimitives.Subtract(b, r, r);
        T bnorm = TensorPrimitives.Norm(b);
        T tol = T.Max(options.RelativeTolerance * bnorm, options.AbsoluteTolerance);
        return (n, x, r, bnorm, tol, options.MaxIterations ?? 10 * n, [TensorPrimitives.Norm<T>(r)]);
    }

    /// <summary>
    /// Two-probe symmetry test: for symmetric A, uᵀ(Av) = vᵀ(Au) up to rounding (≪ √ε relative); a non-symmetric
    /// operator would make CG converge to garbage or stall without any other sign.
    /// </summary>
    private static void ThrowIfNotSymmetric<T>(ILinearOperator<T> a, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n < 2) return;
        var u = new T[n];
        var v = new T[n];
        for (int i = 0; i < n; i++)
        {
            u[i] = T.CreateTruncating(Math.Sin(1.0 + i));
            v[i] = T.CreateTruncating(Math.Cos(0.5 + 2.0 * i));
        }
        var au = new T[n];
        var av = new T[n];
        a.Apply(u, au);
        a.Apply(v, av);
        T gap = T.Abs(TensorPrimitives.Dot<T>(u, av) - TensorPrimitives.Dot<T>(v, au));
        T scale = TensorPrimitives.Norm<T>(u) * (TensorPrimitives.Norm<T>(av) + TensorPrimitives.Norm<T>(au));
        if (gap > T.Sqrt(Internal.Precision<T>.Epsilon) * scale)
            throw new ArgumentException($"Conjugate gradient needs a symmetric operator: |uᵀAv − vᵀAu| = {gap} for probe vectors (relative {gap / scale}, n = {n}); " +
                "use MINRES/LSQR, or set CheckSymmetry = false if A is symmetric by design.", nameof(a));
    }

    private static int Check<T>(ILinearOperator<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> x0) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        int n = a.Rows;
        if (a.Columns != n) throw new ArgumentException($"Conjugate gradient needs a square operator; got {a.Rows}×{a.Columns}.", nameof(a));
        if (b.Length != n) throw new ArgumentException($"Conjugate gradient: b has {b.Length} entries, the operator is {n}×{n}.", nameof(b));
        if (!x0.IsEmpty && x0.Length != n) throw new ArgumentException($"Conjugate gradient: x0 has {x0.Length} entries, the operator is {n}×{n}.", nameof(x0));
        for (int i = 0; i < n; i++)
            if (!T.IsFinite(b[i])) throw new ArgumentException($"Conjugate gradient: b has a non-finite value {b[i]} at {i}.", nameof(b));
        for (int i = 0; i < x0.Length; i++)
            if (!T.IsFinite(x0[i])) throw new ArgumentException($"Conjugate gradient: x0 has a non-finite value {x0[i]} at {i}.", nameof(x0));
        return n;
    }

    /// <summary>The result record with the relative residual ‖r‖/‖b‖ (‖r‖ itself when b = 0); shared by the Krylov solvers.</summary>
    internal static IterativeSolverResult<T> Result<T>(T[] x, int iterations, bool converged, T rnorm, T bnorm, IReadOnlyList<T> history)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        new(x, iterations, converged, rnorm, bnorm == T.Zero ? rnorm : rnorm / bnorm, history);
}
