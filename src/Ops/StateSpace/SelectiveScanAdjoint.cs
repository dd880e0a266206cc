using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kernels.Tensors.Operators;
using Kernels.Tensors.Simd.Lanes;

namespace Kernels.Ops.StateSpace;

/// <summary>
/// One backward time step of the selective recurrence for a run of channels of one tile, written once over
/// <see cref="ISimdLane{TSelf, T}"/>. With the adjoint carried from step t + 1, G[n] = a_{t+1}[n] ⊙ g_{t+1}[n], and
/// ŷ = dy ⊙ SiLU(z):
/// g[n] = G[n] + ŷ·C[n]; ∂C[n] += Σ_lanes ŷ·h_t[n]; ∂B[n] += Σ_lanes g[n]·Δ'u;
/// ∂(Δ'A[n]) = g[n]·h_{t−1}[n]·a_t[n] → ∂A[n] += that·Δ', ∂Δ' += that·A[n];
/// ∂Δ' += (Σₙ g[n]B[n])·u, ∂u = (Σₙ g[n]B[n])·Δ' + ŷ·D, ∂D += ŷ·u, ∂z = dy·ŷ_pre·SiLU'(z);
/// ∂Δ = ∂Δ'·σ(Δ + bias) under the softplus, ∂bias += ∂Δ; then G ← a_t ⊙ g for step t − 1.
/// </summary>
/// <remarks>
/// The cross-channel sums for ∂B and ∂C accumulate per lane in <see cref="BLanes"/>/<see cref="CLanes"/>
/// (state × lane count) and are reduced once per step by the caller, in a fixed order.
/// </remarks>
internal ref struct SelectiveScanAdjoint<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Channels;
    public int TileStart;
    public int TileWidth;
    public int StateSize;
    public bool Softplus;

    public ReadOnlySpan<T> DeltaRow;      // raw Δ[b, t, :] (for the softplus derivative)
    public ReadOnlySpan<T> URow;
    public ReadOnlySpan<T> ZRow;          // or empty
    public ReadOnlySpan<T> OutputGradientRow;
    public ReadOnlySpan<T> DeltaBias;     // or empty
    public ReadOnlySpan<T> DSkip;         // or empty
    public ReadOnlySpan<T> ATransposed;
    public ReadOnlySpan<T> BRow;
    public ReadOnlySpan<T> CRow;

    public ReadOnlySpan<T> Steps;         // (tile) Δ' at t
    public ReadOnlySpan<T> Decay;         // (state, tile) a_t
    public ReadOnlySpan<T> States;        // (state, tile) h_t
    public ReadOnlySpan<T> PreviousStates;// (state, tile) h_{t−1}
    public ReadOnlySpan<T> PreGate;       // (tile) y before the gate, when z is given

    public Span<T> Adjoint;               // (state, tile) G in, a_t ⊙ g out
    public Span<T> BLanes;                // (state, lane count) accumulators
    public Span<T> CLanes;
    public Span<T> ADelta;                // (state, channels) ∂A partial of this batch, transposed
    public Span<T> DDelta;                // (channels) ∂D partial of this batch, or empty
    public Span<T> BiasDelta;             // (channels) ∂bias partial of this batch, or empty
    public Span<T> UGradientRow;
    public Span<T> DeltaGradientRow;
    public Span<T> ZGradientRow;          // or empty

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Step<TLane>(int from, int to) where TLane : struct, ISimdLane<TLane, T>
    {
        ref T at = ref MemoryMarshal.GetReference(ATransposed);
        ref T decayRef = ref MemoryMarshal.GetReference(Decay);
        ref T statesRef = ref MemoryMarshal.GetReference(States);
        ref T previousRef = ref MemoryMarshal.GetReference(PreviousStates);
        ref T adjoint = ref MemoryMarshal.GetReference(Adjoint);
        ref T bLanes = ref MemoryMarshal.GetReference(BLanes);
        ref T cLanes = ref MemoryMarshal.GetReference(CLanes);
        ref T aDelta = ref MemoryMarshal.GetReference(ADelta);
        var zero = TLane.Broadcast(T.Zero);
        var one = TLane.Broadcast(T.One);
        for (int c = from; c < to; c += TLane.Count)
        {
            int d = TileStart + c;
            var step = TLane.Load(ref MemoryMarshal.GetReference(Steps), c);
            var input = TLane.Load(ref MemoryMarshal.GetReference(URow), d);
            var drive = TLane.Multiply(step, input);
            var dy = TLane.Load(ref MemoryMarshal.GetReference(OutputGradientRow), d);
            var gated = dy;
            if (!ZRow.IsEmpty)
            {
                var z = TLane.Load(ref MemoryMarshal.GetReference(ZRow), d);
                var sigma = TLane.Apply<SigmoidOperator<T>>(z);
                var silu = TLane.Multiply(z, sigma);
                // SiLU'(z) = σ(z) + SiLU(z)·(1 − σ(z))
                var slope = TLane.MultiplyAdd(silu, TLane.Subtract(one, sigma), sigma);
                var preGate = TLane.Load(ref MemoryMarshal.GetReference(PreGate), c);
                TLane.Store(TLane.Multiply(TLane.Multiply(dy, preGate), slope), ref MemoryMarshal.GetReference(ZGradientRow), d);
                gated = TLane.Multiply(dy, silu);
            }
            var uGradient = zero;
            if (!DSkip.IsEmpty)
            {
                ref T dDelta = ref MemoryMarshal.GetReference(DDelta);
                TLane.Store(TLane.MultiplyAdd(gated, input, TLane.Load(ref dDelta, d)), ref dDelta, d);
                uGradient = TLane.Multiply(gated, TLane.Load(ref MemoryMarshal.GetReference(DSkip), d));
            }
            var stepGradient = zero;
            var gB = zero;
            for (int n = 0; n < StateSize; n++)
            {
                nint cell = (nint)n * TileWidth + c;
                nint lane = (nint)n * TLane.Count;
                nint aCell = (nint)n * Channels + d;
                var decay = TLane.Load(ref decayRef, cell);
                var g = TLane.MultiplyAdd(gated, TLane.Broadcast(CRow[n]), TLane.Load(ref adjoint, cell));
                TLane.Store(TLane.MultiplyAdd(gated, TLane.Load(ref statesRef, cell), TLane.Load(ref cLanes, lane)), ref cLanes, lane);
                TLane.Store(TLane.MultiplyAdd(g, drive, TLane.Load(ref bLanes, lane)), ref bLanes, lane);
                gB = TLane.MultiplyAdd(g, TLane.Broadcast(BRow[n]), gB);
                var exponentGradient = TLane.Multiply(TLane.Multiply(g, TLane.Load(ref previousRef, cell)), decay);
                stepGradient = TLane.MultiplyAdd(exponentGradient, TLane.Load(ref at, aCell), stepGradient);
                TLane.Store(TLane.MultiplyAdd(exponentGradient, step, TLane.Load(ref aDelta, aCell)), ref aDelta, aCell);
                TLane.Store(TLane.Multiply(g, decay), ref adjoint, cell);
            }
            stepGradient = TLane.MultiplyAdd(gB, input, stepGradient);
            uGradient = TLane.MultiplyAdd(gB, step, uGradient);
            if (Softplus)
            {
                var raw = TLane.Load(ref MemoryMarshal.GetReference(DeltaRow), d);
                if (!DeltaBias.IsEmpty) raw = TLane.Add(raw, TLane.Load(ref MemoryMarshal.GetReference(DeltaBias), d));
                stepGradient = TLane.Multiply(stepGradient, TLane.Apply<SigmoidOperator<T>>(raw));
            }
            if (!BiasDelta.IsEmpty)
            {
                ref T bias = ref MemoryMarshal.GetReference(BiasDelta);
                TLane.Store(TLane.Add(TLane.Load(ref bias, d), stepGradient), ref bias, d);
            }
            TLane.Store(stepGradient, ref MemoryMarshal.GetReference(DeltaGradientRow), d);
            TLane.Store(uGradient, ref MemoryMarshal.GetReference(UGradientRow), d);
        }
    }
}
