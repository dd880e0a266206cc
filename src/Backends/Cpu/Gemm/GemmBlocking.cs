namespace Kernels.Backends.Cpu.Gemm;

/// <summary>
/// BLIS cache blocking for one micro-kernel: a KC×NR sliver of packed B stays in L1 while the MC×KC packed block of
/// A streams from L2, and the KC×NC packed panel of B lives in L3. MC is a multiple of MR and NC of NR.
/// </summary>
public readonly record struct GemmBlocking(int MC, int KC, int NC)
{
    /// <summary>Environment variable that overrides the blocking (<c>MC,KC,NC</c>), for tuning experiments.</summary>
    public const string EnvironmentVariable = "KERNELS_GEMM_BLOCKING";

    private static readonly (int MC, int KC, int NC)? s_override = ParseOverride(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>
    /// Blocking derived from <paramref name="caches"/>: KC so that a B sliver fills half of L1; MC so that the A
    /// block fills half of L2; NC so that the B panel fills a quarter of L3 (shared with other cores), clamped.
    /// </summary>
    public static GemmBlocking For(int mr, int nr, int elementSize, CacheInfo caches)
    {
        int kc, mc, nc;
        if (s_override is { } o)
        {
            (mc, kc, nc) = o;
        }
        else
        {
            kc = Math.Clamp(caches.L1DataBytes / 2 / (nr * elementSize), 128, 512) & ~7;
            mc = Math.Clamp(caches.L2Bytes / 2 / (kc * elementSize), 2 * mr, 960);
            nc = Math.Clamp(caches.L3Bytes / 4 / (kc * elementSize), 8 * nr, 8192);
        }
        mc = Math.Max(mr, mc / mr * mr);
        nc = Math.Max(nr, nc / nr * nr);
        return new GemmBlocking(mc, Math.Max(1, kc), nc);
    }

    private static (int, int, int)? ParseOverride(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var parts = value.Split(',');
        if (parts.Length == 3 && int.TryParse(parts[0], out int mc) && int.TryParse(parts[1], out int kc)
            && int.TryParse(parts[2], out int nc) && mc > 0 && kc > 0 && nc > 0)
            return (mc, kc, nc);
        return null; // a malformed tuning variable must not break the library; it is ignored
    }
}
