namespace Kernels.Linalg;

/// <summary>A matrix that a factorization or solve needs to be nonsingular has an exactly zero pivot.</summary>
public sealed class SingularMatrixException : ArithmeticException
{
    /// <summary>Creates the exception with its message and the index of the zero pivot.</summary>
    public SingularMatrixException(string message, int index) : base(message) => Index = index;

    /// <summary>0-based index of the first zero pivot (U_jj = 0 in LU, R_jj = 0 in QR).</summary>
    public int Index { get; }
}

/// <summary>Cholesky met a leading minor that is not positive definite.</summary>
public sealed class NotPositiveDefiniteException : ArithmeticException
{
    /// <summary>Creates the exception with its message and the order of the failing leading minor.</summary>
    public NotPositiveDefiniteException(string message, int order) : base(message) => Order = order;

    /// <summary>Order (1-based) of the first leading minor that is not positive definite.</summary>
    public int Order { get; }
}

/// <summary>An iteration (polar decomposition, eigen solver, …) did not meet its tolerance in the allowed steps.</summary>
public sealed class NonConvergenceException : ArithmeticException
{
    /// <summary>Creates the exception with its message and the iterations spent.</summary>
    public NonConvergenceException(string message, int iterations) : base(message) => Iterations = iterations;

    /// <summary>Also names the index that failed (eigenvalue, singular value or secular root).</summary>
    public NonConvergenceException(string message, int iterations, int index) : base(message)
    {
        Iterations = iterations;
        Index = index;
    }

    /// <summary>Iterations performed before giving up.</summary>
    public int Iterations { get; }

    /// <summary>0-based index of the eigenvalue / singular value / root that did not converge, or −1 when the
    /// iteration is not per index (polar decomposition).</summary>
    public int Index { get; } = -1;
}
