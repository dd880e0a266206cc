using BenchmarkDotNet.Attributes;
using Kernels.Ops.StateSpace;
using Kernels.Tensors;

namespace Kernels.Benchmarks;

/// <summary>
/// Issue 7's selective scan (S6/Mamba) at (batch 8, length L, channels 512, state 16), float, softplus + D + gate:
/// forward, forward keeping checkpoints, backward from the checkpoints, and backward recomputing everything.
/// Compare with <c>/usr/bin/python3 bench/ssm_torch_reference.py</c> (PyTorch CPU, same recurrence).
/// </summary>
[MemoryDiagnoser]
public class SelectiveScanBenchmarks
{
    [Params(256, 2048)] public int Length { get; set; }

    private SelectiveScanInputs<float> _inputs = null!;
    private NDArray<float> _dy = null!;
    private SelectiveScanCheckpoints<float>? _checkpoints;
    private static readonly SelectiveScanOptions Keep = new() { KeepCheckpoints = true };

    [GlobalSetup]
    public void Setup()
    {
        const int batch = 8, channels = 512, state = 16;
        var a = new NDArray<float>(channels, state);
        for (int d = 0; d < channels; d++)
            for (int n = 0; n < state; n++) a[d, n] = -(n + 1);
        _inputs = new SelectiveScanInputs<float>
        {
            U = NDArray.RandomNormal(1UL, 0f, 1f, batch, Length, channels),
            Delta = NDArray.RandomUniform(2UL, -4f, -2f, batch, Length, channels),
            A = a,
            B = NDArray.RandomNormal(3UL, 0f, 1f, batch, Length, state),
            C = NDArray.RandomNormal(4UL, 0f, 1f, batch, Length, state),
            D = NDArray.Ones<float>(channels),
            Z = NDArray.RandomNormal(5UL, 0f, 1f, batch, Length, channels),
            DeltaBias = NDArray.RandomUniform(6UL, -0.5f, 0.5f, channels),
            DeltaSoftplus = true,
        };
        _dy = NDArray.RandomNormal(9UL, 0f, 1f, batch, Length, channels);
        _checkpoints = SelectiveScan.Forward(_inputs, Keep).Checkpoints;
    }

    [Benchmark(Baseline = true)] public object Forward() => SelectiveScan.Forward(_inputs);

    [Benchmark] public object ForwardKeepingCheckpoints() => SelectiveScan.Forward(_inputs, Keep);

    [Benchmark] public object BackwardFromCheckpoints() => SelectiveScan.Backward(_inputs, _dy, checkpoints: _checkpoints);

    [Benchmark] public object BackwardRecomputingAll() => SelectiveScan.Backward(_inputs, _dy);
}
