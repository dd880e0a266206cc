using System.Numerics;

namespace Kernels.Ops.StateSpace;

/// <summary>
/// A problem's per-step operands as spans, resolved once per work item rather than per time step, and the row
/// lookups the forward and backward passes share.
/// </summary>
internal readonly ref struct SelectiveScanOperands<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly SelectiveScanProblem<T> _p;

    public readonly ReadOnlySpan<T> U, Delta, Z, B, C;

    public SelectiveScanOperands(SelectiveScanProblem<T> p)
    {
        _p = p;
        U = p.U.AsSpan();
        Delta = p.Delta.AsSpan();
        Z = p.Z is null ? default : p.Z.AsSpan();
        B = p.B.AsSpan();
        C = p.C.AsSpan();
    }

    /// <summary>Offset of the (batch, t) row of the (batch, length, channels) operands.</summary>
    public int Row(int batch, int t) => (batch * _p.Length + t) * _p.Channels;

    /// <summary>Points the recurrence at step t's rows of Δ, u, z, B and C for the tile starting at channel <paramref name="start"/>.</summary>
    public void SetRows(ref SelectiveScanRecurrence<T> r, int batch, int start, int t)
    {
        int row = Row(batch, t), channels = _p.Channels;
        r.DeltaRow = Delta.Slice(row, channels);
        r.URow = U.Slice(row, channels);
        r.ZRow = Z.IsEmpty ? default : Z.Slice(row, channels);
        r.BRow = B.Slice(_p.ProjectionRow(_p.GroupsB, batch, start, t), _p.StateSize);
        r.CRow = C.Slice(_p.ProjectionRow(_p.GroupsC, batch, start, t), _p.StateSize);
    }
}
