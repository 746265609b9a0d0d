namespace SpinDetect.Training.Spinning;

/// <summary>
/// One replacement made by a spinner: where it was in the original, where it is in the spun text, and both
/// strings. Applying a text's substitutions in order to the original reproduces the spun text exactly.
/// </summary>
/// <param name="OriginalStart">Offset of the replaced span in the original text.</param>
/// <param name="OriginalLength">Length of the replaced span in the original text.</param>
/// <param name="SpunStart">Offset of the replacement in the spun text.</param>
/// <param name="SpunLength">Length of the replacement in the spun text.</param>
/// <param name="Original">The replaced text as it stood in the original ("Employees", "shortly after").</param>
/// <param name="Replacement">The text put in its place, with the original's capitalisation ("Hires").</param>
internal readonly record struct Substitution(
    int OriginalStart, int OriginalLength, int SpunStart, int SpunLength, string Original, string Replacement)
{
    /// <summary>Offset just past the span in the original.</summary>
    public int OriginalEnd => OriginalStart + OriginalLength;

    /// <summary>Offset just past the replacement in the spun text.</summary>
    public int SpunEnd => SpunStart + SpunLength;
}
