using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SpinDetect.Model;

/// <summary>
/// One internal node of a flattened tree, packed into 16 bytes so a traversal touches one cache line per node.
/// A child index ≥ 0 is another node of the ensemble; a negative child is <c>~leafIndex</c>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct TreeNode : IEquatable<TreeNode>
{
    private const int MissingLeftBit = unchecked((int)0x8000_0000);

    // Feature index in the low 31 bits; the top bit says where NaN goes (set = left).
    private readonly int _packed;

    internal TreeNode(int feature, float threshold, bool missingGoesLeft, int left, int right)
    {
        if (feature < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(feature), feature, "Feature index must be non-negative.");
        }

        _packed = missingGoesLeft ? feature | MissingLeftBit : feature;
        Threshold = threshold;
        Left = left;
        Right = right;
    }

    /// <summary>Index of the feature tested.</summary>
    internal int Feature => _packed & ~MissingLeftBit;

    /// <summary>Rows with <c>x &lt;= Threshold</c> go left, larger values right.</summary>
    internal float Threshold { get; }

    /// <summary>Where a NaN value goes (learned per split by the trainer).</summary>
    internal bool MissingGoesLeft => _packed < 0;

    /// <summary>Left child (node index, or <c>~leaf</c>).</summary>
    internal int Left { get; }

    /// <summary>Right child (node index, or <c>~leaf</c>).</summary>
    internal int Right { get; }

    /// <summary>The raw packed word (feature | missing bit), for serialisation.</summary>
    internal int Packed => _packed;

    /// <summary>Rebuilds a node from its serialised packed word.</summary>
    internal static TreeNode FromPacked(int packed, float threshold, int left, int right) =>
        new(packed & ~MissingLeftBit, threshold, packed < 0, left, right);

    /// <summary>The child a value is routed to.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Next(float value)
    {
        // Non-short-circuit operators keep this branch-free: a NaN fails the comparison and then takes the
        // learned direction. Tree paths are data-dependent, so branches here would mispredict often.
        var left = (value <= Threshold) | (float.IsNaN(value) & (_packed < 0));
        return left ? Left : Right;
    }

    /// <summary>
    /// <see cref="Next"/> computed with a mask instead of a conditional, so no jump can mispredict: faster when many
    /// rows walk one tree side by side (their paths differ), slower for a single row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int NextWithoutBranch(float value)
    {
        var left = (value <= Threshold) | (float.IsNaN(value) & (_packed < 0));
        var mask = -Unsafe.BitCast<bool, byte>(left); // all ones when the row goes left
        return (Left & mask) | (Right & ~mask);
    }

    public bool Equals(TreeNode other) =>
        _packed == other._packed && Threshold.Equals(other.Threshold) && Left == other.Left && Right == other.Right;

    public override bool Equals(object? obj) => obj is TreeNode other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_packed, Threshold, Left, Right);
}
