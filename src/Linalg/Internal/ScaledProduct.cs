using System.Numerics;

namespace Kernels.Linalg.Internal;

/// <summary>
/// A product of many factors kept as mantissa·2^exponent, renormalised after every factor, so determinants of large
/// matrices neither overflow nor underflow in the middle: <c>Value</c> over/underflows only when the true product does.
/// </summary>
internal struct ScaledProduct<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T _mantissa;
    private long _exponent;
    private bool _started;

    public void Multiply(T factor)
    {
        if (!_started)
        {
            _mantissa = T.One;
            _started = true;
        }
        _mantissa *= factor;
        if (_mantissa == T.Zero || !T.IsFinite(_mantissa)) return;
        int e = T.ILogB(_mantissa);
        _mantissa = T.ScaleB(_mantissa, -e);
        _exponent += e;
    }

    public readonly T Value => !_started ? T.One
        : _mantissa == T.Zero || !T.IsFinite(_mantissa) ? _mantissa
        : T.ScaleB(_mantissa, (int)Math.Clamp(_exponent, -100_000, 100_000));
}
