namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>Time spent in the evidence source.</summary>
/// <param name="PhraseAnalyses">Sentences analysed.</param>
/// <param name="PhraseElapsed">Wall time of the phrase stage.</param>
/// <param name="DocumentAnalyses">Abstracts analysed.</param>
/// <param name="DocumentElapsed">Wall time of the document stage.</param>
internal readonly record struct EvaluationTiming(
    int PhraseAnalyses, TimeSpan PhraseElapsed, int DocumentAnalyses, TimeSpan DocumentElapsed)
{
    /// <summary>Mean microseconds per sentence.</summary>
    public double MicrosecondsPerSentence => PhraseAnalyses == 0 ? 0 : PhraseElapsed.TotalMicroseconds / PhraseAnalyses;

    /// <summary>Mean microseconds per abstract.</summary>
    public double MicrosecondsPerAbstract => DocumentAnalyses == 0 ? 0 : DocumentElapsed.TotalMicroseconds / DocumentAnalyses;
}
