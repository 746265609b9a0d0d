using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SpinDetect.Model;

namespace SpinDetect.Training.Boosting;

/// <summary>
/// Grows one regression tree on gradient statistics, FastTree-style: byte histograms per feature, best-first
/// (leaf-wise) growth, gain S_L²/W_L + S_R²/W_R − S²/W on gradient sums S and weight sums W, the smaller child's
/// histogram built from its rows and the larger one's by subtraction from the parent. Buffers are allocated once
/// and reused for every tree.
/// </summary>
/// <remarks>
/// Every row carries one 32-byte statistic (weighted negative gradient, weighted hessian, weight, 1), so a
/// histogram bin update is a single vector add that also counts rows and sums weights.
/// </remarks>
internal sealed class TreeGrower
{
    /// <summary>Lane of the weighted negative gradient in a row statistic.</summary>
    internal const int GradientLane = 0;

    /// <summary>Lane of the weighted hessian.</summary>
    internal const int HessianLane = 1;

    /// <summary>Lane of the row weight.</summary>
    internal const int WeightLane = 2;

    /// <summary>Lane that is 1 for every row (sums to the row count).</summary>
    internal const int CountLane = 3;

    private const int Stride = 256;
    private const int GroupWidth = 4;

    // Histogram sums are floats (≈ 6e-8 relative error each), and a split's gain is a difference of squares of them:
    // on a leaf whose rows all carry the same gradient a split "gains" about 1e-7 of the leaf's score from rounding
    // alone. Gains within this share of the leaf's score are not splits.
    private const double GainNoiseFloor = 1e-6;

    // Leaves with at least this many rows are partitioned by all threads.
    private const int ParallelPartitionRows = 32_768;

    private readonly BinnedMatrix _data;
    private readonly int _maximumLeaves;
    private readonly int _minimumLeafCount;
    private readonly bool _learnMissing;
    private readonly ParallelOptions _parallel;
    private readonly int _threads;
    private readonly int[] _rows;
    private readonly int[] _scratch;
    private readonly int[] _scratchRight;
    private readonly int[] _chunkLefts;
    private readonly Vector128<float>[] _ordered;
    private readonly Vector128<float>[]?[] _histograms;
    private readonly Leaf[] _leaves;
    private readonly List<TreeNode> _nodes = [];
    private readonly List<int> _nodeBins = [];
    private readonly List<double> _nodeGains = [];
    private int[] _activeFeatures = [];
    private Vector128<float>[] _stats = [];
    private SplitCandidate[] _blockBest = [];
    private int _leafCount;
    private readonly double _l2;
    private readonly double _minimumHessian;

    internal TreeGrower(
        BinnedMatrix data, int maximumLeaves, int minimumLeafCount, bool learnMissing, int threads, double l2 = 0, double minimumHessian = 0)
    {
        _l2 = l2;
        _minimumHessian = minimumHessian;
        _data = data;
        _maximumLeaves = maximumLeaves;
        _minimumLeafCount = minimumLeafCount;
        _learnMissing = learnMissing;
        _threads = threads;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        _rows = new int[data.RowCount];
        _scratch = new int[data.RowCount];
        _scratchRight = new int[data.RowCount];
        _chunkLefts = new int[Math.Max(1, threads)];
        _ordered = new Vector128<float>[data.RowCount];
        _histograms = new Vector128<float>[maximumLeaves][];
        _leaves = new Leaf[maximumLeaves];
    }

    /// <summary>Nodes of the last grown tree (local indices; node 0 is the root when there is any).</summary>
    internal IReadOnlyList<TreeNode> Nodes => _nodes;

    /// <summary>Split gain of each node of the last tree.</summary>
    internal IReadOnlyList<double> NodeGains => _nodeGains;

    /// <summary>Number of leaves of the last tree.</summary>
    internal int LeafCount => _leafCount;

    /// <summary>Grows a tree on the given rows (ascending), splitting only on the active features (ascending).</summary>
    /// <param name="stats">Per row: weighted negative gradient, weighted hessian, weight, 1.</param>
    /// <param name="rows">The rows to grow on.</param>
    /// <param name="activeFeatures">The features splits may use.</param>
    internal void Grow(Vector128<float>[] stats, ReadOnlySpan<int> rows, int[] activeFeatures)
    {
        _stats = stats;
        _activeFeatures = activeFeatures;
        _nodes.Clear();
        _nodeBins.Clear();
        _nodeGains.Clear();
        rows.CopyTo(_rows);

        var total = Vector128<float>.Zero;
        foreach (var r in rows)
        {
            total += stats[r];
        }

        _leaves[0] = new Leaf { Begin = 0, Count = rows.Length, Total = total, Parent = -1 };
        _leafCount = 1;
        if (CanSplit(0))
        {
            var histogram = _histograms[0] ??= new Vector128<float>[_data.FeatureCount * Stride];
            BuildAndSearch(0, histogram, null, -1, searchLeaf: true, searchSibling: false);
        }
        else
        {
            _leaves[0].Best.Gain = double.NegativeInfinity;
        }

        while (_leafCount < _maximumLeaves)
        {
            var best = -1;
            var bestGain = 0.0;
            for (var l = 0; l < _leafCount; l++)
            {
                if (_leaves[l].Best.Gain > bestGain)
                {
                    best = l;
                    bestGain = _leaves[l].Best.Gain;
                }
            }

            if (best < 0)
            {
                break;
            }

            Split(best);
        }
    }

    /// <summary>Newton leaf values Σg/Σh of the last tree, clipped to ±<paramref name="clip"/>, times <paramref name="scale"/>.</summary>
    /// <remarks>
    /// The sums are taken again over the leaf's rows in double precision. The split search works on float
    /// histograms, and a small leaf's totals there come from subtracting large sums (parent minus sibling, down the
    /// tree): on a million rows the hessian sum of a leaf can lose most of its digits, and a Newton step divided by
    /// that remainder becomes a huge leaf value that later rows of an unusual kind run into.
    /// </remarks>
    internal void LeafValues(Span<double> values, double clip, double scale)
    {
        for (var l = 0; l < _leafCount; l++)
        {
            double g = 0, h = 0;
            foreach (var r in RowsOf(l))
            {
                var s = _stats[r];
                g += s.GetElement(GradientLane);
                h += s.GetElement(HessianLane);
            }

            var step = h + _l2 > 0 ? g / (h + _l2) : 0;
            values[l] = Math.Clamp(step, -clip, clip) * scale;
        }
    }

    /// <summary>The training rows that fell into a leaf of the last tree.</summary>
    internal ReadOnlySpan<int> RowsOf(int leaf) => _rows.AsSpan(_leaves[leaf].Begin, _leaves[leaf].Count);

    /// <summary>The leaf of the last tree a training row goes to, routed by its bins (for rows left out by bagging).</summary>
    internal int LeafOfRow(int row)
    {
        if (_nodes.Count == 0)
        {
            return 0;
        }

        var index = 0;
        while (index >= 0)
        {
            var node = _nodes[index];
            var bin = _data.Column(node.Feature)[row];
            var left = bin == BinnedMatrix.MissingBin ? node.MissingGoesLeft : bin <= _nodeBins[index];
            index = left ? node.Left : node.Right;
        }

        return ~index;
    }

    private bool CanSplit(int leaf) => _leaves[leaf].Count >= 2 * _minimumLeafCount;

    private void Split(int parent)
    {
        ref var leaf = ref _leaves[parent];
        var split = leaf.Best;
        var right = _leafCount++;
        var nodeIndex = _nodes.Count;
        var threshold = _data.UpperBound(split.Feature, split.Bin);
        _nodes.Add(new TreeNode(split.Feature, threshold, split.MissingLeft, ~parent, ~right));
        _nodeBins.Add(split.Bin);
        _nodeGains.Add(split.Gain);
        if (leaf.Parent >= 0)
        {
            var p = _nodes[leaf.Parent];
            _nodes[leaf.Parent] = leaf.ParentLeft
                ? new TreeNode(p.Feature, p.Threshold, p.MissingGoesLeft, nodeIndex, p.Right)
                : new TreeNode(p.Feature, p.Threshold, p.MissingGoesLeft, p.Left, nodeIndex);
        }

        var leftCount = Partition(leaf.Begin, leaf.Count, split);
        var whole = leaf;
        leaf = new Leaf { Begin = whole.Begin, Count = leftCount, Total = split.Left, Parent = nodeIndex, ParentLeft = true };
        _leaves[right] = new Leaf
        {
            Begin = whole.Begin + leftCount, Count = whole.Count - leftCount, Total = whole.Total - split.Left,
            Parent = nodeIndex, ParentLeft = false,
        };

        var leftSplits = CanSplit(parent);
        var rightSplits = CanSplit(right);
        if (leftSplits || rightSplits)
        {
            // The parent's histogram sits in the parent's slot; build the smaller child into a spare buffer and
            // turn the parent's into the larger child's by subtraction.
            var smaller = _leaves[parent].Count <= _leaves[right].Count ? parent : right;
            var larger = smaller == parent ? right : parent;
            var parentHistogram = _histograms[parent]!;
            var spare = _histograms[right] ??= new Vector128<float>[_data.FeatureCount * Stride];
            var largerSplits = larger == parent ? leftSplits : rightSplits;
            var smallerSplits = smaller == parent ? leftSplits : rightSplits;
            BuildAndSearch(smaller, spare, largerSplits ? parentHistogram : null, larger, smallerSplits, largerSplits);
            _histograms[smaller] = spare;
            _histograms[larger] = parentHistogram;
        }

        if (!leftSplits)
        {
            _leaves[parent].Best.Gain = double.NegativeInfinity;
        }

        if (!rightSplits)
        {
            _leaves[right].Best.Gain = double.NegativeInfinity;
        }
    }

    // Stable partition of a leaf's rows: left rows keep their order, right rows follow in order. A large leaf is
    // cut into one contiguous chunk per thread, each chunk partitioned on its own into scratch, and the pieces
    // copied back left pieces first: the same order as one serial pass.
    private int Partition(int begin, int count, SplitCandidate split)
    {
        var chunks = count < ParallelPartitionRows ? 1 : _threads;
        if (chunks == 1)
        {
            // In place: a left row is written at or before the position it was read from.
            var left = PartitionChunk(begin, count, split, _rows.AsSpan(begin, count), _scratchRight.AsSpan(begin, count));
            _scratchRight.AsSpan(begin, count - left).CopyTo(_rows.AsSpan(begin + left));
            return left;
        }

        var lefts = _chunkLefts;
        Parallel.For(0, chunks, _parallel, c =>
        {
            var from = begin + (int)((long)count * c / chunks);
            var to = begin + (int)((long)count * (c + 1) / chunks);
            lefts[c] = PartitionChunk(from, to - from, split, _scratch.AsSpan(from, to - from), _scratchRight.AsSpan(from, to - from));
        });

        var totalLeft = 0;
        for (var c = 0; c < chunks; c++)
        {
            totalLeft += lefts[c];
        }

        int leftAt = begin, rightAt = begin + totalLeft;
        for (var c = 0; c < chunks; c++)
        {
            var from = begin + (int)((long)count * c / chunks);
            var to = begin + (int)((long)count * (c + 1) / chunks);
            _scratch.AsSpan(from, lefts[c]).CopyTo(_rows.AsSpan(leftAt));
            _scratchRight.AsSpan(from, to - from - lefts[c]).CopyTo(_rows.AsSpan(rightAt));
            leftAt += lefts[c];
            rightAt += to - from - lefts[c];
        }

        return totalLeft;
    }

    // Each row is written to both sides and only one cursor moves, so the loop has no branch to mispredict (a split
    // sends rows either way at random, as far as the predictor can tell).
    private int PartitionChunk(int begin, int count, SplitCandidate split, Span<int> lefts, Span<int> rights)
    {
        ref var column = ref MemoryMarshal.GetReference(_data.Column(split.Feature));
        ref var row = ref _rows[begin];
        ref var left = ref MemoryMarshal.GetReference(lefts);
        ref var right = ref MemoryMarshal.GetReference(rights);
        var bin = split.Bin;
        // Missing rows have bin 255, above every value bin, so "b ≤ bin" already sends them right.
        var missingLeft = split.MissingLeft ? 1 : 0;
        int l = 0, r = 0;
        for (var i = 0; i < count; i++)
        {
            var index = Unsafe.Add(ref row, i);
            int b = Unsafe.Add(ref column, index);
            var goesLeft = (b <= bin ? 1 : 0) | ((b == BinnedMatrix.MissingBin ? 1 : 0) & missingLeft);
            Unsafe.Add(ref left, l) = index;
            Unsafe.Add(ref right, r) = index;
            l += goesLeft;
            r += 1 - goesLeft;
        }

        return l;
    }

    // Builds the histogram of a leaf from its rows and searches its best split; with a parent histogram, also turns
    // that into the sibling's histogram (parent − leaf) and searches the sibling. All three steps run per block of
    // features in one parallel pass (blocks of equal feature counts, one per thread), each block's best split kept
    // apart and the blocks' bests compared in feature order afterwards: every feature's histogram is summed by one
    // thread in row order and the choice is the serial scan's, so the tree does not depend on the thread count.
    private void BuildAndSearch(int leafIndex, Vector128<float>[] histogram, Vector128<float>[]? parent, int sibling, bool searchLeaf, bool searchSibling)
    {
        var leaf = _leaves[leafIndex];
        // The root of an unbagged tree holds every row in order: read statistics and bins directly. Otherwise
        // gather the leaf's statistics once so the per-feature passes read them sequentially.
        var direct = leaf.Count == _data.RowCount;
        if (!direct)
        {
            var rows = _rows.AsSpan(leaf.Begin, leaf.Count);
            for (var i = 0; i < rows.Length; i++)
            {
                _ordered[i] = _stats[rows[i]];
            }
        }

        var features = _activeFeatures.Length;
        var blocks = (long)leaf.Count * features < 50_000 ? 1 : Math.Min(_threads, features);
        if (_blockBest.Length < 2 * blocks)
        {
            _blockBest = new SplitCandidate[2 * blocks];
        }

        var pass = new BlockPass(leafIndex, histogram, parent, sibling, direct, searchLeaf, searchSibling, blocks);
        if (blocks == 1)
        {
            ProcessBlock(pass, 0);
        }
        else
        {
            Parallel.For(0, blocks, _parallel, block => ProcessBlock(pass, block));
        }

        if (searchLeaf)
        {
            _leaves[leafIndex].Best = BestOfBlocks(0, blocks);
        }

        if (searchSibling)
        {
            _leaves[sibling].Best = BestOfBlocks(blocks, blocks);
        }
    }

    private void ProcessBlock(in BlockPass pass, int block)
    {
        var leaf = _leaves[pass.Leaf];
        var features = _activeFeatures.Length;
        var first = (int)((long)features * block / pass.Blocks);
        var last = (int)((long)features * (block + 1) / pass.Blocks);
        for (var k = first; k < last; k += GroupWidth)
        {
            BuildGroup(k, Math.Min(GroupWidth, last - k), leaf.Begin, leaf.Count, pass.Direct, pass.Histogram);
        }

        if (pass.Parent is not null)
        {
            Subtract(pass.Parent, pass.Histogram, first, last);
        }

        if (pass.SearchLeaf)
        {
            _blockBest[block] = FindBestSplit(pass.Leaf, pass.Histogram, first, last);
        }

        if (pass.SearchSibling)
        {
            _blockBest[pass.Blocks + block] = FindBestSplit(pass.Sibling, pass.Parent!, first, last);
        }
    }

    // The first of the blocks' best splits with the highest gain: the serial scan's choice, ties to the earlier feature.
    private SplitCandidate BestOfBlocks(int offset, int blocks)
    {
        var best = new SplitCandidate { Gain = double.NegativeInfinity };
        for (var k = 0; k < blocks; k++)
        {
            if (_blockBest[offset + k].Gain > best.Gain)
            {
                best = _blockBest[offset + k];
            }
        }

        return best;
    }

    // What one build-and-search pass does, shared by the threads that run its blocks.
    private readonly record struct BlockPass(
        int Leaf, Vector128<float>[] Histogram, Vector128<float>[]? Parent, int Sibling, bool Direct, bool SearchLeaf, bool SearchSibling, int Blocks);

    // Up to four features per pass over the rows: four independent histograms keep several read-modify-write
    // chains in flight instead of stalling on repeated bins of one feature.
    private void BuildGroup(int first, int width, int begin, int count, bool direct, Vector128<float>[] histogram)
    {
        var features = _activeFeatures;
        for (var k = 0; k < width; k++)
        {
            histogram.AsSpan(features[first + k] * Stride, Stride).Clear();
        }

        if (width < GroupWidth)
        {
            for (var k = 0; k < width; k++)
            {
                BuildOne(features[first + k], begin, count, direct, histogram);
            }

            return;
        }

        int f0 = features[first], f1 = features[first + 1], f2 = features[first + 2], f3 = features[first + 3];
        ref var h0 = ref histogram[f0 * Stride];
        ref var h1 = ref histogram[f1 * Stride];
        ref var h2 = ref histogram[f2 * Stride];
        ref var h3 = ref histogram[f3 * Stride];
        ref var c0 = ref MemoryMarshal.GetReference(_data.Column(f0));
        ref var c1 = ref MemoryMarshal.GetReference(_data.Column(f1));
        ref var c2 = ref MemoryMarshal.GetReference(_data.Column(f2));
        ref var c3 = ref MemoryMarshal.GetReference(_data.Column(f3));
        if (direct)
        {
            ref var stats = ref _stats[0];
            for (var i = 0; i < count; i++)
            {
                var s = Unsafe.Add(ref stats, i);
                Unsafe.Add(ref h0, Unsafe.Add(ref c0, i)) += s;
                Unsafe.Add(ref h1, Unsafe.Add(ref c1, i)) += s;
                Unsafe.Add(ref h2, Unsafe.Add(ref c2, i)) += s;
                Unsafe.Add(ref h3, Unsafe.Add(ref c3, i)) += s;
            }
        }
        else
        {
            ref var stats = ref _ordered[0];
            ref var rows = ref _rows[begin];
            for (var i = 0; i < count; i++)
            {
                var r = Unsafe.Add(ref rows, i);
                var s = Unsafe.Add(ref stats, i);
                Unsafe.Add(ref h0, Unsafe.Add(ref c0, r)) += s;
                Unsafe.Add(ref h1, Unsafe.Add(ref c1, r)) += s;
                Unsafe.Add(ref h2, Unsafe.Add(ref c2, r)) += s;
                Unsafe.Add(ref h3, Unsafe.Add(ref c3, r)) += s;
            }
        }
    }

    private void BuildOne(int feature, int begin, int count, bool direct, Vector128<float>[] histogram)
    {
        ref var h = ref histogram[feature * Stride];
        ref var c = ref MemoryMarshal.GetReference(_data.Column(feature));
        if (direct)
        {
            ref var stats = ref _stats[0];
            for (var i = 0; i < count; i++)
            {
                Unsafe.Add(ref h, Unsafe.Add(ref c, i)) += Unsafe.Add(ref stats, i);
            }
        }
        else
        {
            ref var stats = ref _ordered[0];
            ref var rows = ref _rows[begin];
            for (var i = 0; i < count; i++)
            {
                Unsafe.Add(ref h, Unsafe.Add(ref c, Unsafe.Add(ref rows, i))) += Unsafe.Add(ref stats, i);
            }
        }
    }

    private void Subtract(Vector128<float>[] parent, Vector128<float>[] child, int first, int last)
    {
        for (var k = first; k < last; k++)
        {
            var feature = _activeFeatures[k];
            var p = parent.AsSpan(feature * Stride, Stride);
            var c = child.AsSpan(feature * Stride, Stride);
            for (var b = 0; b < Stride; b++)
            {
                p[b] -= c[b];
            }
        }
    }

    // The best split of a leaf over the active features first … last − 1 (indices into the active list).
    private SplitCandidate FindBestSplit(int leafIndex, Vector128<float>[] histogram, int first, int last)
    {
        var leaf = _leaves[leafIndex];
        var best = new SplitCandidate { Gain = double.NegativeInfinity };
        double g = leaf.Total.GetElement(GradientLane);
        double w = leaf.Total.GetElement(WeightLane);
        double h = leaf.Total.GetElement(HessianLane);
        var regularised = _l2 > 0;
        var parentScore = regularised ? g * g / (h + _l2) : w > 0 ? g * g / w : 0;
        for (var k = first; k < last; k++)
        {
            var feature = _activeFeatures[k];
            var bins = histogram.AsSpan(feature * Stride, Stride);
            var missing = bins[BinnedMatrix.MissingBin];
            var hasMissing = missing.GetElement(CountLane) > 0;
            var binCount = _data.BinCount(feature);
            // Missing rows go right first (FastTree); a learned direction also tries them on the left.
            var directions = _learnMissing && hasMissing ? 2 : 1;
            for (var d = 0; d < directions; d++)
            {
                var missingLeft = d == 1;
                var left = missingLeft ? missing : Vector128<float>.Zero;
                // The last value bin is a candidate only when missing rows go right: "present vs missing".
                var lastBin = missingLeft || !hasMissing ? binCount - 1 : binCount;
                for (var b = 0; b < lastBin; b++)
                {
                    left += bins[b];
                    var leftCount = left.GetElement(CountLane);
                    if (leftCount < _minimumLeafCount)
                    {
                        continue;
                    }

                    if (leaf.Count - leftCount < _minimumLeafCount)
                    {
                        break;
                    }

                    var lw = left.GetElement(WeightLane);
                    var rw = w - lw;
                    if (lw <= 0 || rw <= 0)
                    {
                        continue;
                    }

                    var lh = left.GetElement(HessianLane);
                    // Off at 0: float histogram sums can dip just below zero for confidently predicted rows.
                    if (_minimumHessian > 0 && (lh < _minimumHessian || h - lh < _minimumHessian))
                    {
                        continue;
                    }

                    // In double: the float sums are exact enough, but a float difference of two large squares is not.
                    double lg = left.GetElement(GradientLane);
                    var rg = g - lg;
                    double gain;
                    if (regularised)
                    {
                        // XGBoost-style: hessian sums with the L2 penalty in every denominator.
                        gain = (lg * lg / (lh + _l2)) + (rg * rg / ((double)h - lh + _l2)) - parentScore;
                    }
                    else
                    {
                        gain = (lg * lg / lw) + (rg * rg / rw) - parentScore;
                    }
                    if (gain > best.Gain)
                    {
                        best = new SplitCandidate { Feature = feature, Bin = b, MissingLeft = missingLeft, Gain = gain, Left = left };
                    }
                }
            }
        }

        // Negated so that a NaN gain is no split either; a score below zero (float hessians under −λ) floors at 0.
        if (!(best.Gain > GainNoiseFloor * Math.Max(parentScore, 0)))
        {
            best.Gain = double.NegativeInfinity;
        }

        return best;
    }

    private struct SplitCandidate
    {
        public int Feature;
        public int Bin;
        public bool MissingLeft;
        public double Gain;
        public Vector128<float> Left;
    }

    private struct Leaf
    {
        public int Begin;
        public int Count;
        public Vector128<float> Total;
        public int Parent;
        public bool ParentLeft;
        public SplitCandidate Best;
    }
}
