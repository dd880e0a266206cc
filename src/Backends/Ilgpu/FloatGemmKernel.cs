namespace Kernels.Backends.Ilgpu;

/// <summary>
/// Which kernel computes float GEMM on an <see cref="IlgpuDevice"/>. All three tile C in 128 × 128 blocks with an 8 × 8
/// register block per thread and add the products over k in the same order, so they give the same bits; they differ
/// only in how shared memory and the multiprocessor are used.
/// </summary>
public enum FloatGemmKernel
{
    /// <summary>
    /// K-slices of 16 in one shared buffer, two barriers per slice. 189 registers on sm_90: one 256-thread group per
    /// multiprocessor. H200, 8192³: 37.4 TFLOP/s (0.74 of cuBLAS FP32 in the same run; 17.8 on an H100 before its
    /// shared loads were vectorised).
    /// </summary>
    SingleBuffered,

    /// <summary>
    /// K-slices of 16 in two shared buffers, one barrier per slice: the default, the fastest of the three on an H200
    /// (8192³: 40.1 TFLOP/s, 0.79 of cuBLAS FP32 without TF32, measured in the same run).
    /// </summary>
    DoubleBuffered,

    /// <summary>
    /// K-slices of 8 in two shared buffers, one barrier per slice, compiled with launch bounds for two 256-thread
    /// groups per multiprocessor (CUDA: <c>.minnctapersm 2</c>, so ptxas keeps it to 128 registers — with no spills, as
    /// <c>tools/sass-report.sh</c> shows): while one group waits at a barrier the other computes. H200, 8192³: 38.9 TFLOP/s.
    /// </summary>
    TwoGroupsPerMultiprocessor,
}
