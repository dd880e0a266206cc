using System.Runtime.Intrinsics;

namespace Kernels.Tensors.Simd;

/// <summary>
/// Chooses the vector width every element-wise and reduction loop uses. Decided once per process from the
/// hardware, optionally capped by the <c>KERNELS_SIMD</c> environment variable (<c>scalar</c>, <c>128</c>,
/// <c>256</c>, <c>512</c>); tests and benchmarks can force a width for the current thread with
/// <see cref="Force"/>. A forced width wider than the hardware still runs correctly (the JIT emulates wide vectors
/// with narrower ones), which is how every width's loop logic is executed on every machine.
/// </summary>
public static class SimdPolicy
{
    /// <summary>Name of the environment variable that caps the vector width.</summary>
    public const string EnvironmentVariable = "KERNELS_SIMD";

    [ThreadStatic] private static VectorWidth? s_forced;

    /// <summary>The width chosen for this process (hardware, capped by <c>KERNELS_SIMD</c>).</summary>
    public static VectorWidth ProcessDefault { get; } = ChooseDefault(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>The width loops on the current thread use now.</summary>
    public static VectorWidth Current => s_forced ?? ProcessDefault;

    /// <summary>Forces <paramref name="width"/> on the current thread until the returned scope is disposed.</summary>
    public static Scope Force(VectorWidth width)
    {
        var previous = s_forced;
        s_forced = width;
        return new Scope(previous);
    }

    /// <summary>Restores the previously forced width when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly VectorWidth? _previous;
        internal Scope(VectorWidth? previous) => _previous = previous;
        /// <inheritdoc />
        public void Dispose() => s_forced = _previous;
    }

    /// <summary>Parses a <c>KERNELS_SIMD</c> value; <see langword="null"/> for an empty or absent value.</summary>
    /// <exception cref="ArgumentException">The value is not one of the names listed on <see cref="SimdPolicy"/>.</exception>
    public static VectorWidth? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return value.Trim().ToLowerInvariant() switch
        {
            "scalar" or "none" or "0" => VectorWidth.Scalar,
            "128" or "vector128" or "sse" or "neon" or "advsimd" => VectorWidth.W128,
            "256" or "vector256" or "avx2" => VectorWidth.W256,
            "512" or "vector512" or "avx512" => VectorWidth.W512,
            _ => throw new ArgumentException(
                $"{EnvironmentVariable}='{value}' is not a vector width; use scalar, 128, 256 or 512.", nameof(value)),
        };
    }

    private static VectorWidth ChooseDefault(string? env)
    {
        var hardware = CpuFeatures.WidestAccelerated;
        // An AVX-512 part whose Vector512 the JIT does not accelerate by default gains nothing from 512-bit
        // generic vectors; use 256 unless the user asked for 512.
        if (hardware == VectorWidth.W512 && !Vector512.IsHardwareAccelerated) hardware = VectorWidth.W256;
        VectorWidth? cap;
        try { cap = Parse(env); }
        catch (ArgumentException) { cap = null; } // a bad variable must not make the type initializer throw
        if (cap is null) return hardware;
        return cap.Value == VectorWidth.W512 && CpuFeatures.Avx512F ? VectorWidth.W512
            : (VectorWidth)Math.Min((int)cap.Value, (int)hardware);
    }
}
