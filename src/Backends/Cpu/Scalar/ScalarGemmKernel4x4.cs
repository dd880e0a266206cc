using System.Numerics;

namespace Kernels.Backends.Cpu.Gemm;

/// <summary>
/// <c>C[4×4] ← α·A[4×k]·B[k×4] + β·C</c> on packed slivers with plain scalar arithmetic (no fused multiply-add):
/// the reference micro-kernel, and the one used when hardware intrinsics are off.
/// </summary>
internal readonly struct ScalarGemmKernel4x4<T> : IGemmMicroKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int MR => 4;
    public static int NR => 4;
    public static bool IsSupported => true;

    public static unsafe void Run(int kc, T* a, T* b, nint rsb, T* c, nint rsc, T alpha, T beta)
    {
        // Sixteen named accumulators so the JIT keeps them in registers.
        T c00 = T.Zero, c01 = T.Zero, c02 = T.Zero, c03 = T.Zero;
        T c10 = T.Zero, c11 = T.Zero, c12 = T.Zero, c13 = T.Zero;
        T c20 = T.Zero, c21 = T.Zero, c22 = T.Zero, c23 = T.Zero;
        T c30 = T.Zero, c31 = T.Zero, c32 = T.Zero, c33 = T.Zero;
        for (int p = 0; p < kc; p++)
        {
            T b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
            T a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
            a += 4;
            b += rsb;
        }
        bool readC = beta != T.Zero;
        StoreRow(c, c00, c01, c02, c03, alpha, beta, readC);
        StoreRow(c + rsc, c10, c11, c12, c13, alpha, beta, readC);
        StoreRow(c + 2 * rsc, c20, c21, c22, c23, alpha, beta, readC);
        StoreRow(c + 3 * rsc, c30, c31, c32, c33, alpha, beta, readC);
    }

    private static unsafe void StoreRow(T* c, T x0, T x1, T x2, T x3, T alpha, T beta, bool readC)
    {
        if (readC)
        {
            c[0] = alpha * x0 + beta * c[0];
            c[1] = alpha * x1 + beta * c[1];
            c[2] = alpha * x2 + beta * c[2];
            c[3] = alpha * x3 + beta * c[3];
        }
        else
        {
            c[0] = alpha * x0;
            c[1] = alpha * x1;
            c[2] = alpha * x2;
            c[3] = alpha * x3;
        }
    }
}
