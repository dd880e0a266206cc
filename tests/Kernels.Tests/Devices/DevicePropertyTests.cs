using FsCheck.Xunit;
using Kernels.Devices;
using Xunit;

namespace Kernels.Tests.Devices;

/// <summary>
/// FsCheck properties over random shapes on every device present, complementing the fixed shape lists of the
/// contract tests: extents from 0 up to past one GPU tile or lane group, both transposes, every optional operand.
/// The checks are the contract tests' own scaled bounds (GEMM against a scalar double reference, the scans against
/// their sequential recurrences, the selective-scan gradients against the library's backward pass in double) and the
/// row sort's exact stable permutation under both GPU sort algorithms.
/// Few cases each: ILGPU's CPU accelerator simulates every GPU thread.
/// </summary>
[Collection("Devices")]
public sealed class DevicePropertyTests
{
    private static IEnumerable<ComputeDevice> Devices() => DevicesUnderTest.Ids.Select(id => DevicesUnderTest.Get((string)id[0]));

    [Property(MaxTest = 10)]
    public void Gemm_on_random_shapes_is_within_the_scaled_bound_on_every_device(int seed)
    {
        var shapes = new Random(seed);
        int batch = shapes.Next(1, 3), m = shapes.Next(0, 140), n = shapes.Next(0, 140), k = shapes.Next(0, 40);
        bool ta = shapes.Next(2) == 0, tb = shapes.Next(2) == 0;
        foreach (var device in Devices())
        {
            DeviceContractTests.GemmCase<double>(device, new Random(seed), batch, m, n, k, ta, tb, 0.75, shapes.Next(2) == 0 ? 0.0 : -1.5);
            DeviceContractTests.GemmCase<float>(device, new Random(seed), batch, m, n, k, ta, tb, 1.5f, shapes.Next(2) == 0 ? 0f : 0.5f);
        }
    }

    [Property(MaxTest = 10)]
    public void Diagonal_scan_on_random_shapes_follows_the_recurrence_on_every_device(int seed)
    {
        var shapes = new Random(seed);
        int batch = shapes.Next(0, 4), length = shapes.Next(0, 90), channels = shapes.Next(0, 40);
        bool reverse = shapes.Next(2) == 0, withInitial = shapes.Next(2) == 0;
        int chunks = shapes.Next(1, 6);
        foreach (var device in Devices())
        {
            bool chunked = DevicesUnderTest.TrySetScanChunks(device, chunks);
            try
            {
                DeviceContractTests.ScanCase<double>(device, new Random(seed), batch, length, channels, reverse, withInitial, aliasStates: false);
                DeviceContractTests.ScanCase<float>(device, new Random(seed), batch, length, channels, reverse, withInitial, aliasStates: true);
            }
            finally
            {
                if (chunked) DevicesUnderTest.TrySetScanChunks(device, null);
            }
        }
    }

    [Property(MaxTest = 8)]
    public void Selective_scan_forward_and_gradients_on_random_shapes_agree_with_the_references_on_every_device(int seed)
    {
        var shapes = new Random(seed);
        int groups = shapes.Next(1, 3);
        var shape = new SelectiveScanShape(shapes.Next(1, 3), shapes.Next(0, 14), groups * shapes.Next(1, 4), shapes.Next(0, 40), groups);
        int options = shapes.Next(16);
        foreach (var device in Devices())
        {
            DeviceContractTests.SelectiveScanCase<float>(device, new Random(seed), shape, options & 7);
            DeviceSelectiveScanBackwardTests.Case<float>(device, new Random(seed), shape, options);
            DeviceSelectiveScanBackwardTests.Case<double>(device, new Random(seed), shape, options);
        }
    }

    [Property(MaxTest = 6)]
    public void Row_sort_on_random_shapes_is_the_stable_total_order_permutation_for_both_algorithms_on_every_device(int seed)
    {
        var random = new Random(seed);
        // Up to 300 columns: past two radix tiles of the CPU accelerator (128 keys); both sorts' single-tile paths.
        int rows = random.Next(1, 4), cols = random.Next(1, 301);
        bool ties = random.Next(2) == 0;
        var keys = new double[rows * cols];
        for (int i = 0; i < keys.Length; i++)
            keys[i] = ties ? random.Next(-3, 4) * 0.5 : BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
        float[] single = ties ? [.. keys.Select(v => (float)v)] : [.. keys.Select(v => BitConverter.Int32BitsToSingle((int)BitConverter.DoubleToInt64Bits(v)))];
        foreach (var device in Devices())
            foreach (bool radix in new[] { false, true })
            {
                if (radix && !DevicesUnderTest.TrySetRadixRowSort(device, true)) continue;
                try
                {
                    DeviceContractTests.SortCase(device, rows, cols, keys);
                    DeviceContractTests.SortCase(device, rows, cols, single);
                }
                finally { if (radix) DevicesUnderTest.TrySetRadixRowSort(device, false); }
            }
    }
}
