#if KERNELS_ILGPU
using System.Reflection;
using System.Text.RegularExpressions;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using Kernels.Backends.Ilgpu;
using Kernels.Backends.Ilgpu.Kernels;
using Xunit;

namespace Kernels.Tests.Devices;

/// <summary>
/// The device kernels compiled to PTX by ILGPU's CUDA backend — no GPU needed, so this runs in CI — and checked for
/// the code shape their GPU speed depends on: no kernel uses local (off-chip) memory, and the GEMM kernels read every
/// shared-memory operand as a 16-byte vector with nothing but those loads and the multiply-adds in the unrolled k
/// steps (constant offsets only).
/// </summary>
/// <remarks>
/// A PTX-level check: ptxas still allocates registers and schedules, so this guards against regressions we have
/// measured or read (a LocalMemory register block ran at 3.6 % of cuBLAS on an H100; 16 scalar shared loads plus about
/// 50 integer address instructions per 64 multiply-adds; ILGPU's double exp and pow as CORDIC routines in local
/// memory) rather than proving speed.
/// </remarks>
public sealed class KernelCodeTests
{
    [Fact]
    public void No_device_kernel_uses_local_memory_in_float_or_double()
    {
        int compiled = 0;
        var offenders = new List<string>();
        foreach (var type in typeof(GemmKernels).Assembly.GetTypes().Where(t => t.Namespace == typeof(GemmKernels).Namespace && t.IsAbstract && t.IsSealed))
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var parameters = method.GetParameters();
                if (method.ReturnType != typeof(void) || parameters.Length == 0 || !parameters.Any(p => p.ParameterType.Name.StartsWith("ArrayView", StringComparison.Ordinal))) continue;
                foreach (bool isDouble in new[] { false, true })
                {
                    var kernel = Instantiate(method, isDouble);
                    if (kernel is null) continue;
                    bool implicitlyGrouped = parameters[0].ParameterType.Name.StartsWith("Index", StringComparison.Ordinal);
                    string ptx = Compile(implicitlyGrouped ? EntryPointDescription.FromImplicitlyGroupedKernel(kernel) : EntryPointDescription.FromExplicitlyGroupedKernel(kernel));
                    compiled++;
                    if (ptx.Contains(".local", StringComparison.Ordinal)) offenders.Add($"{type.Name}.{kernel.Name}<{(isDouble ? "double" : "float")}>");
                }
            }
        Assert.True(compiled >= 40, $"only {compiled} kernels found");   // the reflection must keep finding them
        Assert.True(offenders.Count == 0, "kernels using local memory: " + string.Join(", ", offenders));
    }

    // Kernel<T, TOps> and Kernel<T> for float/double; non-generic kernels once (for float).
    private static MethodInfo? Instantiate(MethodInfo method, bool isDouble)
    {
        if (!method.IsGenericMethodDefinition) return isDouble ? null : method;
        Type element = isDouble ? typeof(double) : typeof(float), arithmetic = isDouble ? typeof(DoubleArithmetic) : typeof(SingleArithmetic);
        return method.GetGenericArguments().Length switch
        {
            1 => method.MakeGenericMethod(element),
            2 => method.MakeGenericMethod(element, arithmetic),
            _ => null,
        };
    }

    [Theory]
    [InlineData(nameof(GemmKernels.GemmLarge), false, 8, 16)]
    [InlineData(nameof(GemmKernels.GemmLargeDoubleBuffered), false, 8, 16)]
    [InlineData(nameof(GemmKernels.GemmLargeSlice8DoubleBuffered), false, 8, 8)]
    [InlineData(nameof(GemmKernels.Gemm), true, 4, 16)]
    public void Gemm_kernel_reads_shared_operands_as_vectors_at_constant_offsets_and_uses_no_local_memory(string kernel, bool isDouble, int block, int slice)
    {
        string ptx = CompileToPtx(kernel, isDouble);
        string type = isDouble ? "f64" : "f32", vector = isDouble ? "ld.shared.v2.f64" : "ld.shared.v4.f32";

        Assert.DoesNotContain(".local", ptx, StringComparison.Ordinal);
        var lines = ptx.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();
        var sharedLoads = lines.Where(line => line.StartsWith("ld.shared", StringComparison.Ordinal)).ToArray();
        // Two vectors of A and two of B per k step.
        Assert.Equal(4 * slice, sharedLoads.Length);
        Assert.All(sharedLoads, line => Assert.StartsWith(vector, line, StringComparison.Ordinal));

        int first = Array.FindIndex(lines, line => line.StartsWith(vector, StringComparison.Ordinal));
        int last = Array.FindLastIndex(lines, line => line.StartsWith(vector, StringComparison.Ordinal));
        var steps = lines[first..(last + 1)];
        // Address steps with constant operands only (ptxas folds them into the load's offset).
        var allowed = new Regex($@"^(ld\.shared\.v\d\.{type}|mul\.{type}|add\.{type}|fma\.rn\.{type}|mov\.{type}|add\.u64|mul\.wide\.u32\s+%rd\d+,\s*\d+,\s*\d+;)", RegexOptions.CultureInvariant);
        var other = steps.Where(line => !allowed.IsMatch(line)).ToArray();
        Assert.True(other.Length == 0, $"{kernel}: the unrolled k steps contain other instructions, e.g. {string.Join(" | ", other.Take(5))}");
        // Every k step but the last multiplies between the first and the last load: (slice − 1)·block² multiply-adds.
        int products = steps.Count(line => line.StartsWith($"mul.{type}", StringComparison.Ordinal) || line.StartsWith($"fma.rn.{type}", StringComparison.Ordinal));
        Assert.Equal((slice - 1) * block * block, products);
    }

    [Fact]
    public void The_two_groups_per_multiprocessor_gemm_carries_its_launch_bounds_into_the_ptx()
    {
        // What IlgpuKernelSet passes on CUDA for FloatGemmKernel.TwoGroupsPerMultiprocessor: ptxas reads these
        // directives and keeps the kernel to 65 536 / (2 · 256) = 128 registers.
        var entry = EntryPointDescription.FromExplicitlyGroupedKernel(Instantiate(typeof(GemmKernels).GetMethod(nameof(GemmKernels.GemmLargeSlice8DoubleBuffered))!, false)!);
        using var context = IlgpuDeviceProvider.CreateContext();
        using var backend = new PTXBackend(context, new CudaCapabilityContext(CudaArchitecture.SM_90), CudaArchitecture.SM_90, CudaInstructionSet.ISA_80, nvvmAPI: null);
        string ptx = ((PTXCompiledKernel)backend.Compile(entry, new KernelSpecialization(GemmKernels.Threads * GemmKernels.Threads, 2))).PTXAssembly;
        Assert.Matches(new Regex(@"\.maxntid\s+256", RegexOptions.CultureInvariant), ptx);
        Assert.Matches(new Regex(@"\.minnctapersm\s+2", RegexOptions.CultureInvariant), ptx);
    }

    private static string CompileToPtx(string kernel, bool isDouble) =>
        Compile(EntryPointDescription.FromExplicitlyGroupedKernel(Instantiate(typeof(GemmKernels).GetMethod(kernel, BindingFlags.Public | BindingFlags.Static)!, isDouble)!));

    // PTX for an H100 (sm_90) with the settings the devices use. With KERNELS_PTX_DIR set, each kernel's PTX is also
    // written there (tools/sass-report.sh compiles it with ptxas for register use and the hot loop's instructions).
    private static string Compile(EntryPointDescription entry)
    {
        using var context = IlgpuDeviceProvider.CreateContext();
        using var backend = new PTXBackend(context, new CudaCapabilityContext(CudaArchitecture.SM_90), CudaArchitecture.SM_90, CudaInstructionSet.ISA_80, nvvmAPI: null);
        string ptx = ((PTXCompiledKernel)backend.Compile(entry, ReportSpecialization(entry))).PTXAssembly;
        if (Environment.GetEnvironmentVariable("KERNELS_PTX_DIR") is { Length: > 0 } directory)
        {
            var method = entry.MethodSource;
            string element = method.IsGenericMethod ? method.GetGenericArguments()[0].Name : "any";
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, $"{method.DeclaringType!.Name}.{method.Name}.{element}.ptx"), ptx);
        }
        return ptx;
    }

    // For tools/sass-report.sh experiments only (with KERNELS_PTX_DIR): KERNELS_PTX_MIN_GROUPS_PER_SM=g compiles the
    // 256-thread GEMM kernels with launch bounds (.maxntid 256, .minnctapersm g), so ptxas fits g groups per
    // multiprocessor in the register file — the checks above always run without it.
    private static KernelSpecialization ReportSpecialization(EntryPointDescription entry) =>
        Environment.GetEnvironmentVariable("KERNELS_PTX_DIR") is { Length: > 0 }
        && int.TryParse(Environment.GetEnvironmentVariable("KERNELS_PTX_MIN_GROUPS_PER_SM"), out int groups)
        && entry.MethodSource.DeclaringType == typeof(GemmKernels)
            ? new KernelSpecialization(GemmKernels.Threads * GemmKernels.Threads, groups)
            : KernelSpecialization.Empty;
}
#endif
