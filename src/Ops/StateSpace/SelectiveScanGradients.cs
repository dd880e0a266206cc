using System.Numerics;
using Kernels.Tensors;

namespace Kernels.Ops.StateSpace;

/// <summary>
/// Gradients of a loss through <see cref="SelectiveScan.Forward{T}"/>, each shaped like its input; the optional ones
/// are present exactly when the input was given.
/// </summary>
public sealed record SelectiveScanGradients<T>(
    NDArray<T> U,
    NDArray<T> Delta,
    NDArray<T> A,
    NDArray<T> B,
    NDArray<T> C,
    NDArray<T>? D,
    NDArray<T>? Z,
    NDArray<T>? DeltaBias,
    NDArray<T>? InitialState) where T : unmanaged, IFloatingPointIeee754<T>;
