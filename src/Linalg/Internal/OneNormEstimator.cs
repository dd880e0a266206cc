using System.Numerics;

namespace Kernels.Linalg.Internal;

/// <summary>
/// Hager's method with Higham's refinements (LAPACK's <c>lacn2</c>): estimates ‖B‖₁ for an operator available only
/// through products v ← B·v and v ← Bᵀ·v, typically B = A⁻¹ applied by a factorization's solves.
/// </summary>
internal static class OneNormEstimator
{
    /// <param name="n">Order of B.</param>
    /// <param name="apply">Overwrites its vector with B·v (transpose false) or Bᵀ·v (true).</param>
    public static T Estimate<T>(int n, Action<T[], bool> apply) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = new T[n];
        Array.Fill(x, T.One / T.CreateChecked(n));
        apply(x, false);
        T est = SumAbs(x);
        if (n == 1) return est;
        var sign = new T[n];
        for (int i = 0; i < n; i++) sign[i] = x[i] >= T.Zero ? T.One : -T.One;
        Array.Copy(sign, x, n);
        apply(x, true);
        int j = ArgMaxAbs(x);
        for (int iter = 2; iter <= 5; iter++)
        {
            Array.Clear(x);
            x[j] = T.One;
            apply(x, false);
            T previous = est;
            est = SumAbs(x);
            bool same = true;
            for (int i = 0; i < n; i++)
            {
                T s = x[i] >= T.Zero ? T.One : -T.One;
                if (s != sign[i]) same = false;
                sign[i] = s;
            }
            if (same || est <= previous) { est = T.Max(est, previous); break; }
            Array.Copy(sign, x, n);
            apply(x, true);
            int jLast = j;
            j = ArgMaxAbs(x);
            if (T.Abs(x[jLast]) == T.Abs(x[j])) break;
        }
        // Higham's alternating-sign test vector guards against the estimator's known bad cases.
        for (int i = 0; i < n; i++)
        {
            T mag = T.One + T.CreateChecked(i) / T.CreateChecked(n - 1);
            x[i] = i % 2 == 0 ? mag : -mag;
        }
        apply(x, false);
        T alt = (T.One + T.One) * SumAbs(x) / (T.CreateChecked(3) * T.CreateChecked(n));
        return T.Max(est, alt);
    }

    private static T SumAbs<T>(T[] x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T s = T.Zero;
        foreach (var v in x) s += T.Abs(v);
        return s;
    }

    private static int ArgMaxAbs<T>(T[] x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int best = 0;
        for (int i = 1; i < x.Length; i++)
            if (T.Abs(x[i]) > T.Abs(x[best])) best = i;
        return best;
    }
}
