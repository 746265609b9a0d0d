using SpinDetect.Text;

namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>
/// The words of a phrase as the detector's tokenizer sees them (hyphenated compounds split, numbers kept),
/// with their offsets inside the phrase, so a phrase placed at offset <c>o</c> of a sentence has word
/// <c>i</c> at <c>o + Starts[i]</c>.
/// </summary>
internal sealed class PhraseWords
{
    private PhraseWords(string text, string[] words, int[] starts, int[] lengths)
    {
        Text = text;
        Words = words;
        Starts = starts;
        Lengths = lengths;
    }

    /// <summary>The phrase.</summary>
    public string Text { get; }

    /// <summary>The words, lower-cased (invariant).</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Offset of each word inside <see cref="Text"/>.</summary>
    public IReadOnlyList<int> Starts { get; }

    /// <summary>Length of each word.</summary>
    public IReadOnlyList<int> Lengths { get; }

    /// <summary>Number of words.</summary>
    public int Count => Words.Count;

    /// <summary>Tokenises <paramref name="phrase"/> and keeps its word and number tokens.</summary>
    public static PhraseWords Of(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        using var tokens = new TokenList(16);
        Tokenizer.Tokenize(phrase, tokens);
        var words = new List<string>(tokens.Count);
        var starts = new List<int>(tokens.Count);
        var lengths = new List<int>(tokens.Count);
        foreach (var token in tokens.AsSpan())
        {
            if (token.Kind is TokenKind.Word or TokenKind.Number)
            {
                words.Add(phrase.Substring(token.Start, token.Length).ToLowerInvariant());
                starts.Add(token.Start);
                lengths.Add(token.Length);
            }
        }

        return new PhraseWords(phrase, [.. words], [.. starts], [.. lengths]);
    }
}
