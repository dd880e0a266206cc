namespace Kernels.Devices;

/// <summary>y = f(x) element-wise (the same definitions as the <c>NDArray</c> functions of the same names).</summary>
public enum UnaryOperation
{
    /// <summary>−x.</summary>
    Negate,
    /// <summary>|x|.</summary>
    Abs,
    /// <summary>√x.</summary>
    Sqrt,
    /// <summary>x².</summary>
    Square,
    /// <summary>eˣ.</summary>
    Exp,
    /// <summary>ln x.</summary>
    Log,
    /// <summary>tanh x.</summary>
    Tanh,
    /// <summary>1 / (1 + e⁻ˣ).</summary>
    Sigmoid,
    /// <summary>x / (1 + e⁻ˣ).</summary>
    Silu,
}

/// <summary>z = f(x, y) element-wise. Minimum/Maximum are IEEE 754-2019 minimum/maximum (NaN propagates, −0 &lt; +0).</summary>
public enum BinaryOperation
{
    /// <summary>x + y.</summary>
    Add,
    /// <summary>x − y.</summary>
    Subtract,
    /// <summary>x · y.</summary>
    Multiply,
    /// <summary>x / y.</summary>
    Divide,
    /// <summary>min(x, y).</summary>
    Minimum,
    /// <summary>max(x, y).</summary>
    Maximum,
}

/// <summary>A reduction of a whole buffer to one value.</summary>
public enum ReduceOperation
{
    /// <summary>Σ xᵢ (0 for an empty buffer).</summary>
    Sum,
    /// <summary>Σ xᵢ² (plain, not overflow-safe: use it where the scale is known, as CG does).</summary>
    SumOfSquares,
    /// <summary>min xᵢ (NaN if any is NaN; an empty buffer is an error).</summary>
    Min,
    /// <summary>max xᵢ (NaN if any is NaN; an empty buffer is an error).</summary>
    Max,
}
