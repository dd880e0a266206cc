namespace Kernels.Devices;

/// <summary>What executes a <see cref="ComputeDevice"/>'s kernels.</summary>
public enum DeviceKind
{
    /// <summary>This process's CPU through the SIMD kernels of Kernels itself: the reference every backend is checked against.</summary>
    Cpu,
    /// <summary>ILGPU's CPU accelerator: GPU kernels executed by simulated GPU threads (for testing GPU code without a GPU; slow).</summary>
    IlgpuCpu,
    /// <summary>An NVIDIA GPU through ILGPU's CUDA backend (PTX).</summary>
    Cuda,
    /// <summary>An OpenCL 2.0+/3.0 device through ILGPU's OpenCL backend.</summary>
    OpenCL,
}
