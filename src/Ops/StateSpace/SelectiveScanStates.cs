using System.Numerics;
using Kernels.Tensors;

namespace Kernels.Ops.StateSpace;

/// <summary>
/// Moves a tile's state between the kernels' layout (state, tile) — channels contiguous, the vector lanes — and
/// the public layout (batch, channels, state).
/// </summary>
internal static class SelectiveScanStates
{
    /// <summary>tile[n, c] = source[batch, start + c, n], or 0 without a source.</summary>
    public static void Load<T>(NDArray<T>? source, Span<T> tile, int batch, int start, int width, int channels, int stateSize)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (source is null) { tile.Clear(); return; }
        var s = source.AsSpan();
        for (int c = 0; c < width; c++)
        {
            int at = (batch * channels + start + c) * stateSize;
            for (int n = 0; n < stateSize; n++) tile[n * width + c] = s[at + n];
        }
    }

    /// <summary>destination[batch, start + c, n] = tile[n, c].</summary>
    public static void Store<T>(ReadOnlySpan<T> tile, Span<T> destination, int batch, int start, int width, int channels, int stateSize)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int c = 0; c < width; c++)
        {
            int at = (batch * channels + start + c) * stateSize;
            for (int n = 0; n < stateSize; n++) destination[at + n] = tile[n * width + c];
        }
    }
}
