namespace Kernels.Backends.Cpu.Scheduling;

/// <summary>One piece of a fork-join region: <see cref="Execute"/> is called once for every part in [0, parts).</summary>
public interface IParallelJob
{
    /// <summary>Called once on the calling thread, before any part runs, with the number of parts granted.</summary>
    void Begin(int parts);

    /// <summary>Runs part <paramref name="part"/> of <paramref name="parts"/>; all parts run at the same time.</summary>
    void Execute(int part, int parts);
}
