using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics;

namespace Kernels.Linalg.Fourier;

/// <summary>
/// A precomputed complex DFT of one length n: X_k = Σ_t x_t·e^{−2πi·tk/n}. Lengths whose prime factors are 2, 3 and
/// 5 run a recursive mixed-radix Cooley–Tukey (radix 4, 2, 3, 5; twiddles precomputed per level in double);
/// any other length runs Bluestein's chirp-z algorithm through a power-of-two plan of length ≥ 2n − 1.
/// Plans are immutable and cached per length, so concurrent use is safe; scratch comes from a pool.
/// </summary>
internal sealed class FftPlan
{
    private static readonly ConcurrentDictionary<int, FftPlan> s_cache = new();

    private readonly int _n;
    private readonly int[] _radices = [];          // radix at each recursion level (outermost first)
    private readonly Complex[][] _twiddles = [];    // level ℓ (length n_ℓ, radix r): ω_{n_ℓ}^{q·k}, q < r, k < n_ℓ/r, at [q·m + k]
    private readonly Complex[][] _roots = [];       // level ℓ: ω_r^{j}, j < r
    private readonly FftPlan? _inner;               // Bluestein: the power-of-two plan of length M
    private readonly Complex[] _chirp = [];         // Bluestein: c_t = e^{−πi·t²/n}
    private readonly Complex[] _kernelSpectrum = []; // Bluestein: DFT_M of conj(c) wrapped

    private Complex[]? _realTwiddles;              // e^{−2πi·k/(2n)}, k ≤ n: for real transforms of length 2n

    /// <summary>e^{−2πi·k/(2n)} for k = 0..n, the twiddles that split a length-2n real transform; built on first use.</summary>
    public Complex[] RealTwiddles => LazyInitializer.EnsureInitialized(ref _realTwiddles, () =>
    {
        var w = new Complex[_n + 1];
        for (int k = 0; k <= _n; k++) w[k] = Root(2 * _n, k);
        return w;
    });

    /// <summary>The plan for length n (≥ 1), built once per length.</summary>
    public static FftPlan For(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return s_cache.GetOrAdd(n, static length => new FftPlan(length));
    }

    public int Length => _n;

    private FftPlan(int n)
    {
        _n = n;
        var radices = Factor(n);
        if (radices is null)
        {
            int m = 1;
            while (m < 2 * n - 1) m <<= 1;
            _inner = For(m);
            _chirp = new Complex[n];
            for (int t = 0; t < n; t++)
            {
                // t² mod 2n keeps the angle small, so the chirp is accurate for large t.
                long tt = (long)t * t % (2L * n);
                _chirp[t] = Complex.FromPolarCoordinates(1, -Math.PI * tt / n);
            }
            var b = new Complex[m];
            b[0] = Complex.Conjugate(_chirp[0]);
            for (int t = 1; t < n; t++) b[t] = b[m - t] = Complex.Conjugate(_chirp[t]);
            _inner.Forward(b);
            _kernelSpectrum = b;
            return;
        }
        _radices = radices;
        _twiddles = new Complex[radices.Length][];
        _roots = new Complex[radices.Length][];
        int length = n;
        for (int level = 0; level < radices.Length; level++)
        {
            int r = radices[level], m = length / r;
            var tw = new Complex[r * m];
            for (int q = 0; q < r; q++)
                for (int k = 0; k < m; k++)
                    tw[q * m + k] = Root(length, (long)q * k);
            _twiddles[level] = tw;
            var roots = new Complex[r];
            for (int j = 0; j < r; j++) roots[j] = Root(r, j);
            _roots[level] = roots;
            length = m;
        }
    }

    /// <summary>e^{−2πi·e/n} with e reduced mod n first (the angle stays in [0, 2π), accurate for large e).</summary>
    private static Complex Root(int n, long e)
    {
        e %= n;
        return Complex.FromPolarCoordinates(1, -2 * Math.PI * e / n);
    }

    /// <summary>Radices 4, 2, 3, 5 whose product is n, or null when n has another prime factor.</summary>
    private static int[]? Factor(int n)
    {
        var list = new List<int>();
        while (n % 4 == 0) { list.Add(4); n /= 4; }
        while (n % 2 == 0) { list.Add(2); n /= 2; }
        while (n % 3 == 0) { list.Add(3); n /= 3; }
        while (n % 5 == 0) { list.Add(5); n /= 5; }
        return n == 1 ? [.. list] : null;
    }

    /// <summary>In-place forward DFT of <paramref name="data"/> (length n), unscaled.</summary>
    public void Forward(Span<Complex> data)
    {
        if (data.Length != _n) throw new ArgumentException($"The plan is for length {_n}; got {data.Length}.", nameof(data));
        if (_n == 1) return;
        if (_inner is not null)
        {
            Bluestein(data);
            return;
        }
        var input = ArrayPool<Complex>.Shared.Rent(_n);
        try
        {
            data.CopyTo(input);
            Recurse(input, 0, 1, data, 0);
        }
        finally
        {
            ArrayPool<Complex>.Shared.Return(input);
        }
    }

    /// <summary>out[0..n_ℓ) = DFT of in[start], in[start + stride], …: decimation in time, natural-order output.</summary>
    private void Recurse(Complex[] input, int start, int stride, Span<Complex> output, int level)
    {
        int length = output.Length;
        if (level == _radices.Length)
        {
            output[0] = input[start];
            return;
        }
        int r = _radices[level], m = length / r;
        if (level == _radices.Length - 1)
        {
            // The last level's sub-transforms have length 1: gather them instead of recursing once per element.
            for (int q = 0; q < r; q++) output[q] = input[start + q * stride];
        }
        else
        {
            for (int q = 0; q < r; q++)
                Recurse(input, start + q * stride, stride * r, output.Slice(q * m, m), level + 1);
        }
        var tw = _twiddles[level];
        // X[k + m·s] = Σ_q (ω_len^{q·k}·Y_q[k])·ω_r^{q·s}: the r values at k, k + m, … are read and written in place.
        switch (r)
        {
            case 2:
                FftButterflies.Radix2(output, tw, m);
                break;
            case 4:
                FftButterflies.Radix4(output, tw, m);
                break;
            default:
            {
                var roots = _roots[level];
                Span<Complex> t = stackalloc Complex[r];
                for (int k = 0; k < m; k++)
                {
                    t[0] = output[k];
                    for (int q = 1; q < r; q++) t[q] = output[q * m + k] * tw[q * m + k];
                    for (int s = 0; s < r; s++)
                    {
                        Complex sum = t[0];
                        for (int q = 1; q < r; q++) sum += t[q] * roots[q * s % r];
                        output[s * m + k] = sum;
                    }
                }
                break;
            }
        }
    }

    /// <summary>X_k = c_k·Σ_t (x_t·c_t)·conj(c_{k−t}), the convolution done by the inner power-of-two plan.</summary>
    private void Bluestein(Span<Complex> data)
    {
        int m = _inner!.Length;
        var a = ArrayPool<Complex>.Shared.Rent(m);
        try
        {
            var work = a.AsSpan(0, m);
            for (int t = 0; t < _n; t++) work[t] = data[t] * _chirp[t];
            work[_n..].Clear();
            _inner.Forward(work);
            for (int j = 0; j < m; j++) work[j] = Complex.Conjugate(work[j] * _kernelSpectrum[j]);
            // Inverse by conjugation: ifft(z) = conj(fft(conj(z)))/M.
            _inner.Forward(work);
            double scale = 1.0 / m;
            for (int k = 0; k < _n; k++) data[k] = Complex.Conjugate(work[k]) * scale * _chirp[k];
        }
        finally
        {
            ArrayPool<Complex>.Shared.Return(a);
        }
    }
}
