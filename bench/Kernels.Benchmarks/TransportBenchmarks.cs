using BenchmarkDotNet.Attributes;
using Kernels.Ops.Transport;
using Kernels.Tensors;
using Kernels.Tensors.Sorting;

namespace Kernels.Benchmarks;

/// <summary>
/// Issue 8: the radix sort against <c>Span.Sort</c> (100,000 doubles), the sliced Wasserstein distance (forward and
/// with gradient) at n = m = 10,000 for d = 3 and d = 64 with 50 directions, exact 1-D OT of 10⁶ samples, and 100
/// log-domain Sinkhorn iterations on 1000×1000. Compare with
/// <c>OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/swd_reference.py</c> (plain NumPy and POT).
/// </summary>
[MemoryDiagnoser]
public class TransportBenchmarks
{
    private readonly double[] _keys = NDArray.RandomNormal(1UL, 0.0, 1.0, 100_000).ToArray();
    private readonly double[] _work = new double[100_000];
    private readonly double[] _scratch = new double[100_000];

    [Params(3, 64)] public int Dimension { get; set; }

    private NDArray<double> _x = null!, _y = null!, _theta = null!;
    private readonly NDArray<double> _u = NDArray.RandomNormal(21UL, 0.0, 1.0, 1_000_000);
    private readonly NDArray<double> _v = NDArray.RandomNormal(22UL, 1.0, 1.0, 1_000_000);
    private NDArray<double> _cost = null!;

    [GlobalSetup]
    public void Setup()
    {
        _x = NDArray.RandomNormal(11UL, 0.0, 1.0, 10_000, Dimension);
        _y = NDArray.RandomNormal(12UL, 0.5, 1.0, 10_000, Dimension);
        _theta = SlicedWasserstein.RandomProjections<double>(Dimension, 50, 3);
        _cost = PairwiseDistances.SquaredEuclidean(NDArray.RandomNormal(31UL, 0.0, 1.0, 1000, 8), NDArray.RandomNormal(32UL, 1.0, 1.0, 1000, 8));
    }

    [Benchmark] public void SpanSort() { _keys.CopyTo(_work, 0); _work.AsSpan().Sort(); }

    [Benchmark] public void RadixSortDouble() { _keys.CopyTo(_work, 0); RadixSort.Sort(_work, default, _scratch, default); }

    [Benchmark] public double Swd() => SlicedWasserstein.Compute(_x, _y, new() { Projections = _theta }).Distance;

    [Benchmark] public double SwdWithGradient() => SlicedWasserstein.Compute(_x, _y, new() { Projections = _theta, ComputeGradient = true }).Distance;

    [Benchmark] public double Wasserstein1DMillion() => Wasserstein1D.Cost(_u, _v, p: 2);

    [Benchmark] public double Sinkhorn100Iterations() =>
        Sinkhorn.Solve<double>(null, null, _cost, 0.1 * NDArray.Mean(_cost), new SinkhornOptions { MaxIterations = 100, Tolerance = 0 }).Cost;
}
