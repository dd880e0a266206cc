using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kernels.Tensors;

/// <summary>
/// A dense N-dimensional array view: element (i₀,…,iₖ₋₁) lives at storage[offset + Σ iⱼ·strideⱼ].
/// Strides are in elements; zero strides express broadcasting and negative strides reversed slices. Views
/// (slice, transpose, broadcast, reshape when possible) share storage and never copy. Instances are immutable
/// descriptions of a view; the elements they reference are mutable.
/// </summary>
/// <typeparam name="T">Element type. Arithmetic is provided for <see cref="float"/> and <see cref="double"/>;
/// <see cref="Half"/> and <see cref="BFloat16"/> are storage types converted with <see cref="NDArray.Convert{TFrom, TTo}"/>.</typeparam>
public sealed partial class NDArray<T> where T : unmanaged
{
    private readonly Memory<T> _storage;
    private readonly int[] _shape;
    private readonly nint[] _strides;
    private readonly nint _offset;

    /// <summary>Allocates a zero-filled C-contiguous array of the given shape.</summary>
    public NDArray(params ReadOnlySpan<int> shape)
    {
        long n = ShapeMath.ElementCount(shape);
        if (n > Array.MaxLength)
            throw new ArgumentException($"Shape {ShapeMath.Format(shape)} has {n} elements, more than one array can hold ({Array.MaxLength}).");
        _storage = new T[n];
        _shape = shape.ToArray();
        _strides = ShapeMath.RowMajorStrides(shape);
        _offset = 0;
    }

    /// <summary>
    /// Wraps existing memory without copying. <paramref name="strides"/> defaults to C order. Every reachable
    /// element must lie inside <paramref name="storage"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Rank mismatch between shape and strides, or a reachable element outside the storage.</exception>
    public NDArray(Memory<T> storage, ReadOnlySpan<int> shape, ReadOnlySpan<nint> strides = default, nint offset = 0)
    {
        long n = ShapeMath.ElementCount(shape);
        _shape = shape.ToArray();
        if (strides.IsEmpty && shape.Length > 0)
        {
            _strides = ShapeMath.RowMajorStrides(shape);
            if (offset < 0 || offset + n > storage.Length)
                throw new ArgumentException($"Storage of {storage.Length} elements at offset {offset} cannot hold shape {ShapeMath.Format(shape)} ({n} elements).");
        }
        else
        {
            if (strides.Length != shape.Length)
                throw new ArgumentException($"Strides have rank {strides.Length} but shape {ShapeMath.Format(shape)} has rank {shape.Length}.");
            _strides = strides.ToArray();
        }
        _storage = storage;
        _offset = offset;
        CheckExtent(storage.Length, _shape, _strides, offset);
    }

    // Trusted constructor for views derived from an already-validated view.
    private NDArray(Memory<T> storage, int[] shape, nint[] strides, nint offset, bool trusted)
    {
        _ = trusted;
        _storage = storage;
        _shape = shape;
        _strides = strides;
        _offset = offset;
#if DEBUG
        CheckExtent(storage.Length, shape, strides, offset);
#endif
    }

    internal static NDArray<T> CreateView(Memory<T> storage, int[] shape, nint[] strides, nint offset) => new(storage, shape, strides, offset, trusted: true);

    private static void CheckExtent(int storageLength, int[] shape, nint[] strides, nint offset)
    {
        long lo = offset, hi = offset;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] == 0) return; // empty view reaches nothing
            long span = (long)(shape[i] - 1) * strides[i];
            if (span >= 0) hi += span; else lo += span;
        }
        if (lo < 0 || hi >= storageLength)
            throw new ArgumentException(
                $"A view of shape {ShapeMath.Format(shape)} with strides ({string.Join(", ", strides)}) at offset {offset} reaches elements [{lo}, {hi}] outside storage of length {storageLength}.");
    }

    /// <summary>Dimensions, outermost first.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>Strides in elements, one per dimension (0 = broadcast, negative = reversed).</summary>
    public ReadOnlySpan<nint> Strides => _strides;

    /// <summary>Index in <see cref="Storage"/> of element (0,…,0).</summary>
    public nint Offset => _offset;

    /// <summary>The underlying memory this view reads and writes.</summary>
    public Memory<T> Storage => _storage;

    /// <summary>Number of dimensions.</summary>
    public int Rank => _shape.Length;

    /// <summary>Number of elements, Π shape.</summary>
    public long Length
    {
        get
        {
            long n = 1;
            foreach (var d in _shape) n *= d;
            return n;
        }
    }

    /// <summary>The shape formatted as NumPy does, for messages.</summary>
    public string ShapeString => ShapeMath.Format(_shape);

    /// <summary>True when the elements are laid out densely in C (row-major) order from <see cref="Offset"/>.</summary>
    public bool IsContiguous
    {
        get
        {
            nint expected = 1;
            for (int i = _shape.Length - 1; i >= 0; i--)
            {
                if (_shape[i] == 1) continue;
                if (_shape[i] == 0) return true;
                if (_strides[i] != expected) return false;
                expected *= _shape[i];
            }
            return true;
        }
    }

    /// <summary>Gets or sets one element; negative indices are not accepted here (use a slice for that).</summary>
    /// <exception cref="ArgumentException">Wrong number of indices.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside its dimension.</exception>
    public T this[params ReadOnlySpan<int> index]
    {
        get => _storage.Span[(int)ElementOffset(index)];
        set => _storage.Span[(int)ElementOffset(index)] = value;
    }

    private nint ElementOffset(ReadOnlySpan<int> index)
    {
        if (index.Length != _shape.Length)
            throw new ArgumentException($"{index.Length} indices given for a tensor of shape {ShapeString}.");
        nint o = _offset;
        for (int i = 0; i < index.Length; i++)
        {
            if ((uint)index[i] >= (uint)_shape[i])
                throw new ArgumentOutOfRangeException(nameof(index), $"Index {index[i]} is out of range for axis {i} of shape {ShapeString}.");
            o += index[i] * _strides[i];
        }
        return o;
    }

    /// <summary>
    /// The elements as one span when the view is C-contiguous; throws otherwise (call <see cref="Contiguous"/> first).
    /// </summary>
    /// <exception cref="InvalidOperationException">The view is not contiguous.</exception>
    public Span<T> AsSpan()
    {
        if (!TryGetSpan(out var span))
            throw new InvalidOperationException($"The view of shape {ShapeString} with strides ({string.Join(", ", _strides)}) is not contiguous; call Contiguous() to copy it.");
        return span;
    }

    /// <summary>The elements as one span when the view is C-contiguous.</summary>
    public bool TryGetSpan(out Span<T> span)
    {
        if (!IsContiguous) { span = default; return false; }
        // An empty view's offset may point past the storage (e.g. an empty slice at the end); its span is empty.
        if (Length == 0) { span = Span<T>.Empty; return true; }
        span = _storage.Span.Slice((int)_offset, (int)Length);
        return true;
    }

    /// <summary>Reference to element (0,…,0); with <see cref="Strides"/> it addresses every element.</summary>
    internal ref T FirstElement => ref Unsafe.Add(ref MemoryMarshal.GetReference(_storage.Span), _offset);

    /// <summary>Reference to storage[0], for loops that compute offsets themselves.</summary>
    internal ref T StorageBase => ref MemoryMarshal.GetReference(_storage.Span);

    internal int[] ShapeArray => _shape;
    internal nint[] StridesArray => _strides;

    /// <summary>Returns this view if it is C-contiguous, otherwise a C-contiguous copy.</summary>
    public NDArray<T> Contiguous() => IsContiguous ? this : Copy();

    /// <summary>A new C-contiguous array with a copy of the elements.</summary>
    public NDArray<T> Copy()
    {
        var result = new NDArray<T>(_shape);
        CopyTo(result);
        return result;
    }

    /// <summary>Copies the elements into <paramref name="destination"/>, which must have the same shape.</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public void CopyTo(NDArray<T> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!_shape.AsSpan().SequenceEqual(destination._shape))
            throw new ArgumentException($"Cannot copy shape {ShapeString} into shape {destination.ShapeString}.", nameof(destination));
        Drivers.StridedCopy.Copy(this, destination);
    }

    /// <summary>Sets every element of the view to <paramref name="value"/>.</summary>
    public void Fill(T value) => Drivers.StridedCopy.Fill(this, value);

    /// <summary>The elements in C order as a new array.</summary>
    public T[] ToArray()
    {
        var c = Contiguous();
        return c.TryGetSpan(out var s) ? s.ToArray() : Array.Empty<T>();
    }

    /// <inheritdoc />
    public override string ToString() => $"NDArray<{typeof(T).Name}>{ShapeString}";
}
