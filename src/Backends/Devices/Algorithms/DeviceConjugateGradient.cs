using System.Numerics;

namespace Kernels.Devices.Algorithms;

/// <summary>Outcome of <see cref="DeviceConjugateGradient.Solve{T}"/>.</summary>
/// <param name="Iterations">Iterations run.</param>
/// <param name="RelativeResidual">‖b − A·x‖ / ‖b‖ as recurred by CG (the updated residual, not recomputed).</param>
/// <param name="Converged">Whether the tolerance was reached before the iteration limit.</param>
public readonly record struct DeviceSolveResult(int Iterations, double RelativeResidual, bool Converged);

/// <summary>
/// Conjugate gradient for symmetric positive-definite A, written once against <see cref="ComputeDevice"/>: every
/// vector lives on the device, each iteration is one operator application, two dot products and three αx + βy
/// updates, and only the two scalars per iteration cross to the host. On <see cref="CpuDevice"/> it runs the same
/// recurrence as <c>Kernels.Linalg.Solvers.ConjugateGradient</c> (without preconditioning).
/// </summary>
public static class DeviceConjugateGradient
{
    /// <summary>
    /// Solves A·x = b, starting from the contents of <paramref name="x"/> (overwritten with the solution), until
    /// ‖r‖ ≤ <paramref name="tolerance"/>·‖b‖ or <paramref name="maxIterations"/> (default 10·n).
    /// </summary>
    /// <exception cref="ArgumentException">Sizes disagree, b is not finite, or the tolerance is not positive.</exception>
    /// <exception cref="ArithmeticException">pᵀA·p ≤ 0: A is not positive definite (the message gives the iteration).</exception>
    public static DeviceSolveResult Solve<T>(ComputeDevice device, IDeviceOperator<T> a, DeviceBuffer<T> b, DeviceBuffer<T> x, double tolerance = 1e-8, int? maxIterations = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(x);
        int n = a.Size;
        if (b.Length != n || x.Length != n) throw new ArgumentException($"CG: operator {n}×{n}, b has {b.Length} and x {x.Length} elements.");
        if (!(tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), $"CG tolerance {tolerance} must be positive.");
        int limit = maxIterations ?? Math.Max(10 * n, 10);
        double bNorm = Math.Sqrt(double.CreateTruncating(device.Reduce(ReduceOperation.SumOfSquares, b)));
        if (!double.IsFinite(bNorm)) throw new ArgumentException("CG: b contains NaN or Inf.", nameof(b));
        if (n == 0 || bNorm == 0)
        {
            device.Fill(x, T.Zero);
            return new DeviceSolveResult(0, 0, true);
        }

        using var r = device.Allocate<T>(n);
        using var p = device.Allocate<T>(n);
        using var ap = device.Allocate<T>(n);
        a.Apply(device, x, ap);
        device.Copy(b, r);
        device.Axpby(-T.One, ap, T.One, r);                    // r = b − A·x
        device.Copy(r, p);
        T rr = device.Reduce(ReduceOperation.SumOfSquares, r);
        double target = tolerance * bNorm;
        int iteration = 0;
        while (Math.Sqrt(double.CreateTruncating(rr)) > target && iteration < limit)
        {
            a.Apply(device, p, ap);
            T pap = device.Dot(p, ap);
            if (!(pap > T.Zero)) throw new ArithmeticException($"CG: pᵀA·p = {pap} at iteration {iteration}: the operator is not positive definite.");
            T alpha = rr / pap;
            device.Axpby(alpha, p, T.One, x);                  // x += α·p
            device.Axpby(-alpha, ap, T.One, r);                // r −= α·A·p
            T rrNext = device.Reduce(ReduceOperation.SumOfSquares, r);
            device.Axpby(T.One, r, rrNext / rr, p);            // p = r + β·p
            rr = rrNext;
            iteration++;
        }
        double relative = Math.Sqrt(double.CreateTruncating(rr)) / bNorm;
        return new DeviceSolveResult(iteration, relative, relative <= tolerance);
    }
}
