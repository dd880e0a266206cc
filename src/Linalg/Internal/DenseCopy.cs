using System.Numerics;
using Kernels.Tensors;
using Kernels.Tensors.Simd;

namespace Kernels.Linalg.Internal;

/// <summary>Copies of tensor views into the dense row-major arrays the decompositions own, with argument checks.</summary>
internal static class DenseCopy
{
    /// <summary>A row-major copy of the 2-D <paramref name="a"/>; the caller's view is never written.</summary>
    public static T[] Matrix<T>(NDArray<T> a, string name, out int m, out int n) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(a, name);
        if (a.Rank != 2) throw new ArgumentException($"{name} must be a 2-D matrix; got shape {a.ShapeString}.", name);
        m = a.Shape[0];
        n = a.Shape[1];
        return a.ToArray();
    }

    /// <summary>
    /// Copies the 2-D <paramref name="a"/> row-major into <paramref name="destination"/> (e.g. pooled scratch, which
    /// unlike a fresh array is already mapped: on virtual machines the page faults of a fresh n² array can cost as
    /// much as an O(n²) algorithm step).
    /// </summary>
    public static void MatrixInto<T>(NDArray<T> a, Span<T> destination) where T : unmanaged
    {
        if (a.TryGetSpan(out var span))
        {
            span.CopyTo(destination);
            return;
        }
        a.Copy().TryGetSpan(out var copy);
        copy.CopyTo(destination);
    }

    /// <summary>Throws unless <paramref name="a"/> is a square 2-D matrix; returns n.</summary>
    public static int SquareOrder<T>(NDArray<T> a, string name, string routine) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(a, name);
        if (a.Rank != 2) throw new ArgumentException($"{name} must be a 2-D matrix; got shape {a.ShapeString}.", name);
        if (a.Shape[0] != a.Shape[1]) throw new ArgumentException($"{routine} needs a square matrix; got {name} {a.ShapeString}.", name);
        return a.Shape[0];
    }

    /// <summary>A square row-major copy; throws naming the shape otherwise.</summary>
    public static T[] Square<T>(NDArray<T> a, string name, string routine, out int n) where T : unmanaged
    {
        var data = Matrix(a, name, out int m, out n);
        if (m != n) throw new ArgumentException($"{routine} needs a square matrix; got {name} {a.ShapeString}.", name);
        return data;
    }

    /// <summary>Throws when <paramref name="data"/> holds NaN or ±∞ (factorizations would return garbage silently).</summary>
    public static void ThrowIfNonFinite<T>(ReadOnlySpan<T> data, string name, string routine, int cols) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = FiniteScan.FirstNonFinite(data);
        if (i >= 0)
            throw new ArgumentException(
                $"{routine}: {name} has a non-finite value {data[i]} at ({i / Math.Max(cols, 1)}, {i % Math.Max(cols, 1)}).", name);
    }

    /// <summary>
    /// <see cref="ThrowIfNonFinite{T}(ReadOnlySpan{T}, string, string, int)"/> for an array view: read in place when
    /// contiguous, else from a copy.
    /// </summary>
    public static void ThrowIfNonFinite<T>(NDArray<T> a, string name, string routine, int cols) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.TryGetSpan(out var span)) ThrowIfNonFinite<T>(span, name, routine, cols);
        else ThrowIfNonFinite<T>(a.ToArray(), name, routine, cols);
    }

    /// <summary>
    /// Rejects NaN/∞ in the lower triangle of the n×n row-major <paramref name="data"/> and copies it onto the upper
    /// triangle (symmetric solvers read the lower triangle, as NumPy's default UPLO='L'). Tiled so the transposed
    /// writes stay in cache.
    /// </summary>
    public static void MirrorLowerChecked<T>(Span<T> data, int n, string routine, string name) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
                if (!T.IsFinite(data[i * n + j]))
                    throw new ArgumentException($"{routine}: {name} ({n}×{n}) has a non-finite value {data[i * n + j]} at ({i}, {j}).", name);
        const int tile = 32;
        for (int ib = 0; ib < n; ib += tile)
            for (int jb = 0; jb <= ib; jb += tile)
                for (int i = ib; i < Math.Min(ib + tile, n); i++)
                    for (int j = jb; j < Math.Min(Math.Min(jb + tile, n), i); j++)
                        data[j * n + i] = data[i * n + j];
    }

    /// <summary>
    /// A right-hand side as an n×k row-major copy: a 1-D b of length <paramref name="rows"/> is one column
    /// (<paramref name="vector"/> set so the result can be returned 1-D, as NumPy's solve does).
    /// </summary>
    public static T[] RightHandSide<T>(NDArray<T> b, int rows, string routine, string aShape, out int k, out bool vector) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(b);
        if (b.Rank is not (1 or 2) || b.Shape[0] != rows)
            throw new ArgumentException($"{routine}: B must have {rows} rows (1-D or 2-D) to match A {aShape}; got B {b.ShapeString}.", nameof(b));
        vector = b.Rank == 1;
        k = vector ? 1 : b.Shape[1];
        return b.ToArray();
    }

    /// <summary>Wraps a row-major result as a 1-D or 2-D array.</summary>
    public static NDArray<T> Result<T>(T[] data, int rows, int cols, bool vector) where T : unmanaged =>
        vector ? NDArray.FromArray(data, rows) : NDArray.FromArray(data, rows, cols);

    /// <summary>The n×n identity (right-hand side for inverses).</summary>
    public static NDArray<T> Identity<T>(int n) where T : unmanaged, INumberBase<T>
    {
        var eye = new NDArray<T>(n, n);
        for (int i = 0; i < n; i++) eye[i, i] = T.One;
        return eye;
    }

    /// <summary>
    /// Q's first <paramref name="cols"/> columns (k ≤ cols ≤ m) from packed Householder storage (m×n row-major, the
    /// reflectors in the first k columns): the copy-then-<c>orgqr</c> step every QR-type decomposition shares.
    /// </summary>
    public static unsafe NDArray<T> FormQ<T>(T[] packed, int m, int n, T[] tau, int cols, Kernels.Linalg.Blas.GemmOptions? options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = tau.Length;
        var q = new T[m * cols];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < Math.Min(k, cols); j++) q[i * cols + j] = packed[i * n + j];
        fixed (T* p = q)
        fixed (T* t = tau)
            Kernels.Linalg.Householder.HouseholderQr.FormQ(StridedMatrix<T>.RowMajor(p, m, cols, Math.Max(cols, 1)), k, t, options);
        return NDArray.FromArray(q, m, cols);
    }
}
