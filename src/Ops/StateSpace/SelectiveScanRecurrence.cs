using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kernels.Tensors.Operators;
using Kernels.Tensors.Simd.Lanes;

namespace Kernels.Ops.StateSpace;

/// <summary>
/// One time step of the selective recurrence for a run of channels of one tile, written once over
/// <see cref="ISimdLane{TSelf, T}"/>:
/// Δ' = softplus(Δ + bias), h[n] = exp(Δ'·A[n]) ⊙ h[n] + (Δ'·u)·B[n], y = Σₙ C[n]·h[n] + D ⊙ u, y ← y ⊙ SiLU(z).
/// </summary>
/// <remarks>
/// Channels are the vector lanes (B[n] and C[n] are per time step and broadcast), so no horizontal work is needed;
/// the state of a tile, (state × tile width), stays in L1. Every output span is optional: the forward pass writes
/// y; the backward pass's checkpoint sweep writes nothing but the state; its recomputation sweep keeps Δ', exp(Δ'A),
/// every h and the pre-gate y of the chunk.
/// </remarks>
internal ref struct SelectiveScanRecurrence<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Channels;          // stride of Aᵀ rows
    public int TileStart;         // channel of lane offset 0
    public int TileWidth;         // stride of state rows (state × tile, row n = state n)
    public int StateSize;
    public bool Softplus;

    public ReadOnlySpan<T> DeltaRow;     // Δ[b, t, :]
    public ReadOnlySpan<T> URow;         // u[b, t, :]
    public ReadOnlySpan<T> ZRow;         // z[b, t, :] or empty
    public ReadOnlySpan<T> DeltaBias;    // (channels) or empty
    public ReadOnlySpan<T> DSkip;        // (channels) or empty
    public ReadOnlySpan<T> ATransposed;  // (state, channels)
    public ReadOnlySpan<T> BRow;         // B[b, g, t, :]
    public ReadOnlySpan<T> CRow;         // C[b, g, t, :]
    public Span<T> State;                // (state, tile) in and out

    public Span<T> YRow;                 // y[b, t, :] or empty (forward output)
    public Span<T> StepsOut;             // (tile) Δ' or empty
    public Span<T> DecayOut;             // (state, tile) exp(Δ'A) or empty
    public Span<T> StatesOut;            // (state, tile) h or empty
    public Span<T> PreGateOut;           // (tile) y before the gate, or empty

    /// <summary>The recurrence of <paramref name="p"/> for the tile [start, start + width) on <paramref name="state"/>; rows set per step.</summary>
    public static SelectiveScanRecurrence<T> For(SelectiveScanProblem<T> p, int start, int width, Span<T> state) => new()
    {
        Channels = p.Channels, TileStart = start, TileWidth = width, StateSize = p.StateSize, Softplus = p.Softplus,
        DeltaBias = p.DeltaBias is null ? default : p.DeltaBias.AsSpan(),
        DSkip = p.D is null ? default : p.D.AsSpan(),
        ATransposed = p.ATransposed.AsSpan(),
        State = state,
    };

    /// <summary>Advances tile lanes [from, to) by one step; (to − from) is a multiple of <typeparamref name="TLane"/>'s count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Advance<TLane>(int from, int to) where TLane : struct, ISimdLane<TLane, T>
    {
        ref T delta = ref MemoryMarshal.GetReference(DeltaRow);
        ref T u = ref MemoryMarshal.GetReference(URow);
        ref T at = ref MemoryMarshal.GetReference(ATransposed);
        ref T state = ref MemoryMarshal.GetReference(State);
        bool wantY = !YRow.IsEmpty || !PreGateOut.IsEmpty;
        for (int c = from; c < to; c += TLane.Count)
        {
            int d = TileStart + c;
            var step = TLane.Load(ref delta, d);
            if (!DeltaBias.IsEmpty) step = TLane.Add(step, TLane.Load(ref MemoryMarshal.GetReference(DeltaBias), d));
            if (Softplus) step = TLane.Apply<SoftplusOperator<T>>(step);
            if (!StepsOut.IsEmpty) TLane.Store(step, ref MemoryMarshal.GetReference(StepsOut), c);
            var input = TLane.Load(ref u, d);
            var drive = TLane.Multiply(step, input);
            var y = TLane.Broadcast(T.Zero);
            for (int n = 0; n < StateSize; n++)
            {
                nint cell = (nint)n * TileWidth + c;
                var decay = TLane.Exp(TLane.Multiply(step, TLane.Load(ref at, (nint)n * Channels + d)));
                var h = TLane.MultiplyAdd(decay, TLane.Load(ref state, cell), TLane.Multiply(drive, TLane.Broadcast(BRow[n])));
                TLane.Store(h, ref state, cell);
                if (!DecayOut.IsEmpty) TLane.Store(decay, ref MemoryMarshal.GetReference(DecayOut), cell);
                if (!StatesOut.IsEmpty) TLane.Store(h, ref MemoryMarshal.GetReference(StatesOut), cell);
                if (wantY) y = TLane.MultiplyAdd(TLane.Broadcast(CRow[n]), h, y);
            }
            if (!wantY) continue;
            if (!DSkip.IsEmpty) y = TLane.MultiplyAdd(TLane.Load(ref MemoryMarshal.GetReference(DSkip), d), input, y);
            if (!PreGateOut.IsEmpty) TLane.Store(y, ref MemoryMarshal.GetReference(PreGateOut), c);
            if (YRow.IsEmpty) continue;
            if (!ZRow.IsEmpty) y = TLane.Multiply(y, TLane.Apply<SiluOperator<T>>(TLane.Load(ref MemoryMarshal.GetReference(ZRow), d)));
            TLane.Store(y, ref MemoryMarshal.GetReference(YRow), d);
        }
    }
}
