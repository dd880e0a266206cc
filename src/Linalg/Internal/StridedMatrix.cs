using System.Numerics;
using Kernels.Linalg.Blas;

namespace Kernels.Linalg.Internal;

/// <summary>
/// A rows×cols matrix view over pinned memory: element (i, j) at <c>P[i·Rs + j·Cs]</c>. The factorizations are written
/// once against this view, so a transposed operand (LQ as the QR of Aᵀ, a column-major caller) is a stride swap,
/// never a copy. The memory must stay pinned for the view's lifetime.
/// </summary>
internal readonly unsafe struct StridedMatrix<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly T* P;
    public readonly int Rows, Cols;
    public readonly nint Rs, Cs;

    public StridedMatrix(T* p, int rows, int cols, nint rs, nint cs)
    {
        P = p;
        Rows = rows;
        Cols = cols;
        Rs = rs;
        Cs = cs;
    }

    /// <summary>A dense row-major view with leading dimension <paramref name="ld"/>.</summary>
    public static StridedMatrix<T> RowMajor(T* p, int rows, int cols, int ld) => new(p, rows, cols, ld, 1);

    public ref T this[int i, int j] => ref P[i * Rs + j * Cs];

    /// <summary>Pointer to element (i, j).</summary>
    public T* At(int i, int j) => P + i * Rs + j * Cs;

    /// <summary>The block of <paramref name="rows"/>×<paramref name="cols"/> starting at (i, j).</summary>
    public StridedMatrix<T> Sub(int i, int j, int rows, int cols) => new(P + i * Rs + j * Cs, rows, cols, Rs, Cs);

    /// <summary>The transpose, as a view.</summary>
    public StridedMatrix<T> Transposed => new(P, Cols, Rows, Cs, Rs);

    public bool IsEmpty => Rows == 0 || Cols == 0;

    /// <summary><c>C ← α·A·B + β·C</c> through the blocked GEMM.</summary>
    public static void Gemm(T alpha, StridedMatrix<T> a, StridedMatrix<T> b, T beta, StridedMatrix<T> c, GemmOptions? options)
    {
        if (a.Rows != c.Rows || b.Cols != c.Cols || a.Cols != b.Rows)
            throw new InvalidOperationException($"internal GEMM shape bug: {a.Rows}×{a.Cols} · {b.Rows}×{b.Cols} → {c.Rows}×{c.Cols}");
        GemmDispatch.Run(c.Rows, c.Cols, a.Cols, alpha, a.P, a.Rs, a.Cs, b.P, b.Rs, b.Cs, beta, c.P, c.Rs, c.Cs, options);
    }

    /// <summary>Copies this view into <paramref name="destination"/> (same shape).</summary>
    public void CopyTo(StridedMatrix<T> destination)
    {
        for (int i = 0; i < Rows; i++)
        {
            T* src = At(i, 0), dst = destination.At(i, 0);
            if (Cs == 1 && destination.Cs == 1) new ReadOnlySpan<T>(src, Cols).CopyTo(new Span<T>(dst, Cols));
            else for (int j = 0; j < Cols; j++) dst[j * destination.Cs] = src[j * Cs];
        }
    }

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public void Fill(T value)
    {
        for (int i = 0; i < Rows; i++)
        {
            T* row = At(i, 0);
            if (Cs == 1) new Span<T>(row, Cols).Fill(value);
            else for (int j = 0; j < Cols; j++) row[j * Cs] = value;
        }
    }

    /// <summary>Sets the matrix to the identity's leading rows×cols block.</summary>
    public void SetIdentity()
    {
        Fill(T.Zero);
        for (int i = 0; i < Math.Min(Rows, Cols); i++) this[i, i] = T.One;
    }
}
