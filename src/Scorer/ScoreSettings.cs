namespace SpinDetect;

/// <summary>
/// The resolved settings an <see cref="ITextScorer"/> applies to one text; built once per detector from
/// <see cref="SpinDetectorOptions"/> and the model's own threshold.
/// </summary>
/// <param name="Threshold">Confidence at or above which a text is spun.</param>
/// <param name="MaxEvidence">Maximum number of evidence spans to return.</param>
/// <param name="MinWords">Texts with fewer words are not spun and are flagged <c>too-short</c>.</param>
/// <param name="MinEvidenceScore">Substitution probability below which a word is not evidence.</param>
internal readonly record struct ScoreSettings(double Threshold, int MaxEvidence, int MinWords, double MinEvidenceScore)
{
    /// <summary>Flag added to texts with fewer than <see cref="MinWords"/> words.</summary>
    public const string TooShortFlag = "too-short";

    /// <summary>The decision rule, in one place for every scorer: enough words and enough confidence.</summary>
    public bool IsSpun(double confidence, int words) => words >= MinWords && confidence >= Threshold;

    /// <summary>Whether a text of <paramref name="words"/> words is too short to judge.</summary>
    public bool IsTooShort(int words) => words < MinWords;
}
