using SpinDetect.Training.Evaluation;

namespace SpinDetect.Training.Retraining;

/// <summary>The current and the new model measured on the same held-out rows.</summary>
/// <param name="Rows">Number of held-out rows.</param>
/// <param name="Current">The current model's metrics at its own threshold; null when there is no usable current model or no rows.</param>
/// <param name="New">The new model's metrics at its own threshold; null when there are no rows.</param>
public sealed record ModelComparison(int Rows, BinaryClassificationMetrics? Current, BinaryClassificationMetrics? New);
