using System.Globalization;
using System.Text;

namespace Kernels.Tensors.Npy;

/// <summary>
/// The .npy header: magic <c>\x93NUMPY</c>, version (1.0: 2-byte header length, latin-1; 2.0: 4-byte length;
/// 3.0: 4-byte length, UTF-8), then a Python dict literal with <c>descr</c>, <c>fortran_order</c> and <c>shape</c>.
/// </summary>
public sealed record NpyHeader(NpyDType DType, bool FortranOrder, int[] Shape)
{
    /// <summary>Largest header accepted (NumPy's own reader stops at 10 000 bytes by default; we allow more but bound it).</summary>
    public const int MaxHeaderLength = 1 << 20;

    internal static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Number of elements, checked against overflow.</summary>
    public long ElementCount => ShapeMath.ElementCount(Shape);

    /// <summary>Reads and validates the header, leaving the stream at the first data byte.</summary>
    /// <exception cref="NpyFormatException">Bad magic, unknown version, oversized or malformed header, bad shape.</exception>
    public static NpyHeader Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> pre = stackalloc byte[8];
        ReadExactly(stream, pre, "the magic string and version");
        if (!pre[..6].SequenceEqual(Magic)) throw new NpyFormatException("Not a .npy file: the magic string \\x93NUMPY is missing.");
        byte major = pre[6], minor = pre[7];
        if (major is < 1 or > 3 || minor != 0) throw new NpyFormatException($"Unsupported .npy format version {major}.{minor} (supported: 1.0, 2.0, 3.0).");
        long headerLength;
        if (major == 1)
        {
            Span<byte> len = stackalloc byte[2];
            ReadExactly(stream, len, "the header length");
            headerLength = len[0] | (len[1] << 8);
        }
        else
        {
            Span<byte> len = stackalloc byte[4];
            ReadExactly(stream, len, "the header length");
            headerLength = (uint)(len[0] | (len[1] << 8) | (len[2] << 16) | (len[3] << 24));
        }
        if (headerLength > MaxHeaderLength) throw new NpyFormatException($".npy header claims {headerLength} bytes; the limit is {MaxHeaderLength}.");
        var bytes = new byte[headerLength];
        ReadExactly(stream, bytes, "the header");
        string text = major == 3 ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
        return Parse(text);
    }

    internal static void ReadExactly(Stream stream, Span<byte> buffer, string what)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int r = stream.Read(buffer[total..]);
            if (r == 0) throw new NpyFormatException($"Truncated .npy file: the stream ended while reading {what} ({total} of {buffer.Length} bytes).");
            total += r;
        }
    }

    /// <summary>Parses the dict literal, e.g. <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (3, 4), }</c>.</summary>
    public static NpyHeader Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var p = new Parser(text.TrimEnd('\n', ' ', '\0'));
        string? descr = null;
        bool? fortran = null;
        int[]? shape = null;
        p.Expect('{');
        while (!p.TryConsume('}'))
        {
            string key = p.String();
            p.Expect(':');
            switch (key)
            {
                case "descr": descr = p.String(); break;
                case "fortran_order": fortran = p.Bool(); break;
                case "shape": shape = p.Tuple(); break;
                default: throw new NpyFormatException($"Unexpected key '{key}' in .npy header.");
            }
            if (!p.TryConsume(',')) { p.Expect('}'); break; }
        }
        p.End();
        if (descr is null || fortran is null || shape is null)
            throw new NpyFormatException("The .npy header must have 'descr', 'fortran_order' and 'shape'.");
        var dtype = NpyDType.Parse(descr);
        long n;
        try { n = ShapeMath.ElementCount(shape); }
        catch (ArgumentException e) { throw new NpyFormatException($"Invalid shape in .npy header: {e.Message}", e); }
        if (n > Array.MaxLength || n * dtype.ItemSize / dtype.ItemSize != n)
            throw new NpyFormatException($".npy shape {ShapeMath.Format(shape)} has {n} elements, more than one array can hold.");
        return new NpyHeader(dtype, fortran.Value, shape);
    }

    /// <summary>Serialises the header (magic, version, length, padded dict) so the data starts 64-byte aligned.</summary>
    public byte[] ToBytes()
    {
        string dict = "{'descr': '" + DType.Descr + "', 'fortran_order': " + (FortranOrder ? "True" : "False") + ", 'shape': " + FormatShape() + ", }";
        // Version 1.0 unless the header does not fit in 65535 bytes.
        int prefix = 10;
        int total = (prefix + dict.Length + 1 + 63) / 64 * 64;
        byte major = 1;
        if (total - prefix > ushort.MaxValue) { prefix = 12; total = (prefix + dict.Length + 1 + 63) / 64 * 64; major = 2; }
        var result = new byte[total];
        Magic.CopyTo(result);
        result[6] = major;
        int headerLength = total - prefix;
        if (major == 1) { result[8] = (byte)headerLength; result[9] = (byte)(headerLength >> 8); }
        else { for (int i = 0; i < 4; i++) result[8 + i] = (byte)(headerLength >> (8 * i)); }
        Encoding.Latin1.GetBytes(dict, result.AsSpan(prefix));
        result.AsSpan(prefix + dict.Length, total - prefix - dict.Length - 1).Fill((byte)' ');
        result[^1] = (byte)'\n';
        return result;
    }

    private string FormatShape() => Shape.Length == 1
        ? $"({Shape[0].ToString(CultureInfo.InvariantCulture)},)"
        : "(" + string.Join(", ", Shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")";

    private ref struct Parser(string text)
    {
        private readonly string _s = text;
        private int _i;

        private void SkipSpace() { while (_i < _s.Length && char.IsWhiteSpace(_s[_i])) _i++; }

        public void Expect(char c)
        {
            SkipSpace();
            if (_i >= _s.Length || _s[_i] != c) throw Error($"expected '{c}'");
            _i++;
        }

        public bool TryConsume(char c)
        {
            SkipSpace();
            if (_i < _s.Length && _s[_i] == c) { _i++; return true; }
            return false;
        }

        public string String()
        {
            SkipSpace();
            if (_i >= _s.Length || (_s[_i] != '\'' && _s[_i] != '"')) throw Error("expected a quoted string");
            char q = _s[_i++];
            int start = _i;
            while (_i < _s.Length && _s[_i] != q) _i++;
            if (_i >= _s.Length) throw Error("unterminated string");
            return _s[start.._i++];
        }

        public bool Bool()
        {
            SkipSpace();
            if (string.CompareOrdinal(_s, _i, "True", 0, 4) == 0) { _i += 4; return true; }
            if (string.CompareOrdinal(_s, _i, "False", 0, 5) == 0) { _i += 5; return false; }
            throw Error("expected True or False");
        }

        public int[] Tuple()
        {
            Expect('(');
            var dims = new List<int>();
            while (!TryConsume(')'))
            {
                SkipSpace();
                int start = _i;
                while (_i < _s.Length && (char.IsAsciiDigit(_s[_i]) || _s[_i] == '-' || _s[_i] == 'L')) _i++;
                var token = _s[start.._i].TrimEnd('L');
                if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long d))
                    throw Error("expected an integer dimension");
                if (d < 0 || d > int.MaxValue) throw new NpyFormatException($"Dimension {d} in the .npy shape is out of range [0, {int.MaxValue}].");
                dims.Add((int)d);
                if (dims.Count > 64) throw new NpyFormatException("The .npy shape has more than 64 dimensions.");
                if (!TryConsume(',')) { Expect(')'); break; }
            }
            return dims.ToArray();
        }

        public void End()
        {
            SkipSpace();
            if (_i != _s.Length) throw Error("unexpected trailing text");
        }

        private readonly NpyFormatException Error(string what) =>
            new($"Malformed .npy header at character {_i}: {what}. Header: {(_s.Length > 200 ? _s[..200] + "…" : _s)}");
    }
}
