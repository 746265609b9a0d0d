using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SpinDetect.Model;

/// <summary>
/// A feature-major, bitvector form of a <see cref="TreeEnsemble"/> (vectorised QuickScorer, Lucchese et al. 2015)
/// that scores sixteen rows at once without walking any tree. Every internal node becomes (threshold, tree, mask of
/// the leaves of its left subtree); nodes are grouped by feature and sorted by threshold. For each feature, the
/// nodes whose threshold lies below a row's value (the row goes right there) clear their left-subtree leaves from
/// the row's leaf mask of that tree; the exit leaf of a tree is then the leftmost leaf left, in-order. The scan of a
/// feature stops at the first threshold no row exceeds, so no step depends on the previous one's load.
/// Built only for ensembles whose trees have at most 32 leaves, and used only where AVX2 is available.
/// </summary>
internal sealed class QuickScorer
{
    /// <summary>Rows scored side by side (one 256-bit lane each).</summary>
    internal const int Lanes = 16;

    /// <summary>Most leaves a tree may have (one bit each in a 32-bit mask).</summary>
    internal const int MaxLeaves = 32;

    /// <summary>Most trees scored with the leaf masks on the stack.</summary>
    internal const int MaxTrees = 1024;

    /// <summary>Most features a row may have (the transposed rows live on the stack too).</summary>
    internal const int MaxFeatures = 512;

    private readonly int[] _featureStart;
    private readonly Node[] _nodes;
    private readonly double[] _leaves;
    private readonly int _treeCount;
    private readonly double _bias;

    private QuickScorer(int[] featureStart, Node[] nodes, double[] leaves, int treeCount, double bias)
    {
        _featureStart = featureStart;
        _nodes = nodes;
        _leaves = leaves;
        _treeCount = treeCount;
        _bias = bias;
    }

    /// <summary>Whether the hardware runs the vectorised scan (otherwise the ensemble walks its trees).</summary>
    internal static bool IsSupported => Avx2.IsSupported;

    /// <summary>
    /// The bitvector form of an ensemble, or null when a tree has more than <see cref="MaxLeaves"/> leaves, there
    /// are more than <see cref="MaxTrees"/> trees or more than <see cref="MaxFeatures"/> features.
    /// </summary>
    internal static QuickScorer? TryBuild(int featureCount, double bias, ReadOnlySpan<TreeNode> nodes, ReadOnlySpan<double> leaves, ReadOnlySpan<int> roots)
    {
        if (roots.Length > MaxTrees || roots.Length == 0 || featureCount > MaxFeatures)
        {
            return null;
        }

        var built = new List<(int Feature, float Threshold, int Tree, int Order, uint Clear, bool MissingRight)>();
        var leafValues = new double[roots.Length * MaxLeaves];
        for (var t = 0; t < roots.Length; t++)
        {
            var leafCount = 0;
            if (!Visit(nodes, leaves, roots[t], t, ref leafCount, built, leafValues))
            {
                return null;
            }
        }

        // Sorted by threshold within a feature; ties in build order so the layout is deterministic.
        built.Sort(static (a, b) =>
        {
            var c = a.Feature.CompareTo(b.Feature);
            if (c == 0)
            {
                c = a.Threshold.CompareTo(b.Threshold);
            }

            if (c == 0)
            {
                c = a.Tree.CompareTo(b.Tree);
            }

            return c == 0 ? a.Order.CompareTo(b.Order) : c;
        });

        var featureStart = new int[featureCount + 1];
        var packed = new Node[built.Count];
        for (var i = 0; i < built.Count; i++)
        {
            var b = built[i];
            featureStart[b.Feature + 1]++;
            packed[i] = new Node(b.Threshold, b.Tree, b.Clear, b.MissingRight ? -1 : 0);
        }

        for (var f = 0; f < featureCount; f++)
        {
            featureStart[f + 1] += featureStart[f];
        }

        return new QuickScorer(featureStart, packed, leafValues, roots.Length, bias);
    }

    // Numbers the leaves of the subtree at `index` left to right from `leafCount`, records each internal node with
    // the mask of its left subtree's leaves, and returns false when the tree has too many leaves.
    private static bool Visit(
        ReadOnlySpan<TreeNode> nodes,
        ReadOnlySpan<double> leaves,
        int index,
        int tree,
        ref int leafCount,
        List<(int Feature, float Threshold, int Tree, int Order, uint Clear, bool MissingRight)> built,
        double[] leafValues)
    {
        if (index < 0)
        {
            if (leafCount >= MaxLeaves)
            {
                return false;
            }

            leafValues[(tree * MaxLeaves) + leafCount] = leaves[~index];
            leafCount++;
            return true;
        }

        var node = nodes[index];
        var first = leafCount;
        if (!Visit(nodes, leaves, node.Left, tree, ref leafCount, built, leafValues))
        {
            return false;
        }

        var leftLeaves = leafCount - first;
        var clear = (leftLeaves == 32 ? uint.MaxValue : (1u << leftLeaves) - 1) << first;
        built.Add((node.Feature, node.Threshold, tree, built.Count, clear, !node.MissingGoesLeft));
        return Visit(nodes, leaves, node.Right, tree, ref leafCount, built, leafValues);
    }

    /// <summary>
    /// Adds to <paramref name="scores"/> (one per row, rows of <paramref name="width"/> features one after another in
    /// <paramref name="rows"/>) the bias and every tree's leaf, in tree order, each row's sum built exactly as the
    /// tree walk builds it, so the results are bit-identical. Overwrites the scores. Allocation-free.
    /// </summary>
    [SkipLocalsInit]
    internal void PredictRaw(ReadOnlySpan<float> rows, int width, Span<double> scores)
    {
        // Two 8-lane halves per feature and per tree mask: each node read serves sixteen rows.
        Span<Vector256<float>> values = stackalloc Vector256<float>[2 * width];
        Span<Vector256<uint>> masks = stackalloc Vector256<uint>[2 * _treeCount];
        Span<float> lanes = MemoryMarshal.Cast<Vector256<float>, float>(values);
        Span<double> sums = stackalloc double[Lanes];
        var count = scores.Length;
        for (var start = 0; start < count; start += Lanes)
        {
            var group = Math.Min(Lanes, count - start);

            // Feature-major copy of the group's rows; missing lanes of the last group repeat its first row.
            for (var lane = 0; lane < Lanes; lane++)
            {
                var row = rows.Slice((start + (lane < group ? lane : 0)) * width, width);
                for (var f = 0; f < width; f++)
                {
                    lanes[(f * Lanes) + lane] = row[f];
                }
            }

            Score(values, masks, sums);
            sums[..group].CopyTo(scores.Slice(start, group));
        }
    }

    private void Score(Span<Vector256<float>> values, Span<Vector256<uint>> masks, Span<double> sums)
    {
        masks.Fill(Vector256<uint>.AllBitsSet);
        ref var mask0 = ref MemoryMarshal.GetReference(masks);
        ref var node0 = ref MemoryMarshal.GetArrayDataReference(_nodes);
        var featureStart = _featureStart;
        var width = values.Length / 2;
        for (var f = 0; f < width; f++)
        {
            var x0 = values[2 * f];
            var x1 = values[(2 * f) + 1];
            int from = featureStart[f], to = featureStart[f + 1];
            var missing0 = ~Vector256.Equals(x0, x0).AsUInt32();
            var missing1 = ~Vector256.Equals(x1, x1).AsUInt32();
            if ((missing0 | missing1) == Vector256<uint>.Zero)
            {
                // Thresholds ascend: once no lane exceeds one, no lane exceeds any later one.
                for (var i = from; i < to; i++)
                {
                    ref readonly var node = ref Unsafe.Add(ref node0, i);
                    var threshold = Vector256.Create(node.Threshold);
                    var right0 = Vector256.GreaterThan(x0, threshold).AsUInt32();
                    var right1 = Vector256.GreaterThan(x1, threshold).AsUInt32();
                    if ((right0 | right1) == Vector256<uint>.Zero)
                    {
                        break;
                    }

                    var clear = Vector256.Create(node.Clear);
                    ref var mask = ref Unsafe.Add(ref mask0, 2 * node.Tree);
                    mask = Vector256.AndNot(mask, right0 & clear);
                    Unsafe.Add(ref mask, 1) = Vector256.AndNot(Unsafe.Add(ref mask, 1), right1 & clear);
                }
            }
            else
            {
                // A missing value fails every comparison and goes where each node learned to send it: every node
                // of the feature must be seen.
                for (var i = from; i < to; i++)
                {
                    ref readonly var node = ref Unsafe.Add(ref node0, i);
                    var threshold = Vector256.Create(node.Threshold);
                    var missingRight = Vector256.Create((uint)node.MissingRight);
                    var right0 = Vector256.GreaterThan(x0, threshold).AsUInt32() | (missing0 & missingRight);
                    var right1 = Vector256.GreaterThan(x1, threshold).AsUInt32() | (missing1 & missingRight);
                    var clear = Vector256.Create(node.Clear);
                    ref var mask = ref Unsafe.Add(ref mask0, 2 * node.Tree);
                    mask = Vector256.AndNot(mask, right0 & clear);
                    Unsafe.Add(ref mask, 1) = Vector256.AndNot(Unsafe.Add(ref mask, 1), right1 & clear);
                }
            }
        }

        // Exit leaf = lowest set bit. Isolate it and read its position from the exponent of its float value (exact
        // for a single bit; bit 31 converts to −2^31, whose exponent field is still 127 + 31).
        var bias = Vector256.Create(_bias);
        Vector256<double> s0 = bias, s1 = bias, s2 = bias, s3 = bias;
        unsafe
        {
            fixed (double* leaves = _leaves)
            {
                for (var t = 0; t < _treeCount; t++)
                {
                    var offset = Vector256.Create((t * MaxLeaves) - 127);
                    var index0 = LeafIndex(Unsafe.Add(ref mask0, 2 * t).AsInt32(), offset);
                    var index1 = LeafIndex(Unsafe.Add(ref mask0, (2 * t) + 1).AsInt32(), offset);

                    // In range: positions are below 32 and t below the tree count. Lanes add in tree order, as the walk does.
                    s0 += Avx2.GatherVector256(leaves, index0.GetLower(), 8);
                    s1 += Avx2.GatherVector256(leaves, index0.GetUpper(), 8);
                    s2 += Avx2.GatherVector256(leaves, index1.GetLower(), 8);
                    s3 += Avx2.GatherVector256(leaves, index1.GetUpper(), 8);
                }
            }
        }

        s0.CopyTo(sums);
        s1.CopyTo(sums[4..]);
        s2.CopyTo(sums[8..]);
        s3.CopyTo(sums[12..]);
    }

    // t * MaxLeaves + the position of the lowest set bit of each lane; `offset` is t * MaxLeaves − 127 (the exponent bias).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> LeafIndex(Vector256<int> mask, Vector256<int> offset)
    {
        var lowest = mask & (Vector256<int>.Zero - mask);
        var exponent = (Vector256.ConvertToSingle(lowest).AsInt32() >>> 23) & Vector256.Create(0xFF);
        return exponent + offset;
    }

    /// <summary>One internal node in the feature-major layout: 16 bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct Node(float threshold, int tree, uint clear, int missingRight)
    {
        /// <summary>Rows with a value above this go right.</summary>
        public readonly float Threshold = threshold;

        /// <summary>The tree the node belongs to.</summary>
        public readonly int Tree = tree;

        /// <summary>The leaves (in-order bits) of the node's left subtree: unreachable for a row that goes right.</summary>
        public readonly uint Clear = clear;

        /// <summary>All ones when a missing value goes right at this node, else zero.</summary>
        public readonly int MissingRight = missingRight;
    }
}
