using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SpinDetect.Model;

/// <summary>
/// A trained additive ensemble of binary regression trees in flattened arrays: the raw score of a row is
/// <see cref="Bias"/> plus the leaf value each tree routes the row to. Immutable and thread-safe.
/// </summary>
internal sealed class TreeEnsemble
{
    private readonly TreeNode[] _nodes;
    private readonly double[] _leaves;
    private readonly int[] _roots;

    // The bitvector form used for batches, when the trees are small enough and the hardware has AVX2.
    private readonly QuickScorer? _quick;

    /// <summary>Builds an ensemble, checking that every index is in range and every path terminates.</summary>
    /// <param name="featureCount">Number of input features a row must have.</param>
    /// <param name="bias">Constant added to every raw score.</param>
    /// <param name="nodes">Internal nodes of all trees; children of node i are either leaves or nodes after i.</param>
    /// <param name="leaves">Leaf values of all trees.</param>
    /// <param name="roots">Root of each tree: a node index, or <c>~leaf</c> for a single-leaf tree.</param>
    internal TreeEnsemble(int featureCount, double bias, TreeNode[] nodes, double[] leaves, int[] roots)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(leaves);
        ArgumentNullException.ThrowIfNull(roots);
        if (featureCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(featureCount), featureCount, "Feature count must be non-negative.");
        }

        if (!double.IsFinite(bias))
        {
            throw new ArgumentException("Bias must be finite.", nameof(bias));
        }

        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            if (node.Feature >= featureCount)
            {
                throw new ArgumentException($"Node {i} tests feature {node.Feature}, but there are only {featureCount} features.", nameof(nodes));
            }

            if (float.IsNaN(node.Threshold))
            {
                throw new ArgumentException($"Node {i} has a NaN threshold.", nameof(nodes));
            }

            CheckChild(i, node.Left, nodes.Length, leaves.Length);
            CheckChild(i, node.Right, nodes.Length, leaves.Length);
        }

        foreach (var leaf in leaves)
        {
            if (!double.IsFinite(leaf))
            {
                throw new ArgumentException("Leaf values must be finite.", nameof(leaves));
            }
        }

        foreach (var root in roots)
        {
            if (root >= nodes.Length || (root < 0 && ~root >= leaves.Length))
            {
                throw new ArgumentException($"Tree root {root} is out of range.", nameof(roots));
            }
        }

        FeatureCount = featureCount;
        Bias = bias;
        _nodes = nodes;
        _leaves = leaves;
        _roots = roots;
        _quick = QuickScorer.IsSupported ? QuickScorer.TryBuild(featureCount, bias, nodes, leaves, roots) : null;
    }

    /// <summary>Number of features a row must have.</summary>
    internal int FeatureCount { get; }

    /// <summary>Constant term of the raw score.</summary>
    internal double Bias { get; }

    /// <summary>Number of trees.</summary>
    internal int TreeCount => _roots.Length;

    /// <summary>Internal nodes of all trees.</summary>
    internal ReadOnlySpan<TreeNode> Nodes => _nodes;

    /// <summary>Leaf values of all trees.</summary>
    internal ReadOnlySpan<double> Leaves => _leaves;

    /// <summary>Root of each tree (node index, or <c>~leaf</c>).</summary>
    internal ReadOnlySpan<int> Roots => _roots;

    /// <summary>Raw (uncalibrated, log-odds scale) score of one row. Allocation-free.</summary>
    /// <param name="features">The row; NaN means missing.</param>
    internal double PredictRaw(ReadOnlySpan<float> features)
    {
        if (features.Length != FeatureCount)
        {
            ThrowWrongLength(features.Length);
        }

        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var leaves = ref MemoryMarshal.GetArrayDataReference(_leaves);
        ref var feature0 = ref MemoryMarshal.GetReference(features);
        var roots = _roots;
        var sum = Bias;
        var t = 0;

        // Four trees walked side by side: each step of a walk waits on the previous load, so interleaving
        // independent walks keeps the core busy (about 3× faster than one tree at a time). Indices were validated
        // at construction, so unchecked access is safe here.
        for (; t + 4 <= roots.Length; t += 4)
        {
            int a = roots[t], b = roots[t + 1], c = roots[t + 2], d = roots[t + 3];
            while ((a & b & c & d) >= 0)
            {
                a = StepOrStay(ref nodes, ref feature0, a);
                b = StepOrStay(ref nodes, ref feature0, b);
                c = StepOrStay(ref nodes, ref feature0, c);
                d = StepOrStay(ref nodes, ref feature0, d);
            }

            // Added one by one, in tree order, so the sum is bit-identical to the trainer's running scores.
            sum += Unsafe.Add(ref leaves, ~a);
            sum += Unsafe.Add(ref leaves, ~b);
            sum += Unsafe.Add(ref leaves, ~c);
            sum += Unsafe.Add(ref leaves, ~d);
        }

        for (; t < roots.Length; t++)
        {
            sum += Unsafe.Add(ref leaves, ~Walk(ref nodes, ref feature0, roots[t]));
        }

        return sum;
    }

    /// <summary>
    /// Raw scores of <paramref name="scores"/>.Length rows stored one after another in <paramref name="rows"/>;
    /// each score is bit-identical to <see cref="PredictRaw(ReadOnlySpan{float})"/> of its row. Allocation-free.
    /// </summary>
    /// <remarks>
    /// With AVX2 and trees of at most 32 leaves, <see cref="QuickScorer"/> scores eight rows at once from a
    /// feature-major bitvector layout (4–6× faster than the walks below on the token model). Otherwise
    /// tree-major: every tree is applied to all rows before the next, so the tree's nodes stay in the L1 cache
    /// while the rows stream past, and four rows are walked side by side to overlap the dependent loads. Each row's
    /// sum still adds the leaves in tree order, which keeps the result identical to the one-row path.
    /// </remarks>
    internal void PredictRaw(ReadOnlySpan<float> rows, Span<double> scores)
    {
        var width = FeatureCount;
        var count = scores.Length;
        if (rows.Length != (long)count * width)
        {
            ThrowWrongBatch(rows.Length, count);
        }

        if (_nodes.Length == 0)
        {
            scores.Fill(SumOfStumps());
            return;
        }

        if (_quick is not null)
        {
            _quick.PredictRaw(rows, width, scores);
            return;
        }

        scores.Fill(Bias);
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var leaves = ref MemoryMarshal.GetArrayDataReference(_leaves);
        ref var row0 = ref MemoryMarshal.GetReference(rows);
        ref var score0 = ref MemoryMarshal.GetReference(scores);
        var roots = _roots;
        for (var t = 0; t < roots.Length; t++)
        {
            var root = roots[t];
            if (root < 0)
            {
                var constant = Unsafe.Add(ref leaves, ~root);
                for (var r = 0; r < count; r++)
                {
                    Unsafe.Add(ref score0, r) += constant;
                }

                continue;
            }

            var i = 0;
            for (; i + 4 <= count; i += 4)
            {
                ref var f0 = ref Unsafe.Add(ref row0, i * width);
                ref var f1 = ref Unsafe.Add(ref f0, width);
                ref var f2 = ref Unsafe.Add(ref f1, width);
                ref var f3 = ref Unsafe.Add(ref f2, width);
                int a = root, b = root, c = root, d = root;
                while ((a & b & c & d) >= 0)
                {
                    a = Step(ref nodes, ref f0, a);
                    b = Step(ref nodes, ref f1, b);
                    c = Step(ref nodes, ref f2, c);
                    d = Step(ref nodes, ref f3, d);
                }

                Unsafe.Add(ref score0, i) += Unsafe.Add(ref leaves, ~a);
                Unsafe.Add(ref score0, i + 1) += Unsafe.Add(ref leaves, ~b);
                Unsafe.Add(ref score0, i + 2) += Unsafe.Add(ref leaves, ~c);
                Unsafe.Add(ref score0, i + 3) += Unsafe.Add(ref leaves, ~d);
            }

            for (; i < count; i++)
            {
                Unsafe.Add(ref score0, i) += Unsafe.Add(ref leaves, ~Walk(ref nodes, ref Unsafe.Add(ref row0, i * width), root));
            }
        }
    }

    /// <summary>
    /// The score when every tree is a single leaf. The batch path's branch-free walks read node 0 for finished
    /// walks, so they need at least one node; this covers the ensembles without any.
    /// </summary>
    private double SumOfStumps()
    {
        var sum = Bias;
        foreach (var root in _roots)
        {
            sum += _leaves[~root];
        }

        return sum;
    }

    // One step, or none once the walk has reached a leaf, with branches: in the one-row path the four walks are of
    // different trees, and this measured 2–3× faster there than the branch-free step the batch path uses.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int StepOrStay(ref TreeNode nodes, ref float features, int index)
    {
        if (index < 0)
        {
            return index;
        }

        ref readonly var node = ref Unsafe.Add(ref nodes, index);
        return node.Next(Unsafe.Add(ref features, node.Feature));
    }

    // One step, or none once the walk has reached a leaf (negative index).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(ref TreeNode nodes, ref float features, int index)
    {
        // Branch-free: a finished walk reads node 0 and keeps its leaf. Walks of different rows end at different
        // depths, so a branch here would mispredict on most steps.
        var done = index >> 31;
        ref readonly var node = ref Unsafe.Add(ref nodes, index & ~done);
        var next = node.NextWithoutBranch(Unsafe.Add(ref features, node.Feature));
        return (index & done) | (next & ~done);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Walk(ref TreeNode nodes, ref float features, int index)
    {
        while (index >= 0)
        {
            ref readonly var node = ref Unsafe.Add(ref nodes, index);
            index = node.Next(Unsafe.Add(ref features, node.Feature));
        }

        return index;
    }

    /// <summary>Index (into <see cref="Leaves"/>) of the leaf that tree <paramref name="tree"/> routes a row to.</summary>
    internal int LeafOf(int tree, ReadOnlySpan<float> features)
    {
        var index = _roots[tree];
        while (index >= 0)
        {
            var node = _nodes[index];
            index = node.Next(features[node.Feature]);
        }

        return ~index;
    }

    private static void CheckChild(int parent, int child, int nodeCount, int leafCount)
    {
        var valid = child >= 0 ? child > parent && child < nodeCount : ~child < leafCount;
        if (!valid)
        {
            throw new ArgumentException($"Node {parent} has an invalid child {child}.", "nodes");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowWrongBatch(int values, int rows) =>
        throw new ArgumentException($"{values} values do not make {rows} rows of the {FeatureCount} features the model expects.", "rows");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowWrongLength(int length) =>
        throw new ArgumentException($"The row has {length} features; the model expects {FeatureCount}.", "features");
}
