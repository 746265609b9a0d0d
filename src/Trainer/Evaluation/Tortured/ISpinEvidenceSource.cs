namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>
/// What the tortured-phrase evaluation needs from a spin detector: a document probability and the suspicious
/// spans. The real detector is adapted to it; tests script it.
/// </summary>
internal interface ISpinEvidenceSource
{
    /// <summary>A name for reports ("spin.model 2026-11-22", "null baseline").</summary>
    string Name { get; }

    /// <summary>Scores <paramref name="text"/>. Must be deterministic for the same text.</summary>
    SpinAnalysis Analyze(string text);
}
