namespace Kernels.Tensors;

/// <summary>Shape arithmetic shared by every tensor operation: element counts, C-order strides, broadcasting.</summary>
public static class ShapeMath
{
    /// <summary>Π shape[i], checked: throws instead of overflowing on absurd shapes.</summary>
    /// <exception cref="ArgumentException">A dimension is negative or the product exceeds <see cref="long.MaxValue"/>.</exception>
    public static long ElementCount(ReadOnlySpan<int> shape)
    {
        long n = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] < 0) throw new ArgumentException($"Shape {Format(shape)} has a negative dimension.");
            try { n = checked(n * shape[i]); }
            catch (OverflowException) { throw new ArgumentException($"Shape {Format(shape)} has more than 2^63 elements."); }
        }
        return n;
    }

    /// <summary>Row-major (C-order) strides in elements: stride[i] = Π shape[j] for j &gt; i.</summary>
    public static nint[] RowMajorStrides(ReadOnlySpan<int> shape)
    {
        var strides = new nint[shape.Length];
        nint s = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= Math.Max(shape[i], 1);
        }
        return strides;
    }

    /// <summary>Column-major (Fortran-order) strides in elements: stride[i] = Π shape[j] for j &lt; i.</summary>
    public static nint[] ColumnMajorStrides(ReadOnlySpan<int> shape)
    {
        var strides = new nint[shape.Length];
        nint s = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            strides[i] = s;
            s *= Math.Max(shape[i], 1);
        }
        return strides;
    }

    /// <summary>
    /// NumPy broadcasting: shapes are right-aligned and each pair of dimensions must be equal or one of them 1.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together; the message names both.</exception>
    public static int[] BroadcastShapes(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            int db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da == db || db == 1) result[i] = da;
            else if (da == 1) result[i] = db;
            else throw new ArgumentException($"Shapes {Format(a)} and {Format(b)} cannot be broadcast together (dimension {i}: {da} vs {db}).");
        }
        return result;
    }

    /// <summary>Formats a shape as NumPy does: <c>(2, 3)</c>, <c>(5,)</c>, <c>()</c>.</summary>
    public static string Format(ReadOnlySpan<int> shape)
    {
        if (shape.Length == 1) return $"({shape[0]},)";
        var parts = new string[shape.Length];
        for (int i = 0; i < shape.Length; i++) parts[i] = shape[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "(" + string.Join(", ", parts) + ")";
    }

    /// <summary>Normalises an axis that may be negative (counting from the end) and checks its range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is outside [-rank, rank).</exception>
    public static int NormalizeAxis(int axis, int rank)
    {
        int a = axis < 0 ? axis + rank : axis;
        if ((uint)a >= (uint)rank)
            throw new ArgumentOutOfRangeException(nameof(axis), axis, $"Axis {axis} is out of range for a tensor of rank {rank}.");
        return a;
    }

    /// <summary>Normalises a set of axes (null = all), rejecting duplicates; returned sorted ascending.</summary>
    public static int[] NormalizeAxes(ReadOnlySpan<int> axes, int rank, bool allWhenEmpty)
    {
        if (axes.IsEmpty && allWhenEmpty)
        {
            var all = new int[rank];
            for (int i = 0; i < rank; i++) all[i] = i;
            return all;
        }
        var result = new int[axes.Length];
        for (int i = 0; i < axes.Length; i++) result[i] = NormalizeAxis(axes[i], rank);
        Array.Sort(result);
        for (int i = 1; i < result.Length; i++)
            if (result[i] == result[i - 1]) throw new ArgumentException($"Axis {result[i]} is repeated in the axis set.");
        return result;
    }
}
