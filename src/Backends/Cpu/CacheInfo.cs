using System.Runtime.Intrinsics.X86;

namespace Kernels.Backends.Cpu;

/// <summary>
/// Per-core data cache sizes in bytes, read once from CPUID (deterministic cache parameters: leaf 4 on Intel,
/// 0x8000001D on AMD, else AMD's legacy leaves 0x80000005/6). L3 is the whole cache, shared by all cores. Where CPUID is unavailable (Arm, intrinsics disabled) conservative defaults are used:
/// 32 KiB L1, 512 KiB L2, 4 MiB L3. The GEMM blocking sizes are derived from these.
/// </summary>
public sealed record CacheInfo(int L1DataBytes, int L2Bytes, int L3Bytes, bool Probed)
{
    /// <summary>The caches of the running machine.</summary>
    public static CacheInfo Current { get; } = Probe();

    private static CacheInfo Probe()
    {
        var fallback = new CacheInfo(32 << 10, 512 << 10, 4 << 20, false);
        if (!X86Base.IsSupported) return fallback;
        try
        {
            var (_, vendorB, vendorC, vendorD) = X86Base.CpuId(0, 0);
            // "AuthenticAMD": EBX = "Auth", EDX = "enti", ECX = "cAMD".
            bool amd = vendorB == 0x68747541 && vendorD == 0x69746e65 && vendorC == 0x444d4163;
            int leaf = amd ? unchecked((int)0x8000001D) : 4;
            if (amd && (uint)X86Base.CpuId(unchecked((int)0x80000000), 0).Eax < 0x8000001D) return fallback;
            int l1 = 0, l2 = 0, l3 = 0;
            for (int sub = 0; sub < 16; sub++)
            {
                var (eax, ebx, ecx, _) = X86Base.CpuId(leaf, sub);
                int type = eax & 0x1F; // 1 data, 2 instruction, 3 unified, 0 no more caches
                if (type == 0) break;
                if (type == 2) continue;
                int level = (eax >> 5) & 0x7;
                long ways = ((ebx >> 22) & 0x3FF) + 1, partitions = ((ebx >> 12) & 0x3FF) + 1;
                long line = (ebx & 0xFFF) + 1, sets = (long)(uint)ecx + 1;
                int bytes = (int)Math.Min(int.MaxValue, ways * partitions * line * sets);
                switch (level)
                {
                    case 1: l1 = bytes; break;
                    case 2: l2 = bytes; break;
                    case 3: l3 = bytes; break;
                }
            }
            if ((l1 <= 0 || l2 <= 0) && amd)
            {
                // Hypervisors often blank leaf 0x8000001D; AMD's legacy leaves still give L1d (KiB in ECX[31:24]),
                // L2 (KiB in ECX[31:16]) and L3 (512 KiB units in EDX[31:18]).
                var l1Leaf = X86Base.CpuId(unchecked((int)0x80000005), 0);
                var l23Leaf = X86Base.CpuId(unchecked((int)0x80000006), 0);
                l1 = (int)(((uint)l1Leaf.Ecx >> 24) << 10);
                l2 = (int)(((uint)l23Leaf.Ecx >> 16) << 10);
                l3 = (int)Math.Min(int.MaxValue, (long)((uint)l23Leaf.Edx >> 18) << 19);
            }
            if (l1 <= 0 || l2 <= 0) return fallback;
            return new CacheInfo(l1, l2, l3 > 0 ? l3 : 4 * l2, true);
        }
        catch (PlatformNotSupportedException)
        {
            return fallback;
        }
    }
}
