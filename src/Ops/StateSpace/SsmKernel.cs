using System.Numerics;
using Kernels.Tensors;

namespace Kernels.Ops.StateSpace;

/// <summary>
/// The convolution kernel of a discrete linear SSM, K[k] = C·Āᵏ·B̄ for k &lt; L, and the same system run as a
/// recurrence (x_k = Ā·x_{k−1} + B̄·u_k, y_k = C·x_k, x_{−1} = 0): y = K ⊛ u (causal), so either mode can be used.
/// </summary>
public static class SsmKernel
{
    /// <summary>
    /// Diagonal (complex) SSM: K[k] = Re Σ_n C_n·B̄_n·Ā_nᵏ — a Vandermonde product evaluated by running powers, O(N·L).
    /// (For a real system stored as conjugate pairs, as S4D does, pass one of each pair and C doubled.)
    /// </summary>
    public static double[] Diagonal(ReadOnlySpan<Complex> aBar, ReadOnlySpan<Complex> bBar, ReadOnlySpan<Complex> c, int length)
    {
        RequireSameLength(aBar.Length, bBar.Length, c.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var kernel = new double[length];
        for (int n = 0; n < aBar.Length; n++)
        {
            Complex weight = c[n] * bBar[n], a = aBar[n];
            for (int k = 0; k < length; k++)
            {
                kernel[k] += weight.Real;
                weight *= a;
            }
        }
        return kernel;
    }

    /// <summary>Dense SSM: K[k] = c·Āᵏ·b̄ by repeated matrix–vector products, O(N²·L).</summary>
    public static double[] Dense(NDArray<double> aBar, NDArray<double> bBar, NDArray<double> c, int length)
    {
        ArgumentNullException.ThrowIfNull(aBar);
        int n = aBar.Shape[0];
        if (aBar.Rank != 2 || aBar.Shape[1] != n || bBar.Rank != 1 || bBar.Shape[0] != n || c.Rank != 1 || c.Shape[0] != n)
            throw new ArgumentException($"Need Ā N×N, B̄ (N), C (N); got {aBar.ShapeString}, {bBar.ShapeString}, {c.ShapeString}.");
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var kernel = new double[length];
        var v = bBar.ToArray();
        var next = new double[n];
        var cs = c.ToArray();
        var a = aBar.Contiguous().AsSpan();
        for (int k = 0; k < length; k++)
        {
            double s = 0;
            for (int i = 0; i < n; i++) s += cs[i] * v[i];
            kernel[k] = s;
            for (int i = 0; i < n; i++)
            {
                double t = 0;
                var row = a.Slice(i * n, n);
                for (int j = 0; j < n; j++) t += row[j] * v[j];
                next[i] = t;
            }
            (v, next) = (next, v);
        }
        return kernel;
    }

    /// <summary>Recurrent mode of the diagonal system: y_k = Re Σ_n C_n·x_{k,n}, x_k = Ā ⊙ x_{k−1} + B̄·u_k.</summary>
    public static double[] RunDiagonal(ReadOnlySpan<Complex> aBar, ReadOnlySpan<Complex> bBar, ReadOnlySpan<Complex> c, ReadOnlySpan<double> u)
    {
        RequireSameLength(aBar.Length, bBar.Length, c.Length);
        var x = new Complex[aBar.Length];
        var y = new double[u.Length];
        for (int k = 0; k < u.Length; k++)
        {
            double s = 0;
            for (int n = 0; n < x.Length; n++)
            {
                x[n] = aBar[n] * x[n] + bBar[n] * u[k];
                s += (c[n] * x[n]).Real;
            }
            y[k] = s;
        }
        return y;
    }

    /// <summary>Recurrent mode of the dense system: y_k = c·x_k, x_k = Ā·x_{k−1} + b̄·u_k.</summary>
    public static double[] RunDense(NDArray<double> aBar, NDArray<double> bBar, NDArray<double> c, ReadOnlySpan<double> u)
    {
        int n = aBar.Shape[0];
        var x = new double[n];
        var next = new double[n];
        var y = new double[u.Length];
        for (int k = 0; k < u.Length; k++)
        {
            for (int i = 0; i < n; i++)
            {
                double t = bBar[i] * u[k];
                for (int j = 0; j < n; j++) t += aBar[i, j] * x[j];
                next[i] = t;
            }
            (x, next) = (next, x);
            double s = 0;
            for (int i = 0; i < n; i++) s += c[i] * x[i];
            y[k] = s;
        }
        return y;
    }

    private static void RequireSameLength(int a, int b, int c)
    {
        if (a != b || a != c) throw new ArgumentException($"Ā, B̄ and C must have one entry per state; got {a}, {b} and {c}.");
    }
}
