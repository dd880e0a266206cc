namespace Kernels.Linalg.Blas;

/// <summary>How a matrix is laid out in a span with a leading dimension (as in CBLAS).</summary>
public enum MatrixOrder
{
    /// <summary>Element (i, j) at <c>i·ld + j</c> (C#, NumPy default).</summary>
    RowMajor,
    /// <summary>Element (i, j) at <c>i + j·ld</c> (Fortran, LAPACK).</summary>
    ColumnMajor,
}

/// <summary>op(X) in BLAS routines.</summary>
public enum Transpose
{
    /// <summary>op(X) = X.</summary>
    None,
    /// <summary>op(X) = Xᵀ.</summary>
    Transpose,
}
