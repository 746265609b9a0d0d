using SpinDetect.Model;

namespace SpinDetect.Tests.Model;

public sealed class TreeEnsembleTests
{
    [Theory]
    [InlineData(0.2f, 9f, 0.1 - 1 + 0.25)]
    [InlineData(0.5f, 9f, 0.1 - 1 + 0.25)]
    [InlineData(0.7f, 3f, 0.1 + 0.5 + 0.25)]
    [InlineData(0.7f, 4f, 0.1 + 2 + 0.25)]
    [InlineData(float.NaN, 4f, 0.1 - 1 + 0.25)]
    [InlineData(0.7f, float.NaN, 0.1 + 2 + 0.25)]
    public void Rows_follow_thresholds_and_learned_missing_directions(float ratio, float count, double expected)
    {
        var raw = Fixtures.Ensemble().PredictRaw([123f, ratio, count]);

        Assert.Equal(expected, raw, 12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(17)]
    public void Scoring_rows_in_a_batch_is_bit_identical_to_scoring_them_one_by_one(int rows)
    {
        var ensemble = Fixtures.Ensemble();
        var random = new Random(rows);
        var matrix = new float[rows * 3];
        for (var i = 0; i < matrix.Length; i++)
        {
            matrix[i] = random.Next(10) == 0 ? float.NaN : (float)(random.NextDouble() * 6);
        }

        var scores = new double[rows];
        ensemble.PredictRaw(matrix, scores);

        for (var r = 0; r < rows; r++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(ensemble.PredictRaw(matrix.AsSpan(r * 3, 3))), BitConverter.DoubleToInt64Bits(scores[r]));
        }
    }

    [Theory]
    [InlineData(8, 1, 64)]
    [InlineData(32, 2, 131)]
    [InlineData(32, 3, 7)]
    [InlineData(40, 4, 70)] // more leaves than the bitvector form holds: the trees are walked
    public void Random_ensembles_score_batches_bit_identically_to_one_row_at_a_time(int maxLeaves, int seed, int rows)
    {
        const int Features = 6;
        var random = new Random(seed);
        var nodes = new List<TreeNode>();
        var leaves = new List<double>();
        var roots = new int[37];
        for (var t = 0; t < roots.Length; t++)
        {
            roots[t] = t == 5 ? ~Leaf(leaves, random) : Grow(nodes, leaves, random, random.Next(1, maxLeaves + 1), Features);
        }

        var ensemble = new TreeEnsemble(Features, 0.3, [.. nodes], [.. leaves], roots);
        var matrix = new float[rows * Features];
        for (var i = 0; i < matrix.Length; i++)
        {
            // Values on the (coarse) threshold grid test ties; NaN and infinities test the edges.
            matrix[i] = random.Next(12) switch
            {
                0 => float.NaN,
                1 => float.PositiveInfinity,
                2 => float.NegativeInfinity,
                3 or 4 or 5 => random.Next(-4, 5) * 0.5f,
                _ => (float)((random.NextDouble() * 5) - 2.5),
            };
        }

        var scores = new double[rows];
        ensemble.PredictRaw(matrix, scores);

        for (var r = 0; r < rows; r++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(ensemble.PredictRaw(matrix.AsSpan(r * Features, Features))), BitConverter.DoubleToInt64Bits(scores[r]));
        }
    }

    // Grows a random tree with `leafCount` leaves, nodes in pre-order (children after parents), and returns its root.
    private static int Grow(List<TreeNode> nodes, List<double> leaves, Random random, int leafCount, int features)
    {
        if (leafCount == 1)
        {
            return ~Leaf(leaves, random);
        }

        var index = nodes.Count;
        nodes.Add(default);
        var left = random.Next(1, leafCount);
        var leftChild = Grow(nodes, leaves, random, left, features);
        var rightChild = Grow(nodes, leaves, random, leafCount - left, features);
        var threshold = random.Next(3) == 0 ? random.Next(-4, 5) * 0.5f : (float)((random.NextDouble() * 5) - 2.5);
        nodes[index] = new TreeNode(random.Next(features), threshold, random.Next(2) == 0, leftChild, rightChild);
        return index;
    }

    private static int Leaf(List<double> leaves, Random random)
    {
        leaves.Add((random.NextDouble() * 2) - 1);
        return leaves.Count - 1;
    }

    [Fact]
    public void An_ensemble_of_single_leaf_trees_scores_its_leaves_one_by_one_and_in_batches()
    {
        var stumps = new TreeEnsemble(0, 0.5, [], [1, -0.25], [~0, ~1]);
        var scores = new double[3];

        stumps.PredictRaw([], scores);

        Assert.Equal(1.25, stumps.PredictRaw([]), 12);
        Assert.All(scores, s => Assert.Equal(1.25, s, 12));
    }

    [Fact]
    public void A_batch_whose_length_is_not_a_whole_number_of_rows_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Fixtures.Ensemble().PredictRaw(new float[7], new double[2]));
    }

    [Fact]
    public void A_row_of_the_wrong_width_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Fixtures.Ensemble().PredictRaw([1f, 2f]));
        Assert.Contains("expects 3", error.Message);
    }

    [Fact]
    public void Leaf_lookup_matches_prediction()
    {
        var ensemble = Fixtures.Ensemble();

        Assert.Equal(2, ensemble.LeafOf(0, [0f, 0.7f, 4f]));
        Assert.Equal(3, ensemble.LeafOf(1, [0f, 0.7f, 4f]));
    }

    [Fact]
    public void Invalid_structures_are_rejected_at_construction()
    {
        // A child pointing backwards could loop forever.
        Assert.Throws<ArgumentException>(() => new TreeEnsemble(1, 0, [new TreeNode(0, 1f, false, 0, ~0)], [1], [0]));
        Assert.Throws<ArgumentException>(() => new TreeEnsemble(1, 0, [new TreeNode(3, 1f, false, ~0, ~0)], [1], [0]));
        Assert.Throws<ArgumentException>(() => new TreeEnsemble(1, 0, [new TreeNode(0, float.NaN, false, ~0, ~0)], [1], [0]));
        Assert.Throws<ArgumentException>(() => new TreeEnsemble(1, 0, [], [double.PositiveInfinity], [~0]));
        Assert.Throws<ArgumentException>(() => new TreeEnsemble(1, 0, [], [1], [~1]));
    }

    [Fact]
    public void Platt_calibration_is_a_sigmoid_of_the_scaled_score()
    {
        var calibrator = new PlattCalibrator(2, -1);

        Assert.Equal(0.5, calibrator.Probability(0.5), 12);
        Assert.Equal(1 / (1 + Math.Exp(-3)), calibrator.Probability(2), 12);
        Assert.Equal(0, PlattCalibrator.Identity.Probability(-1000), 12);
        Assert.Equal(1, PlattCalibrator.Identity.Probability(1000), 12);
    }

    [Fact]
    public void The_schema_hash_depends_on_names_and_their_order()
    {
        var schema = Fixtures.Schema();

        Assert.Equal(64, schema.Hash.Length);
        Assert.Equal(schema.Hash, new FeatureSchema("other-name", 9, Fixtures.FeatureNames).Hash);
        Assert.NotEqual(schema.Hash, new FeatureSchema("test-schema", 1, ["ratio", "length", "count"]).Hash);
        Assert.Null(schema.DescribeDifference(Fixtures.Schema()));
        Assert.Throws<ArgumentException>(() => new FeatureSchema("s", 1, ["a", "a"]));
    }
}
