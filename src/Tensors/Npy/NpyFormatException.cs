namespace Kernels.Tensors.Npy;

/// <summary>A .npy stream is malformed, truncated, lies about its size, or uses an unsupported dtype.</summary>
public sealed class NpyFormatException : FormatException
{
    /// <summary>Creates the exception with a message naming the problem.</summary>
    public NpyFormatException(string message) : base(message) { }
    /// <summary>Creates the exception.</summary>
    public NpyFormatException() { }
    /// <summary>Creates the exception with an inner cause.</summary>
    public NpyFormatException(string message, Exception inner) : base(message, inner) { }
}
