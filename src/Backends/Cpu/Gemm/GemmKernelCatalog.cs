namespace Kernels.Backends.Cpu.Gemm;

/// <summary>Names, tile shapes and blocking of the GEMM micro-kernel each kernel set uses, for reports.</summary>
internal static class GemmKernelCatalog
{
    /// <summary>E.g. <c>Avx2GemmKernel6x2V 6×16, MC 336 KC 384 NC 4096</c>.</summary>
    public static string Describe<T>(CpuKernelSet set) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> => set switch
    {
        CpuKernelSet.Avx512 => Describe<T, Avx512GemmKernel12x2V<T>>(),
        CpuKernelSet.Avx2Fma => Describe<T, Avx2GemmKernel6x2V<T>>(),
        CpuKernelSet.AdvSimd => Describe<T, AdvSimdGemmKernel8x2V<T>>(),
        CpuKernelSet.Vector128 => Describe<T, Vector128GemmKernel4x2V<T>>(),
        _ => Describe<T, ScalarGemmKernel4x4<T>>(),
    };

    private static unsafe string Describe<T, TKernel>() where T : unmanaged where TKernel : struct, IGemmMicroKernel<T>
    {
        var b = GemmBlocking.For(TKernel.MR, TKernel.NR, sizeof(T), CacheInfo.Current);
        return FormattableString.Invariant($"{typeof(TKernel).Name.Split('`')[0]} {TKernel.MR}×{TKernel.NR}, MC {b.MC} KC {b.KC} NC {b.NC}");
    }
}
