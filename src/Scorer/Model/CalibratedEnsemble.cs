namespace SpinDetect.Model;

/// <summary>A named tree ensemble with the calibrator that turns its raw score into a probability.</summary>
/// <param name="Name">Name of the ensemble within the model file (e.g. "document").</param>
/// <param name="Ensemble">The trees.</param>
/// <param name="Calibrator">Maps raw score to probability.</param>
internal sealed record CalibratedEnsemble(string Name, TreeEnsemble Ensemble, PlattCalibrator Calibrator)
{
    /// <summary>Calibrated probability of the positive class for one row. Allocation-free.</summary>
    internal double Probability(ReadOnlySpan<float> features) => Calibrator.Probability(Ensemble.PredictRaw(features));
}
