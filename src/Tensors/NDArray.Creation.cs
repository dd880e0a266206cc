using System.Numerics;

namespace Kernels.Tensors;

public static partial class NDArray
{
    /// <summary>A zero-filled C-contiguous array.</summary>
    public static NDArray<T> Zeros<T>(params ReadOnlySpan<int> shape) where T : unmanaged => new(shape);

    /// <summary>A C-contiguous array filled with <paramref name="value"/>.</summary>
    public static NDArray<T> Full<T>(T value, params ReadOnlySpan<int> shape) where T : unmanaged
    {
        var a = new NDArray<T>(shape);
        a.Fill(value);
        return a;
    }

    /// <summary>A C-contiguous array of ones.</summary>
    public static NDArray<T> Ones<T>(params ReadOnlySpan<int> shape) where T : unmanaged, INumberBase<T> => Full(T.One, shape);

    /// <summary>A rank-0 array holding <paramref name="value"/>.</summary>
    public static NDArray<T> Scalar<T>(T value) where T : unmanaged => new(new T[] { value }, ReadOnlySpan<int>.Empty);

    /// <summary>Wraps <paramref name="data"/> (no copy) with the given shape, C order; a 1-D view when no shape is given.</summary>
    /// <exception cref="ArgumentException">The shape's element count differs from the array length.</exception>
    public static NDArray<T> FromArray<T>(T[] data, params ReadOnlySpan<int> shape) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        if (shape.IsEmpty) return new NDArray<T>(data, [data.Length]);
        long n = ShapeMath.ElementCount(shape);
        if (n != data.Length)
            throw new ArgumentException($"An array of {data.Length} elements cannot be viewed as shape {ShapeMath.Format(shape)} ({n} elements).", nameof(shape));
        return new NDArray<T>(data, shape);
    }

    /// <summary>Copies a 2-D jagged-free rectangular array into a new C-contiguous array.</summary>
    public static NDArray<T> FromArray<T>(T[,] data) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        int m = data.GetLength(0), n = data.GetLength(1);
        var a = new NDArray<T>(m, n);
        var s = a.AsSpan();
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) s[i * n + j] = data[i, j];
        return a;
    }

    /// <summary>[start, start + step, …) below <paramref name="stop"/> (above, for negative step), as NumPy's arange.</summary>
    public static NDArray<T> Arange<T>(T start, T stop, T step) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (step == T.Zero || T.IsNaN(step)) throw new ArgumentException("Arange step must be non-zero and not NaN.", nameof(step));
        double count = Math.Ceiling(double.CreateTruncating((stop - start) / step));
        if (!(count <= Array.MaxLength)) throw new ArgumentException($"Arange({start}, {stop}, {step}) would have {count} elements.");
        int n = (int)Math.Max(0, count);
        var a = new NDArray<T>(n);
        var s = a.AsSpan();
        for (int i = 0; i < n; i++) s[i] = start + T.CreateTruncating(i) * step;
        return a;
    }

    /// <summary>Element-type conversion into a new array of the same shape: float ↔ double ↔ Half ↔ BFloat16 (round to nearest even).</summary>
    /// <exception cref="NotSupportedException">A pair of types without a defined conversion.</exception>
    public static NDArray<TTo> Convert<TFrom, TTo>(NDArray<TFrom> x) where TFrom : unmanaged where TTo : unmanaged
    {
        ArgumentNullException.ThrowIfNull(x);
        var c = x.Contiguous();
        var result = new NDArray<TTo>(x.Shape);
        ElementConversion.Convert<TFrom, TTo>(c.TryGetSpan(out var s) ? s : default, result.AsSpan());
        return result;
    }
}
