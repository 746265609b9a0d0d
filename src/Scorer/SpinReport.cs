namespace SpinDetect;

/// <summary>The verdict on one text: whether it was spun, how sure the model is, how clean the text is, and why.</summary>
/// <remarks>
/// A report is immutable and owns its lists; it holds no reference to pooled buffers, so it can be kept, queued
/// or serialised from any thread.
/// </remarks>
public sealed record SpinReport
{
    /// <summary>Whether the text is judged spun: <see cref="Confidence"/> reaches the detector's threshold and the text
    /// has at least <see cref="SpinDetectorOptions.MinWords"/> words.</summary>
    public required bool Spun { get; init; }

    /// <summary>Calibrated probability, in 0..1, that the text was run through an article spinner; 0 when the text
    /// (after junk lines are removed) has no word a spinner would replace.</summary>
    public required double Confidence { get; init; }

    /// <summary>Calibrated probability, in 0..1, that the text is clean article prose (no boilerplate, appended
    /// unrelated content, mangled URLs or garbled text).</summary>
    public required double Quality { get; init; }

    /// <summary>Number of words in the text once junk lines are removed (the text spin scoring reads); a page that is
    /// all page furniture has 0.</summary>
    public required int Words { get; init; }

    /// <summary>
    /// Text-quality and decoding flags, lower-case and kebab-case, in a stable order: <c>boilerplate</c>,
    /// <c>appended-unrelated</c>, <c>mangled-urls</c>, <c>garbled</c>, <c>repeated-lines</c>, <c>too-short</c>,
    /// <c>not-english</c>, and <c>invalid-encoding</c> when the bytes read were not valid in their encoding and were
    /// decoded with replacement characters.
    /// </summary>
    public required IReadOnlyList<string> Flags { get; init; }

    /// <summary>The most suspicious spans, at most <see cref="SpinDetectorOptions.MaxEvidence"/> and each scoring at least
    /// <see cref="SpinDetectorOptions.MinEvidenceScore"/>, ordered by offset.</summary>
    public required IReadOnlyList<SpinEvidence> Evidence { get; init; }

    /// <summary>Whether <paramref name="other"/> gives the same verdict, figures, flags and evidence (the lists are
    /// compared item by item, so two reports on one text are equal).</summary>
    /// <param name="other">The report to compare with.</param>
    /// <returns><see langword="true"/> when every value is the same.</returns>
    public bool Equals(SpinReport? other) =>
        other is not null
        && Spun == other.Spun
        && Confidence.Equals(other.Confidence)
        && Quality.Equals(other.Quality)
        && Words == other.Words
        && Flags.SequenceEqual(other.Flags, StringComparer.Ordinal)
        && Evidence.SequenceEqual(other.Evidence);

    /// <summary>A hash consistent with <see cref="Equals(SpinReport)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Spun);
        hash.Add(Confidence);
        hash.Add(Quality);
        hash.Add(Words);
        foreach (var flag in Flags)
        {
            hash.Add(flag, StringComparer.Ordinal);
        }

        foreach (var evidence in Evidence)
        {
            hash.Add(evidence);
        }

        return hash.ToHashCode();
    }
}
