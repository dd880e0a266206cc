using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;
using Kernels.Tensors;

namespace Kernels.Linalg;

/// <summary>
/// Orthogonal parametrisations and nearest-orthogonal problems: the Cayley transform and its inverse, the
/// exponential of a skew-symmetric matrix, the polar decomposition and orthogonal Procrustes.
/// </summary>
public static class OrthogonalMaps
{
    /// <summary>
    /// Cayley transform <c>Q = (I − A)·(I + A)⁻¹</c> of a skew-symmetric A (Aᵀ = −A), an orthogonal matrix without
    /// eigenvalue −1. The factors commute, so Q is computed as the solve <c>(I + A)·Q = I − A</c> (I + A is always
    /// nonsingular for skew A: its eigenvalues are 1 + iθ).
    /// </summary>
    /// <exception cref="ArgumentException">A is not square or not skew-symmetric to working accuracy.</exception>
    public static NDArray<T> Cayley<T>(NDArray<T> a, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ThrowIfNotSkew(a, "Cayley");
        var (plus, minus) = IdentityPlusMinus(a);
        return new LuDecomposition<T>(plus, options).Solve(minus);
    }

    /// <summary>
    /// Inverse Cayley transform <c>A = (I − Q)·(I + Q)⁻¹</c> (skew-symmetric when Q is orthogonal).
    /// </summary>
    /// <exception cref="SingularMatrixException">Q has the eigenvalue −1 (no Cayley preimage).</exception>
    public static NDArray<T> InverseCayley<T>(NDArray<T> q, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(q);
        if (q.Rank != 2 || q.Shape[0] != q.Shape[1]) throw new ArgumentException($"InverseCayley needs a square matrix; got {q.ShapeString}.", nameof(q));
        var (plus, minus) = IdentityPlusMinus(q);
        var lu = new LuDecomposition<T>(plus, options);
        if (lu.IsSingular) throw new SingularMatrixException($"InverseCayley: I + Q ({q.ShapeString}) is singular — Q has eigenvalue −1.", 0);
        return lu.Solve(minus);
    }

    /// <summary>
    /// <c>exp(A)</c> for skew-symmetric A: an orthogonal matrix (rotation). Scaling and squaring with the [13/13] Padé
    /// approximant (<see cref="MatrixFunctions.Exp{T}"/>), whose value at a skew matrix is exactly orthogonal in exact
    /// arithmetic; one Newton–Schulz step <c>Q ← Q·(3I − QᵀQ)/2</c> then removes the rounding drift of the squarings.
    /// </summary>
    public static NDArray<T> SkewExponential<T>(NDArray<T> a, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ThrowIfNotSkew(a, "SkewExponential");
        var q = MatrixFunctions.Exp(a, options);
        return NewtonSchulzStep(q, options);
    }

    /// <summary>
    /// Polar decomposition <c>A = U·H</c> of an m×n A (m ≥ n, full column rank): U m×n with orthonormal columns (the
    /// orthogonal matrix nearest A in every unitarily invariant norm), H n×n symmetric positive definite. Tall inputs
    /// are first reduced by QR. Higham's scaled Newton iteration <c>X ← (μX + μ⁻¹X⁻ᵀ)/2</c> with the (1,∞)-norm scaling,
    /// which converges quadratically; it stops once the step is below √(n·ε)‖X‖ and one more step has been taken.
    /// </summary>
    /// <exception cref="SingularMatrixException">A is rank deficient (the polar factor is then not unique; use the SVD).</exception>
    /// <exception cref="NonConvergenceException">No convergence in 100 iterations (not seen for finite full-rank input).</exception>
    public static (NDArray<T> U, NDArray<T> H) Polar<T>(NDArray<T> a, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rank != 2 || a.Shape[0] < a.Shape[1])
            throw new ArgumentException($"Polar needs an m×n matrix with m ≥ n; got {a.ShapeString} (for m < n take the polar factor of Aᵀ and transpose).", nameof(a));
        int m = a.Shape[0], n = a.Shape[1];
        DenseCopy.ThrowIfNonFinite<T>(a.ToArray(), nameof(a), "Polar", n);
        if (n == 0) return (new NDArray<T>(m, 0), new NDArray<T>(0, 0));
        QrDecomposition<T>? qr = m > n ? new QrDecomposition<T>(a, options) : null;
        var x = qr?.R() ?? a.Copy();
        T tolerance = T.Sqrt(T.CreateChecked(n) * Precision<T>.Epsilon);
        bool scale = true, finishing = false;
        for (int iter = 1; iter <= 100; iter++)
        {
            var lu = new LuDecomposition<T>(x, options);
            if (lu.IsSingular) throw new SingularMatrixException($"Polar: A ({a.ShapeString}) is rank deficient; the polar factor is not unique (use the SVD).", 0);
            var inv = lu.Inverse();
            T mu = T.One;
            if (scale)
            {
                T num = LuDecomposition<T>.Norm1(inv.ToArray(), n, n) * NormInf(inv);
                T den = LuDecomposition<T>.Norm1(x.ToArray(), n, n) * NormInf(x);
                mu = T.Sqrt(T.Sqrt(num / den));
            }
            var next = new NDArray<T>(n, n);
            T half = T.CreateChecked(0.5), change = T.Zero, size = T.Zero;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    T v = half * (mu * x[i, j] + inv[j, i] / mu);
                    T d = v - x[i, j];
                    change += d * d;
                    size += v * v;
                    next[i, j] = v;
                }
            x = next;
            T relative = T.Sqrt(change / size);
            if (relative < T.CreateChecked(1e-2)) scale = false; // near convergence scaling only slows quadratic steps
            if (finishing) break;
            if (relative <= tolerance) finishing = true;
            if (iter == 100) throw new NonConvergenceException($"Polar: Newton iteration did not converge in 100 steps (last relative step {relative}).", iter);
        }
        var u = qr is null ? x : qr.MultiplyQ(Pad(x, m));
        // H = Uᵀ·A, symmetrised (it is symmetric in exact arithmetic).
        var h = LinearAlgebra.MatMul(u.Transpose(), a, options);
        var hs = new NDArray<T>(n, n);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) hs[i, j] = (h[i, j] + h[j, i]) * T.CreateChecked(0.5);
        return (u, hs);
    }

    /// <summary>
    /// Orthogonal Procrustes: <c>Ω = argmin over orthogonal Ω of ‖Ω·A − B‖_F</c> for d×N A and B, the polar factor of
    /// <c>B·Aᵀ</c> (Schönemann). Needs B·Aᵀ nonsingular (otherwise the minimiser is not unique).
    /// </summary>
    public static NDArray<T> Procrustes<T>(NDArray<T> a, NDArray<T> b, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rank != 2 || b.Rank != 2 || !a.Shape.SequenceEqual(b.Shape))
            throw new ArgumentException($"Procrustes needs A and B of the same 2-D shape; got A {a.ShapeString}, B {b.ShapeString}.");
        var m = LinearAlgebra.MatMul(b, a.Transpose(), options);
        return Polar(m, options).U;
    }

    private static NDArray<T> Pad<T>(NDArray<T> x, int rows) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var p = new NDArray<T>(rows, x.Shape[1]);
        x.CopyTo(p.Slice(new AxisRange(0, x.Shape[0]), AxisRange.All));
        return p;
    }

    private static T NormInf<T>(NDArray<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
        LuDecomposition<T>.Norm1(x.Transpose().ToArray(), x.Shape[1], x.Shape[0]);

    private static NDArray<T> NewtonSchulzStep<T>(NDArray<T> q, GemmOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = q.Shape[0];
        var g = LinearAlgebra.MatMul(q.Transpose(), q, options);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) g[i, j] = (i == j ? T.CreateChecked(3) : T.Zero) - g[i, j];
        var r = LinearAlgebra.MatMul(q, g, options);
        return NDArray.Multiply(r, NDArray.Scalar(T.CreateChecked(0.5)));
    }

    private static (NDArray<T> Plus, NDArray<T> Minus) IdentityPlusMinus<T>(NDArray<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = a.Shape[0];
        var plus = a.Copy();
        var minus = NDArray.Negate(a);
        for (int i = 0; i < n; i++)
        {
            plus[i, i] += T.One;
            minus[i, i] += T.One;
        }
        return (plus, minus);
    }

    internal static void ThrowIfNotSkew<T>(NDArray<T> a, string routine) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rank != 2 || a.Shape[0] != a.Shape[1]) throw new ArgumentException($"{routine} needs a square matrix; got {a.ShapeString}.", nameof(a));
        int n = a.Shape[0];
        T max = T.Zero;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) max = T.Max(max, T.Abs(a[i, j]));
        if (!T.IsFinite(max)) throw new ArgumentException($"{routine}: A ({a.ShapeString}) has non-finite entries.", nameof(a));
        T tol = T.CreateChecked(4 * Math.Max(n, 1)) * Precision<T>.Epsilon * max;
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
                if (T.Abs(a[i, j] + a[j, i]) > tol)
                    throw new ArgumentException($"{routine} needs a skew-symmetric A (Aᵀ = −A); A[{i},{j}] + A[{j},{i}] = {a[i, j] + a[j, i]} in a {n}×{n} matrix.", nameof(a));
    }
}
