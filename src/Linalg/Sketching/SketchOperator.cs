using System.Numerics;
using Kernels.Linalg.Blas;
using Kernels.Linalg.Internal;
using Kernels.Tensors;
using Kernels.Tensors.Random;

namespace Kernels.Linalg.Sketching;

/// <summary>The distribution of a sketching matrix.</summary>
public enum SketchKind
{
    /// <summary>i.i.d. N(0, 1/m) entries (dense; applied by GEMM).</summary>
    Gaussian,

    /// <summary>i.i.d. ±1/√m entries (dense; applied by GEMM).</summary>
    Rademacher,

    /// <summary>s nonzeros ±1/√s per column at random rows (sparse sign embedding; O(s·nnz(A))).</summary>
    SparseSign,

    /// <summary>One ±1 per column at a hashed row (Clarkson–Woodruff; SciPy's clarkson_woodruff_transform).</summary>
    CountSketch,

    /// <summary>Subsampled randomised Hadamard transform √(n′/m)·P·(H/√n′)·D, n′ = n padded to a power of two.</summary>
    Srht,
}

/// <summary>
/// A seeded, reproducible sketching matrix S (m×n; m ≪ n) with <c>E[SᵀS] = I</c>, applied to dense matrices without
/// forming S unless it is dense anyway: <c>S·A</c> (A with n rows) or <c>A·Sᵀ</c> (A with n columns). Random values
/// come from Philox-4×32 (<see cref="RandomFill"/>), so the same (kind, m, n, seed, sparsity) gives the same S on
/// every machine and thread count.
/// </summary>
public sealed class SketchOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[]? _dense;        // Gaussian / Rademacher: m×n row-major
    private readonly int[]? _rowsOf;     // sparse kinds: for column j, the s target rows at [j·s, (j+1)·s)
    private readonly T[]? _signs;        // sparse kinds and SRHT's D: the matching ±scale
    private readonly int[]? _sampled;    // SRHT: the m sampled rows of H·D·A (of n′)
    private readonly int _padded;

    /// <summary>A seeded sketch S (rows × columns) of the given kind; S is never formed for the sparse kinds and SRHT.</summary>
    /// <param name="kind">Distribution of S.</param>
    /// <param name="rows">Sketch size m.</param>
    /// <param name="columns">Dimension n of the sketched space (rows of A in S·A).</param>
    /// <param name="seed">Philox seed: the same seed gives the same S on every machine.</param>
    /// <param name="sparsity">Nonzeros per column of the sparse sign sketch (default min(8, m)).</param>
    /// <exception cref="ArgumentOutOfRangeException">m or n not positive, m &gt; n′ for SRHT, or sparsity outside 1…m.</exception>
    public SketchOperator(SketchKind kind, int rows, int columns, ulong seed, int? sparsity = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        Kind = kind;
        Rows = rows;
        Columns = columns;
        Seed = seed;
        switch (kind)
        {
            case SketchKind.Gaussian:
                _dense = new T[(long)rows * columns];
                RandomFill.Normal(_dense, seed, T.Zero, T.One / T.Sqrt(T.CreateTruncating(rows)));
                break;
            case SketchKind.Rademacher:
            {
                _dense = new T[(long)rows * columns];
                T scale = T.One / T.Sqrt(T.CreateTruncating(rows));
                for (int i = 0; i < _dense.Length; i++) _dense[i] = Bit(seed, (ulong)i) ? scale : -scale;
                break;
            }
            case SketchKind.SparseSign:
            case SketchKind.CountSketch:
            {
                int s = kind == SketchKind.CountSketch ? 1 : sparsity ?? Math.Min(8, rows);
                if (s < 1 || s > rows) throw new ArgumentOutOfRangeException(nameof(sparsity), $"Sparse sketch: {s} nonzeros per column with {rows} rows.");
                Sparsity = s;
                _rowsOf = new int[(long)columns * s];
                _signs = new T[(long)columns * s];
                T scale = T.One / T.Sqrt(T.CreateTruncating(s));
                Span<int> chosen = stackalloc int[s];
                for (int j = 0; j < columns; j++)
                {
                    // s distinct rows per column (rejection on repeats; s ≤ m).
                    int count = 0;
                    for (ulong draw = 0; count < s; draw++)
                    {
                        int r = (int)(Word(seed, ((ulong)j << 20) + draw) % (uint)rows);
                        if (chosen[..count].Contains(r)) continue;
                        chosen[count++] = r;
                    }
                    for (int t = 0; t < s; t++)
                    {
                        _rowsOf[(long)j * s + t] = chosen[t];
                        _signs[(long)j * s + t] = Bit(seed ^ 0x9E3779B97F4A7C15UL, ((ulong)j << 20) + (ulong)t) ? scale : -scale;
                    }
                }
                break;
            }
            case SketchKind.Srht:
            {
                _padded = (int)BitOperations.RoundUpToPowerOf2((uint)columns);
                if (rows > _padded) throw new ArgumentOutOfRangeException(nameof(rows), $"SRHT: {rows} rows exceed the padded dimension {_padded}.");
                _signs = new T[columns];
                for (int j = 0; j < columns; j++) _signs[j] = Bit(seed, (ulong)j) ? T.One : -T.One;
                // m distinct rows of n′ by a partial Fisher–Yates shuffle.
                var perm = new int[_padded];
                for (int i = 0; i < _padded; i++) perm[i] = i;
                for (int i = 0; i < rows; i++)
                {
                    int k = i + (int)(Word(seed ^ 0xD1B54A32D192ED03UL, (ulong)i) % (uint)(_padded - i));
                    (perm[i], perm[k]) = (perm[k], perm[i]);
                }
                _sampled = perm[..rows];
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown sketch kind");
        }
    }

    /// <summary>The distribution.</summary>
    public SketchKind Kind { get; }

    /// <summary>m (sketch size).</summary>
    public int Rows { get; }

    /// <summary>n (input dimension).</summary>
    public int Columns { get; }

    /// <summary>The seed.</summary>
    public ulong Seed { get; }

    /// <summary>Nonzeros per column for the sparse kinds (1 for CountSketch), else 0.</summary>
    public int Sparsity { get; }

    private static uint Word(ulong seed, ulong counter) => Philox4x32.Block(counter, 0x5EED, seed).Item1;

    private static bool Bit(ulong seed, ulong counter) => (Philox4x32.Block(counter, 0xB17, seed).Item1 & 1) != 0;

    /// <summary><c>S·A</c> for A with n rows (1-D or 2-D, any strides): an m-row result.</summary>
    public NDArray<T> Apply(NDArray<T> a, GemmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        // A contiguous operand is read in place: copying a large tall A would cost as much as a sparse sketch.
        if (a.Rank is 1 or 2 && a.Shape[0] == Columns && a.TryGetSpan(out var span))
        {
            int cols = a.Rank == 1 ? 1 : a.Shape[1];
            var direct = ApplyLeft(span, cols, options);
            return a.Rank == 1 ? NDArray.FromArray(direct, Rows) : NDArray.FromArray(direct, Rows, cols);
        }
        var data = DenseCopy.RightHandSide(a, Columns, $"sketch {Kind} ({Rows}×{Columns})·A", $"({Rows}, {Columns})", out int d, out bool vector);
        var result = ApplyLeft(data, d, options);
        return DenseCopy.Result(result, Rows, d, vector);
    }

    /// <summary><c>A·Sᵀ</c> for A (p×n): a p×m result (sketching the columns).</summary>
    public NDArray<T> ApplyRight(NDArray<T> a, GemmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rank != 2 || a.Shape[1] != Columns)
            throw new ArgumentException($"sketch A·Sᵀ: A must be p×{Columns}; got {a.ShapeString}.", nameof(a));
        return Apply(a.Transpose(), options).Transpose().Copy();
    }

    /// <summary>S formed explicitly (m×n; tests and small sizes).</summary>
    public NDArray<T> ToDense()
    {
        var eye = new NDArray<T>(Columns, Columns);
        for (int i = 0; i < Columns; i++) eye[i, i] = T.One;
        return Apply(eye);
    }

    private unsafe T[] ApplyLeft(ReadOnlySpan<T> a, int d, GemmOptions? options)
    {
        int m = Rows, n = Columns;
        var y = new T[(long)m * d];
        switch (Kind)
        {
            case SketchKind.Gaussian:
            case SketchKind.Rademacher:
                fixed (T* ps = _dense)
                fixed (T* pa = a)
                fixed (T* py = y)
                    if (d > 0)
                        StridedMatrix<T>.Gemm(T.One, StridedMatrix<T>.RowMajor(ps, m, n, n), StridedMatrix<T>.RowMajor(pa, n, d, d), T.Zero,
                            StridedMatrix<T>.RowMajor(py, m, d, d), options);
                break;
            case SketchKind.SparseSign:
            case SketchKind.CountSketch:
            {
                int s = Sparsity;
                for (int j = 0; j < n; j++)
                {
                    var row = a.Slice(j * d, d);
                    for (int t = 0; t < s; t++)
                        System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(row, _signs![j * s + t], y.AsSpan(_rowsOf![j * s + t] * d, d), y.AsSpan(_rowsOf[j * s + t] * d, d));
                }
                break;
            }
            case SketchKind.Srht:
            {
                int np = _padded;
                var work = new T[(long)np * d];
                for (int j = 0; j < n; j++)
                    System.Numerics.Tensors.TensorPrimitives.Multiply(a.Slice(j * d, d), _signs![j], work.AsSpan(j * d, d));
                FastWalshHadamard.TransformRows<T>(work, np, d);
                // √(n′/m) · (1/√n′) = 1/√m.
                T scale = T.One / T.Sqrt(T.CreateTruncating(m));
                for (int i = 0; i < m; i++)
                    System.Numerics.Tensors.TensorPrimitives.Multiply(work.AsSpan(_sampled![i] * d, d), scale, y.AsSpan(i * d, d));
                break;
            }
        }
        return y;
    }
}
