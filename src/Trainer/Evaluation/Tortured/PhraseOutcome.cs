namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>How one row fared over its carrier sentences.</summary>
/// <param name="Line">Line of the row in the CSV.</param>
/// <param name="Tortured">The tortured phrase.</param>
/// <param name="Expected">The expected phrase.</param>
/// <param name="Papers">Papers containing it.</param>
/// <param name="Trials">Tortured sentences built from the row (= expected twins).</param>
/// <param name="Misses">Tortured sentences with no mark on the phrase.</param>
/// <param name="FalseAlarms">Expected twins with a mark on the phrase.</param>
/// <param name="MaxFalseAlarmScore">Highest score of a mark on the expected phrase (NaN when none).</param>
internal sealed record PhraseOutcome(
    int Line, string Tortured, string Expected, int Papers, int Trials, int Misses, int FalseAlarms, double MaxFalseAlarmScore);
