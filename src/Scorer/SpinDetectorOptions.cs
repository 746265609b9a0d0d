namespace SpinDetect;

/// <summary>
/// How a <see cref="SpinDetector"/> turns model output into a report. Every default is documented here, in one place.
/// </summary>
public sealed class SpinDetectorOptions
{
    /// <summary>The defaults: the model's own threshold, 10 evidence spans, 50 words, 20 MB.</summary>
    public static SpinDetectorOptions Defaults { get; } = new();

    /// <summary>
    /// Confidence at or above which a text is reported <see cref="SpinReport.Spun"/>, in 0..1.
    /// Default <see langword="null"/>: the threshold stored in the model, chosen when it was trained.
    /// </summary>
    public double? Threshold { get; init; }

    /// <summary>Maximum number of <see cref="SpinReport.Evidence"/> spans per report, 0 or more. Default 10.</summary>
    public int MaxEvidence { get; init; } = 10;

    /// <summary>
    /// Texts with fewer words are never reported spun and are flagged <c>too-short</c>: there is too little text to
    /// judge. 0 or more. Default 50.
    /// </summary>
    public int MinWords { get; init; } = 50;

    /// <summary>
    /// Largest input, in bytes, that the stream and file helpers read; larger inputs are rejected with an
    /// <see cref="InvalidDataException"/> instead of being scored. At least 1. Default 20 MB (20,971,520 bytes).
    /// </summary>
    public long MaxInputBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option that is out of range.</summary>
    internal void Validate()
    {
        if (Threshold is { } threshold && !(threshold >= 0 && threshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), threshold, "The threshold must lie in 0..1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MaxEvidence, nameof(MaxEvidence));
        ArgumentOutOfRangeException.ThrowIfNegative(MinWords, nameof(MinWords));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInputBytes, 1L, nameof(MaxInputBytes));
    }
}
