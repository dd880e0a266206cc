namespace Kernels.Tensors.Drivers;

/// <summary>
/// An iteration space shared by up to four operands of one shape: length-1 axes dropped and adjacent axes merged
/// wherever every operand is uniformly strided across them, so a contiguous tensor of any rank becomes one row.
/// The last axis is the "row" the vector loops run over; the others are walked by <see cref="RowCursor"/>.
/// </summary>
internal sealed class IterationPlan
{
    public readonly int[] Shape;        // coalesced dims, outermost first; never empty (scalar = [1])
    public readonly nint[][] Strides;   // per operand, per coalesced dim

    public int RowLength => Shape[^1];
    public long RowCount { get; }

    private IterationPlan(int[] shape, nint[][] strides)
    {
        Shape = shape;
        Strides = strides;
        long rows = 1;
        for (int i = 0; i < shape.Length - 1; i++) rows *= shape[i];
        RowCount = shape[^1] == 0 ? 0 : rows;
        if (shape.Length > 0) for (int i = 0; i < shape.Length - 1; i++) if (shape[i] == 0) RowCount = 0;
    }

    /// <summary>
    /// A plan whose rows have length 1, so the cursor visits every element (of the coalesced shape) one by one —
    /// for loops whose per-element work is itself a vector loop (reductions, arg-max).
    /// </summary>
    public static IterationPlan PerElement(ReadOnlySpan<int> shape, nint[] strides)
    {
        var plan = Create(shape, strides);
        if (plan.Shape is [0]) return plan;
        return new IterationPlan([.. plan.Shape, 1], [[.. plan.Strides[0], 0]]);
    }

    public static IterationPlan Create(ReadOnlySpan<int> shape, params nint[][] operandStrides)
    {
        int k = operandStrides.Length;
        var dims = new List<int>(shape.Length);
        var strides = new List<nint>[k];
        for (int o = 0; o < k; o++) strides[o] = new List<nint>(shape.Length);
        bool empty = false;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] == 0) empty = true;
            if (shape[i] == 1) continue;
            dims.Add(shape[i]);
            for (int o = 0; o < k; o++) strides[o].Add(operandStrides[o][i]);
        }
        if (empty) return new IterationPlan([0], Enumerable.Range(0, k).Select(_ => new nint[] { 0 }).ToArray());
        if (dims.Count == 0)
        {
            dims.Add(1);
            for (int o = 0; o < k; o++) strides[o].Add(1);
        }
        // Merge axis i into axis i+1 when every operand has stride[i] == stride[i+1] * dim[i+1].
        for (int i = dims.Count - 2; i >= 0; i--)
        {
            bool mergeable = true;
            for (int o = 0; o < k && mergeable; o++)
                mergeable = strides[o][i] == strides[o][i + 1] * dims[i + 1];
            if (!mergeable) continue;
            dims[i + 1] = checked(dims[i] * dims[i + 1]);
            dims.RemoveAt(i);
            for (int o = 0; o < k; o++) strides[o].RemoveAt(i);
        }
        return new IterationPlan(dims.ToArray(), strides.Select(s => s.ToArray()).ToArray());
    }
}

/// <summary>Walks the outer (non-row) index space of a plan in C order, yielding each row's start offsets.</summary>
internal struct RowCursor
{
    private readonly IterationPlan _plan;
    private readonly int[] _index;
    private long _remaining;
    public nint Offset0, Offset1, Offset2, Offset3;

    public RowCursor(IterationPlan plan, nint start0, nint start1 = 0, nint start2 = 0, nint start3 = 0)
    {
        _plan = plan;
        _index = new int[Math.Max(plan.Shape.Length - 1, 0)];
        _remaining = plan.RowCount;
        Offset0 = start0; Offset1 = start1; Offset2 = start2; Offset3 = start3;
        _first = true;
    }

    private bool _first;

    /// <summary>
    /// A cursor over rows [<paramref name="firstRow"/>, <paramref name="firstRow"/> + <paramref name="rowCount"/>)
    /// of the plan: the C-order multi-index of <paramref name="firstRow"/> is decoded once, so row ranges can be
    /// handed to different threads.
    /// </summary>
    public static RowCursor Range(IterationPlan plan, long firstRow, long rowCount, nint start0, nint start1 = 0, nint start2 = 0, nint start3 = 0)
    {
        var c = new RowCursor(plan, start0, start1, start2, start3);
        c._remaining = Math.Min(rowCount, plan.RowCount - firstRow);
        var s = plan.Strides;
        int k = s.Length;
        long rest = firstRow;
        for (int d = c._index.Length - 1; d >= 0 && rest > 0; d--)
        {
            int i = (int)(rest % plan.Shape[d]);
            rest /= plan.Shape[d];
            c._index[d] = i;
            c.Offset0 += i * s[0][d];
            if (k > 1) c.Offset1 += i * s[1][d];
            if (k > 2) c.Offset2 += i * s[2][d];
            if (k > 3) c.Offset3 += i * s[3][d];
        }
        return c;
    }

    /// <summary>Advances to the next row; false when all rows have been visited.</summary>
    public bool MoveNext()
    {
        if (_remaining <= 0) return false;
        _remaining--;
        if (_first) { _first = false; return true; }
        var shape = _plan.Shape;
        var s = _plan.Strides;
        int k = s.Length;
        for (int d = _index.Length - 1; d >= 0; d--)
        {
            if (++_index[d] < shape[d])
            {
                Offset0 += s[0][d];
                if (k > 1) Offset1 += s[1][d];
                if (k > 2) Offset2 += s[2][d];
                if (k > 3) Offset3 += s[3][d];
                return true;
            }
            _index[d] = 0;
            nint back = shape[d] - 1;
            Offset0 -= back * s[0][d];
            if (k > 1) Offset1 -= back * s[1][d];
            if (k > 2) Offset2 -= back * s[2][d];
            if (k > 3) Offset3 -= back * s[3][d];
        }
        return true;
    }
}
