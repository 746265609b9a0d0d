namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>One suspicious span of a text.</summary>
/// <param name="Offset">Start of the span in the analysed text (UTF-16 index).</param>
/// <param name="Length">Length of the span; it marks every word it overlaps.</param>
/// <param name="Suggestion">The likely original word(s) for the span, or null when the detector has none.</param>
/// <param name="Score">How suspicious the span is; higher is more suspicious (used by the threshold sweep).</param>
internal readonly record struct EvidenceSpan(int Offset, int Length, string? Suggestion, double Score)
{
    /// <summary>End of the span (exclusive).</summary>
    public int End => Offset + Length;

    /// <summary>Whether the span overlaps the range [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public bool Overlaps(int start, int end) => Offset < end && start < End;
}
