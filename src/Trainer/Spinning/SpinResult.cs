namespace SpinDetect.Training.Spinning;

/// <summary>A spun text with its substitution log and the realised rate.</summary>
/// <param name="Text">The spun text.</param>
/// <param name="Substitutions">Every replacement, ordered by offset.</param>
/// <param name="ContentWords">Content words in the original that a spinner could consider (the rate's denominator).</param>
/// <param name="SubstitutedWords">Content words replaced (a phrase counts its content words, at least one).</param>
internal sealed record SpinResult(string Text, IReadOnlyList<Substitution> Substitutions, int ContentWords, int SubstitutedWords)
{
    /// <summary>Share of content words replaced (0 when the text has none).</summary>
    public double Rate => ContentWords == 0 ? 0 : (double)SubstitutedWords / ContentWords;
}
