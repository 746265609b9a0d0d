namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>One usable row: a tortured phrase, the phrase an author would have written, and their alignment.</summary>
/// <param name="Line">1-based line of the row in the CSV file (for messages).</param>
/// <param name="Tortured">The tortured phrase's words.</param>
/// <param name="Expected">The expected phrase's words.</param>
/// <param name="Papers">Papers containing the phrase.</param>
/// <param name="Uncertain">Whether the file marks the expected phrase as a guess ("(?)").</param>
/// <param name="Alignment">Which expected word each tortured word stands for.</param>
internal sealed record TorturedPair(
    int Line, PhraseWords Tortured, PhraseWords Expected, int Papers, bool Uncertain, PhraseAlignment Alignment)
{
    /// <summary>Builds a pair from the two phrases, aligning their words.</summary>
    public static TorturedPair Create(int line, string tortured, string expected, int papers, bool uncertain)
    {
        var t = PhraseWords.Of(tortured);
        var e = PhraseWords.Of(expected);
        return new TorturedPair(line, t, e, papers, uncertain, PhraseAlignment.Align(t.Words, e.Words));
    }
}
