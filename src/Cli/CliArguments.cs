using System.Globalization;

namespace Kernels.Cli;

/// <summary>Parsed command line: positional inputs and <c>--name value</c> / <c>--flag</c> options.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    private static readonly HashSet<string> Flags = ["--json", "--keepdims", "--help", "-h", "--no-compare", "--transa", "--transb", "--pivoting", "--thin", "--full", "--values", "--no-balance", "--left", "--transpose", "--sketch", "--sketch-solve", "--grad", "--max-sliced", "--coupling", "--eps-scaling", "--large", "--real", "--inverse", "--reverse", "--quick", "--softplus", "--column-major", "--dplr"];

    public static CliArguments Parse(IEnumerable<string> args)
    {
        var result = new CliArguments();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            string a = e.Current;
            if (a.StartsWith('-') && a.Length > 1 && !double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                string name = a, value;
                int eq = a.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0) { name = a[..eq]; value = a[(eq + 1)..]; }
                else if (Flags.Contains(a)) { result._options[a] = null; continue; }
                else
                {
                    if (!e.MoveNext()) throw new UsageException($"option {a} needs a value");
                    value = e.Current;
                }
                result._options[name] = value;
            }
            else result.Positional.Add(a);
        }
        return result;
    }

    public bool Has(string name) { _used.Add(name); return _options.ContainsKey(name); }

    /// <summary>
    /// The common opening of a file command: true (after printing the usage) when help was asked for; otherwise
    /// checks the number of positional inputs and returns the required -o OUTDIR through <paramref name="outDir"/>.
    /// </summary>
    public bool HelpOrOutput(string name, string usage, int inputs, out string outDir)
    {
        outDir = "";
        if (Has("--help") || Has("-h"))
        {
            Console.WriteLine($"usage: kernels {usage}");
            return true;
        }
        if (Positional.Count != inputs) throw new UsageException($"usage: kernels {usage}");
        outDir = Get("-o", "--out") ?? throw new UsageException($"{name}: missing -o OUTDIR");
        return false;
    }

    public string? Get(string name, string? alias = null)
    {
        _used.Add(name);
        if (alias is not null) _used.Add(alias);
        if (_options.TryGetValue(name, out var v)) return v;
        if (alias is not null && _options.TryGetValue(alias, out v)) return v;
        return null;
    }

    public int GetInt(string name, int fallback)
    {
        var v = Get(name);
        if (v is null) return fallback;
        if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int r)) throw new UsageException($"{name} expects an integer, got '{v}'");
        return r;
    }

    public double? GetDouble(string name)
    {
        var v = Get(name);
        if (v is null) return null;
        if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double r)) throw new UsageException($"{name} expects a number, got '{v}'");
        return r;
    }

    public int[] GetAxes()
    {
        var v = Get("--axis", "--axes");
        if (v is null) return [];
        return v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s =>
            int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int a) ? a : throw new UsageException($"--axis expects integers, got '{v}'")).ToArray();
    }

    /// <summary>Rejects options the command did not ask about, so typos are not silently ignored.</summary>
    /// <summary><c>--grid HxW [--column-major]</c>: the scanned length as a row-major grid; null when absent.</summary>
    public Kernels.Ops.StateSpace.GridOrder? GetGrid()
    {
        bool columnMajor = Has("--column-major");
        string? text = Get("--grid");
        if (text is null)
        {
            if (columnMajor) throw new UsageException("--column-major needs --grid HxW");
            return null;
        }
        var parts = text.Split('x', 'X', '×');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int h)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int w))
            throw new UsageException($"--grid must be HEIGHTxWIDTH (e.g. 14x14); got '{text}'");
        return new Kernels.Ops.StateSpace.GridOrder(h, w, columnMajor);
    }

    public void RejectUnknown()
    {
        foreach (var k in _options.Keys)
            if (!_used.Contains(k)) throw new UsageException($"unknown option {k}");
    }
}

/// <summary>A command-line mistake: printed as a one-line reason with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
