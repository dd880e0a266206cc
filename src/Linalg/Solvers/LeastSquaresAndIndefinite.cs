using System.Numerics;
using System.Numerics.Tensors;

namespace Kernels.Linalg.Solvers;

/// <summary>
/// Krylov solvers beyond SPD: CGLS for least squares <c>min ‖A·x − b‖₂</c> (CG on the normal equations without
/// forming AᵀA) and MINRES (Paige–Saunders) for symmetric, possibly indefinite A.
/// </summary>
public static partial class KrylovSolvers
{
    /// <summary>
    /// CGLS: minimises ‖b − A·x‖₂ for any m×n A (a consistent system is solved, an inconsistent one reaches the
    /// least-squares solution; from x₀ = 0 the minimum-norm one). Stops when the normal-equations residual
    /// <c>‖Aᵀ(b − A·x)‖ ≤ max(rtol·‖Aᵀb‖, atol)</c>; the history records that quantity.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes disagree or b has NaN/∞.</exception>
    public static IterativeSolverResult<T> Cgls<T>(ITransposableOperator<T> a, ReadOnlySpan<T> b, IterativeSolverOptions<T>? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        options ??= new IterativeSolverOptions<T>();
        int m = a.Rows, n = a.Columns;
        if (b.Length != m) throw new ArgumentException($"CGLS: b has {b.Length} entries, A is {m}×{n}.", nameof(b));
        for (int i = 0; i < m; i++)
            if (!T.IsFinite(b[i])) throw new ArgumentException($"CGLS: b has a non-finite value {b[i]} at {i}.", nameof(b));
        var x = new T[n];
        var r = b.ToArray();
        var s = new T[n];
        var p = new T[n];
        var q = new T[m];
        a.ApplyTranspose(r, s);
        T snorm0 = TensorPrimitives.Norm<T>(s);
        T tol = T.Max(options.RelativeTolerance * snorm0, options.AbsoluteTolerance);
        int maxIterations = options.MaxIterations ?? 10 * Math.Max(n, 1);
        var history = new List<T> { snorm0 };
        s.CopyTo(p, 0);
        T gamma = snorm0 * snorm0;
        T snorm = snorm0;
        if (snorm <= tol) return new(x, 0, true, snorm, snorm0 == T.Zero ? snorm : snorm / snorm0, history);
        for (int k = 1; k <= maxIterations; k++)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            a.Apply(p, q);
            T qq = TensorPrimitives.Dot<T>(q, q);
            if (qq == T.Zero) break; // p in the null space: nothing more to gain
            T alpha = gamma / qq;
            TensorPrimitives.MultiplyAdd(p, alpha, x, x);
            TensorPrimitives.MultiplyAdd(q, -alpha, r, r);
            a.ApplyTranspose(r, s);
            T gammaNew = TensorPrimitives.Dot<T>(s, s);
            snorm = T.Sqrt(gammaNew);
            history.Add(snorm);
            options.Progress?.Invoke(k, snorm);
            if (snorm <= tol) return new(x, k, true, snorm, snorm / snorm0, history);
            T beta = gammaNew / gamma;
            gamma = gammaNew;
            TensorPrimitives.MultiplyAdd(p, beta, s, p);
        }
        return new(x, history.Count - 1, snorm <= tol, snorm, snorm / snorm0, history);
    }

    /// <summary>
    /// MINRES (Paige–Saunders): for symmetric A (definite or not) minimises ‖b − A·x_k‖ over the Krylov space by a
    /// Lanczos recurrence and a running QR of the tridiagonal with Givens rotations. Stops when the recursive
    /// residual estimate <c>φ̄ ≤ max(rtol·‖b‖, atol)</c>. Symmetry is the caller's promise (not tested).
    /// </summary>
    /// <exception cref="ArgumentException">Not square, shapes disagree, or b has NaN/∞.</exception>
    public static IterativeSolverResult<T> Minres<T>(ILinearOperator<T> a, ReadOnlySpan<T> b, IterativeSolverOptions<T>? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        options ??= new IterativeSolverOptions<T>();
        int n = a.Rows;
        if (a.Columns != n) throw new ArgumentException($"MINRES needs a square operator; got {a.Rows}×{a.Columns}.", nameof(a));
        if (b.Length != n) throw new ArgumentException($"MINRES: b has {b.Length} entries, the operator is {n}×{n}.", nameof(b));
        for (int i = 0; i < n; i++)
            if (!T.IsFinite(b[i])) throw new ArgumentException($"MINRES: b has a non-finite value {b[i]} at {i}.", nameof(b));
        var x = new T[n];
        var r1 = b.ToArray();
        var r2 = b.ToArray();
        var y = b.ToArray();
        var v = new T[n];
        var w = new T[n];
        var w1 = new T[n];
        var w2 = new T[n];
        T beta1 = TensorPrimitives.Norm<T>(r1);
        T tol = T.Max(options.RelativeTolerance * beta1, options.AbsoluteTolerance);
        int maxIterations = options.MaxIterations ?? 5 * Math.Max(n, 1);
        var history = new List<T> { beta1 };
        if (beta1 <= tol) return new(x, 0, true, beta1, T.Zero, history);
        T oldb = T.Zero, beta = beta1, dbar = T.Zero, epsln = T.Zero, phibar = beta1, cs = -T.One, sn = T.Zero;
        T tiny = Internal.Precision<T>.Epsilon;
        for (int k = 1; k <= maxIterations; k++)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            // Lanczos step: v = y/β, y = A·v − (β/β_old)·r1 − (α/β)·r2.
            TensorPrimitives.Multiply(y, T.One / beta, v);
            a.Apply(v, y);
            if (k >= 2) TensorPrimitives.MultiplyAdd(r1, -(beta / oldb), y, y);
            T alfa = TensorPrimitives.Dot<T>(v, y);
            TensorPrimitives.MultiplyAdd(r2, -(alfa / beta), y, y);
            r2.CopyTo(r1, 0);
            y.CopyTo(r2, 0);
            oldb = beta;
            beta = TensorPrimitives.Norm<T>(r2);
            // Apply the previous rotation, form and apply the new one.
            T oldeps = epsln;
            T delta = cs * dbar + sn * alfa;
            T gbar = sn * dbar - cs * alfa;
            epsln = sn * beta;
            dbar = -cs * beta;
            T gamma = T.Max(Spectral.TridiagonalQl.Hypot(gbar, beta), tiny);
            cs = gbar / gamma;
            sn = beta / gamma;
            T phi = cs * phibar;
            phibar = sn * phibar;
            // w = (v − ε_old·w1 − δ·w2)/γ with (w1, w2) ← (w2, w); x += φ·w.
            (w1, w2, w) = (w2, w, w1);
            for (int i = 0; i < n; i++) w[i] = (v[i] - oldeps * w1[i] - delta * w2[i]) / gamma;
            TensorPrimitives.MultiplyAdd(w, phi, x, x);
            T rnorm = T.Abs(phibar);
            history.Add(rnorm);
            options.Progress?.Invoke(k, rnorm);
            if (rnorm <= tol || beta == T.Zero) return new(x, k, true, rnorm, rnorm / beta1, history);
        }
        return new(x, maxIterations, false, T.Abs(phibar), T.Abs(phibar) / beta1, history);
    }
}
