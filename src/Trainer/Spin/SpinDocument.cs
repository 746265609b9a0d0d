namespace SpinDetect.Training.Spin;

/// <summary>
/// One labelled text for training or evaluating the spin model, with what the breakdowns of the report need.
/// </summary>
/// <param name="Id">Unique id within its corpus.</param>
/// <param name="Group">Source-document group; rows of one group always stay in one split.</param>
/// <param name="Source">Corpus source ("sotu", "brown", …).</param>
/// <param name="Spinner">Spinner and style that made it ("none" for clean texts).</param>
/// <param name="SpinRate">Share of content words replaced (0 for clean texts).</param>
/// <param name="Text">The text.</param>
/// <param name="Spun">Label: true when a spinner produced the text.</param>
/// <param name="Replacements">Replacement spans (start, length) in <paramref name="Text"/>, sorted; empty for clean texts.</param>
/// <param name="Split">Corpus split ("train", "validation", "test"; "eval" for evaluation-only sets).</param>
/// <param name="Register">Kind of prose ("speech", "news", "technical", …).</param>
/// <param name="Originals">The word each replacement stands for, aligned with <paramref name="Replacements"/>; null
/// when unknown (user samples).</param>
internal sealed record SpinDocument(
    string Id,
    string Group,
    string Source,
    string Spinner,
    double SpinRate,
    string Text,
    bool Spun,
    (int Start, int Length)[] Replacements,
    string Split = "",
    string Register = "",
    string[]? Originals = null);
