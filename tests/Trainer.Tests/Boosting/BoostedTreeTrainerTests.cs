using SpinDetect.Model;
using SpinDetect.Training.Boosting;

namespace SpinDetect.Tests.Boosting;

public sealed class BoostedTreeTrainerTests
{
    private static readonly BoostedTreeOptions Small = new() { NumberOfTrees = 30, NumberOfThreads = 1 };

    [Fact]
    public void Learns_an_xor_interaction_that_no_single_feature_explains()
    {
        var model = new BoostedTreeTrainer(Small).Fit(Synthetic.Xor(2000, seed: 1));

        var metrics = model.Evaluate(Synthetic.Xor(1000, seed: 2));

        Assert.True(metrics.AreaUnderRocCurve > 0.97, $"AUC {metrics.AreaUnderRocCurve}");
        Assert.True(metrics.Accuracy > 0.9, $"accuracy {metrics.Accuracy}");
    }

    [Fact]
    public void Learns_a_threshold_and_places_the_root_split_near_it()
    {
        var train = Synthetic.Make(2000, 2, seed: 3, static x => x[0] > 0.3f);

        var model = new BoostedTreeTrainer(Small).Fit(train);

        var root = model.Ensemble.Nodes[model.Ensemble.Roots[0]];
        Assert.Equal(0, root.Feature);
        Assert.InRange(root.Threshold, 0.25f, 0.35f);
        Assert.True(model.PredictProbability([0.5f, 0f]) > 0.9);
        Assert.True(model.PredictProbability([0.1f, 0f]) < 0.1);
    }

    [Fact]
    public void An_l2_penalty_shrinks_leaf_values_and_still_learns_the_threshold()
    {
        var train = Synthetic.Make(2000, 2, seed: 3, static x => x[0] > 0.3f);
        var plain = new BoostedTreeTrainer(new BoostedTreeOptions { NumberOfTrees = 1, NumberOfThreads = 1 }).Fit(train);
        var penalised = new BoostedTreeTrainer(new BoostedTreeOptions { NumberOfTrees = 1, NumberOfThreads = 1, L2Regularization = 200 }).Fit(train);

        var plainLargest = plain.Ensemble.Leaves.ToArray().Max(Math.Abs);
        var penalisedLargest = penalised.Ensemble.Leaves.ToArray().Max(Math.Abs);
        Assert.True(penalisedLargest < plainLargest, $"{penalisedLargest} vs {plainLargest}");
        var root = penalised.Ensemble.Nodes[penalised.Ensemble.Roots[0]];
        Assert.Equal(0, root.Feature);
        Assert.InRange(root.Threshold, 0.25f, 0.35f);
    }

    [Fact]
    public void A_minimum_hessian_per_leaf_blocks_splits_whose_children_hold_too_little_curvature()
    {
        // At the first tree every row has hessian 1/4, so 2,000 rows hold 500 in all: a minimum above half of
        // that leaves no admissible split, one just under a tenth still allows the threshold split.
        var train = Synthetic.Make(2000, 2, seed: 3, static x => x[0] > 0.3f);
        var blocked = new BoostedTreeTrainer(new BoostedTreeOptions { NumberOfTrees = 1, NumberOfThreads = 1, MinimumHessianPerLeaf = 260 }).Fit(train);
        var allowed = new BoostedTreeTrainer(new BoostedTreeOptions { NumberOfTrees = 1, NumberOfThreads = 1, MinimumHessianPerLeaf = 40 }).Fit(train);

        Assert.Equal(0, blocked.Ensemble.Nodes.Length);
        var root = allowed.Ensemble.Nodes[allowed.Ensemble.Roots[0]];
        Assert.Equal(0, root.Feature);
        Assert.InRange(root.Threshold, 0.25f, 0.35f);
    }

    [Fact]
    public void Leaf_values_are_exact_newton_steps_over_the_rows_of_each_leaf_even_on_large_tables()
    {
        // First tree: every score is 0, so a row of weight w has g = w(y − ½) and h = w/4, and a leaf's value is
        // 0.2 · Σg / Σh. Float histograms lose digits on 300k weighted rows; the leaf values must not.
        var plain = Synthetic.Make(300_000, 3, seed: 9, static x => x[0] + (0.5f * x[1]) > 0.6f, noise: 0.2);
        var random = new Random(5);
        var weights = new float[plain.RowCount];
        for (var r = 0; r < weights.Length; r++)
        {
            weights[r] = (float)(0.1 + (random.NextDouble() * 3));
        }

        var train = new TabularData(plain.FeatureNames, plain.Features.ToArray(), plain.Labels.ToArray(), weights);
        var model = new BoostedTreeTrainer(new BoostedTreeOptions { NumberOfTrees = 1, NumberOfThreads = 2 }).Fit(train);

        var leaves = model.Ensemble.Leaves.Length;
        var gradient = new double[leaves];
        var hessian = new double[leaves];
        for (var r = 0; r < train.RowCount; r++)
        {
            var leaf = model.Ensemble.LeafOf(0, train.Row(r));
            gradient[leaf] += (float)(weights[r] * (train.Labels[r] - 0.5));
            hessian[leaf] += (float)(weights[r] * 0.25);
        }

        for (var leaf = 0; leaf < leaves; leaf++)
        {
            var expected = 0.2 * gradient[leaf] / hessian[leaf];
            Assert.True(Math.Abs(expected - model.Ensemble.Leaves[leaf]) <= 1e-9 * Math.Abs(expected), $"leaf {leaf}: {model.Ensemble.Leaves[leaf]:R} vs {expected:R}");
        }
    }

    [Fact]
    public void Handles_imbalanced_classes_with_and_without_class_balancing()
    {
        // About 3 % positives: a corner of the square.
        var train = Synthetic.Make(4000, 3, seed: 4, static x => x[0] > 0.75f && x[1] > 0.75f, noise: 0.002);
        var test = Synthetic.Make(2000, 3, seed: 5, static x => x[0] > 0.75f && x[1] > 0.75f, noise: 0.002);

        var plain = new BoostedTreeTrainer(Small).Fit(train);
        var balanced = new BoostedTreeTrainer(new BoostedTreeOptions { NumberOfTrees = 30, BalanceClasses = true }).Fit(train);

        Assert.True(plain.Evaluate(test).AreaUnderRocCurve > 0.9);
        Assert.True(balanced.Evaluate(test).AreaUnderRocCurve > 0.9);
    }

    [Fact]
    public void Balancing_classes_moves_uninformative_scores_towards_even_odds()
    {
        // Labels independent of the features, 10 % positive: the best raw score is the (weighted) prior log-odds.
        var random = new Random(18);
        var data = Synthetic.Make(3000, 2, seed: 19, _ => random.NextDouble() < 0.1);

        var plain = new BoostedTreeTrainer(Small).Fit(data);
        var balanced = new BoostedTreeTrainer(new BoostedTreeOptions { NumberOfTrees = 30, BalanceClasses = true }).Fit(data);

        Assert.InRange(MeanRaw(plain, data), -2.6, -1.8);
        Assert.True(MeanRaw(balanced, data) > MeanRaw(plain, data) + 1);
    }

    [Fact]
    public void Constant_features_are_never_split_on_and_an_all_constant_table_predicts_the_base_rate()
    {
        var random = new Random(6);
        const int rows = 500;
        var values = new float[rows * 2];
        var labels = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            values[2 * r] = 7f;
            values[(2 * r) + 1] = (float)random.NextDouble();
            labels[r] = values[(2 * r) + 1] > 0.5f ? 1 : 0;
        }

        var mixed = new BoostedTreeTrainer(Small).Fit(new TabularData(["constant", "signal"], values, labels));
        Assert.Equal(0, mixed.GainImportance[0]);
        Assert.True(mixed.GainImportance[1] > 0);

        var constantOnly = new float[rows];
        Array.Fill(constantOnly, 3f);
        var baseRate = labels.Average();
        var flat = new BoostedTreeTrainer(Small).Fit(new TabularData(["constant"], constantOnly, labels));
        Assert.Empty(flat.Ensemble.Nodes.ToArray());
        Assert.Equal(baseRate, flat.PredictProbability([3f]), 2);
    }

    [Fact]
    public void Rows_that_all_carry_one_label_give_no_splits_on_rounding_noise()
    {
        var oneClass = Synthetic.Make(200, 2, seed: 11, static _ => false);

        var model = new BoostedTreeTrainer(new BoostedTreeOptions { NumberOfTrees = 5, NumberOfThreads = 1 }).Fit(oneClass);

        Assert.Empty(model.Ensemble.Nodes.ToArray());
        Assert.All(model.GainImportance, gain => Assert.Equal(0, gain));
    }

    [Fact]
    public void A_split_always_separates_different_leaf_values()
    {
        var train = Synthetic.Make(5000, 2, seed: 12, static x => x[0] > 0.5f);

        var model = new BoostedTreeTrainer(new BoostedTreeOptions { NumberOfThreads = 1 }).Fit(train);

        // A split whose two children are leaves with one value changes no prediction: it was made on noise.
        var nodes = model.Ensemble.Nodes.ToArray();
        var leafValues = model.Ensemble.Leaves.ToArray();
        var noOps = nodes.Count(n => n.Left < 0 && n.Right < 0 && leafValues[~n.Left] == leafValues[~n.Right]);
        Assert.Equal(0, noOps);
    }

    [Fact]
    public void Rows_whose_weights_sum_to_zero_are_refused()
    {
        var train = Synthetic.Make(100, 2, seed: 13, static x => x[0] > 0.5f);
        var zero = new TabularData(train.FeatureNames, train.Features.ToArray(), train.Labels.ToArray(), new float[train.RowCount]);

        var e = Assert.Throws<ArgumentException>(() => new BoostedTreeTrainer(Small).Fit(zero));

        Assert.Contains("weights sum to zero", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_tree_or_leaf_cap_is_bounded_by_early_stopping_and_the_rows_not_preallocated()
    {
        var train = Synthetic.Make(300, 2, seed: 14, static x => x[0] > 0.5f);
        var validation = Synthetic.Make(300, 2, seed: 15, static x => x[0] > 0.5f);
        var options = new BoostedTreeOptions
        {
            NumberOfTrees = int.MaxValue,
            NumberOfLeaves = int.MaxValue,
            EarlyStoppingRounds = 5,
            NumberOfThreads = 1,
        };

        var model = new BoostedTreeTrainer(options).Fit(train, validation);

        Assert.InRange(model.TreeCount, 1, 1000);
    }

    [Fact]
    public void The_options_a_model_reports_cannot_be_changed_through_it()
    {
        var model = new BoostedTreeTrainer(Small).Fit(Synthetic.Xor(200, seed: 16));

        model.Options.NumberOfTrees = 7;

        Assert.Equal(30, model.Options.NumberOfTrees);
    }

    [Fact]
    public void Missing_values_learn_their_direction_per_split()
    {
        // NaN rows are negatives, like small values; FastTree's fixed rule would send them right with the positives.
        var random = new Random(7);
        const int rows = 1200;
        var values = new float[rows];
        var labels = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var kind = r % 3;
            values[r] = kind == 0 ? float.NaN : kind == 1 ? (float)-random.NextDouble() : (float)random.NextDouble();
            labels[r] = kind == 2 ? 1 : 0;
        }

        var data = new TabularData(["x"], values, labels);
        var learned = new BoostedTreeTrainer(new BoostedTreeOptions { NumberOfTrees = 10, NumberOfLeaves = 2 }).Fit(data);
        var fixedRight = new BoostedTreeTrainer(new BoostedTreeOptions { NumberOfTrees = 10, NumberOfLeaves = 2, LearnMissingValueDirection = false }).Fit(data);

        Assert.True(learned.Ensemble.Nodes[0].MissingGoesLeft);
        Assert.True(learned.PredictProbability([float.NaN]) < 0.1);
        Assert.True(learned.PredictProbability([0.5f]) > 0.9);
        Assert.False(fixedRight.Ensemble.Nodes[0].MissingGoesLeft);
        Assert.True(fixedRight.PredictRaw([float.NaN]) > learned.PredictRaw([float.NaN]) + 0.5, $"{fixedRight.PredictRaw([float.NaN])} vs {learned.PredictRaw([float.NaN])}");
    }

    [Fact]
    public void The_same_seed_gives_identical_model_bytes_whatever_the_thread_count()
    {
        // Large enough for histograms (rows × features ≥ 50,000) and partitions (≥ 32,768 rows) to run on several threads.
        var data = Synthetic.Xor(50_000, seed: 8, noise: 0.1);
        var options = new BoostedTreeOptions { NumberOfTrees = 20, BaggingFraction = 0.7, FeatureFraction = 0.75 };

        byte[] Train(int threads, int seed)
        {
            options.NumberOfThreads = threads;
            options.Seed = seed;
            return ModelBytes(new BoostedTreeTrainer(options).Fit(data));
        }

        var first = Train(1, 5);
        Assert.Equal(first, Train(1, 5));
        Assert.Equal(first, Train(2, 5));
        Assert.Equal(first, Train(3, 5));
        Assert.NotEqual(first, Train(1, 6));
    }

    [Fact]
    public void Saved_and_loaded_models_predict_identically()
    {
        var data = Synthetic.Xor(1500, seed: 9, noise: 0.05);
        var model = new BoostedTreeTrainer(Small).Fit(data);
        var path = Path.Combine(Path.GetTempPath(), $"spindetect-test-{Guid.NewGuid():N}.model");
        try
        {
            var schema = new FeatureSchema("test", 1, data.FeatureNames);
            model.Save(path, schema, "main", Metadata(model));
            var package = ModelFile.Read(path, schema);
            var loaded = package.GetEnsemble("main");
            Assert.Equal("30", package.Metadata.Options["NumberOfTrees"]);

            for (var r = 0; r < data.RowCount; r++)
            {
                Assert.Equal(model.PredictRaw(data.Row(r)), loaded.Ensemble.PredictRaw(data.Row(r)));
                Assert.Equal(model.PredictProbability(data.Row(r)), loaded.Probability(data.Row(r)));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Early_stopping_keeps_the_best_prefix_and_needs_validation_data()
    {
        var train = Synthetic.Xor(600, seed: 10, noise: 0.3);
        var validation = Synthetic.Xor(600, seed: 11, noise: 0.3);
        var options = new BoostedTreeOptions { NumberOfTrees = 200, NumberOfLeaves = 31, MinimumExampleCountPerLeaf = 2, EarlyStoppingRounds = 10 };

        var model = new BoostedTreeTrainer(options).Fit(train, validation);

        Assert.True(model.TreeCount < 200);
        var losses = model.ValidationLogLoss;
        Assert.Equal(model.TreeCount, losses.ToList().IndexOf(losses.Min()) + 1);
        Assert.Equal(model.TreeCount + 10, losses.Count);
        Assert.Equal(CalibrationSource.Validation, model.CalibrationSource);
        var error = Assert.Throws<ArgumentException>(() => new BoostedTreeTrainer(options).Fit(train));
        Assert.Contains("EarlyStoppingRounds", error.Message);
    }

    [Fact]
    public void Without_validation_data_the_calibrator_is_fitted_on_training_rows_and_reports_its_error()
    {
        var model = new BoostedTreeTrainer(Small).Fit(Synthetic.Xor(1000, seed: 12, noise: 0.1));

        Assert.Equal(CalibrationSource.Training, model.CalibrationSource);
        Assert.InRange(model.ExpectedCalibrationError, 0, 0.1);
    }

    [Fact]
    public void Gain_and_permutation_importance_rank_the_signal_above_noise()
    {
        var train = Synthetic.Make(2000, 3, seed: 13, static x => x[1] + (0.3 * x[2]) > 0, noise: 0.05);
        var test = Synthetic.Make(1000, 3, seed: 14, static x => x[1] + (0.3 * x[2]) > 0, noise: 0.05);
        var model = new BoostedTreeTrainer(Small).Fit(train);

        Assert.True(model.GainImportance[1] > model.GainImportance[2]);
        Assert.True(model.GainImportance[2] > model.GainImportance[0]);
        var permutation = PermutationFeatureImportance.Compute(model, test, repeats: 2, seed: 1);
        Assert.Equal(["f0", "f1", "f2"], permutation.Select(p => p.Feature));
        Assert.True(permutation[1].AucDecrease > 0.2);
        Assert.True(permutation[2].AucDecrease > 0.01);
        Assert.InRange(permutation[0].AucDecrease, -0.01, 0.01);
        Assert.True(permutation[1].LogLossIncrease > permutation[0].LogLossIncrease);
    }

    [Fact]
    public void Row_weights_and_positive_class_weight_shift_the_scores()
    {
        var data = Synthetic.Xor(1000, seed: 15, noise: 0.2);
        var weights = new float[data.RowCount];
        for (var r = 0; r < weights.Length; r++)
        {
            weights[r] = data.Labels[r] > 0 ? 4 : 1;
        }

        var weighted = new TabularData(data.FeatureNames, data.Features.ToArray(), data.Labels.ToArray(), weights);
        var byRows = new BoostedTreeTrainer(Small).Fit(weighted);
        var byClass = new BoostedTreeTrainer(new BoostedTreeOptions { NumberOfTrees = 30, PositiveClassWeight = 4 }).Fit(data);
        var plain = new BoostedTreeTrainer(Small).Fit(data);

        Assert.True(MeanRaw(byRows, data) > MeanRaw(plain, data) + 0.5);
        // Weighting positives by row or by class is the same training problem.
        Assert.Equal(byRows.PredictRawScores(data), byClass.PredictRawScores(data));
    }

    [Fact]
    public void Validation_data_with_other_features_is_rejected()
    {
        var train = Synthetic.Xor(100, seed: 16);
        var other = Synthetic.Make(100, 3, seed: 17, static x => x[0] > 0);

        var error = Assert.Throws<ArgumentException>(() => new BoostedTreeTrainer(Small).Fit(train, other));
        Assert.Contains("features differ", error.Message);
    }

    internal static byte[] ModelBytes(BoostedTreeModel model) =>
        ModelFile.ToBytes(new ModelPackage(Metadata(model), new FeatureSchema("test", 1, model.FeatureNames), [model.ToCalibratedEnsemble("main")]));

    private static ModelMetadata Metadata(BoostedTreeModel model) =>
        model.CreateMetadata(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), "unit test");

    private static double MeanRaw(BoostedTreeModel model, TabularData data) => model.PredictRawScores(data).Average();
}
