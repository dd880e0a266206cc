using System.Numerics;
using Kernels.Linalg;
using Kernels.Tensors;

namespace Kernels.Devices.Algorithms;

/// <summary>A rank-k randomized SVD A ≈ U·diag(S)·Vᵀ from <see cref="DeviceRandomizedSvd.Compute{T}"/> (host arrays).</summary>
/// <param name="U">m×k, orthonormal columns.</param>
/// <param name="S">k singular values, descending.</param>
/// <param name="Vt">k×n, orthonormal rows.</param>
public sealed record DeviceRandomizedSvdResult<T>(NDArray<T> U, NDArray<T> S, NDArray<T> Vt) where T : unmanaged;

/// <summary>
/// Randomized SVD (Halko–Martinsson–Tropp) with A resident on a device, written once against
/// <see cref="ComputeDevice"/>: every product with A — Y = A·Ω, the power iterations' Aᵀ·Q and A·Q, and B = Qᵀ·A —
/// is a device GEMM, so A (m×n, the large operand) never leaves the device. The thin panels (m×l and n×l, l = k +
/// oversampling) come to the host for their Householder QR, and the small l×n B for its SVD: that is the explicit
/// host part of this algorithm (the contract has no QR; the copies are O((m + n)·l) per step against the O(m·n·l)
/// device work). Every power iteration re-orthonormalises with QR (the most stable normaliser).
/// </summary>
public static class DeviceRandomizedSvd
{
    /// <summary>The rank-<paramref name="rank"/> randomized SVD of the m×n row-major A on <paramref name="device"/>.</summary>
    /// <exception cref="ArgumentException">rank outside 1…min(m, n), or A shorter than m·n.</exception>
    public static DeviceRandomizedSvdResult<T> Compute<T>(ComputeDevice device, DeviceBuffer<T> a, int m, int n, int rank, int oversampling = 10,
        int powerIterations = 2, ulong seed = 0) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(a);
        if (m <= 0 || n <= 0 || rank < 1 || rank > Math.Min(m, n))
            throw new ArgumentException($"Randomized SVD of a {m}×{n} matrix: rank {rank} must be in 1…{Math.Min(m, n)}.", nameof(rank));
        ArgumentOutOfRangeException.ThrowIfNegative(oversampling);
        ArgumentOutOfRangeException.ThrowIfNegative(powerIterations);
        if (a.Length < (long)m * n) throw new ArgumentException($"Randomized SVD: A has {a.Length} elements, a {m}×{n} matrix needs {(long)m * n}.", nameof(a));
        int l = Math.Min(rank + oversampling, Math.Min(m, n));

        using var omega = device.Upload<T>(NDArray.RandomNormal(seed, T.Zero, T.One, n, l).AsSpan());
        using var tall = device.Allocate<T>((long)m * l);    // m×l panels: A·Ω, A·Q
        using var wide = device.Allocate<T>((long)n * l);    // n×l panels: Aᵀ·Q
        device.Gemm(false, false, m, l, n, T.One, a, omega, T.Zero, tall);
        for (int i = 0; i < powerIterations; i++)
        {
            Orthonormalize(tall, m, l);
            device.Gemm(true, false, n, l, m, T.One, a, tall, T.Zero, wide);    // Aᵀ·Q
            Orthonormalize(wide, n, l);
            device.Gemm(false, false, m, l, n, T.One, a, wide, T.Zero, tall);   // A·Q
        }
        var q = Orthonormalize(tall, m, l);

        using var b = device.Allocate<T>((long)l * n);
        device.Gemm(true, false, l, n, m, T.One, tall, a, T.Zero, b);           // B = Qᵀ·A (l×n)
        var svd = LinearAlgebra.Svd(NDArray.FromArray(b.ToArray(), l, n));
        var ub = svd.U!.Slice(AxisRange.All, AxisRange.Of(0, rank));
        var u = LinearAlgebra.MatMul(q, ub);
        return new DeviceRandomizedSvdResult<T>(u, svd.S.Slice(AxisRange.Of(0, rank)).Copy(), svd.Vt!.Slice(AxisRange.Of(0, rank), AxisRange.All).Copy());
    }

    // Downloads the rows×cols panel, replaces it by the Q of its thin Householder QR, and returns that Q.
    private static NDArray<T> Orthonormalize<T>(DeviceBuffer<T> panel, int rows, int cols) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var host = new T[(long)rows * cols];
        panel.CopyTo(host);
        var q = LinearAlgebra.Qr(NDArray.FromArray(host, rows, cols)).Q!.Contiguous();
        panel.CopyFrom(q.AsSpan());
        return q;
    }
}
