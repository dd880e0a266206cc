using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using X86 = System.Runtime.Intrinsics.X86;
using Arm = System.Runtime.Intrinsics.Arm;

namespace Kernels.Tensors.Simd;

/// <summary>
/// Instruction-set features of the running process, probed once. These are what the JIT will actually emit
/// (they honour <c>DOTNET_EnableAVX2=0</c>, <c>DOTNET_EnableHWIntrinsic=0</c> and friends), not what the CPU
/// advertises.
/// </summary>
public static class CpuFeatures
{
    /// <summary>AVX-512 Foundation.</summary>
    public static bool Avx512F { get; } = X86.Avx512F.IsSupported;
    /// <summary>AVX-512 Byte/Word.</summary>
    public static bool Avx512BW { get; } = X86.Avx512BW.IsSupported;
    /// <summary>AVX-512 Vector Length extensions (folded into <c>Avx512F</c> classes in .NET 10).</summary>
    public static bool Avx512VL { get; } = X86.Avx512F.VL.IsSupported;
    /// <summary>AVX2.</summary>
    public static bool Avx2 { get; } = X86.Avx2.IsSupported;
    /// <summary>FMA3.</summary>
    public static bool Fma { get; } = X86.Fma.IsSupported;
    /// <summary>AVX.</summary>
    public static bool Avx { get; } = X86.Avx.IsSupported;
    /// <summary>SSE4.2.</summary>
    public static bool Sse42 { get; } = X86.Sse42.IsSupported;
    /// <summary>Arm Advanced SIMD (NEON).</summary>
    public static bool AdvSimd { get; } = Arm.AdvSimd.IsSupported;
    /// <summary>Arm Advanced SIMD 64-bit (double-precision lanes).</summary>
    public static bool AdvSimdArm64 { get; } = Arm.AdvSimd.Arm64.IsSupported;

    /// <summary>Processor architecture of the process.</summary>
    public static Architecture Architecture => RuntimeInformation.ProcessArchitecture;

    /// <summary>
    /// Widest vector width whose generic operations the JIT lowers to hardware instructions. Dispatch uses the
    /// instruction classes' <c>IsSupported</c> as well, because on some AVX-512 parts
    /// <see cref="Vector512.IsHardwareAccelerated"/> is false by default even though AVX-512F is usable.
    /// </summary>
    public static VectorWidth WidestAccelerated { get; } = ProbeWidest();

    private static VectorWidth ProbeWidest()
    {
        if (Vector512.IsHardwareAccelerated || X86.Avx512F.IsSupported) return VectorWidth.W512;
        if (Vector256.IsHardwareAccelerated && X86.Avx2.IsSupported) return VectorWidth.W256;
        if (Vector128.IsHardwareAccelerated) return VectorWidth.W128;
        return VectorWidth.Scalar;
    }

    /// <summary>Names of the detected features, e.g. <c>AVX2 FMA</c>, for logs and <c>kernels info</c>.</summary>
    public static string Describe()
    {
        var names = new List<string>();
        if (Avx512F) names.Add("AVX-512F");
        if (Avx512BW) names.Add("AVX-512BW");
        if (Avx512VL) names.Add("AVX-512VL");
        if (Avx2) names.Add("AVX2");
        if (Fma) names.Add("FMA");
        if (Avx) names.Add("AVX");
        if (Sse42) names.Add("SSE4.2");
        if (AdvSimd) names.Add("AdvSimd");
        if (AdvSimdArm64) names.Add("AdvSimd.Arm64");
        return names.Count == 0 ? "none" : string.Join(' ', names);
    }
}
