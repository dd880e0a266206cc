using BenchmarkDotNet.Running;

namespace Kernels.Benchmarks;

internal static class Program
{
    // dotnet run -c Release --project bench/Kernels.Benchmarks -- --filter '*'
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
