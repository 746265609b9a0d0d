namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>A carrier sentence with a phrase in its slot.</summary>
/// <param name="Text">The sentence.</param>
/// <param name="PhraseOffset">Where the phrase starts in <paramref name="Text"/>.</param>
/// <param name="Phrase">The phrase's words (offsets relative to the phrase).</param>
internal sealed record CarrierSentence(string Text, int PhraseOffset, PhraseWords Phrase)
{
    /// <summary>Start of phrase word <paramref name="index"/> in <see cref="Text"/>.</summary>
    public int WordStart(int index) => PhraseOffset + Phrase.Starts[index];

    /// <summary>End (exclusive) of phrase word <paramref name="index"/> in <see cref="Text"/>.</summary>
    public int WordEnd(int index) => WordStart(index) + Phrase.Lengths[index];
}
