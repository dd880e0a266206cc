using ILGPU;

namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>One thread per element; the operation code is uniform across the launch (no divergence).</summary>
internal static class ElementwiseKernels
{
    public static void Fill<T>(Index1D i, ArrayView<T> x, T value) where T : unmanaged => x[i] = value;

    /// <summary>y = f(x); codes follow <c>Kernels.Devices.UnaryOperation</c>.</summary>
    public static void Map<T, TOps>(Index1D i, ArrayView<T> x, ArrayView<T> y, int operation) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        T v = x[i];
        y[i] = operation switch
        {
            0 => ops.Multiply(v, ops.Subtract(ops.Zero, ops.One)),   // −x as x·(−1): 0 − x would give −(+0) = +0
            1 => ops.Abs(v),
            2 => ops.Sqrt(v),
            3 => ops.Multiply(v, v),
            4 => ops.Exp(v),
            5 => ops.Log(v),
            6 => ops.Tanh(v),
            7 => Sigmoid<T, TOps>(ops, v),
            _ => ops.Multiply(v, Sigmoid<T, TOps>(ops, v)),
        };
    }

    // 1/(1 + e^−x) for x ≥ 0 and e^x/(1 + e^x) below: neither form overflows to NaN.
    private static T Sigmoid<T, TOps>(TOps ops, T v) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        if (ops.Less(v, ops.Zero))
        {
            T e = ops.Exp(v);
            return ops.Divide(e, ops.Add(ops.One, e));
        }
        return ops.Divide(ops.One, ops.Add(ops.One, ops.Exp(ops.Subtract(ops.Zero, v))));
    }

    /// <summary>z = f(x, y); codes follow <c>Kernels.Devices.BinaryOperation</c>.</summary>
    public static void Zip<T, TOps>(Index1D i, ArrayView<T> x, ArrayView<T> y, ArrayView<T> z, int operation) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        T a = x[i], b = y[i];
        z[i] = operation switch
        {
            0 => ops.Add(a, b),
            1 => ops.Subtract(a, b),
            2 => ops.Multiply(a, b),
            3 => ops.Divide(a, b),
            4 => DeviceMinMax.Minimum<T, TOps>(ops, a, b),
            _ => DeviceMinMax.Maximum<T, TOps>(ops, a, b),
        };
    }

    /// <summary>y = αx + βy (β = 0: y is not read).</summary>
    public static void Axpby<T, TOps>(Index1D i, ArrayView<T> x, ArrayView<T> y, T alpha, T beta, int readY) where T : unmanaged where TOps : struct, IDeviceArithmetic<T>
    {
        TOps ops = default;
        T ax = ops.Multiply(alpha, x[i]);
        y[i] = readY != 0 ? ops.MultiplyAdd(beta, y[i], ax) : ax;
    }
}
