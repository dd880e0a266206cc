namespace Kernels.Linalg.Blas;

/// <summary>Validation and stride arithmetic for a matrix stored in a span with a leading dimension.</summary>
internal static class MatrixArgument
{
    /// <summary>
    /// Element strides (rs, cs) of op(X) for a matrix stored <paramref name="storedRows"/>×<paramref name="storedCols"/>
    /// in <paramref name="order"/> with leading dimension <paramref name="ld"/>, after checking that ld and the span
    /// length are large enough. Throws with the argument's name and shape when they are not.
    /// </summary>
    public static (nint Rs, nint Cs) Strides(string name, MatrixOrder order, Transpose op, int storedRows, int storedCols,
        int ld, int length)
    {
        int minLd = Math.Max(1, order == MatrixOrder.RowMajor ? storedCols : storedRows);
        if (ld < minLd)
            throw new ArgumentException(
                $"Leading dimension of {name} is {ld}, but {name} is stored {storedRows}×{storedCols} {order} and needs at least {minLd}.", name);
        long needed = storedRows == 0 || storedCols == 0 ? 0
            : order == MatrixOrder.RowMajor ? (long)(storedRows - 1) * ld + storedCols : (long)(storedCols - 1) * ld + storedRows;
        if (length < needed)
            throw new ArgumentException(
                $"{name} has {length} elements, but a {storedRows}×{storedCols} {order} matrix with leading dimension {ld} needs {needed}.", name);
        (nint rs, nint cs) = order == MatrixOrder.RowMajor ? ((nint)ld, (nint)1) : (1, ld);
        return op == Transpose.None ? (rs, cs) : (cs, rs);
    }

    /// <summary>Stored shape of X when op(X) is rows×cols.</summary>
    public static (int Rows, int Cols) Stored(Transpose op, int rows, int cols) => op == Transpose.None ? (rows, cols) : (cols, rows);

    /// <summary>Throws when an output span shares memory with an input span.</summary>
    public static void ThrowIfOverlaps<T>(ReadOnlySpan<T> output, ReadOnlySpan<T> input, string outputName, string inputName)
    {
        if (!output.IsEmpty && !input.IsEmpty && output.Overlaps(input))
            throw new ArgumentException($"Output {outputName} overlaps input {inputName}; BLAS outputs must not alias inputs.", outputName);
    }
}
