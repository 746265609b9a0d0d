using SpinDetect.Training.Boosting;

namespace SpinDetect.Training.Spin;

/// <summary>
/// Labelled documents without substitution logs (users' own samples) for <see cref="SpinModelTrainer"/>: only the
/// document label is known, so they train and validate the document model only, each with its weight.
/// </summary>
/// <param name="Training">Documents added to the document model's training table.</param>
/// <param name="TrainingWeights">Row weight of each training document (the base corpus rows weigh 1).</param>
/// <param name="Validation">Documents added to the document model's validation table (unweighted: early stopping and calibration).</param>
internal sealed record DocumentOnlySamples(
    IReadOnlyList<SpinDocument> Training,
    IReadOnlyList<float> TrainingWeights,
    IReadOnlyList<SpinDocument> Validation)
{
    /// <summary>The table with weight 1 on its first <paramref name="baseRows"/> rows and the samples' weights after them.</summary>
    internal TabularData Weigh(TabularData table, int baseRows)
    {
        ArgumentNullException.ThrowIfNull(table);
        var weights = new float[table.RowCount];
        weights.AsSpan(0, baseRows).Fill(1f);
        for (var i = 0; i < TrainingWeights.Count; i++)
        {
            weights[baseRows + i] = TrainingWeights[i];
        }

        return new TabularData(table.FeatureNames, table.Features.ToArray(), table.Labels.ToArray(), weights, table.HasGroups ? table.Groups.ToArray() : null);
    }
}
