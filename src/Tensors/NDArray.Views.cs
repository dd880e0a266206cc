namespace Kernels.Tensors;

public sealed partial class NDArray<T>
{
    /// <summary>
    /// View selecting <paramref name="ranges"/> per leading axis (missing trailing axes are taken whole). Python
    /// slice semantics; index entries remove their axis. Never copies.
    /// </summary>
    /// <exception cref="ArgumentException">More ranges than axes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A zero step or an index out of range.</exception>
    public NDArray<T> Slice(params ReadOnlySpan<AxisRange> ranges)
    {
        if (ranges.Length > Rank)
            throw new ArgumentException($"{ranges.Length} slice entries given for a tensor of shape {ShapeString}.", nameof(ranges));
        var shape = new List<int>(Rank);
        var strides = new List<nint>(Rank);
        nint offset = _offset;
        for (int i = 0; i < Rank; i++)
        {
            var r = i < ranges.Length ? ranges[i] : AxisRange.All;
            var (first, count, step) = r.Resolve(_shape[i], i);
            if (count > 0) offset += first * _strides[i];
            if (r.IsIndex) continue;
            shape.Add(count);
            strides.Add(_strides[i] * step);
        }
        return CreateView(_storage, shape.ToArray(), strides.ToArray(), offset);
    }

    /// <summary>View with the axes reordered: result axis i is this view's axis <paramref name="axes"/>[i].</summary>
    /// <exception cref="ArgumentException">Not a permutation of 0..rank-1.</exception>
    public NDArray<T> Permute(params ReadOnlySpan<int> axes)
    {
        if (axes.Length != Rank)
            throw new ArgumentException($"Permutation of length {axes.Length} given for a tensor of shape {ShapeString}.", nameof(axes));
        var seen = new bool[Rank];
        var shape = new int[Rank];
        var strides = new nint[Rank];
        for (int i = 0; i < Rank; i++)
        {
            int a = ShapeMath.NormalizeAxis(axes[i], Rank);
            if (seen[a]) throw new ArgumentException($"Axis {a} appears twice in the permutation.", nameof(axes));
            seen[a] = true;
            shape[i] = _shape[a];
            strides[i] = _strides[a];
        }
        return CreateView(_storage, shape, strides, _offset);
    }

    /// <summary>View with the axes reversed (the matrix transpose for rank 2).</summary>
    public NDArray<T> Transpose()
    {
        var axes = new int[Rank];
        for (int i = 0; i < Rank; i++) axes[i] = Rank - 1 - i;
        return Permute(axes);
    }

    /// <summary>View with axes <paramref name="axis0"/> and <paramref name="axis1"/> swapped.</summary>
    public NDArray<T> SwapAxes(int axis0, int axis1)
    {
        var axes = new int[Rank];
        for (int i = 0; i < Rank; i++) axes[i] = i;
        int a = ShapeMath.NormalizeAxis(axis0, Rank), b = ShapeMath.NormalizeAxis(axis1, Rank);
        (axes[a], axes[b]) = (axes[b], axes[a]);
        return Permute(axes);
    }

    /// <summary>
    /// Same elements in C order with a new shape (one entry may be -1 and is inferred). Returns a view when the
    /// strides allow it (always for contiguous input; for strided input when each group of merged/split axes is
    /// itself uniformly strided), otherwise a contiguous copy. Use <see cref="TryReshapeView"/> to forbid copies.
    /// </summary>
    /// <exception cref="ArgumentException">Element counts differ or more than one -1.</exception>
    public NDArray<T> Reshape(params ReadOnlySpan<int> shape)
    {
        var target = ResolveReshape(shape);
        if (TryComputeReshapeStrides(target, out var strides)) return CreateView(_storage, target, strides, _offset);
        var copy = Copy();
        return CreateView(copy._storage, target, ShapeMath.RowMajorStrides(target), 0);
    }

    /// <summary>Reshape that never copies; false when the layout cannot be expressed with strides.</summary>
    public bool TryReshapeView(ReadOnlySpan<int> shape, out NDArray<T>? view)
    {
        var target = ResolveReshape(shape);
        if (TryComputeReshapeStrides(target, out var strides)) { view = CreateView(_storage, target, strides, _offset); return true; }
        view = null;
        return false;
    }

    private int[] ResolveReshape(ReadOnlySpan<int> shape)
    {
        var target = shape.ToArray();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < target.Length; i++)
        {
            if (target[i] == -1)
            {
                if (infer >= 0) throw new ArgumentException($"Only one dimension of the new shape {ShapeMath.Format(shape)} may be -1.", nameof(shape));
                infer = i;
            }
            else if (target[i] < 0) throw new ArgumentException($"New shape {ShapeMath.Format(shape)} has a negative dimension.", nameof(shape));
            else known = checked(known * target[i]);
        }
        long n = Length;
        if (infer >= 0)
        {
            if (known == 0 || n % known != 0)
                throw new ArgumentException($"Cannot reshape {ShapeString} ({n} elements) into {ShapeMath.Format(shape)}.", nameof(shape));
            target[infer] = (int)(n / known);
        }
        else if (known != n)
            throw new ArgumentException($"Cannot reshape {ShapeString} ({n} elements) into {ShapeMath.Format(shape)} ({known} elements).", nameof(shape));
        return target;
    }

    // NumPy's attempt_nocopy_reshape: walk old and new axes in groups with equal element counts; each old group
    // must be uniformly strided (stride[i] = stride[i+1]·shape[i+1]) for the new group to be expressed by strides.
    private bool TryComputeReshapeStrides(int[] target, out nint[] strides)
    {
        strides = new nint[target.Length];
        if (Length == 0 || target.Length == 0) { strides = ShapeMath.RowMajorStrides(target); return true; }
        var oldShape = new List<int>();
        var oldStrides = new List<nint>();
        for (int i = 0; i < Rank; i++)
            if (_shape[i] != 1) { oldShape.Add(_shape[i]); oldStrides.Add(_strides[i]); }
        int oi = 0, oj = 1, ni = 0, nj = 1;
        int oldRank = oldShape.Count, newRank = target.Length;
        while (ni < newRank && oi < oldRank)
        {
            long np = target[ni], op = oldShape[oi];
            while (np != op)
            {
                if (np < op) np *= target[nj++];
                else op *= oldShape[oj++];
            }
            for (int k = oi; k < oj - 1; k++)
                if (oldStrides[k] != oldStrides[k + 1] * oldShape[k + 1]) return false;
            strides[nj - 1] = oldStrides[oj - 1];
            for (int k = nj - 1; k > ni; k--) strides[k - 1] = strides[k] * target[k];
            ni = nj++;
            oi = oj++;
        }
        // Trailing new axes of length 1 get any stride; use 1 times the last for readability.
        nint last = ni > 0 ? strides[ni - 1] : 1;
        for (int k = ni; k < newRank; k++) strides[k] = last;
        return true;
    }

    /// <summary>
    /// Broadcast view to <paramref name="shape"/> (NumPy rules): new leading axes and length-1 axes get stride 0.
    /// The result aliases elements; writing through it writes the shared element.
    /// </summary>
    /// <exception cref="ArgumentException">The shape is not a broadcast of this view's shape.</exception>
    public NDArray<T> BroadcastTo(params ReadOnlySpan<int> shape)
    {
        if (shape.Length < Rank)
            throw new ArgumentException($"Cannot broadcast shape {ShapeString} to the lower-rank shape {ShapeMath.Format(shape)}.", nameof(shape));
        var strides = new nint[shape.Length];
        int lead = shape.Length - Rank;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] < 0) throw new ArgumentException($"Target shape {ShapeMath.Format(shape)} has a negative dimension.", nameof(shape));
            if (i < lead) { strides[i] = 0; continue; }
            int d = _shape[i - lead];
            if (d == shape[i]) strides[i] = _strides[i - lead];
            else if (d == 1) strides[i] = 0;
            else throw new ArgumentException($"Cannot broadcast shape {ShapeString} to {ShapeMath.Format(shape)} (axis {i}: {d} vs {shape[i]}).", nameof(shape));
        }
        return CreateView(_storage, shape.ToArray(), strides, _offset);
    }

    /// <summary>View without the length-1 axes listed (all length-1 axes when none is listed).</summary>
    /// <exception cref="ArgumentException">A listed axis does not have length 1.</exception>
    public NDArray<T> Squeeze(params ReadOnlySpan<int> axes)
    {
        var drop = new bool[Rank];
        if (axes.IsEmpty) { for (int i = 0; i < Rank; i++) drop[i] = _shape[i] == 1; }
        else
        {
            foreach (var a0 in axes)
            {
                int a = ShapeMath.NormalizeAxis(a0, Rank);
                if (_shape[a] != 1) throw new ArgumentException($"Cannot squeeze axis {a} of shape {ShapeString}: its length is {_shape[a]}, not 1.", nameof(axes));
                drop[a] = true;
            }
        }
        var shape = new List<int>();
        var strides = new List<nint>();
        for (int i = 0; i < Rank; i++)
            if (!drop[i]) { shape.Add(_shape[i]); strides.Add(_strides[i]); }
        return CreateView(_storage, shape.ToArray(), strides.ToArray(), _offset);
    }

    /// <summary>View with a new length-1 axis inserted at position <paramref name="axis"/> (in the result; may be negative).</summary>
    public NDArray<T> Unsqueeze(int axis)
    {
        int a = ShapeMath.NormalizeAxis(axis, Rank + 1);
        var shape = new int[Rank + 1];
        var strides = new nint[Rank + 1];
        for (int i = 0, j = 0; i < Rank + 1; i++)
        {
            if (i == a) { shape[i] = 1; strides[i] = 0; continue; }
            shape[i] = _shape[j]; strides[i] = _strides[j]; j++;
        }
        return CreateView(_storage, shape, strides, _offset);
    }
}
