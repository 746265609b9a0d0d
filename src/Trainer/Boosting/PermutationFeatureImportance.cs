using SpinDetect.Training.Evaluation;

namespace SpinDetect.Training.Boosting;

/// <summary>Permutation feature importance of a trained model on a labelled table.</summary>
public static class PermutationFeatureImportance
{
    /// <summary>
    /// Shuffles each feature's column in turn (seeded), rescoring the table each time, and reports the mean change
    /// of AUC and log-loss against the unshuffled baseline, in feature order.
    /// </summary>
    /// <exception cref="ArgumentException">The table's features differ from the model's.</exception>
    public static IReadOnlyList<PermutationImportance> Compute(BoostedTreeModel model, TabularData data, int repeats = 1, int seed = 123)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        model.RequireSameFeatures(data, nameof(data));
        var baseline = model.Evaluate(data);
        var width = data.FeatureCount;
        var rows = data.RowCount;
        var row = new float[width];
        var permutation = new int[rows];
        var probabilities = new double[rows];
        var random = new Random(seed);
        var result = new PermutationImportance[width];
        for (var f = 0; f < width; f++)
        {
            double aucDrop = 0, lossRise = 0;
            for (var repeat = 0; repeat < repeats; repeat++)
            {
                for (var i = 0; i < rows; i++)
                {
                    permutation[i] = i;
                }

                random.Shuffle(permutation);
                for (var i = 0; i < rows; i++)
                {
                    data.Row(i).CopyTo(row);
                    row[f] = data.Row(permutation[i])[f];
                    probabilities[i] = model.PredictProbability(row);
                }

                var shuffled = BinaryClassificationMetrics.Compute(data.Labels, probabilities);
                aucDrop += baseline.AreaUnderRocCurve - shuffled.AreaUnderRocCurve;
                lossRise += shuffled.LogLoss - baseline.LogLoss;
            }

            result[f] = new PermutationImportance(data.FeatureNames[f], aucDrop / repeats, lossRise / repeats);
        }

        return result;
    }
}
