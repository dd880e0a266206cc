using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Kernels.Tensors.Operators;
using Kernels.Tensors.Simd;

namespace Kernels.Tensors.Drivers;

/// <summary>
/// r = ⊕ map(xᵢ) over a row. Contiguous rows are cut into blocks of <see cref="BlockLength"/> elements that are
/// reduced with four vector accumulators and combined pairwise (error growth O(ε·log n) for sums, like NumPy's
/// pairwise summation). The order of operations depends only on the length and the vector width, never on the
/// buffer's address or on threads, so results are bit-reproducible for a given width.
/// </summary>
internal static class ReductionDriver
{
    public const int BlockLength = 4096;
    public const int ScalarBlockLength = 64;

    public static T Reduce<T, TMap, TAgg>(ref T x, nint stride, nint n, VectorWidth w)
        where T : unmanaged, IFloatingPointIeee754<T> where TMap : IUnaryOperator<T> where TAgg : IAggregationOperator<T>
    {
        if (stride == 1) return ReducePairwise<T, TMap, TAgg>(ref x, n, w);
        T acc = TAgg.Identity;
        if (stride == 0)
        {
            // A broadcast row: every element is the same value; still combine n times so sums scale correctly.
            T v = TMap.Invoke(x);
            for (nint i = 0; i < n; i++) acc = TAgg.Invoke(acc, v);
            return acc;
        }
        for (nint i = 0; i < n; i++) acc = TAgg.Invoke(acc, TMap.Invoke(Unsafe.Add(ref x, i * stride)));
        return acc;
    }

    private static T ReducePairwise<T, TMap, TAgg>(ref T x, nint n, VectorWidth w)
        where T : unmanaged, IFloatingPointIeee754<T> where TMap : IUnaryOperator<T> where TAgg : IAggregationOperator<T>
    {
        // The scalar path has one accumulator instead of 4·lanes, so it uses shorter blocks to keep the same
        // error growth.
        nint block = w == VectorWidth.Scalar || !TMap.Vectorizable ? ScalarBlockLength : BlockLength;
        if (n <= block) return ReduceBlock<T, TMap, TAgg>(ref x, n, w);
        nint blocks = (n + block - 1) / block;
        nint half = blocks / 2 * block;
        return TAgg.Invoke(ReducePairwise<T, TMap, TAgg>(ref x, half, w), ReducePairwise<T, TMap, TAgg>(ref Unsafe.Add(ref x, half), n - half, w));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T ReduceBlock<T, TMap, TAgg>(ref T x, nint n, VectorWidth w)
        where T : unmanaged, IFloatingPointIeee754<T> where TMap : IUnaryOperator<T> where TAgg : IAggregationOperator<T>
    {
        nint i = 0;
        var identity128 = Vector128.Create(TAgg.Identity);
        var total = identity128;
        if (TMap.Vectorizable)
        {
            if (w >= VectorWidth.W512 && n >= Vector512<T>.Count)
            {
                nint c = Vector512<T>.Count;
                var id = Vector512.Create(TAgg.Identity);
                Vector512<T> a0 = id, a1 = id, a2 = id, a3 = id;
                for (; i <= n - 4 * c; i += 4 * c)
                {
                    a0 = TAgg.Invoke(a0, TMap.Invoke(Vector512.LoadUnsafe(ref x, (nuint)i)));
                    a1 = TAgg.Invoke(a1, TMap.Invoke(Vector512.LoadUnsafe(ref x, (nuint)(i + c))));
                    a2 = TAgg.Invoke(a2, TMap.Invoke(Vector512.LoadUnsafe(ref x, (nuint)(i + 2 * c))));
                    a3 = TAgg.Invoke(a3, TMap.Invoke(Vector512.LoadUnsafe(ref x, (nuint)(i + 3 * c))));
                }
                for (; i <= n - c; i += c) a0 = TAgg.Invoke(a0, TMap.Invoke(Vector512.LoadUnsafe(ref x, (nuint)i)));
                var a = TAgg.Invoke(TAgg.Invoke(a0, a1), TAgg.Invoke(a2, a3));
                var h = TAgg.Invoke(a.GetLower(), a.GetUpper());
                total = TAgg.Invoke(total, TAgg.Invoke(h.GetLower(), h.GetUpper()));
            }
            if (w >= VectorWidth.W256 && n - i >= Vector256<T>.Count)
            {
                nint c = Vector256<T>.Count;
                var id = Vector256.Create(TAgg.Identity);
                Vector256<T> a0 = id, a1 = id, a2 = id, a3 = id;
                for (; i <= n - 4 * c; i += 4 * c)
                {
                    a0 = TAgg.Invoke(a0, TMap.Invoke(Vector256.LoadUnsafe(ref x, (nuint)i)));
                    a1 = TAgg.Invoke(a1, TMap.Invoke(Vector256.LoadUnsafe(ref x, (nuint)(i + c))));
                    a2 = TAgg.Invoke(a2, TMap.Invoke(Vector256.LoadUnsafe(ref x, (nuint)(i + 2 * c))));
                    a3 = TAgg.Invoke(a3, TMap.Invoke(Vector256.LoadUnsafe(ref x, (nuint)(i + 3 * c))));
                }
                for (; i <= n - c; i += c) a0 = TAgg.Invoke(a0, TMap.Invoke(Vector256.LoadUnsafe(ref x, (nuint)i)));
                var a = TAgg.Invoke(TAgg.Invoke(a0, a1), TAgg.Invoke(a2, a3));
                total = TAgg.Invoke(total, TAgg.Invoke(a.GetLower(), a.GetUpper()));
            }
            if (w >= VectorWidth.W128 && n - i >= Vector128<T>.Count)
            {
                nint c = Vector128<T>.Count;
                Vector128<T> a0 = identity128, a1 = identity128, a2 = identity128, a3 = identity128;
                for (; i <= n - 4 * c; i += 4 * c)
                {
                    a0 = TAgg.Invoke(a0, TMap.Invoke(Vector128.LoadUnsafe(ref x, (nuint)i)));
                    a1 = TAgg.Invoke(a1, TMap.Invoke(Vector128.LoadUnsafe(ref x, (nuint)(i + c))));
                    a2 = TAgg.Invoke(a2, TMap.Invoke(Vector128.LoadUnsafe(ref x, (nuint)(i + 2 * c))));
                    a3 = TAgg.Invoke(a3, TMap.Invoke(Vector128.LoadUnsafe(ref x, (nuint)(i + 3 * c))));
                }
                for (; i <= n - c; i += c) a0 = TAgg.Invoke(a0, TMap.Invoke(Vector128.LoadUnsafe(ref x, (nuint)i)));
                total = TAgg.Invoke(total, TAgg.Invoke(TAgg.Invoke(a0, a1), TAgg.Invoke(a2, a3)));
            }
        }
        T r = TAgg.Horizontal(total);
        for (; i < n; i++) r = TAgg.Invoke(r, TMap.Invoke(Unsafe.Add(ref x, i)));
        return r;
    }

    /// <summary>Σ xᵢ·yᵢ over contiguous rows, pairwise over blocks, fused multiply-add in the vector loops.</summary>
    public static T Dot<T>(ref T x, nint sx, ref T y, nint sy, nint n, VectorWidth w) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (sx != 1 || sy != 1)
        {
            T acc = T.Zero;
            for (nint i = 0; i < n; i++) acc += Unsafe.Add(ref x, i * sx) * Unsafe.Add(ref y, i * sy);
            return acc;
        }
        nint block = w == VectorWidth.Scalar ? ScalarBlockLength : BlockLength;
        if (n <= block) return DotBlock(ref x, ref y, n, w);
        nint blocks = (n + block - 1) / block;
        nint half = blocks / 2 * block;
        return Dot(ref x, 1, ref y, 1, half, w) + Dot(ref Unsafe.Add(ref x, half), 1, ref Unsafe.Add(ref y, half), 1, n - half, w);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T DotBlock<T>(ref T x, ref T y, nint n, VectorWidth w) where T : unmanaged, IFloatingPointIeee754<T>
    {
        nint i = 0;
        var total = Vector128<T>.Zero;
        if (w >= VectorWidth.W512 && n >= Vector512<T>.Count)
        {
            nint c = Vector512<T>.Count;
            Vector512<T> a0 = default, a1 = default;
            for (; i <= n - 2 * c; i += 2 * c)
            {
                a0 = VectorMath.Fma(Vector512.LoadUnsafe(ref x, (nuint)i), Vector512.LoadUnsafe(ref y, (nuint)i), a0);
                a1 = VectorMath.Fma(Vector512.LoadUnsafe(ref x, (nuint)(i + c)), Vector512.LoadUnsafe(ref y, (nuint)(i + c)), a1);
            }
            for (; i <= n - c; i += c) a0 = VectorMath.Fma(Vector512.LoadUnsafe(ref x, (nuint)i), Vector512.LoadUnsafe(ref y, (nuint)i), a0);
            var a = a0 + a1;
            var h = a.GetLower() + a.GetUpper();
            total += h.GetLower() + h.GetUpper();
        }
        if (w >= VectorWidth.W256 && n - i >= Vector256<T>.Count)
        {
            nint c = Vector256<T>.Count;
            Vector256<T> a0 = default, a1 = default, a2 = default, a3 = default;
            for (; i <= n - 4 * c; i += 4 * c)
            {
                a0 = VectorMath.Fma(Vector256.LoadUnsafe(ref x, (nuint)i), Vector256.LoadUnsafe(ref y, (nuint)i), a0);
                a1 = VectorMath.Fma(Vector256.LoadUnsafe(ref x, (nuint)(i + c)), Vector256.LoadUnsafe(ref y, (nuint)(i + c)), a1);
                a2 = VectorMath.Fma(Vector256.LoadUnsafe(ref x, (nuint)(i + 2 * c)), Vector256.LoadUnsafe(ref y, (nuint)(i + 2 * c)), a2);
                a3 = VectorMath.Fma(Vector256.LoadUnsafe(ref x, (nuint)(i + 3 * c)), Vector256.LoadUnsafe(ref y, (nuint)(i + 3 * c)), a3);
            }
            for (; i <= n - c; i += c) a0 = VectorMath.Fma(Vector256.LoadUnsafe(ref x, (nuint)i), Vector256.LoadUnsafe(ref y, (nuint)i), a0);
            var a = (a0 + a1) + (a2 + a3);
            total += a.GetLower() + a.GetUpper();
        }
        if (w >= VectorWidth.W128 && n - i >= Vector128<T>.Count)
        {
            nint c = Vector128<T>.Count;
            Vector128<T> a0 = default, a1 = default;
            for (; i <= n - 2 * c; i += 2 * c)
            {
                a0 = VectorMath.Fma(Vector128.LoadUnsafe(ref x, (nuint)i), Vector128.LoadUnsafe(ref y, (nuint)i), a0);
                a1 = VectorMath.Fma(Vector128.LoadUnsafe(ref x, (nuint)(i + c)), Vector128.LoadUnsafe(ref y, (nuint)(i + c)), a1);
            }
            for (; i <= n - c; i += c) a0 = VectorMath.Fma(Vector128.LoadUnsafe(ref x, (nuint)i), Vector128.LoadUnsafe(ref y, (nuint)i), a0);
            total += a0 + a1;
        }
        T r = AddOperator<T>.Horizontal(total);
        for (; i < n; i++) r = T.FusedMultiplyAdd(Unsafe.Add(ref x, i), Unsafe.Add(ref y, i), r);
        return r;
    }
}
