using SpinDetect.Quality;

namespace SpinDetect.Training.Quality;

/// <summary>A generated document: its text, the kind of each non-blank line in order, and the flags it should get.</summary>
/// <param name="Text">The text.</param>
/// <param name="Lines">Ground truth per non-blank line, in text order.</param>
/// <param name="Expected">Flags the corruptions applied call for.</param>
/// <param name="Recipe">Short description of the corruptions, for error analysis.</param>
internal sealed record LabeledDocument(string Text, LineKind[] Lines, QualityFlags Expected, string Recipe)
{
    /// <summary>Whether no corruption was applied.</summary>
    public bool IsClean => Expected == QualityFlags.None;

    /// <summary>Per non-blank line, whether it is a boilerplate line glued to an article paragraph without a blank
    /// line; null when none is.</summary>
    public bool[]? Glued { get; init; }

    /// <summary>The corpus and register of the article it was made from (see <see cref="QualityDocument.Register"/>).</summary>
    public string Register { get; init; } = "";
}
