namespace SpinDetect.Training.Spinning;

/// <summary>
/// A sense-agnostic synonym dictionary as a spinner sees it: lowercase headwords (single words or phrases)
/// with the replacements listed for them.
/// </summary>
internal interface ISynonymDictionary
{
    /// <summary>Short name written to the corpus ("moby", "wordnet").</summary>
    string Name { get; }

    /// <summary>Most words in any headword (1 when there are no phrases).</summary>
    int MaxPhraseWords { get; }

    /// <summary>The replacements listed for <paramref name="headword"/> (lowercase), or false when it is none.</summary>
    bool TryGetSynonyms(string headword, out IReadOnlyList<string> synonyms);
}
