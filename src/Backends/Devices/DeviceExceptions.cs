namespace Kernels.Devices;

/// <summary>A device operation failed (the device vanished, a launch failed, the buffer belongs elsewhere).</summary>
public class DeviceException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public DeviceException() { }
    /// <summary>Creates the exception with a message naming the device and the operation.</summary>
    public DeviceException(string message) : base(message) { }
    /// <summary>Creates the exception wrapping the backend's own error.</summary>
    public DeviceException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>An allocation did not fit in device memory; the message gives the bytes asked for and the device's size.</summary>
public sealed class DeviceOutOfMemoryException : DeviceException
{
    /// <summary>Creates the exception.</summary>
    public DeviceOutOfMemoryException() { }
    /// <summary>Creates the exception with a message.</summary>
    public DeviceOutOfMemoryException(string message) : base(message) { }
    /// <summary>Creates the exception wrapping the backend's own error.</summary>
    public DeviceOutOfMemoryException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The device lacks a capability the call needs (double precision with fallback disabled, an unknown device name).</summary>
public sealed class DeviceCapabilityException : DeviceException
{
    /// <summary>Creates the exception.</summary>
    public DeviceCapabilityException() { }
    /// <summary>Creates the exception with a message.</summary>
    public DeviceCapabilityException(string message) : base(message) { }
    /// <summary>Creates the exception wrapping the backend's own error.</summary>
    public DeviceCapabilityException(string message, Exception inner) : base(message, inner) { }
}
