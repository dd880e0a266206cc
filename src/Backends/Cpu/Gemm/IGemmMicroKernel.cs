namespace Kernels.Backends.Cpu.Gemm;

/// <summary>
/// The BLIS micro-kernel contract: <c>C[i, j] ← α·Σₚ a[p·MR + i]·b[p·rsb + j] + β·C[i, j]</c> for an MR×NR tile of C,
/// where <c>a</c> is a packed MR-row sliver of op(A) (k-major) and row p of the NR-column sliver of op(B) starts at
/// <c>b + p·rsb</c>: rsb = NR for a packed sliver, or the row stride of a row-major B read in place (skinny
/// products, where packing B would cost as much as the product). C is addressed with row stride <c>rsc</c> and unit column stride; when β = 0 it is written without
/// being read, so NaN or garbage already in C cannot leak into the result.
/// </summary>
/// <remarks>
/// Implementations are structs so that the blocked driver, written once, is specialised by the JIT per kernel with
/// no virtual calls. Each accumulates every C element over p in increasing order, so the result of a call does not
/// depend on anything but its operands — the basis of GEMM's thread-count invariance.
/// </remarks>
internal interface IGemmMicroKernel<T> where T : unmanaged
{
    /// <summary>Rows of the C tile (and of a packed A sliver).</summary>
    static abstract int MR { get; }

    /// <summary>Columns of the C tile (and of a packed B sliver).</summary>
    static abstract int NR { get; }

    /// <summary>Whether the running process can execute this kernel.</summary>
    static abstract bool IsSupported { get; }

    /// <summary>Runs the kernel on one full MR×NR tile.</summary>
    static abstract unsafe void Run(int kc, T* a, T* b, nint rsb, T* c, nint rsc, T alpha, T beta);
}
