namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>Everything the tortured-phrase evaluation measured, for the markdown and JSON reports.</summary>
/// <param name="Source">The evidence source's name.</param>
/// <param name="File">The CSV read.</param>
/// <param name="TotalRows">Data rows in the CSV.</param>
/// <param name="UsedRows">Rows evaluated.</param>
/// <param name="Skipped">Skipped rows per reason.</param>
/// <param name="EqualLengthPairs">Used pairs whose phrases have equal word counts.</param>
/// <param name="UncertainPairs">Used pairs whose expected phrase is marked as a guess.</param>
/// <param name="Templates">Carrier templates available.</param>
/// <param name="Options">The settings used.</param>
/// <param name="Phrases">Phrase-level figures.</param>
/// <param name="Documents">Document-level figures.</param>
/// <param name="MostMissed">Rows whose tortured sentences were most often left unmarked, worst first.</param>
/// <param name="MostFalseAlarmed">Rows whose expected twins were most often marked, worst first.</param>
/// <param name="Timing">Time spent analysing.</param>
internal sealed record TorturedEvaluationResult(
    string Source,
    string File,
    int TotalRows,
    int UsedRows,
    IReadOnlyDictionary<SkipReason, int> Skipped,
    int EqualLengthPairs,
    int UncertainPairs,
    int Templates,
    TorturedEvaluationOptions Options,
    PhraseLevelMetrics Phrases,
    DocumentLevelMetrics Documents,
    IReadOnlyList<PhraseOutcome> MostMissed,
    IReadOnlyList<PhraseOutcome> MostFalseAlarmed,
    EvaluationTiming Timing);
