using System.Numerics;
using System.Numerics.Tensors;
using Kernels.Linalg.Solvers;
using Kernels.Tensors;
using Kernels.Tensors.Random;

namespace Kernels.Linalg.Sketching;

/// <summary>An estimate with its standard error (the sample standard deviation of the probes / √probes; 0 when not
/// available).</summary>
public readonly record struct Estimate<T>(T Value, T StandardError) where T : unmanaged;

/// <summary>
/// Randomized trace and diagonal estimation for a square operator known only through products (matrix-free):
/// Hutchinson (<c>tr A ≈ (1/s)·Σ ωᵢᵀ·A·ωᵢ</c>, Rademacher ωᵢ, variance 2·Σ_{i≠j} A_ij²/s), Hutch++ (Meyer–Musco–Musco–
/// Woodruff: exact trace on a sketched top subspace plus Hutchinson on the rest, error O(1/m) instead of O(1/√m)
/// for m products), and the Bekas–Kokiopoulou–Saad diagonal estimator. Probes come from the seed.
/// </summary>
public static class TraceEstimation
{
    /// <summary>Hutchinson's estimator with <paramref name="probes"/> Rademacher vectors.</summary>
    public static Estimate<T> Hutchinson<T>(ILinearOperator<T> a, int probes, ulong seed = 0) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = CheckSquare(a, probes, "Hutchinson");
        var omega = new T[n];
        var y = new T[n];
        T sum = T.Zero, sumSquares = T.Zero;
        for (int p = 0; p < probes; p++)
        {
            Rademacher(seed, p, omega);
            a.Apply(omega, y);
            T sample = TensorPrimitives.Dot<T>(omega, y);
            sum += sample;
            sumSquares += sample * sample;
        }
        return Summarize(sum, sumSquares, probes);
    }

    /// <summary>
    /// Hutch++ with <paramref name="matrixVectorProducts"/> products split in thirds: S (n×m/3) Rademacher,
    /// Q = orth(A·S), <c>tr A ≈ tr(Qᵀ·A·Q) + (3/m)·tr(Gᵀ·(I − QQᵀ)·A·(I − QQᵀ)·G)</c>. The standard error reported is
    /// that of the Hutchinson part.
    /// </summary>
    public static Estimate<T> HutchPlusPlus<T>(ILinearOperator<T> a, int matrixVectorProducts, ulong seed = 0) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = CheckSquare(a, matrixVectorProducts, "Hutch++");
        if (matrixVectorProducts < 3) throw new ArgumentOutOfRangeException(nameof(matrixVectorProducts), $"Hutch++ needs at least 3 products; got {matrixVectorProducts}.");
        int k = Math.Min(matrixVectorProducts / 3, n), g = matrixVectorProducts - 2 * k;
        // Y = A·S, columns stored as rows of a k×n array for span access.
        var ys = new T[k * n];
        var omega = new T[n];
        for (int j = 0; j < k; j++)
        {
            Rademacher(seed, j, omega);
            a.Apply(omega, ys.AsSpan(j * n, n));
        }
        // Q (n×k) orthonormal: QR of Yᵀ's transpose view.
        var q = k > 0 ? RandomizedSvd.Orthonormal(NDArray.FromArray(ys, k, n).Transpose(), null).Transpose().Copy().ToArray() : [];
        int rankQ = k > 0 ? q.Length / n : 0;
        T top = T.Zero;
        var aq = new T[n];
        for (int j = 0; j < rankQ; j++)
        {
            a.Apply(q.AsSpan(j * n, n), aq);
            top += TensorPrimitives.Dot<T>(q.AsSpan(j * n, n), aq);
        }
        T sum = T.Zero, sumSquares = T.Zero;
        var projected = new T[n];
        var y = new T[n];
        for (int p = 0; p < g; p++)
        {
            Rademacher(seed, k + p, omega);
            omega.CopyTo(projected, 0);
            Deflate(q, rankQ, n, projected);
            a.Apply(projected, y);
            Deflate(q, rankQ, n, y);
            T sample = TensorPrimitives.Dot<T>(projected, y);
            sum += sample;
            sumSquares += sample * sample;
        }
        if (g == 0) return new Estimate<T>(top, T.Zero);
        var rest = Summarize(sum, sumSquares, g);
        return new Estimate<T>(top + rest.Value, rest.StandardError);
    }

    /// <summary>diag(A) ≈ (Σ ωᵢ ⊙ A·ωᵢ) ⊘ (Σ ωᵢ ⊙ ωᵢ) with Rademacher probes (exact for diagonal A).</summary>
    public static T[] Diagonal<T>(ILinearOperator<T> a, int probes, ulong seed = 0) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = CheckSquare(a, probes, "Diagonal estimation");
        var omega = new T[n];
        var y = new T[n];
        var numerator = new T[n];
        for (int p = 0; p < probes; p++)
        {
            Rademacher(seed, p, omega);
            a.Apply(omega, y);
            TensorPrimitives.MultiplyAdd(omega, y, numerator, numerator);
        }
        // Rademacher: Σ ωᵢ ⊙ ωᵢ = probes in every entry.
        TensorPrimitives.Divide(numerator, T.CreateTruncating(probes), numerator);
        return numerator;
    }

    /// <summary>x ← (I − Q·Qᵀ)·x for Q stored as k rows of length n (twice, classical Gram–Schmidt re-orthogonalised).</summary>
    private static void Deflate<T>(T[] q, int k, int n, Span<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int pass = 0; pass < 2; pass++)
            for (int j = 0; j < k; j++)
            {
                var qj = q.AsSpan(j * n, n);
                TensorPrimitives.MultiplyAdd<T>(qj, -TensorPrimitives.Dot<T>(qj, x), x, x);
            }
    }

    private static void Rademacher<T>(ulong seed, int probe, Span<T> omega) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Probe p uses its own stream: bits of Philox(seed, counter = p·⌈n/32⌉ + word).
        int words = (omega.Length + 31) / 32;
        for (int w = 0; w < words; w++)
        {
            uint bits = Philox4x32.Block((ulong)probe * (ulong)words + (ulong)w, 0x7ACE, seed).Item1;
            for (int b = 0; b < 32 && w * 32 + b < omega.Length; b++)
                omega[w * 32 + b] = ((bits >> b) & 1) != 0 ? T.One : -T.One;
        }
    }

    private static Estimate<T> Summarize<T>(T sum, T sumSquares, int count) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T s = T.CreateTruncating(count);
        T mean = sum / s;
        if (count < 2) return new Estimate<T>(mean, T.Zero);
        T variance = T.Max(sumSquares - s * mean * mean, T.Zero) / (s - T.One);
        return new Estimate<T>(mean, T.Sqrt(variance / s));
    }

    private static int CheckSquare<T>(ILinearOperator<T> a, int probes, string routine) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != a.Columns) throw new ArgumentException($"{routine} needs a square operator; got {a.Rows}×{a.Columns}.", nameof(a));
        if (probes < 1) throw new ArgumentOutOfRangeException(nameof(probes), $"{routine}: {probes} probes (at least 1).");
        return a.Rows;
    }
}
