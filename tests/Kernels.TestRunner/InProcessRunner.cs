using System.Collections.Concurrent;
using System.Reflection;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Kernels.Tests;

/// <summary>
/// Runs the xunit (and FsCheck.Xunit) tests of this assembly in-process and prints
/// <c>N passed, N failed, N skipped</c>; exit code 1 when a test failed or none ran.
/// Usage: <c>Kernels.TestRunner [FILTER...]</c> — a test runs when its display name contains any FILTER (none: all).
/// With <c>KERNELS_RUNNER_VERBOSE=1</c> every passed test's display name is printed too (to see, for example, which
/// devices a theory ran on).
/// </summary>
internal static class InProcessRunner
{
    private static int Main(string[] filters)
    {
        var assembly = typeof(InProcessRunner).Assembly;
        var assemblyInfo = new ReflectionAssemblyInfo(assembly);
        var diagnostics = new NullSink();
        using var framework = new XunitTestFramework(diagnostics);

        var discovery = new DiscoverySink();
        using (var discoverer = framework.GetDiscoverer(assemblyInfo))
        {
            discoverer.Find(includeSourceInformation: false, discovery, new Options());
            discovery.Finished.WaitOne();
        }
        var selected = discovery.TestCases
            .Where(t => filters.Length == 0 || filters.Any(f => t.DisplayName.Contains(f, StringComparison.Ordinal)))
            .ToList();
        Console.WriteLine($"{RuntimeInfo()}: running {selected.Count} of {discovery.TestCases.Count} test cases");

        var execution = new ExecutionSink { Verbose = Environment.GetEnvironmentVariable("KERNELS_RUNNER_VERBOSE") == "1" };
        using (var executor = framework.GetExecutor(assembly.GetName()))
        {
            // One test collection at a time keeps the output readable under emulation; results do not depend on it.
            var options = new Options();
            options.SetValue("xunit.execution.DisableParallelization", true);
            executor.RunTests(selected, execution, options);
            execution.Finished.WaitOne();
        }
        foreach (var failure in execution.Failures) Console.WriteLine(failure);
        Console.WriteLine($"{execution.Passed} passed, {execution.Failed} failed, {execution.Skipped} skipped");
        return execution.Failed > 0 || execution.Passed == 0 ? 1 : 0;
    }

    private static string RuntimeInfo() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture} {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}";

    /// <summary>Framework options by name (what xunit.runner.utility's TestFrameworkOptions holds; that package is not on the registry here).</summary>
    private sealed class Options : LongLivedMarshalByRefObject, ITestFrameworkDiscoveryOptions, ITestFrameworkExecutionOptions
    {
        private readonly Dictionary<string, object?> _values = [];

        public TValue GetValue<TValue>(string name) => _values.TryGetValue(name, out var v) && v is TValue t ? t : default!;

        public void SetValue<TValue>(string name, TValue value) => _values[name] = value;
    }

    private sealed class NullSink : LongLivedMarshalByRefObject, IMessageSink
    {
        public bool OnMessage(IMessageSinkMessage message) => true;
    }

    private sealed class DiscoverySink : LongLivedMarshalByRefObject, IMessageSink
    {
        public readonly List<ITestCase> TestCases = [];
        public readonly ManualResetEvent Finished = new(false);

        public bool OnMessage(IMessageSinkMessage message)
        {
            if (message is ITestCaseDiscoveryMessage found) TestCases.Add(found.TestCase);
            if (message is IDiscoveryCompleteMessage) Finished.Set();
            return true;
        }
    }

    private sealed class ExecutionSink : LongLivedMarshalByRefObject, IMessageSink
    {
        public int Passed, Failed, Skipped;
        public bool Verbose;
        public readonly ConcurrentQueue<string> Failures = new();
        public readonly ManualResetEvent Finished = new(false);

        public bool OnMessage(IMessageSinkMessage message)
        {
            switch (message)
            {
                case ITestPassed passed:
                    Interlocked.Increment(ref Passed);
                    if (Verbose) Console.WriteLine($"passed {passed.Test.DisplayName}");
                    break;
                case ITestSkipped: Interlocked.Increment(ref Skipped); break;
                case ITestFailed failed:
                    Interlocked.Increment(ref Failed);
                    Failures.Enqueue($"FAILED {failed.Test.DisplayName}: {string.Join(" | ", failed.Messages)}{Environment.NewLine}{string.Join(Environment.NewLine, failed.StackTraces)}");
                    break;
                case ITestAssemblyFinished: Finished.Set(); break;
            }
            return true;
        }
    }
}
