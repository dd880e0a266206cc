using FsCheck.Xunit;
using Kernels.Ops.StateSpace;
using Kernels.Tensors;
using Xunit;

namespace Kernels.Tests.StateSpace;

/// <summary>
/// The four vision-SSM directions: a column-major grid scan must equal the plain scan of an explicitly transposed
/// copy (transposed back), bit for bit — the same arithmetic in the same order, only the addressing differs.
/// </summary>
public class GridScanTests
{
    /// <summary>(batch, height·width, rest…) in row-major grid order → the same data with the grid transposed.</summary>
    private static NDArray<double> TransposeGrid(NDArray<double> x, int height, int width)
    {
        int[] shape = [.. x.Shape];
        int[] grid = [shape[0], height, width, .. shape[2..]];
        var g = x.Reshape(grid);
        int[] axes = [0, 2, 1, .. Enumerable.Range(3, grid.Length - 3)];
        return g.Permute(axes).Copy().Reshape(shape);
    }

    [Property(MaxTest = 30)]
    public void Diagonal_scan_in_column_major_grid_order_equals_the_scan_of_the_transposed_grid(int seed)
    {
        var rng = new Random(seed);
        int batch = rng.Next(1, 3), height = rng.Next(1, 7), width = rng.Next(1, 7), channels = rng.Next(1, 9);
        int length = height * width;
        bool reverse = rng.Next(2) == 0;
        double[] Draw(double lo, double hi) => [.. Enumerable.Range(0, batch * length * channels).Select(_ => lo + (hi - lo) * rng.NextDouble())];
        var a = NDArray.FromArray(Draw(0.5, 1), batch, length, channels);
        var b = NDArray.FromArray(Draw(-1, 1), batch, length, channels);
        foreach (int chunks in new[] { 1, 2, 5 })
        {
            var options = new ScanOptions { Chunks = chunks, Grid = new GridOrder(height, width, ColumnMajor: true) };
            var (h, final) = DiagonalScan.Run(a, b, reverse: reverse, options: options);
            var (ht, finalT) = DiagonalScan.Run(TransposeGrid(a, height, width), TransposeGrid(b, height, width), reverse: reverse,
                options: new ScanOptions { Chunks = chunks });
            Assert.Equal(TransposeGrid(ht, width, height).ToArray(), h.ToArray());
            Assert.Equal(finalT.ToArray(), final.ToArray());
            // Row-major grid order is the storage order.
            var rowMajor = DiagonalScan.Run(a, b, reverse: reverse, options: new ScanOptions { Chunks = chunks, Grid = new GridOrder(height, width, false) });
            Assert.Equal(DiagonalScan.Run(a, b, reverse: reverse, options: new ScanOptions { Chunks = chunks }).States.ToArray(), rowMajor.States.ToArray());
        }
    }

    [Property(MaxTest = 20)]
    public void Selective_scan_in_all_four_directions_equals_the_scan_of_the_transposed_grid(int seed)
    {
        var rng = new Random(seed);
        int batch = rng.Next(1, 3), height = rng.Next(1, 6), width = rng.Next(1, 6), channels = rng.Next(1, 20), state = rng.Next(1, 5);
        int length = height * width;
        NDArray<double> Draw(double lo, double hi, params int[] shape) =>
            NDArray.FromArray([.. Enumerable.Range(0, shape.Aggregate(1, (p, q) => p * q)).Select(_ => lo + (hi - lo) * rng.NextDouble())], shape);
        var u = Draw(-1, 1, batch, length, channels);
        var delta = Draw(-2, 1, batch, length, channels);
        var z = Draw(-2, 2, batch, length, channels);
        var a = Draw(-2, -0.1, channels, state);
        var bm = Draw(-1, 1, batch, length, state);
        var cm = Draw(-1, 1, batch, length, state);
        var dy = Draw(-1, 1, batch, length, channels);
        foreach (bool reverse in new[] { false, true })
        {
            var grid = new SelectiveScanInputs<double>
            {
                U = u, Delta = delta, A = a, B = bm, C = cm, Z = z, DeltaSoftplus = true, Reverse = reverse,
                Grid = new GridOrder(height, width, ColumnMajor: true),
            };
            var transposed = new SelectiveScanInputs<double>
            {
                U = TransposeGrid(u, height, width), Delta = TransposeGrid(delta, height, width), A = a,
                B = TransposeGrid(bm, height, width), C = TransposeGrid(cm, height, width), Z = TransposeGrid(z, height, width),
                DeltaSoftplus = true, Reverse = reverse,
            };
            var r = SelectiveScan.Forward(grid);
            var rt = SelectiveScan.Forward(transposed);
            Assert.Equal(TransposeGrid(rt.Y, width, height).ToArray(), r.Y.ToArray());
            Assert.Equal(rt.FinalState.ToArray(), r.FinalState.ToArray());
            var g = SelectiveScan.Backward(grid, dy);
            var gt = SelectiveScan.Backward(transposed, TransposeGrid(dy, height, width));
            Assert.Equal(TransposeGrid(gt.U, width, height).ToArray(), g.U.ToArray());
            Assert.Equal(TransposeGrid(gt.Delta, width, height).ToArray(), g.Delta.ToArray());
            Assert.Equal(TransposeGrid(gt.B, width, height).ToArray(), g.B.ToArray());
            Assert.Equal(TransposeGrid(gt.C, width, height).ToArray(), g.C.ToArray());
            Assert.Equal(TransposeGrid(gt.Z!, width, height).ToArray(), g.Z!.ToArray());
            Assert.Equal(gt.A.ToArray(), g.A.ToArray());
        }
    }

    [Fact]
    public void A_grid_that_does_not_flatten_to_the_length_is_rejected()
    {
        var x = NDArray.Ones<double>(1, 12, 2);
        Assert.Contains("grid 3×5 does not flatten to the length 12",
            Assert.Throws<ArgumentException>(() => DiagonalScan.Run(x, x, options: new ScanOptions { Grid = new GridOrder(3, 5, true) })).Message);
        var inputs = new SelectiveScanInputs<double>
        {
            U = x, Delta = x, A = NDArray.Ones<double>(2, 3), B = NDArray.Ones<double>(1, 12, 3), C = NDArray.Ones<double>(1, 12, 3),
            Grid = new GridOrder(4, 4, false),
        };
        Assert.Contains("grid 4×4", Assert.Throws<ArgumentException>(() => SelectiveScan.Forward(inputs)).Message);
    }
}
