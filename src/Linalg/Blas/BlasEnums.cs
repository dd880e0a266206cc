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

/// <summary>Which triangle of a matrix a routine reads or writes.</summary>
public enum Triangle
{
    /// <summary>The upper triangle (i ≤ j).</summary>
    Upper,
    /// <summary>The lower triangle (i ≥ j).</summary>
    Lower,
}

/// <summary>Whether a triangular matrix has an implicit unit diagonal (its stored diagonal is not read).</summary>
public enum Diagonal
{
    /// <summary>The stored diagonal is used.</summary>
    NonUnit,
    /// <summary>The diagonal is taken as 1.</summary>
    Unit,
}

/// <summary>Which side the triangular matrix multiplies from in TRMM/TRSM.</summary>
public enum Side
{
    /// <summary>op(A)·B.</summary>
    Left,
    /// <summary>B·op(A).</summary>
    Right,
}
