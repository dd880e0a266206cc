using System.Numerics;
using System.Numerics.Tensors;

namespace Kernels.Linalg.Sketching;

/// <summary>
/// The fast Walsh–Hadamard transform <c>x ← H·x</c> (H the unnormalised Sylvester–Hadamard matrix of order n = 2^p,
/// entries ±1, H·H = n·I) in place by log₂n butterfly passes, O(n log n). The matrix form transforms the rows of an
/// n×d row-major block: each butterfly adds and subtracts two whole rows (SIMD through
/// <see cref="TensorPrimitives"/>), so d columns cost one pass per level.
/// </summary>
public static class FastWalshHadamard
{
    /// <summary>In-place <c>x ← H·x</c>; the length must be a power of two (or 0).</summary>
    /// <exception cref="ArgumentException">The length is not a power of two.</exception>
    public static void Transform<T>(Span<T> x) where T : unmanaged, IFloatingPointIeee754<T> => TransformRows(x, x.Length, 1);

    /// <summary>In-place <c>X ← H·X</c> for X n×d row-major (n a power of two).</summary>
    public static void TransformRows<T>(Span<T> x, int n, int d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n < 0 || d < 0 || (long)n * d > x.Length) throw new ArgumentException($"FWHT: {n}×{d} block does not fit {x.Length} elements.", nameof(x));
        if (n != 0 && !BitOperations.IsPow2(n)) throw new ArgumentException($"FWHT needs a power-of-two length; got {n} (pad with zeros).", nameof(n));
        Span<T> tmp = d <= 512 ? stackalloc T[d] : new T[d];
        for (int h = 1; h < n; h *= 2)
            for (int i = 0; i < n; i += 2 * h)
                for (int j = i; j < i + h; j++)
                {
                    var a = x.Slice(j * d, d);
                    var b = x.Slice((j + h) * d, d);
                    a.CopyTo(tmp);
                    TensorPrimitives.Add(a, b, a);
                    TensorPrimitives.Subtract(tmp, b, b);
                }
    }
}
