using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;
using Kernels.Linalg.Spectral;
using Kernels.Tensors;

namespace Kernels.Linalg;

/// <summary>
/// Eigendecomposition of a general real square matrix, <c>A·V = V·diag(λ)</c> (NumPy's <c>eig</c>, LAPACK's
/// <c>geev</c>): optional balancing by powers of two, Hessenberg reduction, Francis double-shift QR to real Schur
/// form, eigenvectors by back-substitution and back-transformation. λ and V are complex (<see cref="Complex"/>,
/// double precision also for float input); conjugate pairs are adjacent, positive imaginary part first. Each
/// eigenvector has unit 2-norm and its largest component real (LAPACK's convention). The eigenvector matrix of a
/// non-normal A can be ill conditioned: <see cref="EigenvectorCondition"/> reports κ₂(V), the factor by which
/// backward errors in A can be amplified in V·diag(λ)·V⁻¹. Computed in the constructor; the input is not modified.
/// </summary>
public sealed unsafe class EigenDecomposition<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Complex[] _values;
    private readonly Complex[]? _vectors;
    private readonly Complex[]? _leftVectors;
    private double? _condition;

    /// <exception cref="ArgumentException">A is not square or has NaN/∞.</exception>
    /// <exception cref="NonConvergenceException">The QR iteration failed (the eigenvalue index is reported).</exception>
    /// <param name="a">The square matrix (any strides).</param>
    /// <param name="computeVectors">Right eigenvectors (<see cref="Vectors"/>).</param>
    /// <param name="balance">Scale by powers of two first (recommended; exact).</param>
    /// <param name="options">GEMM settings of the blocked steps.</param>
    /// <param name="computeLeftVectors">Left eigenvectors <c>uⱼᴴ·A = λⱼ·uⱼᴴ</c> (LAPACK's VL convention), from the
    /// transposed Schur form by the same back-substitution (not from V⁻¹, whose error grows with κ(V)).</param>
    public EigenDecomposition(NDArray<T> a, bool computeVectors = true, bool balance = true, GemmOptions? options = null, bool computeLeftVectors = false)
    {
        int n = DenseCopy.SquareOrder(a, nameof(a), "Eigen");
        Order = n;
        using var work = new Scratch<T>(4 * n * n + 5 * n);
        T* h = work.Pointer, z = h + n * n, wr = z + n * n, wi = wr + n, d = wi + n;
        T* sl = d + n, zl = sl + n * n, wrl = zl + n * n, wil = wrl + n;
        DenseCopy.MatrixInto(a, new Span<T>(h, n * n));
        DenseCopy.ThrowIfNonFinite<T>(new ReadOnlySpan<T>(h, n * n), "A", $"Eigen of {a.ShapeString}", n);
        T scale = SymmetricEigenSolver.SafeRangeScale(h, n * n);
        if (scale != T.One)
            for (int i = 0; i < n * n; i++) h[i] *= scale;
        if (balance) Balancing.Balance(h, n, d);
        else for (int i = 0; i < n; i++) d[i] = T.One;
        HessenbergQr.Reduce(h, n, z, options);
        HessenbergQr.Schur(h, n, z, wr, wi);
        _values = new Complex[n];
        double inverse = double.CreateChecked(T.One / scale);
        for (int i = 0; i < n; i++) _values[i] = new Complex(double.CreateChecked(wr[i]) * inverse, double.CreateChecked(wi[i]) * inverse);
        if (computeLeftVectors)
        {
            // Aᵀ = Z·Tᵀ·Zᵀ, and Tᵀ reversed (S = P·Tᵀ·P) is upper quasi-triangular again: its right eigenvectors X
            // give Aᵀ's as Z·P·X, whose conjugates are A's left eigenvectors.
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    sl[i * n + j] = h[(n - 1 - j) * n + (n - 1 - i)];
                    zl[i * n + j] = z[i * n + (n - 1 - j)];
                }
            for (int i = 0; i < n; i++)
            {
                wrl[i] = wr[n - 1 - i];
                wil[i] = wi[n - 1 - i];
            }
            for (int i = 0; i + 1 < n; i++)
                if (wil[i] != T.Zero)
                {
                    T q = T.Abs(wil[i]);
                    wil[i] = q;
                    wil[i + 1] = -q;
                    i++;
                }
            HessenbergQr.Vectors(sl, n, zl, wrl, wil);
            _leftVectors = new Complex[n * n];
            for (int c = 0; c < n; c++)
            {
                int sc = n - 1 - c; // this eigenvalue's column in the reversed problem
                if (wi[c] == T.Zero)
                {
                    for (int r = 0; r < n; r++) _leftVectors[r * n + c] = double.CreateChecked(zl[r * n + sc] / d[r]);
                }
                else if (wi[c] > T.Zero && c + 1 < n)
                {
                    // λ₊ = T's column c sits at reversed column sc − 1 (the pair's first, labelled +q there).
                    for (int r = 0; r < n; r++)
                    {
                        var y = new Complex(double.CreateChecked(zl[r * n + sc - 1] / d[r]), double.CreateChecked(zl[r * n + sc] / d[r]));
                        _leftVectors[r * n + c] = Complex.Conjugate(y);
                        _leftVectors[r * n + c + 1] = y;
                    }
                    c++;
                }
            }
            for (int c = 0; c < n; c++) Normalise(_leftVectors, n, c);
        }
        if (!computeVectors) return;
        HessenbergQr.Vectors(h, n, z, wr, wi);
        _vectors = new Complex[n * n];
        for (int c = 0; c < n; c++)
        {
            if (wi[c] == T.Zero)
            {
                for (int r = 0; r < n; r++) _vectors[r * n + c] = double.CreateChecked(z[r * n + c] * d[r]);
            }
            else if (wi[c] > T.Zero && c + 1 < n)
            {
                for (int r = 0; r < n; r++)
                {
                    var v = new Complex(double.CreateChecked(z[r * n + c] * d[r]), double.CreateChecked(z[r * n + c + 1] * d[r]));
                    _vectors[r * n + c] = v;
                    _vectors[r * n + c + 1] = Complex.Conjugate(v);
                }
                c++;
            }
        }
        for (int c = 0; c < n; c++) Normalise(_vectors, n, c);
    }

    /// <summary>Unit 2-norm, largest-magnitude component real and positive.</summary>
    private static void Normalise(Complex[] v, int n, int c)
    {
        double scale = 0;
        int big = 0;
        for (int r = 0; r < n; r++)
        {
            double m = v[r * n + c].Magnitude;
            if (m > scale) { scale = m; big = r; }
        }
        if (scale == 0) return;
        double sum = 0;
        for (int r = 0; r < n; r++)
        {
            var x = v[r * n + c] / scale;
            sum += x.Real * x.Real + x.Imaginary * x.Imaginary;
        }
        var phase = Complex.Conjugate(v[big * n + c] / v[big * n + c].Magnitude);
        var factor = phase / (scale * Math.Sqrt(sum));
        for (int r = 0; r < n; r++) v[r * n + c] *= factor;
    }

    /// <summary>n.</summary>
    public int Order { get; }

    /// <summary>The eigenvalues (a copy), in the order the QR iteration found them (conjugate pairs adjacent).</summary>
    public NDArray<Complex> Values => NDArray.FromArray((Complex[])_values.Clone(), Order);

    /// <summary>V (n×n, a copy): column j is the unit right eigenvector of λ_j.</summary>
    public NDArray<Complex> Vectors => _vectors is null
        ? throw new InvalidOperationException("Eigen: eigenvectors were not computed (computeVectors: false).")
        : NDArray.FromArray((Complex[])_vectors.Clone(), Order, Order);

    /// <summary>The left eigenvectors U (n×n, a copy): <c>U[:, j]ᴴ·A = λ_j·U[:, j]ᴴ</c>, unit 2-norm.</summary>
    public NDArray<Complex> LeftVectors => _leftVectors is null
        ? throw new InvalidOperationException("Eigen: left eigenvectors were not computed (computeLeftVectors: false).")
        : NDArray.FromArray((Complex[])_leftVectors.Clone(), Order, Order);

    /// <summary>
    /// κ₂(V) = σ_max(V)/σ_min(V), from the SVD of the real 2n×2n embedding [[Re V, −Im V], [Im V, Re V]] (whose
    /// singular values are V's, each twice). ∞ when V is numerically singular (A defective). Computed on first use.
    /// </summary>
    public double EigenvectorCondition
    {
        get
        {
            if (_vectors is null) throw new InvalidOperationException("Eigen: eigenvectors were not computed (computeVectors: false).");
            if (_condition is { } known) return known;
            int n = Order;
            var embed = new double[2 * n, 2 * n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    var x = _vectors[i * n + j];
                    embed[i, j] = embed[n + i, n + j] = x.Real;
                    embed[i, n + j] = -x.Imaginary;
                    embed[n + i, j] = x.Imaginary;
                }
            var s = new SingularValueDecomposition<double>(NDArray.FromArray(embed), SvdMode.ValuesOnly).S;
            double result = n == 0 ? 1 : s[2 * n - 1] == 0 ? double.PositiveInfinity : s[0] / s[2 * n - 1];
            _condition = result;
            return result;
        }
    }
}
