namespace Kernels.Tensors;

/// <summary>
/// One axis of a slice, with Python semantics: <c>start:stop:step</c>, negative indices counting from the end,
/// omitted bounds (<see langword="null"/>) meaning "from the beginning/to the end" in the direction of the step,
/// and a negative step walking backwards. An index (<see cref="At"/>) selects one position and drops the axis.
/// </summary>
public readonly record struct AxisRange(int? Start, int? Stop, int Step = 1)
{
    /// <summary>True when this selects a single index and removes the axis (<c>x[3]</c>).</summary>
    public bool IsIndex { get; private init; }

    /// <summary>The whole axis, <c>:</c>.</summary>
    public static AxisRange All => new(null, null, 1);

    /// <summary>A single index that removes the axis.</summary>
    public static AxisRange At(int index) => new(index, null, 1) { IsIndex = true };

    /// <summary><c>start:stop</c> with step 1.</summary>
    public static AxisRange Of(int start, int stop) => new(start, stop, 1);

    /// <summary>Converts a <see cref="Range"/> (<c>1..^1</c>) to an axis range with step 1.</summary>
    public static implicit operator AxisRange(Range r) => new(
        r.Start.IsFromEnd ? (r.Start.Value == 0 ? int.MaxValue : -r.Start.Value) : r.Start.Value,
        r.End.IsFromEnd ? (r.End.Value == 0 ? null : -r.End.Value) : r.End.Value, 1);

    /// <summary>Converts an index to an axis-removing selection.</summary>
    public static implicit operator AxisRange(int index) => At(index);

    /// <summary>Resolves against an axis of <paramref name="length"/>: first index, element count and step.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Step is zero or an index is out of range.</exception>
    internal (int First, int Count, int Step) Resolve(int length, int axis)
    {
        if (IsIndex)
        {
            int i = Start!.Value < 0 ? Start.Value + length : Start.Value;
            if ((uint)i >= (uint)length)
                throw new ArgumentOutOfRangeException(nameof(length), $"Index {Start} is out of range for axis {axis} of length {length}.");
            return (i, 1, 1);
        }
        if (Step == 0) throw new ArgumentOutOfRangeException(nameof(axis), $"Slice step for axis {axis} must not be zero.");
        // Python's slice.indices: clamp rather than fail for out-of-range bounds, as NumPy does.
        long start, stop;
        if (Step > 0)
        {
            start = Start is null ? 0 : Clamp(Start.Value < 0 ? (long)Start.Value + length : Start.Value, 0, length);
            stop = Stop is null ? length : Clamp(Stop.Value < 0 ? (long)Stop.Value + length : Stop.Value, 0, length);
            long count = stop > start ? (stop - start + Step - 1) / Step : 0;
            return ((int)start, (int)count, Step);
        }
        else
        {
            start = Start is null ? length - 1 : Clamp(Start.Value < 0 ? (long)Start.Value + length : Start.Value, -1, length - 1);
            stop = Stop is null ? -1 : Clamp(Stop.Value < 0 ? (long)Stop.Value + length : Stop.Value, -1, length - 1);
            long count = start > stop ? (start - stop + (-(long)Step) - 1) / -(long)Step : 0;
            return ((int)Math.Max(start, 0), (int)count, Step);
        }
    }

    private static long Clamp(long v, long lo, long hi) => v < lo ? lo : v > hi ? hi : v;
}
