namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>The detector's verdict on one text, as the evaluation sees it.</summary>
/// <param name="Probability">Calibrated probability that the text was spun, in [0, 1].</param>
/// <param name="Evidence">Suspicious spans, in any order; may be empty.</param>
internal sealed record SpinAnalysis(double Probability, IReadOnlyList<EvidenceSpan> Evidence)
{
    /// <summary>A verdict with no evidence.</summary>
    public static SpinAnalysis Clean(double probability) => new(probability, []);
}
