using System.Numerics;
using System.Numerics.Tensors;

namespace Kernels.Linalg.Solvers;

public static partial class KrylovSolvers
{
    /// <summary>
    /// LSQR (Paige–Saunders): <c>min ‖b − A·x‖₂</c> by Golub–Kahan bidiagonalisation
    /// (<c>β·u = A·v − α·u</c>, <c>α·v = Aᵀ·u − β·v</c>) and a running QR of the bidiagonal — algebraically CGLS,
    /// numerically better on ill-conditioned A. Starts from x₀ (default 0) and stops, as SciPy's <c>lsqr</c> with
    /// atol = btol = rtol, when <c>‖r‖ ≤ rtol·(‖b‖ + ‖A‖·‖x‖)</c> (a compatible system is solved) or
    /// <c>‖Aᵀr‖ ≤ rtol·‖A‖·‖r‖</c> (a least-squares solution is reached), or <c>‖r‖ ≤ atol</c>; ‖A‖ is the Frobenius
    /// estimate of the bidiagonal. The history records ‖r_k‖ (the recursive estimate φ̄); <c>ResidualNorm</c> is that
    /// estimate at the end. Operators implementing <see cref="IFusedNormalOperator{T}"/> are streamed once per step.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes disagree or b / x₀ has NaN/∞.</exception>
    public static IterativeSolverResult<T> Lsqr<T>(ITransposableOperator<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> x0 = default,
        IterativeSolverOptions<T>? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        options ??= new IterativeSolverOptions<T>();
        int m = a.Rows, n = a.Columns;
        if (b.Length != m) throw new ArgumentException($"LSQR: b has {b.Length} entries, A is {m}×{n}.", nameof(b));
        if (!x0.IsEmpty && x0.Length != n) throw new ArgumentException($"LSQR: x0 has {x0.Length} entries, A is {m}×{n}.", nameof(x0));
        for (int i = 0; i < m; i++)
            if (!T.IsFinite(b[i])) throw new ArgumentException($"LSQR: b has a non-finite value {b[i]} at {i}.", nameof(b));
        for (int i = 0; i < x0.Length; i++)
            if (!T.IsFinite(x0[i])) throw new ArgumentException($"LSQR: x0 has a non-finite value {x0[i]} at {i}.", nameof(x0));
        var fused = a as IFusedNormalOperator<T>;
        var x = new T[n];
        var u = b.ToArray();
        var v = new T[n];
        var w = new T[n];
        var t = new T[n];
        var av = fused is null ? new T[m] : null; // user operators without the fused step apply A and Aᵀ separately
        T bnorm = TensorPrimitives.Norm(b);
        if (!x0.IsEmpty)
        {
            x0.CopyTo(x);
            var ax = new T[m];
            a.Apply(x, ax);
            TensorPrimitives.Subtract(u, ax, u);
        }
        T rtol = options.RelativeTolerance;
        int maxIterations = options.MaxIterations ?? 2 * Math.Max(n, 1);
        T beta = TensorPrimitives.Norm<T>(u);
        var history = new List<T> { beta };
        if (beta <= options.AbsoluteTolerance || beta == T.Zero) return ConjugateGradient.Result(x, 0, true, beta, bnorm, history);
        TensorPrimitives.Multiply(u, T.One / beta, u);
        a.ApplyTranspose(u, v);
        T alpha = TensorPrimitives.Norm<T>(v);
        if (alpha == T.Zero) return ConjugateGradient.Result(x, 0, true, beta, bnorm, history); // Aᵀr = 0: x is already optimal
        TensorPrimitives.Multiply(v, T.One / alpha, v);
        v.CopyTo(w, 0);
        T phibar = beta, rhobar = alpha, anorm = T.Zero;
        for (int k = 1; k <= maxIterations; k++)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            // Bidiagonalisation step: u ← A·v − α·u, t = Aᵀ·u (unnormalised), then β = ‖u‖, v ← t/β − β·v.
            if (fused is not null) fused.ApplyThenTranspose(v, alpha, u, t);
            else
            {
                a.Apply(v, av);
                TensorPrimitives.MultiplyAdd(u, -alpha, av!, u);
                a.ApplyTranspose(u, t);
            }
            beta = TensorPrimitives.Norm<T>(u);
            anorm = T.Sqrt(anorm * anorm + alpha * alpha + beta * beta);
            if (beta > T.Zero)
            {
                T inv = T.One / beta;
                TensorPrimitives.Multiply(u, inv, u);
                TensorPrimitives.Multiply(t, inv, t);
                TensorPrimitives.MultiplyAdd(v, -beta, t, v);
                alpha = TensorPrimitives.Norm<T>(v);
                if (alpha > T.Zero) TensorPrimitives.Multiply(v, T.One / alpha, v);
            }
            else alpha = T.Zero;
            // Plane rotation eliminating β from the lower bidiagonal.
            T rho = Spectral.TridiagonalQl.Hypot(rhobar, beta);
            T c = rhobar / rho, s = beta / rho;
            T theta = s * alpha;
            rhobar = -c * alpha;
            T phi = c * phibar;
            phibar = s * phibar;
            // x += (φ/ρ)·w, w = v − (θ/ρ)·w.
            TensorPrimitives.MultiplyAdd(w, phi / rho, x, x);
            TensorPrimitives.MultiplyAdd(w, -(theta / rho), v, w);
            T rnorm = phibar;
            T arnorm = alpha * T.Abs(c * phibar);
            history.Add(rnorm);
            options.Progress?.Invoke(k, rnorm);
            T xnorm = TensorPrimitives.Norm<T>(x);
            bool compatible = rnorm <= rtol * (bnorm + anorm * xnorm) || rnorm <= options.AbsoluteTolerance;
            bool leastSquares = arnorm <= rtol * anorm * rnorm;
            if (compatible || leastSquares || alpha == T.Zero || beta == T.Zero) return ConjugateGradient.Result(x, k, true, rnorm, bnorm, history);
        }
        return ConjugateGradient.Result(x, maxIterations, false, phibar, bnorm, history);
    }
}
