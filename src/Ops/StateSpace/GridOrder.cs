namespace Kernels.Ops.StateSpace;

/// <summary>
/// The length axis of a scan read as a (height × width) grid flattened row-major, as vision SSMs lay out image
/// patches. <see cref="ColumnMajor"/> = false visits it row by row (the storage order); true visits it column by column
/// (top to bottom, then the next column to the right) — directly in the row-major storage, with no transposed copy.
/// With the scan's reverse flag these are the four directions of VMamba-style cross scans.
/// </summary>
public readonly record struct GridOrder(int Height, int Width, bool ColumnMajor)
{
    /// <summary>The storage index t of processing step <paramref name="step"/> of a scan over <paramref name="length"/> positions.</summary>
    internal static int TimeOf(int step, int length, bool reverse, GridOrder? grid)
    {
        int s = reverse ? length - 1 - step : step;
        if (grid is not { ColumnMajor: true } g) return s;
        return s % g.Height * g.Width + s / g.Height;
    }

    /// <summary>Height·width must equal the scanned length and both be positive (or both 0 for an empty length).</summary>
    internal static void Require(GridOrder? grid, int length, string routine)
    {
        if (grid is not { } g) return;
        if (g.Height < 0 || g.Width < 0 || (long)g.Height * g.Width != length)
            throw new ArgumentException($"{routine}: the grid {g.Height}×{g.Width} does not flatten to the length {length}.", nameof(grid));
    }
}
