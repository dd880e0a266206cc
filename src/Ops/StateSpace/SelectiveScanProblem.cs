using System.Numerics;
using Kernels.Tensors;
using Kernels.Tensors.Simd;

namespace Kernels.Ops.StateSpace;

/// <summary>
/// Validated, contiguous operands of one selective-scan call plus its dimensions and channel tiling. A is stored
/// transposed, (state, channels), so the kernels read it along channels like every other per-channel operand.
/// </summary>
internal sealed class SelectiveScanProblem<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Most channels one work item keeps in flight: its state (state × tile) stays in L1.</summary>
    public const int MaxTileWidth = 64;

    public int Batch { get; }
    public int Length { get; }
    public int Channels { get; }
    public int StateSize { get; }
    public int GroupsB { get; }
    public int GroupsC { get; }
    public bool Reverse { get; }
    public GridOrder? Grid { get; }
    public bool Softplus { get; }

    // Contiguous: the caller's array when it already is, else one copy. Kernels only read these.
    public NDArray<T> U { get; }
    public NDArray<T> Delta { get; }
    public NDArray<T> ATransposed { get; }
    public NDArray<T> B { get; }
    public NDArray<T> C { get; }
    public NDArray<T>? D { get; }
    public NDArray<T>? Z { get; }
    public NDArray<T>? DeltaBias { get; }
    public NDArray<T>? InitialState { get; }

    /// <summary>Channel tiles [start, end): each lies inside one B group and one C group and is at most <see cref="MaxTileWidth"/> wide.</summary>
    public (int Start, int End)[] Tiles { get; }

    public SelectiveScanProblem(SelectiveScanInputs<T> inputs, string routine)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var u = inputs.U ?? throw new ArgumentNullException(nameof(inputs), "u is required.");
        var delta = inputs.Delta ?? throw new ArgumentNullException(nameof(inputs), "Δ is required.");
        var a = inputs.A ?? throw new ArgumentNullException(nameof(inputs), "A is required.");
        var b = inputs.B ?? throw new ArgumentNullException(nameof(inputs), "B is required.");
        var c = inputs.C ?? throw new ArgumentNullException(nameof(inputs), "C is required.");
        if (u.Rank != 3) throw new ArgumentException($"{routine}: u must be (batch, length, channels); got {u.ShapeString}.", nameof(inputs));
        Batch = u.Shape[0]; Length = u.Shape[1]; Channels = u.Shape[2];
        RequireShape(delta, "Δ", routine, Batch, Length, Channels);
        if (a.Rank != 2 || a.Shape[0] != Channels)
            throw new ArgumentException($"{routine}: A must be (channels, state) = ({Channels}, N) to match u {u.ShapeString}; got {a.ShapeString}.", nameof(inputs));
        StateSize = a.Shape[1];
        GroupsB = Groups(b, "B", routine);
        GroupsC = Groups(c, "C", routine);
        if (inputs.D is { } dSkip) RequireShape(dSkip, "D", routine, Channels);
        if (inputs.Z is { } z) RequireShape(z, "z", routine, Batch, Length, Channels);
        if (inputs.DeltaBias is { } bias) RequireShape(bias, "the Δ bias", routine, Channels);
        if (inputs.InitialState is { } h0) RequireShape(h0, "the initial state", routine, Batch, Channels, StateSize);

        Reverse = inputs.Reverse;
        GridOrder.Require(inputs.Grid, Length, routine);
        Grid = inputs.Grid;
        Softplus = inputs.DeltaSoftplus;
        U = Finite(u, "u", routine);
        Delta = Finite(delta, "Δ", routine);
        B = Finite(b, "B", routine);
        C = Finite(c, "C", routine);
        ATransposed = Finite(a, "A", routine).Transpose().Contiguous();
        D = inputs.D is null ? null : Finite(inputs.D, "D", routine);
        Z = inputs.Z is null ? null : Finite(inputs.Z, "z", routine);
        DeltaBias = inputs.DeltaBias is null ? null : Finite(inputs.DeltaBias, "the Δ bias", routine);
        InitialState = inputs.InitialState is null ? null : Finite(inputs.InitialState, "the initial state", routine);
        if (!Softplus) RequireNonNegativeSteps(routine);
        Tiles = MakeTiles();
    }

    /// <summary>Offset of B's (or C's) row for (batch, channel's group, time): rows are <see cref="StateSize"/> long.</summary>
    public int ProjectionRow(int groups, int batch, int channel, int time)
    {
        int group = (int)((long)channel * groups / Channels);
        return (((batch * groups) + group) * Length + time) * StateSize;
    }

    /// <summary>Time index of processing step <paramref name="step"/>.</summary>
    public int TimeOf(int step) => GridOrder.TimeOf(step, Length, Reverse, Grid);

    private int Groups(NDArray<T> x, string name, string routine)
    {
        if (x.Rank == 3 && x.Shape[0] == Batch && x.Shape[1] == Length && x.Shape[2] == StateSize) return 1;
        if (x.Rank == 4 && x.Shape[0] == Batch && x.Shape[2] == Length && x.Shape[3] == StateSize && x.Shape[1] >= 1
            && Channels % x.Shape[1] == 0)
            return x.Shape[1];
        throw new ArgumentException(
            $"{routine}: {name} must be (batch, length, state) = ({Batch}, {Length}, {StateSize}) or (batch, groups, length, state) "
            + $"with groups dividing the {Channels} channels; got {x.ShapeString}.");
    }

    internal static void RequireShape(NDArray<T> x, string name, string routine, params ReadOnlySpan<int> shape)
    {
        if (!x.Shape.SequenceEqual(shape))
            throw new ArgumentException($"{routine}: {name} must be {ShapeMath.Format(shape)}; got {x.ShapeString}.");
    }

    /// <summary>The array itself when contiguous, else a contiguous copy; every value finite (the message names the first offender).</summary>
    internal static NDArray<T> Finite(NDArray<T> x, string name, string routine)
    {
        var contiguous = x.Contiguous();
        var values = contiguous.AsSpan();
        int at = FiniteScan.FirstNonFinite<T>(values);
        if (at >= 0)
            throw new ArgumentException($"{routine}: {name} {x.ShapeString} holds a non-finite value ({values[at]}) at flat index {at}.");
        return contiguous;
    }

    private void RequireNonNegativeSteps(string routine)
    {
        var delta = Delta.AsSpan();
        var bias = DeltaBias is null ? default : DeltaBias.AsSpan();
        for (int row = 0; row < Batch * Length; row++)
            for (int d = 0; d < Channels; d++)
            {
                T step = delta[row * Channels + d] + (bias.IsEmpty ? T.Zero : bias[d]);
                if (step < T.Zero)
                    throw new ArgumentException(
                        $"{routine}: Δ + bias = {step} < 0 at (batch {row / Length}, time {row % Length}, channel {d}) with the softplus off; "
                        + "time steps must be non-negative (enable DeltaSoftplus, or pass non-negative Δ).");
            }
    }

    private (int, int)[] MakeTiles()
    {
        // A tile never straddles a group boundary of B or C: those lie on multiples of gcd(channels/G_B, channels/G_C).
        int unit = (int)BigInteger.GreatestCommonDivisor(Channels / GroupsB, Channels / GroupsC);
        var tiles = new List<(int, int)>();
        for (int start = 0; start < Channels;)
        {
            int end = Math.Min(Math.Min(start + MaxTileWidth, Channels), (start / unit + 1) * unit);
            tiles.Add((start, end));
            start = end;
        }
        return [.. tiles];
    }
}
