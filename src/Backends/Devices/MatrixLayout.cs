namespace Kernels.Devices;

/// <summary>
/// Element (p, i, j) of a batch of row-major matrices lives at
/// <c>Offset + p·BatchStride + i·LeadingDimension + j</c> of its buffer — the (row-major) meaning of BLAS's
/// <c>lda</c> and of cuBLAS's strided-batched GEMM. A sub-matrix of a larger matrix is its top-left element's
/// offset with the larger matrix's leading dimension; a batch stride of 0 reuses one matrix for every product (an
/// input only).
/// </summary>
/// <param name="Offset">Index of element (0, 0, 0); not negative.</param>
/// <param name="LeadingDimension">Elements from one row to the next; at least the stored column count (and ≥ 1).</param>
/// <param name="BatchStride">Elements from one matrix of the batch to the next; not negative.</param>
public readonly record struct MatrixLayout(long Offset, int LeadingDimension, long BatchStride)
{
    /// <summary>Matrices of rows × cols stored densely one after another from <paramref name="offset"/>.</summary>
    public static MatrixLayout Dense(int rows, int cols, long offset = 0) => new(offset, Math.Max(1, cols), (long)rows * cols);

    /// <summary>Whether the layout is <see cref="Dense"/>(rows, cols) from offset 0 (what the plain GEMM uses).</summary>
    public bool IsDense(int rows, int cols) => Offset == 0 && LeadingDimension == Math.Max(1, cols) && BatchStride == (long)rows * cols;

    /// <summary>One past the last element a batch of rows × cols matrices reaches (the offset when any extent is 0).</summary>
    public long End(int batch, int rows, int cols) =>
        batch == 0 || rows == 0 || cols == 0 ? Offset : Offset + (batch - 1) * BatchStride + (long)(rows - 1) * LeadingDimension + cols;

    /// <inheritdoc />
    public override string ToString() => $"offset {Offset}, leading dimension {LeadingDimension}, batch stride {BatchStride}";
}
