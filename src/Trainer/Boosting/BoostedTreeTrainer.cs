using System.Diagnostics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SpinDetect.Model;
using SpinDetect.Training.Evaluation;

namespace SpinDetect.Training.Boosting;

/// <summary>
/// Gradient-boosted decision trees for binary classification with logistic loss, faithful to ML.NET's FastTree
/// (see <see cref="BoostedTreeOptions"/> for the defaults and the few deliberate extensions), followed by Platt
/// calibration. Training is deterministic for a given seed.
/// </summary>
public sealed class BoostedTreeTrainer
{

    private readonly BoostedTreeOptions _options;

    /// <summary>Creates a trainer; the options are validated and copied.</summary>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public BoostedTreeTrainer(BoostedTreeOptions? options = null)
    {
        _options = (options ?? new BoostedTreeOptions()).Clone();
        _options.Validate();
    }

    /// <summary>Trains a model.</summary>
    /// <param name="training">Training rows.</param>
    /// <param name="validation">
    /// Optional held-out rows with the same features: used for early stopping (when enabled) and to fit the
    /// calibrator; without them the calibrator is fitted on the training rows.
    /// </param>
    /// <exception cref="ArgumentException">The data cannot be trained on (no rows, features differ, early stopping without validation).</exception>
    public BoostedTreeModel Fit(TabularData training, TabularData? validation = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        var options = _options;
        if (training.RowCount == 0)
        {
            throw new ArgumentException("The training table has no rows.", nameof(training));
        }

        if (validation is not null)
        {
            if (validation.RowCount == 0)
            {
                throw new ArgumentException("The validation table has no rows.", nameof(validation));
            }

            if (!validation.FeatureNames.SequenceEqual(training.FeatureNames))
            {
                throw new ArgumentException("The validation table's features differ from the training table's.", nameof(validation));
            }
        }
        else if (options.EarlyStoppingRounds > 0)
        {
            throw new ArgumentException(
                $"BoostedTreeOptions.EarlyStoppingRounds is {options.EarlyStoppingRounds}, which needs a validation table.", nameof(validation));
        }

        var clock = Stopwatch.StartNew();
        var threads = options.NumberOfThreads ?? Environment.ProcessorCount;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var rowCount = training.RowCount;
        var featureCount = training.FeatureCount;
        var data = BinnedMatrix.Create(training, options.MaximumBinCountPerFeature, threads);
        var labels = training.Labels.ToArray();
        var weights = RowWeights(training, options);
        var totalWeight = 0.0;
        foreach (var w in weights)
        {
            totalWeight += w;
        }

        if (!(totalWeight > 0))
        {
            throw new ArgumentException("The training rows' weights sum to zero: there is nothing to learn from.", nameof(training));
        }

        // A tree cannot have more leaves than rows: a huge cap must not size the grower's tables.
        var maximumLeaves = (int)Math.Min(options.NumberOfLeaves, Math.Max(2L, rowCount));
        var grower = new TreeGrower(
            data, maximumLeaves, options.MinimumExampleCountPerLeaf, options.LearnMissingValueDirection, threads, options.L2Regularization,
            options.MinimumHessianPerLeaf);
        var random = new Random(options.Seed);
        var scores = new double[rowCount];
        var stats = new Vector128<float>[rowCount];
        var allRows = new int[rowCount];
        for (var i = 0; i < rowCount; i++)
        {
            allRows[i] = i;
        }

        var bagged = new int[rowCount];
        var inBag = new bool[rowCount];
        var allFeatures = new int[featureCount];
        for (var f = 0; f < featureCount; f++)
        {
            allFeatures[f] = f;
        }

        var sampledFeatureCount = Math.Max(1, (int)Math.Round(options.FeatureFraction * featureCount));
        var activeFeatures = new int[sampledFeatureCount];
        var leafValues = new double[maximumLeaves];

        // A huge tree cap with early stopping is a common pattern: the list grows as trees are kept.
        var trees = new List<LocalTree>(Math.Min(options.NumberOfTrees, 1024));
        var validationScores = validation is null ? null : new double[validation.RowCount];
        var validationLoss = new List<double>();
        var bestLoss = double.PositiveInfinity;
        var bestTreeCount = 0;

        for (var t = 0; t < options.NumberOfTrees; t++)
        {
            ComputeGradients(scores, labels, weights, stats, parallel);

            ReadOnlySpan<int> rows = allRows;
            if (options.BaggingFraction < 1)
            {
                var count = 0;
                for (var r = 0; r < rowCount; r++)
                {
                    inBag[r] = random.NextDouble() < options.BaggingFraction;
                    if (inBag[r])
                    {
                        bagged[count++] = r;
                    }
                }

                rows = bagged.AsSpan(0, count);
            }

            var features = allFeatures;
            if (sampledFeatureCount < featureCount)
            {
                // Partial Fisher–Yates, then sorted so the feature scan order (and tie-breaking) stays fixed.
                for (var k = 0; k < sampledFeatureCount; k++)
                {
                    var j = random.Next(k, featureCount);
                    (allFeatures[k], allFeatures[j]) = (allFeatures[j], allFeatures[k]);
                }

                allFeatures.AsSpan(0, sampledFeatureCount).CopyTo(activeFeatures);
                Array.Sort(activeFeatures);
                features = activeFeatures;
            }

            grower.Grow(stats, rows, features);
            grower.LeafValues(leafValues, options.MaximumTreeOutput, options.LearningRate);
            var tree = new LocalTree([.. grower.Nodes], leafValues.AsSpan(0, grower.LeafCount).ToArray(), [.. grower.NodeGains]);
            trees.Add(tree);

            for (var leaf = 0; leaf < grower.LeafCount; leaf++)
            {
                var value = tree.Leaves[leaf];
                foreach (var r in grower.RowsOf(leaf))
                {
                    scores[r] += value;
                }
            }

            if (rows.Length < rowCount)
            {
                for (var r = 0; r < rowCount; r++)
                {
                    if (!inBag[r])
                    {
                        scores[r] += tree.Leaves[grower.LeafOfRow(r)];
                    }
                }
            }

            if (validation is not null)
            {
                for (var i = 0; i < validationScores!.Length; i++)
                {
                    validationScores[i] += tree.Predict(validation.Row(i));
                }

                var loss = LogLoss(validationScores, validation.Labels);
                validationLoss.Add(loss);
                if (loss < bestLoss)
                {
                    bestLoss = loss;
                    bestTreeCount = t + 1;
                }
                else if (options.EarlyStoppingRounds > 0 && t + 1 - bestTreeCount >= options.EarlyStoppingRounds)
                {
                    break;
                }
            }
        }

        if (options.EarlyStoppingRounds > 0 && bestTreeCount < trees.Count)
        {
            // Keep the prefix with the best validation loss.
            trees.RemoveRange(bestTreeCount, trees.Count - bestTreeCount);
        }

        var gainImportance = new double[featureCount];
        foreach (var tree in trees)
        {
            for (var n = 0; n < tree.Nodes.Length; n++)
            {
                gainImportance[tree.Nodes[n].Feature] += tree.Gains[n];
            }
        }

        var ensemble = Flatten(trees, featureCount);
        var calibrationData = validation ?? training;
        // The running scores equal the ensemble's (same leaf values added in the same order) unless trees were cut.
        var raw = validation is null ? scores : validationScores!;
        if (trees.Count != (validation is null ? trees.Count : validationLoss.Count))
        {
            for (var i = 0; i < raw.Length; i++)
            {
                raw[i] = ensemble.PredictRaw(calibrationData.Row(i));
            }
        }

        var calibrator = PlattFitter.Fit(raw, calibrationData.Labels);
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = calibrator.Probability(raw[i]);
        }

        var ece = BinaryClassificationMetrics.ComputeExpectedCalibrationError(calibrationData.Labels, raw);
        return new BoostedTreeModel(
            ensemble,
            calibrator,
            training.FeatureNames,
            options.Clone(),
            gainImportance,
            [.. validationLoss],
            validation is null ? CalibrationSource.Training : CalibrationSource.Validation,
            ece,
            clock.Elapsed);
    }

    private static double[] RowWeights(TabularData training, BoostedTreeOptions options)
    {
        var labels = training.Labels;
        var positiveWeight = options.PositiveClassWeight;
        if (options.BalanceClasses)
        {
            double positives = 0;
            foreach (var label in labels)
            {
                positives += label;
            }

            var negatives = labels.Length - positives;
            positiveWeight = positives > 0 && negatives > 0 ? negatives / positives : 1;
        }

        var weights = new double[labels.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            var w = training.HasWeights ? training.Weights[i] : 1.0;
            weights[i] = labels[i] > 0 ? w * positiveWeight : w;
        }

        return weights;
    }

    private static void ComputeGradients(double[] scores, float[] labels, double[] weights, Vector128<float>[] stats, ParallelOptions parallel)
    {
        const int chunk = 16_384;
        var chunks = (scores.Length + chunk - 1) / chunk;
        if (chunks == 1)
        {
            GradientChunk(scores, labels, weights, stats, 0, scores.Length);
            return;
        }

        Parallel.For(0, chunks, parallel, c => GradientChunk(scores, labels, weights, stats, c * chunk, Math.Min(scores.Length, (c + 1) * chunk)));
    }

    // Weighted negative gradient and hessian of the logistic loss, the weight, and 1 (a row count), four rows at a
    // time: the sigmoid is the stable one of PlattCalibrator, with both branches computed and one selected, and the
    // four statistics of four rows are transposed into four row records in registers.
    private static void GradientChunk(double[] scores, float[] labels, double[] weights, Vector128<float>[] stats, int begin, int end)
    {
        var i = begin;
        if (Avx.IsSupported)
        {
            var one = Vector256<double>.One;
            var ones = Vector128<float>.One;
            for (; i + 4 <= end; i += 4)
            {
                var z = Vector256.Create(scores.AsSpan(i, 4));
                var e = Vector256.Exp(-Vector256.Abs(z));
                var p = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(z, Vector256<double>.Zero), one / (one + e), e / (one + e));
                var w = Vector256.Create(weights.AsSpan(i, 4));
                var y = Avx.ConvertToVector256Double(Vector128.Create(labels.AsSpan(i, 4)));
                var g = Avx.ConvertToVector128Single(w * (y - p));
                var h = Avx.ConvertToVector128Single(w * p * (one - p));
                var wf = Avx.ConvertToVector128Single(w);
                var gh01 = Sse.UnpackLow(g, h);
                var w101 = Sse.UnpackLow(wf, ones);
                var gh23 = Sse.UnpackHigh(g, h);
                var w123 = Sse.UnpackHigh(wf, ones);
                stats[i] = Sse.MoveLowToHigh(gh01, w101);
                stats[i + 1] = Sse.MoveHighToLow(w101, gh01);
                stats[i + 2] = Sse.MoveLowToHigh(gh23, w123);
                stats[i + 3] = Sse.MoveHighToLow(w123, gh23);
            }
        }

        for (; i < end; i++)
        {
            var z = scores[i];
            var e = Math.Exp(-Math.Abs(z));
            var p = z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
            var w = weights[i];
            stats[i] = Vector128.Create((float)(w * (labels[i] - p)), (float)(w * p * (1 - p)), (float)w, 1f);
        }
    }

    private static double LogLoss(double[] scores, ReadOnlySpan<float> labels)
    {
        double sum = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            // log(1 + e^-s) for a positive, log(1 + e^s) for a negative, computed stably.
            var z = labels[i] > 0 ? -scores[i] : scores[i];
            sum += z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));
        }

        return sum / scores.Length;
    }

    private static TreeEnsemble Flatten(List<LocalTree> trees, int featureCount)
    {
        var nodes = new List<TreeNode>();
        var leaves = new List<double>();
        var roots = new int[trees.Count];
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            var nodeOffset = nodes.Count;
            var leafOffset = leaves.Count;
            roots[t] = tree.Nodes.Length == 0 ? ~leafOffset : nodeOffset;
            foreach (var node in tree.Nodes)
            {
                nodes.Add(new TreeNode(
                    node.Feature,
                    node.Threshold,
                    node.MissingGoesLeft,
                    Offset(node.Left, nodeOffset, leafOffset),
                    Offset(node.Right, nodeOffset, leafOffset)));
            }

            leaves.AddRange(tree.Leaves);
        }

        return new TreeEnsemble(featureCount, 0, [.. nodes], [.. leaves], roots);

        static int Offset(int child, int nodeOffset, int leafOffset) =>
            child >= 0 ? child + nodeOffset : ~(~child + leafOffset);
    }

    /// <summary>One grown tree with tree-local indices, before flattening.</summary>
    private sealed record LocalTree(TreeNode[] Nodes, double[] Leaves, double[] Gains)
    {
        internal double Predict(ReadOnlySpan<float> row)
        {
            if (Nodes.Length == 0)
            {
                return Leaves[0];
            }

            var index = 0;
            while (index >= 0)
            {
                var node = Nodes[index];
                index = node.Next(row[node.Feature]);
            }

            return Leaves[~index];
        }
    }
}
