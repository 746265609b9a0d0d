namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>
/// A baseline that marks nothing and gives every text probability 0. Its figures are known in advance (recall
/// 0, AUC 0.5), so a run with it checks the harness end to end (rows, sentences, abstracts, timing) without a
/// model.
/// </summary>
internal sealed class NullEvidenceSource : ISpinEvidenceSource
{
    private static readonly SpinAnalysis Nothing = SpinAnalysis.Clean(0);

    /// <inheritdoc />
    public string Name => "null baseline (marks nothing, probability 0)";

    /// <inheritdoc />
    public SpinAnalysis Analyze(string text) => Nothing;
}
