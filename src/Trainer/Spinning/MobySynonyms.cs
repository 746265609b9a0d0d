using SpinDetect.Training.Resources;

namespace SpinDetect.Training.Spinning;

/// <summary>The Moby thesaurus as the training spinner's dictionary.</summary>
internal sealed class MobySynonyms : ISynonymDictionary
{
    private readonly MobyThesaurus _thesaurus;

    /// <summary>Wraps a loaded thesaurus.</summary>
    public MobySynonyms(MobyThesaurus thesaurus)
    {
        ArgumentNullException.ThrowIfNull(thesaurus);
        _thesaurus = thesaurus;
        var max = 1;
        foreach (var headword in thesaurus.Headwords)
        {
            max = Math.Max(max, WordCount(headword));
        }

        // Phrases longer than four words are idioms real spinners do not match.
        MaxPhraseWords = Math.Min(max, 4);
    }

    /// <inheritdoc />
    public string Name => "moby";

    /// <inheritdoc />
    public int MaxPhraseWords { get; }

    /// <summary>The wrapped thesaurus (for reverse look-ups in reports).</summary>
    public MobyThesaurus Thesaurus => _thesaurus;

    /// <inheritdoc />
    public bool TryGetSynonyms(string headword, out IReadOnlyList<string> synonyms)
    {
        synonyms = _thesaurus.Synonyms(headword);
        return synonyms.Count > 0;
    }

    internal static int WordCount(string phrase)
    {
        var count = 1;
        foreach (var c in phrase)
        {
            if (c == ' ')
            {
                count++;
            }
        }

        return count;
    }
}
