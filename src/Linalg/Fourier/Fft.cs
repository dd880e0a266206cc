using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using Kernels.Backends.Cpu.Scheduling;
using Kernels.Tensors;
using Kernels.Tensors.Simd;

namespace Kernels.Linalg.Fourier;

/// <summary>
/// Discrete Fourier transforms with NumPy's conventions: forward X_k = Σ_t x_t·e^{−2πi·tk/n}, inverse
/// x_t = (1/n)·Σ_k X_k·e^{+2πi·tk/n} under <see cref="FftNorm.Backward"/>. Any length n ≥ 1 (mixed radix 2/3/4/5,
/// Bluestein otherwise), batched along any axis of a tensor view. Computed in double (float input is widened); the
/// error is O(ε·log n)·‖x‖ for smooth lengths and a small constant times that for Bluestein lengths.
/// </summary>
/// <remarks>
/// Plans are cached per length and shared across threads. Not yet vectorised: the butterflies are scalar
/// <see cref="Complex"/> arithmetic, and real transforms run the complex transform of the widened input.
/// </remarks>
public static class Fft
{
    /// <summary>In-place forward DFT of a contiguous span, scaled per <paramref name="norm"/>.</summary>
    public static void Forward(Span<Complex> data, FftNorm norm = FftNorm.Backward)
    {
        if (data.IsEmpty) return;
        FftPlan.For(data.Length).Forward(data);
        Scale(data, ForwardScale(data.Length, norm));
    }

    /// <summary>In-place inverse DFT of a contiguous span, scaled per <paramref name="norm"/>.</summary>
    public static void Inverse(Span<Complex> data, FftNorm norm = FftNorm.Backward)
    {
        if (data.IsEmpty) return;
        // ifft(x) = conj(fft(conj(x))) with the inverse's scale.
        for (int i = 0; i < data.Length; i++) data[i] = Complex.Conjugate(data[i]);
        FftPlan.For(data.Length).Forward(data);
        double scale = InverseScale(data.Length, norm);
        for (int i = 0; i < data.Length; i++) data[i] = Complex.Conjugate(data[i]) * scale;
    }

    /// <summary>numpy.fft.fft / ifft of a complex tensor along <paramref name="axis"/>; returns a new array.</summary>
    /// <exception cref="ArgumentException">The axis is out of range or has length 0.</exception>
    public static NDArray<Complex> Transform(NDArray<Complex> x, int axis = -1, bool inverse = false, FftNorm norm = FftNorm.Backward)
    {
        ArgumentNullException.ThrowIfNull(x);
        int a = Axis(x.Rank, axis, x.ShapeString);
        var rows = ToRows(x, a, out int n);
        for (int r = 0; r < rows.Length / Math.Max(n, 1); r++)
        {
            var row = rows.AsSpan(r * n, n);
            if (inverse) Inverse(row, norm); else Forward(row, norm);
        }
        return FromRows(rows, x.Shape, a, n);
    }

    /// <summary>numpy.fft.fft of a real tensor along <paramref name="axis"/> (the full complex spectrum).</summary>
    public static NDArray<Complex> Transform<T>(NDArray<T> x, int axis = -1, bool inverse = false, FftNorm norm = FftNorm.Backward)
        where T : unmanaged, IFloatingPointIeee754<T> => Transform(ToComplex(x), axis, inverse, norm);

    /// <summary>numpy.fft.rfft: the n/2 + 1 non-negative-frequency terms of the DFT of real x along <paramref name="axis"/>.</summary>
    public static NDArray<Complex> Rfft<T>(NDArray<T> x, int axis = -1, FftNorm norm = FftNorm.Backward)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        int a = Axis(x.Rank, axis, x.ShapeString);
        // A contiguous input transformed along its last axis is read in place (no copy of the input).
        int n = x.Shape[a];
        NDArray<T>? copied = a == x.Rank - 1 && x.IsContiguous ? null : NDArray.FromArray(ToRows(x, a, out _), (int)x.Length);
        long total = x.Length;
        int half = n / 2 + 1, count = n == 0 ? 0 : (int)(total / n);
        var shape = x.Shape.ToArray();
        shape[a] = n == 0 ? 0 : half;
        var output = new Complex[count * half];
        if (count > 0 && n > 0)
        {
            // Rows are independent: split over threads when there is enough work (each row is computed the same way
            // whatever the split, so results do not depend on the thread count).
            var job = new RealRows<T>(copied ?? x, output, n, half, count, ForwardScale(n, norm), SimdPolicy.Current);
            CpuWorkerPool.Run(job, Math.Min(count, Threading.For((long)count * n)));
        }
        return FromRows(output, shape, a, n == 0 ? 0 : half);
    }

    /// <summary>
    /// numpy.fft.irfft: the real signal of length <paramref name="n"/> (default 2·(m − 1)) whose rfft is x along
    /// <paramref name="axis"/>; the spectrum is completed by Hermitian symmetry, the imaginary parts of the DC (and,
    /// for even n, Nyquist) terms are ignored, missing terms are zero and extra ones dropped, as NumPy does.
    /// </summary>
    public static NDArray<double> Irfft(NDArray<Complex> x, int? n = null, int axis = -1, FftNorm norm = FftNorm.Backward)
    {
        ArgumentNullException.ThrowIfNull(x);
        int a = Axis(x.Rank, axis, x.ShapeString);
        int m = x.Shape[a];
        int length = n ?? 2 * (m - 1);
        if (length < 1) throw new ArgumentException($"irfft needs an output length ≥ 1; got {length} from an axis of length {m}.", nameof(n));
        var rows = ToRows(x, a, out _);
        int count = m == 0 ? 0 : rows.Length / m;
        var shape = x.Shape.ToArray();
        shape[a] = length;
        var outRows = new double[count * length];
        var work = new Complex[length];
        var scratch = new Complex[length];
        int usable = Math.Min(m, length / 2 + 1);
        for (int r = 0; r < count; r++)
        {
            Array.Clear(work);
            var spectrum = rows.AsSpan(r * m, m);
            for (int k = 0; k < usable; k++) work[k] = spectrum[k];
            work[0] = new Complex(work[0].Real, 0);
            if (length % 2 == 0 && usable == length / 2 + 1) work[length / 2] = new Complex(work[length / 2].Real, 0);
            if (length % 2 == 0 && length >= 4)
            {
                RealInverse(work.AsSpan(0, length / 2 + 1), outRows.AsSpan(r * length, length), scratch);
                double s = InverseScale(length, norm);
                if (s != 1) for (int t = 0; t < length; t++) outRows[r * length + t] *= s;
                continue;
            }
            for (int k = 1; k < usable; k++)
                if (length - k != k) work[length - k] = Complex.Conjugate(work[k]);
            Inverse(work, norm);
            for (int t = 0; t < length; t++) outRows[r * length + t] = work[t].Real;
        }
        return FromRows(outRows, shape, a, length);
    }

    /// <summary>
    /// X_k, k = 0..n/2, of real x (unscaled). Even n ≥ 4: one complex FFT of length N = n/2 on z_t = x_{2t} + i·x_{2t+1},
    /// then X_k = E_k + e^{−2πik/n}·O_k with E_k = (Z_k + conj Z_{N−k})/2 and O_k = (Z_k − conj Z_{N−k})/(2i).
    /// </summary>
    /// <param name="x">Real samples, length n.</param>
    /// <param name="output">n/2 + 1 spectrum terms.</param>
    /// <param name="work">Scratch of at least n elements.</param>
    internal static void RealForward(ReadOnlySpan<double> x, Span<Complex> output, Span<Complex> work)
    {
        int n = x.Length;
        if (n % 2 == 1 || n < 4)
        {
            for (int t = 0; t < n; t++) work[t] = new Complex(x[t], 0);
            FftPlan.For(n).Forward(work[..n]);
            work[..(n / 2 + 1)].CopyTo(output);
            return;
        }
        int half = n / 2;
        var z = work[..half];
        for (int t = 0; t < half; t++) z[t] = new Complex(x[2 * t], x[2 * t + 1]);
        var plan = FftPlan.For(half);
        plan.Forward(z);
        var w = plan.RealTwiddles;
        for (int k = 0; k <= half; k++)
        {
            Complex zk = z[k == half ? 0 : k], zc = Complex.Conjugate(z[k == 0 ? 0 : half - k]);
            Complex even = (zk + zc) * 0.5;
            Complex odd = (zk - zc) * new Complex(0, -0.5);
            output[k] = even + w[k] * odd;
        }
    }

    /// <summary>
    /// The real x (length n = 2N, even, ≥ 4) with rfft X (N + 1 terms), times n (unscaled inverse): Z_k = E_k + i·O_k with
    /// E_k = (X_k + conj X_{N−k})/2 and O_k = e^{+2πik/n}·(X_k − conj X_{N−k})/2, z = N·IDFT_N(Z), x_{2t} + i·x_{2t+1} = 2·z_t.
    /// </summary>
    internal static void RealInverse(ReadOnlySpan<Complex> spectrum, Span<double> x, Span<Complex> work)
    {
        int n = x.Length, half = n / 2;
        var plan = FftPlan.For(half);
        var w = plan.RealTwiddles;
        var z = work[..half];
        for (int k = 0; k < half; k++)
        {
            Complex xk = spectrum[k], xc = Complex.Conjugate(spectrum[half - k]);
            Complex even = (xk + xc) * 0.5;
            Complex odd = (xk - xc) * 0.5 * Complex.Conjugate(w[k]);
            // Conjugated for the inverse-by-forward trick below.
            z[k] = Complex.Conjugate(even + new Complex(-odd.Imaginary, odd.Real));
        }
        plan.Forward(z);
        for (int t = 0; t < half; t++)
        {
            x[2 * t] = 2 * z[t].Real;
            x[2 * t + 1] = -2 * z[t].Imaginary;
        }
    }

    internal static double ForwardScale(int n, FftNorm norm) => norm switch
    {
        FftNorm.Backward => 1,
        FftNorm.Ortho => 1 / Math.Sqrt(n),
        FftNorm.Forward => 1.0 / n,
        _ => throw new ArgumentOutOfRangeException(nameof(norm)),
    };

    internal static double InverseScale(int n, FftNorm norm) => norm switch
    {
        FftNorm.Backward => 1.0 / n,
        FftNorm.Ortho => 1 / Math.Sqrt(n),
        FftNorm.Forward => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(norm)),
    };

    private static void Scale(Span<Complex> data, double scale)
    {
        if (scale == 1) return;
        for (int i = 0; i < data.Length; i++) data[i] *= scale;
    }

    private static int Axis(int rank, int axis, string shape)
    {
        if (rank == 0) throw new ArgumentException("The FFT needs at least a 1-D array; got a scalar.");
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) throw new ArgumentException($"Axis {axis} is out of range for shape {shape}.", nameof(axis));
        return a;
    }

    private static NDArray<Complex> ToComplex<T>(NDArray<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        var c = x.Contiguous().AsSpan();
        var result = new Complex[c.Length];
        for (int i = 0; i < c.Length; i++) result[i] = new Complex(double.CreateTruncating(c[i]), 0);
        return NDArray.FromArray(result, x.Shape);
    }

    /// <summary>The array with <paramref name="axis"/> moved last, as contiguous rows of length n.</summary>
    private static TElement[] ToRows<TElement>(NDArray<TElement> x, int axis, out int n) where TElement : unmanaged
    {
        n = x.Shape[axis];
        if (axis == x.Rank - 1) return x.Contiguous().AsSpan().ToArray();  // already rows: one copy
        var order = Enumerable.Range(0, x.Rank).Where(d => d != axis).Append(axis).ToArray();
        return x.Permute(order).Copy().AsSpan().ToArray();
    }

    /// <summary>Rows of length n (axis last) back to <paramref name="shape"/> with the axis in place.</summary>
    private static NDArray<TElement> FromRows<TElement>(TElement[] rows, ReadOnlySpan<int> shape, int axis, int n) where TElement : unmanaged
    {
        int rank = shape.Length;
        if (axis == rank - 1)
        {
            var same = shape.ToArray();
            same[axis] = n;
            return NDArray.FromArray(rows, same);
        }
        var moved = new int[rank];
        int j = 0;
        for (int d = 0; d < rank; d++) if (d != axis) moved[j++] = shape[d];
        moved[rank - 1] = n;
        var permuted = NDArray.FromArray(rows, moved);
        // Inverse permutation: the last axis goes back to position `axis`.
        var inverse = new int[rank];
        for (int d = 0, k = 0; d < rank; d++) inverse[d] = d == axis ? rank - 1 : k++;
        return permuted.Permute(inverse).Copy();
    }

    /// <summary>rfft of rows [r₀, r₁) per part: pooled scratch per part; double rows are read in place.</summary>
    private sealed class RealRows<T>(NDArray<T> source, Complex[] output, int n, int half, int count, double scale, VectorWidth width) : IParallelJob
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Begin(int parts) { }

        public void Execute(int part, int parts)
        {
            // Scratch from the pool (fresh multi-megabyte arrays cost page faults on every call); double rows are read
            // in place, other types widened into a pooled row.
            // The caller's vector width on every worker (a forced width is thread-local), so every row is computed
            // the same way whatever the split.
            using var _ = SimdPolicy.Force(width);
            bool widen = typeof(T) != typeof(double);
            var real = widen ? ArrayPool<double>.Shared.Rent(n) : null;
            var work = ArrayPool<Complex>.Shared.Rent(n);
            try
            {
                ReadOnlySpan<T> rows = source.AsSpan();
                for (long r = (long)count * part / parts; r < (long)count * (part + 1) / parts; r++)
                {
                    var row = rows.Slice((int)(r * n), n);
                    ReadOnlySpan<double> samples;
                    if (!widen) samples = MemoryMarshal.Cast<T, double>(row);
                    else
                    {
                        for (int t = 0; t < n; t++) real![t] = double.CreateTruncating(row[t]);
                        samples = real.AsSpan(0, n);
                    }
                    var spectrum = output.AsSpan((int)(r * half), half);
                    RealForward(samples, spectrum, work);
                    if (scale != 1) Scale(spectrum, scale);
                }
            }
            finally
            {
                if (real is not null) ArrayPool<double>.Shared.Return(real);
                ArrayPool<Complex>.Shared.Return(work);
            }
        }
    }
}
