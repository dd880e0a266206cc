using System.Numerics;
using Kernels.Backends.Cpu.Scheduling;
using Kernels.Tensors;
using Kernels.Tensors.Simd;

namespace Kernels.Ops.StateSpace;

/// <summary>
/// The selective scan of S6/Mamba: with Δ' = softplus(Δ + bias) (or Δ + bias),
/// h_t = exp(Δ'_t ⊙ A) ⊙ h_{t−1} + (Δ'_t ⊙ u_t) ⊗ B_t, y_t = h_t·C_t + D ⊙ u_t, y_t ← y_t ⊙ SiLU(z_t),
/// per batch and channel d with state size N (A is (channels, N); B_t and C_t are shared by the channels of a group),
/// forward and backward.
/// </summary>
/// <remarks>
/// <para>The forward pass streams each (batch, channel tile) through time with the tile's state in L1; channels
/// are the vector lanes (Vector512/256/128 as <see cref="SimdPolicy"/> chooses, scalar for the remainder), so a
/// step costs one exp and three FMAs per state element and no horizontal work. Nothing of size length × state is
/// stored.</para>
/// <para>The backward pass recomputes instead of storing: per (batch, tile) it keeps the state at the start of
/// every chunk of <see cref="SelectiveScanOptions.RecomputeChunk"/> steps, then recomputes each chunk's states and
/// walks the adjoint recurrence g_t = exp(Δ'_{t+1}A) ⊙ g_{t+1} + ŷ_t C_t back through it.</para>
/// <para>Determinism: work items are (batch, tile) and every cross-item sum (∂A, ∂B, ∂C, ∂D, ∂bias) is added in a
/// fixed order, so results are bit-identical for any thread count; they depend on the vector width (the exp
/// polynomial and the lane sums) at the last bits.</para>
/// </remarks>
public static class SelectiveScan
{
    /// <summary>y (batch, length, channels) and the final state (batch, channels, state).</summary>
    /// <exception cref="ArgumentException">Shapes disagree (the message names them), a value is not finite, or Δ + bias &lt; 0 without the softplus.</exception>
    public static SelectiveScanResult<T> Forward<T>(SelectiveScanInputs<T> inputs, SelectiveScanOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var p = new SelectiveScanProblem<T>(inputs, "Selective scan");
        var y = new NDArray<T>(p.Batch, p.Length, p.Channels);
        var final = new NDArray<T>(p.Batch, p.Channels, p.StateSize);
        var kept = options?.KeepCheckpoints == true
            ? new SelectiveScanCheckpoints<T>(p.Batch, p.Length, p.Channels, p.StateSize, p.Reverse, p.Grid, ChunkFor(options, p.Length))
            : null;
        var job = new SelectiveScanForwardJob<T>(p, y, final, kept, SimdPolicy.Current);
        CpuWorkerPool.Run(job, Parts(p, options));
        return new SelectiveScanResult<T>(y, final) { Checkpoints = kept };
    }

    /// <summary>
    /// Gradients of a loss L through <see cref="Forward{T}"/> given ∂L/∂y (batch, length, channels) and, optionally,
    /// ∂L/∂(final state) (batch, channels, state). Recomputes the forward states (see the class remarks), starting
    /// from <paramref name="checkpoints"/> when the forward pass kept them (<see cref="SelectiveScanOptions.KeepCheckpoints"/>).
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Forward{T}"/>, or the gradients' shapes or values are wrong.</exception>
    public static SelectiveScanGradients<T> Backward<T>(SelectiveScanInputs<T> inputs, NDArray<T> outputGradient,
        NDArray<T>? finalStateGradient = null, SelectiveScanOptions? options = null, SelectiveScanCheckpoints<T>? checkpoints = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        const string routine = "Selective scan backward";
        var p = new SelectiveScanProblem<T>(inputs, routine);
        var dy = Checked(outputGradient, "∂y", routine, p.Batch, p.Length, p.Channels);
        var dFinal = finalStateGradient is null ? null : Checked(finalStateGradient, "∂(final state)", routine, p.Batch, p.Channels, p.StateSize);
        checkpoints?.RequireMatches(p, routine);
        int chunk = checkpoints?.Chunk ?? ChunkFor(options, p.Length);
        var job = new SelectiveScanBackwardJob<T>(p, dy, dFinal, chunk, checkpoints, SimdPolicy.Current);
        CpuWorkerPool.Run(job, Parts(p, options));
        return new SelectiveScanGradients<T>(
            job.U, job.Delta, ReduceA(p, job.APartial), ReduceProjection(p, job.BPartial, p.GroupsB, [.. inputs.B.Shape]),
            ReduceProjection(p, job.CPartial, p.GroupsC, [.. inputs.C.Shape]),
            p.D is null ? null : ReduceChannels(p, job.DPartial), job.Z,
            p.DeltaBias is null ? null : ReduceChannels(p, job.BiasPartial), job.InitialState);
    }

    /// <summary>The chunk length: <see cref="SelectiveScanOptions.RecomputeChunk"/> or ⌈√length⌉ (at least 16), at most length.</summary>
    private static int ChunkFor(SelectiveScanOptions? options, int length)
    {
        int chunk = options?.RecomputeChunk ?? Math.Max(16, (int)Math.Ceiling(Math.Sqrt(length)));
        if (chunk < 1) throw new ArgumentOutOfRangeException(nameof(options), chunk, "The recomputation chunk must be at least one step.");
        return Math.Min(chunk, Math.Max(1, length));
    }

    private static int Parts<T>(SelectiveScanProblem<T> p, SelectiveScanOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int threads = options?.Threads ?? Threading.MaxThreads;
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(options), threads, "Threads must be at least 1.");
        long items = (long)p.Batch * p.Tiles.Length;
        return (int)Math.Max(1, Math.Min(threads, items));
    }

    /// <summary>A gradient operand: the given shape, finite, contiguous (the checks the inputs get).</summary>
    private static NDArray<T> Checked<T>(NDArray<T> x, string name, string routine, params ReadOnlySpan<int> shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        SelectiveScanProblem<T>.RequireShape(x, name, routine, shape);
        return SelectiveScanProblem<T>.Finite(x, name, routine);
    }

    /// <summary>∂A[d, n] = Σ_batch partial[batch, n, d], batches in order.</summary>
    private static NDArray<T> ReduceA<T>(SelectiveScanProblem<T> p, T[] partial) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = p.StateSize, channels = p.Channels;
        var result = new NDArray<T>(channels, n);
        var r = result.AsSpan();
        for (int b = 0; b < p.Batch; b++)
            for (int k = 0; k < n; k++)
                for (int d = 0; d < channels; d++)
                    r[d * n + k] += partial[((long)b * n + k) * channels + d];
        return result;
    }

    /// <summary>∂B (or ∂C) row (batch, group, t) = Σ of the group's tiles' rows, tiles in order.</summary>
    private static NDArray<T> ReduceProjection<T>(SelectiveScanProblem<T> p, T[] partial, int groups, int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new NDArray<T>(shape);
        var r = result.AsSpan();
        int n = p.StateSize, length = p.Length, tiles = p.Tiles.Length;
        for (int b = 0; b < p.Batch; b++)
            for (int tile = 0; tile < tiles; tile++)
            {
                var target = r.Slice(p.ProjectionRow(groups, b, p.Tiles[tile].Start, 0), length * n);
                var source = partial.AsSpan((int)(((long)b * tiles + tile) * length * n), length * n);
                System.Numerics.Tensors.TensorPrimitives.Add(target, source, target);
            }
        return result;
    }

    /// <summary>(channels) = Σ_batch partial[batch, :], batches in order.</summary>
    private static NDArray<T> ReduceChannels<T>(SelectiveScanProblem<T> p, T[] partial) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new NDArray<T>(p.Channels);
        var r = result.AsSpan();
        for (int b = 0; b < p.Batch; b++)
            System.Numerics.Tensors.TensorPrimitives.Add(r, partial.AsSpan(b * p.Channels, p.Channels), r);
        return result;
    }
}
