using System.Numerics;
using Kernels.Tensors;

namespace Kernels.Ops.StateSpace;

/// <summary>
/// HiPPO state matrices (A, B) of x′ = A·x + B·u, in the conventions of the S4 reference implementation, and the
/// S4D diagonal initialisations.
/// </summary>
public static class Hippo
{
    /// <summary>
    /// (A, B) for <paramref name="kind"/> with N = <paramref name="n"/> states:
    /// LegS: A_ij = −√((2i+1)(2j+1)) for i &gt; j, −(i+1) for i = j, 0 above; B_i = √(2i+1).
    /// LegT: A_ij = −½·√((2i+1)(2j+1))·(1 if i ≥ j else (−1)^{i−j}); B_i = ½·√(2i+1).
    /// LagT: A = I/2 − tril(𝟙); B = 𝟙.
    /// FouT: A = π·(diag(d, −1) − diag(d, 1)) − b·bᵀ with d_k = k/2 (even k), 0 (odd k), b = (1, 0, √2, 0, √2, …); B = b.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1, or odd n for FouT.</exception>
    public static (NDArray<double> A, NDArray<double> B) Transition(HippoKind kind, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var a = new NDArray<double>(n, n);
        var b = new NDArray<double>(n);
        switch (kind)
        {
            case HippoKind.LegS:
                for (int i = 0; i < n; i++)
                {
                    b[i] = Math.Sqrt(2 * i + 1);
                    for (int j = 0; j < i; j++) a[i, j] = -Math.Sqrt((2.0 * i + 1) * (2.0 * j + 1));
                    a[i, i] = -(i + 1);
                }
                break;
            case HippoKind.LegT:
                for (int i = 0; i < n; i++)
                {
                    b[i] = 0.5 * Math.Sqrt(2 * i + 1);
                    for (int j = 0; j < n; j++)
                    {
                        double sign = i >= j ? 1 : ((j - i) % 2 == 0 ? 1 : -1);
                        a[i, j] = -0.5 * Math.Sqrt((2.0 * i + 1) * (2.0 * j + 1)) * sign;
                    }
                }
                break;
            case HippoKind.LagT:
                for (int i = 0; i < n; i++)
                {
                    b[i] = 1;
                    for (int j = 0; j <= i; j++) a[i, j] = -1;
                    a[i, i] += 0.5;
                }
                break;
            case HippoKind.FouT:
                if (n % 2 != 0) throw new ArgumentOutOfRangeException(nameof(n), n, "FouT needs an even number of states (cos/sin pairs).");
                // d_k couples states k and k + 1: (0, f) pairs for the frequencies f = 0, 1, …, N/2 − 1, flattened, first 0 dropped,
                // i.e. d_k = k/2 for even k and 0 for odd k (each cos/sin pair (2f, 2f + 1) rotates at frequency f).
                var d = new double[n - 1];
                for (int k = 0; k < n - 1; k++) d[k] = k % 2 == 0 ? k / 2 : 0;
                for (int k = 0; k < n - 1; k++)
                {
                    a[k, k + 1] = -Math.PI * d[k];
                    a[k + 1, k] = Math.PI * d[k];
                }
                for (int i = 0; i < n; i++) b[i] = i == 0 ? 1 : i % 2 == 0 ? Math.Sqrt(2) : 0;
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++) a[i, j] -= b[i] * b[j];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown HiPPO kind.");
        }
        return (a, b);
    }

    /// <summary>S4D-Lin: A_n = −½ + iπn, n = 0..N−1 (B = 1).</summary>
    public static Complex[] S4DLin(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return Enumerable.Range(0, n).Select(k => new Complex(-0.5, Math.PI * k)).ToArray();
    }

    /// <summary>S4D-Inv: A_n = −½ + i·(N/π)·(N/(2n+1) − 1), n = 0..N−1 (B = 1).</summary>
    public static Complex[] S4DInv(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return Enumerable.Range(0, n).Select(k => new Complex(-0.5, n / Math.PI * (n / (2.0 * k + 1) - 1))).ToArray();
    }

    /// <summary>
    /// Timescales Δ log-uniform in [Δmin, Δmax]: Δ = exp(log Δmin + u·(log Δmax − log Δmin)), u ~ U(0, 1) from the
    /// Philox stream of <paramref name="seed"/>.
    /// </summary>
    public static double[] Timescales(int count, double minimum, double maximum, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!(minimum > 0) || !(maximum >= minimum) || !double.IsFinite(maximum))
            throw new ArgumentOutOfRangeException(nameof(minimum), $"Need 0 < Δmin ≤ Δmax < ∞; got [{minimum}, {maximum}].");
        var u = new double[count];
        Kernels.Tensors.Random.RandomFill.Uniform<double>(u, seed, 0, 1);
        double lo = Math.Log(minimum), hi = Math.Log(maximum);
        for (int i = 0; i < count; i++) u[i] = Math.Exp(lo + u[i] * (hi - lo));
        return u;
    }
}
