using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Kernels.Backends.Cpu;

namespace Kernels.Cli;

/// <summary><c>kernels info</c>: what this process runs on and what it chose.</summary>
internal static class InfoCommand
{
    public static int Run(CliArguments args)
    {
        bool json = args.Has("--json");
        args.RejectUnknown();
        var cpu = CpuBackendInfo.Probe();
        string version = typeof(Kernels.Tensors.NDArray).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var fields = new (string Key, string Value)[]
        {
            ("version", version),
            ("runtime", RuntimeInformation.FrameworkDescription),
            ("os", RuntimeInformation.OSDescription),
            ("architecture", cpu.Architecture),
            ("isa_features", cpu.Features),
            ("widest_accelerated_vector", cpu.WidestAccelerated.ToString()),
            ("vector_width", cpu.VectorWidth.ToString()),
            ("cpu_kernel_set", cpu.KernelSet.ToString()),
            ("kernels_simd_override", cpu.SimdOverride ?? ""),
            ("threads", cpu.Threads.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("processor_count", cpu.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("caches", $"L1d {cpu.Caches.L1DataBytes >> 10} KiB, L2 {cpu.Caches.L2Bytes >> 10} KiB, L3 {cpu.Caches.L3Bytes >> 10} KiB" + (cpu.Caches.Probed ? "" : " (defaults; not probed)")),
            ("gemm_blocking_f32", cpu.GemmBlockingSingle),
            ("gemm_blocking_f64", cpu.GemmBlockingDouble),
            ("backends", DeviceSupport.Backends),
            ("devices", string.Join("; ", DeviceSupport.Catalog.Devices.Select(d => d.ToString().Replace("  ", " ", StringComparison.Ordinal).Trim()))),
        };
        if (json)
        {
            var sb = new StringBuilder("{");
            for (int i = 0; i < fields.Length; i++)
                sb.Append(i == 0 ? "" : ", ").Append('"').Append(fields[i].Key).Append("\": \"").Append(JsonEscape(fields[i].Value)).Append('"');
            Console.WriteLine(sb.Append('}').ToString());
        }
        else foreach (var (k, v) in fields) Console.WriteLine($"{k,-26} {v}");
        return 0;
    }

    private static string JsonEscape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
