namespace Kernels.Backends.Cpu.Scheduling;

/// <summary>
/// A reusable sense-reversing barrier for the parts of one <see cref="CpuWorkerPool"/> region: cheaper than
/// <see cref="Barrier"/> for the short phases of blocked kernels, and allocation-free. It spins, then yields.
/// </summary>
public sealed class SpinBarrier
{
    private int _participants;
    private int _remaining;
    private volatile int _sense;

    /// <summary>Prepares the barrier for <paramref name="participants"/> parts; call before the region starts.</summary>
    public void Reset(int participants)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(participants, 1);
        _participants = participants;
        _remaining = participants;
        _sense = 0;
    }

    /// <summary>Blocks until every participant has called this method for the current phase.</summary>
    public void SignalAndWait()
    {
        if (_participants == 1) return;
        int sense = _sense;
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _remaining = _participants;
            _sense = 1 - sense;
            return;
        }
        var spinner = new SpinWait();
        while (_sense == sense) spinner.SpinOnce(sleep1Threshold: -1);
    }
}
