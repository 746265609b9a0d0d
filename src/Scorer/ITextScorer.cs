namespace SpinDetect;

/// <summary>
/// The seam between the public <see cref="SpinDetector"/> and the scoring pipeline (tokens → features → trees →
/// calibrated report). One instance serves every thread of a detector at once.
/// </summary>
/// <remarks>
/// Contract for implementations: <see cref="Score"/> is thread-safe and deterministic (the same text and settings
/// give an equal report on any thread, whatever else runs); it decides <see cref="SpinReport.Spun"/> with
/// <see cref="ScoreSettings.IsSpun"/>, adds <see cref="ScoreSettings.TooShortFlag"/> when
/// <see cref="ScoreSettings.IsTooShort"/>, returns at most <see cref="ScoreSettings.MaxEvidence"/> evidence spans,
/// none scoring below <see cref="ScoreSettings.MinEvidenceScore"/>, ordered by offset, and returns a report that references no pooled buffer.
/// </remarks>
internal interface ITextScorer
{
    /// <summary>The threshold the model was shipped with; used when <see cref="SpinDetectorOptions.Threshold"/> is unset.</summary>
    double DefaultThreshold { get; }

    /// <summary>Scores one text.</summary>
    SpinReport Score(ReadOnlySpan<char> text, in ScoreSettings settings);
}
