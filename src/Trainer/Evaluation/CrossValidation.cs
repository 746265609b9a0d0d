using SpinDetect.Training.Boosting;

namespace SpinDetect.Training.Evaluation;

/// <summary>k-fold cross-validation of the boosted-tree trainer, keeping rows that share a group key in one fold.</summary>
public static class CrossValidation
{
    /// <summary>
    /// Trains one model per fold on the other folds and evaluates it on the fold. Rows of one group (see
    /// <see cref="TabularData.Groups"/>) never straddle folds, so related rows cannot leak between train and test.
    /// </summary>
    /// <param name="data">All rows.</param>
    /// <param name="options">Trainer options (early stopping is not available here: there is no validation split).</param>
    /// <param name="foldCount">Number of folds, at least 2.</param>
    /// <param name="seed">Seed of the fold assignment.</param>
    /// <exception cref="ArgumentException">Too few rows or groups for the folds, or early stopping requested.</exception>
    public static CrossValidationResult Run(TabularData data, BoostedTreeOptions? options = null, int foldCount = 5, int seed = 123)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new BoostedTreeOptions();
        if (options.EarlyStoppingRounds > 0)
        {
            throw new ArgumentException("Cross-validation trains without a validation set; set EarlyStoppingRounds to 0.", nameof(options));
        }

        var folds = AssignFolds(data.RowCount, data.Groups, foldCount, seed);
        var trainer = new BoostedTreeTrainer(options);
        var outOfFold = new double[data.RowCount];
        var metrics = new BinaryClassificationMetrics[foldCount];
        var train = new List<int>(data.RowCount);
        var test = new List<int>(data.RowCount);
        for (var k = 0; k < foldCount; k++)
        {
            train.Clear();
            test.Clear();
            for (var r = 0; r < folds.Length; r++)
            {
                (folds[r] == k ? test : train).Add(r);
            }

            var model = trainer.Fit(data.Subset(train.ToArray()));
            var testData = data.Subset(test.ToArray());
            var probabilities = model.PredictProbabilities(testData);
            for (var i = 0; i < test.Count; i++)
            {
                outOfFold[test[i]] = probabilities[i];
            }

            metrics[k] = BinaryClassificationMetrics.Compute(testData.Labels, probabilities);
        }

        return new CrossValidationResult(metrics, BinaryClassificationMetrics.Compute(data.Labels, outOfFold), outOfFold);
    }

    /// <summary>
    /// The fold (0 … foldCount−1) of every row. Groups (each row its own group when <paramref name="groups"/> is
    /// empty) are shuffled with the seed, then placed largest first into the fold with the fewest rows so far.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer groups than folds.</exception>
    public static int[] AssignFolds(int rowCount, ReadOnlySpan<int> groups, int foldCount, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(foldCount, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        if (!groups.IsEmpty && groups.Length != rowCount)
        {
            throw new ArgumentException($"{groups.Length} group keys for {rowCount} rows.", nameof(groups));
        }

        // Group index of every row, numbered in order of first appearance.
        var groupOfRow = new int[rowCount];
        var sizes = new List<int>();
        var ids = new Dictionary<int, int>();
        for (var r = 0; r < rowCount; r++)
        {
            int id;
            if (groups.IsEmpty)
            {
                id = r;
            }
            else if (!ids.TryGetValue(groups[r], out id))
            {
                id = ids.Count;
                ids.Add(groups[r], id);
            }

            if (id == sizes.Count)
            {
                sizes.Add(0);
            }

            sizes[id]++;
            groupOfRow[r] = id;
        }

        if (sizes.Count < foldCount)
        {
            throw new ArgumentException($"{sizes.Count} groups cannot fill {foldCount} folds.", nameof(groups));
        }

        var order = new int[sizes.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        new Random(seed).Shuffle(order);
        // Stable sort by size descending keeps the shuffled order among equal sizes.
        var ranked = order.OrderByDescending(g => sizes[g]).ToArray();
        var foldOfGroup = new int[sizes.Count];
        var load = new long[foldCount];
        foreach (var group in ranked)
        {
            var target = 0;
            for (var k = 1; k < foldCount; k++)
            {
                if (load[k] < load[target])
                {
                    target = k;
                }
            }

            foldOfGroup[group] = target;
            load[target] += sizes[group];
        }

        var folds = new int[rowCount];
        for (var r = 0; r < rowCount; r++)
        {
            folds[r] = foldOfGroup[groupOfRow[r]];
        }

        return folds;
    }
}
