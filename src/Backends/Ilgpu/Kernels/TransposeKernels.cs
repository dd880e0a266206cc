using ILGPU;

namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>
/// y = xᵀ through a 32×33 shared tile (the padding column keeps the column reads free of bank conflicts): groups
/// of 32×8 threads read 32 rows of x coalesced and write 32 rows of y coalesced.
/// </summary>
internal static class TransposeKernels
{
    public const int Tile = 32;
    public const int Rows = 8;

    public static void Transpose<T>(ArrayView<T> x, ArrayView<T> y, int rows, int cols) where T : unmanaged
    {
        var tile = SharedMemory.Allocate<T>(Tile * (Tile + 1));
        int tx = Group.IdxX, ty = Group.IdxY;
        int col0 = Grid.IdxX * Tile, row0 = Grid.IdxY * Tile;
        for (int j = 0; j < Tile; j += Rows)
        {
            int r = row0 + ty + j, c = col0 + tx;
            if (r < rows && c < cols) tile[(ty + j) * (Tile + 1) + tx] = x[(long)r * cols + c];
        }
        Group.Barrier();
        for (int j = 0; j < Tile; j += Rows)
        {
            int outRow = col0 + ty + j, outCol = row0 + tx;
            if (outRow < cols && outCol < rows) y[(long)outRow * rows + outCol] = tile[tx * (Tile + 1) + ty + j];
        }
    }
}
