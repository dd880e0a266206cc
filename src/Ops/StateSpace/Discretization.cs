using System.Numerics;
using Kernels.Linalg;
using Kernels.Tensors;

namespace Kernels.Ops.StateSpace;

/// <summary>Discretisation of linear state-space systems, diagonal (complex) and dense.</summary>
public static class Discretization
{
    /// <summary>
    /// Element-wise for a diagonal (complex) A: ZOH Ā = e^{Δa}, B̄ = (e^{Δa} − 1)/a·b (Δ·b where a = 0); bilinear
    /// Ā = (1 + Δa/2)/(1 − Δa/2), B̄ = Δ·b/(1 − Δa/2); Euler Ā = 1 + Δa, B̄ = Δ·b.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, Δ is not positive and finite, or a value is not finite.</exception>
    public static (Complex[] ABar, Complex[] BBar) Diagonal(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, double delta, DiscretizationMethod method)
    {
        if (a.Length != b.Length) throw new ArgumentException($"A has {a.Length} diagonal entries but B has {b.Length}.", nameof(b));
        if (!(delta > 0) || !double.IsFinite(delta)) throw new ArgumentException($"The step Δ must be positive and finite; got {delta}.", nameof(delta));
        var aBar = new Complex[a.Length];
        var bBar = new Complex[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            if (!double.IsFinite(a[i].Real) || !double.IsFinite(a[i].Imaginary) || !double.IsFinite(b[i].Real) || !double.IsFinite(b[i].Imaginary))
                throw new ArgumentException($"A or B holds a non-finite value at state {i}.", nameof(a));
            Complex da = delta * a[i];
            switch (method)
            {
                case DiscretizationMethod.ZeroOrderHold:
                    aBar[i] = Complex.Exp(da);
                    // (e^{Δa} − 1)/a = Δ·(e^{Δa} − 1)/(Δa), with the series near 0 to avoid cancellation.
                    bBar[i] = delta * ExpM1OverX(da) * b[i];
                    break;
                case DiscretizationMethod.Bilinear:
                    Complex denominator = 1 - da / 2;
                    aBar[i] = (1 + da / 2) / denominator;
                    bBar[i] = delta * b[i] / denominator;
                    break;
                case DiscretizationMethod.ForwardEuler:
                    aBar[i] = 1 + da;
                    bBar[i] = delta * b[i];
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(method));
            }
        }
        return (aBar, bBar);
    }

    /// <summary>(e^z − 1)/z, by its Taylor series for |z| &lt; 1e−3 (relative accuracy ~ε there too).</summary>
    private static Complex ExpM1OverX(Complex z) =>
        z.Magnitude < 1e-3 ? 1 + z / 2 + z * z / 6 + z * z * z / 24 : (Complex.Exp(z) - 1) / z;

    /// <summary>
    /// Dense A (N×N), B (N): ZOH through one matrix exponential of the block [[ΔA, ΔB], [0, 0]] (whose top row is
    /// [Ā, B̄], valid for singular A too); bilinear and Euler by their formulas with an LU solve.
    /// </summary>
    public static (NDArray<double> ABar, NDArray<double> BBar) Dense(NDArray<double> a, NDArray<double> b, double delta, DiscretizationMethod method)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rank != 2 || a.Shape[0] != a.Shape[1]) throw new ArgumentException($"A must be square; got {a.ShapeString}.", nameof(a));
        int n = a.Shape[0];
        if (b.Rank != 1 || b.Shape[0] != n) throw new ArgumentException($"B must be a vector of length {n} to match A {a.ShapeString}; got {b.ShapeString}.", nameof(b));
        if (!(delta > 0) || !double.IsFinite(delta)) throw new ArgumentException($"The step Δ must be positive and finite; got {delta}.", nameof(delta));
        var aBar = new NDArray<double>(n, n);
        var bBar = new NDArray<double>(n);
        switch (method)
        {
            case DiscretizationMethod.ZeroOrderHold:
            {
                var block = new NDArray<double>(n + 1, n + 1);
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++) block[i, j] = delta * a[i, j];
                    block[i, n] = delta * b[i];
                }
                var e = MatrixFunctions.Exp(block);
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++) aBar[i, j] = e[i, j];
                    bBar[i] = e[i, n];
                }
                break;
            }
            case DiscretizationMethod.Bilinear:
            {
                var left = new NDArray<double>(n, n);
                var right = new NDArray<double>(n, n + 1);
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        double h = delta * a[i, j] / 2;
                        left[i, j] = (i == j ? 1 : 0) - h;
                        right[i, j] = (i == j ? 1 : 0) + h;
                    }
                    right[i, n] = delta * b[i];
                }
                var solved = LinearAlgebra.Solve(left, right);
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++) aBar[i, j] = solved[i, j];
                    bBar[i] = solved[i, n];
                }
                break;
            }
            case DiscretizationMethod.ForwardEuler:
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++) aBar[i, j] = (i == j ? 1 : 0) + delta * a[i, j];
                    bBar[i] = delta * b[i];
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method));
        }
        return (aBar, bBar);
    }
}
