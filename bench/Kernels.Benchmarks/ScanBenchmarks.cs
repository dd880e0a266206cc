using System.Numerics;
using BenchmarkDotNet.Attributes;
using Kernels.Ops.StateSpace;
using Kernels.Ops.StateSpace.Associative;
using Kernels.Tensors;

namespace Kernels.Benchmarks;

/// <summary>
/// Issue 7's scans besides the selective scan: the diagonal scan in place (sequential and chunked), the same
/// recurrence through the generic associative scan (sequential and Blelloch-blocked), and the complex diagonal scan.
/// Compare the diagonal scan with <c>/usr/bin/python3 bench/ssm_torch_reference.py --only-diagonal</c> (PyTorch).
/// </summary>
[MemoryDiagnoser]
public class ScanBenchmarks
{
    private const int Batch = 4, Length = 4096, Width = 1024;
    private NDArray<float> _a = null!, _b = null!, _state = null!;
    private AffinePair<float>[] _pairs = [], _scanned = [];
    private Complex[] _ca = [], _cb = [], _ch = [], _cstate = [];

    [GlobalSetup]
    public void Setup()
    {
        _a = NDArray.RandomUniform(1UL, 0.9f, 1.0f, Batch, Length, Width);
        _b = NDArray.RandomNormal(2UL, 0f, 1f, Batch, Length, Width);
        _state = new NDArray<float>(Batch, Width);
        var a = _a.AsSpan();
        var b = _b.AsSpan();
        _pairs = new AffinePair<float>[Length * 64];
        for (int i = 0; i < _pairs.Length; i++) _pairs[i] = new(a[i], b[i]);
        _scanned = new AffinePair<float>[_pairs.Length];
        _ca = new Complex[Batch * Length * 256];
        _cb = new Complex[_ca.Length];
        for (int i = 0; i < _ca.Length; i++) { _ca[i] = Complex.FromPolarCoordinates(a[i], b[i]); _cb[i] = new Complex(b[i], a[i]); }
        _ch = new Complex[_ca.Length];
        _cstate = new Complex[Batch * 256];
    }

    [Benchmark(Baseline = true)] public void DiagonalInPlace() => DiagonalScan.RunInPlace(_a, _b, _state);

    [Benchmark] public void DiagonalChunked() => DiagonalScan.RunInPlace(_a, _b, _state, options: new ScanOptions { Chunks = Environment.ProcessorCount });

    [Benchmark] public void AssociativeAffineSequential() =>
        AssociativeScan.Inclusive<AffinePair<float>, LinearRecurrence<float>>(_pairs, _scanned, 64, Length);

    [Benchmark] public void AssociativeAffineBlocked() =>
        AssociativeScan.Inclusive<AffinePair<float>, LinearRecurrence<float>>(_pairs, _scanned, 64, Length, options: new AssociativeScanOptions { Chunks = 8 });

    [Benchmark] public void ComplexDiagonal()
    {
        _cb.CopyTo(_ch, 0);
        ComplexDiagonalScan.RunInPlace(_ca, _ch, _cstate, Batch, Length, 256);
    }
}
