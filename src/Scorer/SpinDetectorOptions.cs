namespace SpinDetect;

/// <summary>
/// How a <see cref="SpinDetector"/> turns model output into a report. Every default is documented here, in one place.
/// </summary>
public sealed class SpinDetectorOptions
{
    /// <summary>The defaults: the model's own threshold, 10 evidence spans scoring at least 0.5, 50 words, 20 MB.</summary>
    public static SpinDetectorOptions Defaults { get; } = new();

    /// <summary>
    /// Confidence at or above which a text is reported <see cref="SpinReport.Spun"/>, in 0..1.
    /// Default <see langword="null"/>: the threshold stored in the model, chosen when it was trained.
    /// </summary>
    public double? Threshold { get; init; }

    /// <summary>Maximum number of <see cref="SpinReport.Evidence"/> spans per report, 0 or more. Default 10.</summary>
    public int MaxEvidence { get; init; } = 10;

    /// <summary>
    /// Substitution probability (0..1) below which a word is not reported in <see cref="SpinReport.Evidence"/>.
    /// Default 0.5. Lower it to see more of the suspicious words at the cost of more ordinary ones: on the spun test
    /// texts of the unseen WordNet spinner (models/spin-report.md), 0.5 finds 26% of the substituted words with 79% of
    /// the words it reports substituted, 0.2 finds 54% with 61% (when <see cref="MaxEvidence"/> leaves room for them).
    /// </summary>
    public double MinEvidenceScore { get; init; } = 0.5;

    /// <summary>
    /// Texts with fewer words are never reported spun and are flagged <c>too-short</c>: there is too little text to
    /// judge. 0 or more. Default 50.
    /// </summary>
    public int MinWords { get; init; } = 50;

    /// <summary>
    /// Largest input, in bytes, that the stream and file helpers read; larger inputs are rejected with an
    /// <see cref="InvalidDataException"/> instead of being scored. At least 1, at most <see cref="MaxInputBytesLimit"/>.
    /// Default 20 MB (20,971,520 bytes).
    /// </summary>
    public long MaxInputBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Highest <see cref="MaxInputBytes"/> accepted: 1 GiB (1,073,741,824 bytes), about the longest text a
    /// .NET string holds.</summary>
    public const long MaxInputBytesLimit = 1L << 30;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option that is out of range.</summary>
    internal void Validate()
    {
        if (Threshold is { } threshold && !(threshold >= 0 && threshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), threshold, "The threshold must lie in 0..1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MaxEvidence, nameof(MaxEvidence));
        if (!(MinEvidenceScore >= 0 && MinEvidenceScore <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinEvidenceScore), MinEvidenceScore, "The minimum evidence score must lie in 0..1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MinWords, nameof(MinWords));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInputBytes, 1L, nameof(MaxInputBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxInputBytes, MaxInputBytesLimit, nameof(MaxInputBytes));
    }
}
