namespace SpinDetect;

/// <summary>
/// One suspicious span of a scored text: a word or phrase that looks like a sense-blind synonym
/// substitution, with the original it probably replaced.
/// </summary>
/// <param name="Offset">Offset of the span in the scored text, in UTF-16 code units.</param>
/// <param name="Length">Length of the span in UTF-16 code units.</param>
/// <param name="Text">The span's text as it appears in the scored text ("purse").</param>
/// <param name="Suggestion">The likely original word ("bag"), or <see langword="null"/> when the span is suspicious
/// (for example broken agreement such as "a arise") but no single original stands out.</param>
/// <param name="Score">How suspicious the span is; higher is more suspicious. Comparable within one model only.</param>
public sealed record SpinEvidence(int Offset, int Length, string Text, string? Suggestion, double Score);
