namespace SpinDetect.Model;

/// <summary>A named tree ensemble with the calibrator that turns its raw score into a probability.</summary>
/// <param name="Name">Name of the ensemble within the model file (e.g. "document").</param>
/// <param name="Ensemble">The trees.</param>
/// <param name="Calibrator">Maps raw score to probability.</param>
internal sealed record CalibratedEnsemble(string Name, TreeEnsemble Ensemble, PlattCalibrator Calibrator)
{
    /// <summary>Calibrated probability of the positive class for one row. Allocation-free.</summary>
    internal double Probability(ReadOnlySpan<float> features) => Calibrator.Probability(Ensemble.PredictRaw(features));

    /// <summary>
    /// Calibrated probabilities of the row-major <paramref name="rows"/> (one per element of
    /// <paramref name="probabilities"/>), each bit-identical to <see cref="Probability"/> of its row, through the
    /// batch path of the trees. Allocation-free.
    /// </summary>
    internal void Probabilities(ReadOnlySpan<float> rows, Span<float> probabilities)
    {
        // Blocks of rows small enough to stay in the L1 cache while every tree passes over them.
        const int BlockRows = 64;
        var width = Ensemble.FeatureCount;
        Span<double> raw = stackalloc double[BlockRows];
        for (var start = 0; start < probabilities.Length; start += BlockRows)
        {
            var count = Math.Min(BlockRows, probabilities.Length - start);
            var scores = raw[..count];
            Ensemble.PredictRaw(rows.Slice(start * width, count * width), scores);
            for (var i = 0; i < count; i++)
            {
                probabilities[start + i] = (float)Calibrator.Probability(scores[i]);
            }
        }
    }
}
