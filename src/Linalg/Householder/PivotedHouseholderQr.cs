using System.Numerics;
using Kernels.Linalg.Internal;

namespace Kernels.Linalg.Householder;

/// <summary>
/// Householder QR with column pivoting <c>A·P = Q·R</c> (Businger–Golub; LAPACK's <c>geqp2</c>): at step i the
/// remaining column of largest norm is moved to position i, so |R₀₀| ≥ |R₁₁| ≥ … and the trailing |R_ii| reveal
/// numerical rank. Column norms are downdated after each reflection and recomputed when cancellation has made the
/// downdated value unreliable (the test of Drmač and Bujanović used by LAPACK 3.x).
/// Level 2: the pivot choice needs every column's norm after every step.
/// </summary>
internal static unsafe class PivotedHouseholderQr
{
    /// <param name="a">m×n, overwritten with R and the reflectors as in <see cref="HouseholderQr.Factor{T}"/>.</param>
    /// <param name="permutation">n entries: column j of A·P is column permutation[j] of A.</param>
    /// <param name="tau">min(m, n) scalar factors.</param>
    public static void Factor<T>(StridedMatrix<T> a, int* permutation, T* tau) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = a.Rows, n = a.Cols, k = Math.Min(m, n);
        for (int j = 0; j < n; j++) permutation[j] = j;
        if (k == 0) return;
        using var scratch = new Scratch<T>(3 * n);
        T* vn1 = scratch.Pointer, vn2 = vn1 + n, work = vn2 + n;
        for (int j = 0; j < n; j++) vn1[j] = vn2[j] = StridedVector.Nrm2(m, a.At(0, j), a.Rs);
        T tol3z = T.Sqrt(Precision<T>.Epsilon);
        for (int i = 0; i < k; i++)
        {
            int p = i;
            for (int j = i + 1; j < n; j++)
                if (vn1[j] > vn1[p] || (T.IsNaN(vn1[j]) && !T.IsNaN(vn1[p]))) p = j;
            if (p != i)
            {
                StridedVector.Swap(m, a.At(0, p), a.Rs, a.At(0, i), a.Rs);
                (permutation[p], permutation[i]) = (permutation[i], permutation[p]);
                vn1[p] = vn1[i];
                vn2[p] = vn2[i];
            }
            tau[i] = Reflector.Generate(m - i, ref a[i, i], a.At(Math.Min(i + 1, m - 1), i), a.Rs);
            if (i + 1 < n) Reflector.ApplyLeft(a.Sub(i, i + 1, m - i, n - i - 1), a.At(i, i), a.Rs, tau[i], work);
            for (int j = i + 1; j < n; j++)
            {
                if (vn1[j] == T.Zero) continue;
                // ‖a_j(i+1:)‖² = ‖a_j(i:)‖² − a_ij²; recompute when the downdate has lost too many digits.
                T ratio = T.Abs(a[i, j]) / vn1[j];
                T temp = T.Max(T.Zero, T.One - ratio * ratio);
                T r2 = vn1[j] / vn2[j];
                if (temp * r2 * r2 <= tol3z)
                {
                    vn1[j] = i + 1 < m ? StridedVector.Nrm2(m - i - 1, a.At(i + 1, j), a.Rs) : T.Zero;
                    vn2[j] = vn1[j];
                }
                else vn1[j] *= T.Sqrt(temp);
            }
        }
    }
}
