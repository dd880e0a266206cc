using System.Numerics;
using Kernels.Backends.Cpu;
using Kernels.Backends.Cpu.Gemm;

namespace Kernels.Linalg.Blas;

/// <summary>
/// The one place GEMM chooses a micro-kernel: <c>C ← α·A·B + β·C</c> on element-strided operands. Handles the BLAS
/// special cases (α = 0 or k = 0: C ← β·C without touching A or B; β = 0: C is not read), turns a column-major C
/// into a row-major one by transposing the whole problem, and runs the blocked driver with the selected kernel.
/// </summary>
internal static unsafe class GemmDispatch
{
    public static void Run<T>(int m, int n, int k, T alpha, T* a, nint rsa, nint csa, T* b, nint rsb, nint csb,
        T beta, T* c, nint rsc, nint csc, GemmOptions? options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
            throw new NotSupportedException($"GEMM supports float and double, not {typeof(T).Name}.");
        var set = ResolveKernelSet(options?.KernelSet);
        int threads = options?.Threads ?? Kernels.Tensors.Threading.MaxThreads;
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1, nameof(GemmOptions.Threads));
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == T.Zero)
        {
            ScaleC(m, n, beta, c, rsc, csc);
            return;
        }
        if (csc != 1 && rsc == 1)
        {
            // Cᵀ = op(B)ᵀ·op(A)ᵀ: the driver wants unit column stride in C.
            (m, n) = (n, m);
            T* swap = a;
            a = b;
            b = swap;
            (rsa, csa, rsb, csb) = (csb, rsb, csa, rsa);
            (rsc, csc) = (csc, rsc);
        }
        var workspace = options?.Workspace ?? GemmWorkspace.Rent();
        try
        {
            switch (set)
            {
                case CpuKernelSet.Avx512:
                    GemmDriver<T, Avx512GemmKernel12x2V<T>>.Run(m, n, k, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc, threads, workspace);
                    break;
                case CpuKernelSet.Avx2Fma:
                    GemmDriver<T, Avx2GemmKernel6x2V<T>>.Run(m, n, k, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc, threads, workspace);
                    break;
                case CpuKernelSet.AdvSimd:
                    GemmDriver<T, AdvSimdGemmKernel8x2V<T>>.Run(m, n, k, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc, threads, workspace);
                    break;
                case CpuKernelSet.Vector128:
                    GemmDriver<T, Vector128GemmKernel4x2V<T>>.Run(m, n, k, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc, threads, workspace);
                    break;
                default:
                    GemmDriver<T, ScalarGemmKernel4x4<T>>.Run(m, n, k, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc, threads, workspace);
                    break;
            }
        }
        finally
        {
            if (options?.Workspace is null) GemmWorkspace.Return(workspace);
        }
    }

    /// <summary>The kernel set to run: the forced one if it can execute here, else the machine's choice.</summary>
    public static CpuKernelSet ResolveKernelSet(CpuKernelSet? forced)
    {
        if (forced is not { } set) return CpuKernelSelection.Current;
        bool ok = CpuKernelSelection.CanExecute(set);
        if (!ok)
            throw new NotSupportedException($"Kernel set {set} cannot run on this machine ({Kernels.Tensors.Simd.CpuFeatures.Describe()}).");
        return set;
    }

    /// <summary><c>C ← β·C</c> on a strided m×n matrix; β = 0 writes zeros without reading C, β = 1 touches nothing.</summary>
    internal static void ScaleC<T>(int m, int n, T beta, T* c, nint rsc, nint csc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (beta == T.One) return;
        for (int i = 0; i < m; i++)
        {
            T* row = c + i * rsc;
            for (int j = 0; j < n; j++) row[j * csc] = beta == T.Zero ? T.Zero : beta * row[j * csc];
        }
    }
}
