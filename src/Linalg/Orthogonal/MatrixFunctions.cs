using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Tensors;

namespace Kernels.Linalg;

/// <summary>Functions of square matrices.</summary>
public static class MatrixFunctions
{
    // Coefficients of the [13/13] Padé approximant to exp and its 1-norm bound θ₁₃ (Higham, SIAM J. Matrix Anal. Appl.
    // 26(4), 2005): with ‖2⁻ˢA‖₁ ≤ θ₁₃ the backward error is below the unit roundoff of double.
    private static readonly double[] Pade13 =
    [
        64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000, 10559470521600,
        670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1,
    ];

    private const double Theta13 = 5.371920351148152;

    /// <summary>
    /// <c>exp(A)</c> by scaling and squaring with the [13/13] Padé approximant (Higham 2005): s = ⌈log₂(‖A‖₁/θ₁₃)⌉,
    /// <c>r(2⁻ˢA) = (V − U)⁻¹(V + U)</c>, squared s times. Evaluated in double for float input.
    /// </summary>
    public static NDArray<T> Exp<T>(NDArray<T> a, GemmOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rank != 2 || a.Shape[0] != a.Shape[1]) throw new ArgumentException($"Exp needs a square matrix; got {a.ShapeString}.", nameof(a));
        int n = a.Shape[0];
        var x = NDArray.Convert<T, double>(a);
        double norm = LuDecomposition<double>.Norm1(x.ToArray(), n, n);
        if (!double.IsFinite(norm)) throw new ArgumentException($"Exp: A ({a.ShapeString}) has non-finite entries.", nameof(a));
        int s = norm > Theta13 ? (int)Math.Ceiling(Math.Log2(norm / Theta13)) : 0;
        if (s > 0) x = NDArray.Multiply(x, NDArray.Scalar(Math.ScaleB(1.0, -s)));
        var b = Pade13;
        var a2 = LinearAlgebra.MatMul(x, x, options);
        var a4 = LinearAlgebra.MatMul(a2, a2, options);
        var a6 = LinearAlgebra.MatMul(a4, a2, options);
        var inner = Combine(b[13], a6, b[11], a4, b[9], a2, 0);
        var u = Add(LinearAlgebra.MatMul(a6, inner, options), Combine(b[7], a6, b[5], a4, b[3], a2, b[1]));
        u = LinearAlgebra.MatMul(x, u, options);
        var innerV = Combine(b[12], a6, b[10], a4, b[8], a2, 0);
        var v = Add(LinearAlgebra.MatMul(a6, innerV, options), Combine(b[6], a6, b[4], a4, b[2], a2, b[0]));
        var r = new LuDecomposition<double>(NDArray.Subtract(v, u), options).Solve(NDArray.Add(v, u));
        for (int i = 0; i < s; i++) r = LinearAlgebra.MatMul(r, r, options);
        return NDArray.Convert<double, T>(r);
    }

    private static NDArray<double> Combine(double c6, NDArray<double> a6, double c4, NDArray<double> a4, double c2, NDArray<double> a2, double c0)
    {
        int n = a6.Shape[0];
        var r = new NDArray<double>(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) r[i, j] = c6 * a6[i, j] + c4 * a4[i, j] + c2 * a2[i, j] + (i == j ? c0 : 0);
        return r;
    }

    private static NDArray<double> Add(NDArray<double> x, NDArray<double> y) => NDArray.Add(x, y);
}
