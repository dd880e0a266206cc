using System.Numerics;

namespace Kernels.Linalg.Solvers;

/// <summary>
/// Symmetric successive over-relaxation: <c>M = (D + ωL)·D⁻¹·(D + ωU) / (ω(2 − ω))</c> with A = L + D + U, applied
/// as <c>z = M⁻¹·r</c> by a forward and a backward sweep over A's rows. SPD for symmetric positive definite A and
/// 0 &lt; ω &lt; 2, so it serves PCG; needs no set-up beyond locating the diagonal.
/// </summary>
/// <remarks>Immutable after construction, so <see cref="Apply"/> may be called concurrently.</remarks>
public sealed class SsorPreconditioner<T> : IPreconditioner<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly CsrMatrix<T> _a;
    private readonly T[] _diagonal;
    private readonly T _omega;

    /// <param name="a">Square sparse matrix with a nonzero diagonal.</param>
    /// <param name="omega">Relaxation factor in (0, 2); 1 is symmetric Gauss–Seidel.</param>
    /// <exception cref="ArgumentException">Not square, or a diagonal entry is zero or not finite.</exception>
    public SsorPreconditioner(CsrMatrix<T> a, T omega)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != a.Columns) throw new ArgumentException($"SSOR needs a square matrix; got {a.Rows}×{a.Columns}.", nameof(a));
        if (!(omega > T.Zero && omega < T.CreateTruncating(2))) throw new ArgumentOutOfRangeException(nameof(omega), $"SSOR: ω = {omega} must lie in (0, 2).");
        _a = a;
        _omega = omega;
        _diagonal = new T[a.Rows];
        a.Diagonal(_diagonal);
        for (int i = 0; i < _diagonal.Length; i++)
            if (_diagonal[i] == T.Zero || !T.IsFinite(_diagonal[i]))
                throw new ArgumentException($"SSOR: diagonal entry {i} is {_diagonal[i]}.", nameof(a));
    }

    /// <summary>ω.</summary>
    public T Omega => _omega;

    /// <summary>
    /// Forward sweep <c>(D/ω + L)·y = r</c>, scaling <c>y ← (2 − ω)/ω · D·y</c>, backward sweep <c>(D/ω + U)·z = y</c>;
    /// together <c>z = ω(2 − ω)·(D + ωU)⁻¹·D·(D + ωL)⁻¹·r = M⁻¹·r</c>.
    /// </summary>
    public void Apply(ReadOnlySpan<T> r, Span<T> z)
    {
        int n = _diagonal.Length;
        if (r.Length < n || z.Length < n) throw new ArgumentException($"SSOR apply: r has {r.Length} and z {z.Length} elements, A is {n}×{n}.");
        var start = _a.RowPointers;
        var cols = _a.ColumnIndices;
        var vals = _a.Values;
        T omega = _omega;
        for (int i = 0; i < n; i++)
        {
            T s = r[i];
            for (int p = start[i]; p < start[i + 1]; p++)
                if (cols[p] < i) s -= vals[p] * z[cols[p]];
            z[i] = s * omega / _diagonal[i];
        }
        T scale = (T.CreateTruncating(2) - omega) / omega;
        for (int i = 0; i < n; i++) z[i] *= scale * _diagonal[i];
        for (int i = n - 1; i >= 0; i--)
        {
            T s = z[i];
            for (int p = start[i]; p < start[i + 1]; p++)
                if (cols[p] > i) s -= vals[p] * z[cols[p]];
            z[i] = s * omega / _diagonal[i];
        }
    }
}
