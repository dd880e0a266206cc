namespace Kernels.Backends.Ilgpu.Kernels;

/// <summary>(X, Y, Z, W): four neighbouring values read as one.</summary>
/// <remarks>
/// ILGPU's PTX backend turns the load of an aligned struct of at most 16 bytes into one vector instruction
/// (<c>ld.shared.v4.f32</c>), which is why the GEMM kernels read their shared operands through a view of these.
/// </remarks>
internal struct Packed4<T> where T : unmanaged
{
    public T X, Y, Z, W;
}

/// <summary>(X, Y): two neighbouring values read as one (<c>ld.shared.v2.f64</c> for double).</summary>
internal struct Packed2<T> where T : unmanaged
{
    public T X, Y;
}
