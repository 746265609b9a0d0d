namespace SpinDetect.Lexicon;

/// <summary>
/// The regular English inflection rules, both ways: suffix detachment (form → candidate lemmas, in the
/// manner of WordNet's morphy) and suffix attachment (lemma → form). Irregular forms are not handled here;
/// <see cref="Morphology"/> consults its exception table first.
/// </summary>
internal static class EnglishInflectionRules
{
    /// <summary>A detachment rule: a form ending in <see cref="Suffix"/> may be the lemma with <see cref="Ending"/>.</summary>
    private readonly record struct Detachment(string Suffix, string Ending, PartsOfSpeech PartOfSpeech, Inflection Inflection);

    // Ordered by part of speech; more specific suffixes first so the common reading is found first.
    private static readonly Detachment[] Detachments =
    [
        new("ies", "y", PartsOfSpeech.Noun, Inflection.Plural),
        new("ches", "ch", PartsOfSpeech.Noun, Inflection.Plural),
        new("shes", "sh", PartsOfSpeech.Noun, Inflection.Plural),
        new("ses", "s", PartsOfSpeech.Noun, Inflection.Plural),
        new("xes", "x", PartsOfSpeech.Noun, Inflection.Plural),
        new("zes", "z", PartsOfSpeech.Noun, Inflection.Plural),
        new("oes", "o", PartsOfSpeech.Noun, Inflection.Plural),
        new("men", "man", PartsOfSpeech.Noun, Inflection.Plural),
        new("s", "", PartsOfSpeech.Noun, Inflection.Plural),
        new("ies", "y", PartsOfSpeech.Verb, Inflection.ThirdPersonSingular),
        new("es", "", PartsOfSpeech.Verb, Inflection.ThirdPersonSingular),
        new("s", "", PartsOfSpeech.Verb, Inflection.ThirdPersonSingular),
        new("ied", "y", PartsOfSpeech.Verb, Inflection.Past),
        new("ed", "e", PartsOfSpeech.Verb, Inflection.Past),
        new("ed", "", PartsOfSpeech.Verb, Inflection.Past),
        new("ying", "ie", PartsOfSpeech.Verb, Inflection.PresentParticiple),
        new("ing", "e", PartsOfSpeech.Verb, Inflection.PresentParticiple),
        new("ing", "", PartsOfSpeech.Verb, Inflection.PresentParticiple),
        new("ier", "y", PartsOfSpeech.Adjective, Inflection.Comparative),
        new("er", "e", PartsOfSpeech.Adjective, Inflection.Comparative),
        new("er", "", PartsOfSpeech.Adjective, Inflection.Comparative),
        new("iest", "y", PartsOfSpeech.Adjective, Inflection.Superlative),
        new("est", "e", PartsOfSpeech.Adjective, Inflection.Superlative),
        new("est", "", PartsOfSpeech.Adjective, Inflection.Superlative),
    ];

    /// <summary>
    /// Adds to <paramref name="results"/> every regular reading of <paramref name="form"/> whose lemma
    /// <paramref name="lemmaPartsOfSpeech"/> knows with the right part of speech. Undoubles a final doubled
    /// consonant ("stopped" → "stop") as an extra candidate.
    /// </summary>
    internal static void Detach(string form, Func<string, PartsOfSpeech> lemmaPartsOfSpeech, List<WordAnalysis> results)
    {
        foreach (var rule in Detachments)
        {
            if (form.Length < rule.Suffix.Length + 2 || !form.EndsWith(rule.Suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = form[..^rule.Suffix.Length];
            AddIfKnown(stem + rule.Ending, rule, lemmaPartsOfSpeech, results);
            if (rule.Ending.Length == 0 && rule.Inflection is not (Inflection.Plural or Inflection.ThirdPersonSingular)
                && stem.Length >= 3 && stem[^1] == stem[^2] && !IsVowel(stem[^1]))
            {
                AddIfKnown(stem[..^1], rule, lemmaPartsOfSpeech, results);
            }
        }
    }

    private static void AddIfKnown(string lemma, Detachment rule, Func<string, PartsOfSpeech> lemmaPartsOfSpeech, List<WordAnalysis> results)
    {
        if ((lemmaPartsOfSpeech(lemma) & rule.PartOfSpeech) == 0)
        {
            return;
        }

        var analysis = new WordAnalysis(lemma, rule.PartOfSpeech, rule.Inflection);
        if (!results.Contains(analysis))
        {
            results.Add(analysis);
        }
    }

    /// <summary>
    /// The regular form of a single-word <paramref name="lemma"/> for <paramref name="inflection"/>, or null
    /// where English uses a periphrasis instead (comparatives of long adjectives: "more beautiful").
    /// </summary>
    internal static string? Attach(string lemma, Inflection inflection)
    {
        if (lemma.Length == 0)
        {
            return null;
        }

        switch (inflection)
        {
            case Inflection.None:
                return lemma;
            case Inflection.Plural or Inflection.ThirdPersonSingular:
                if (EndsWithSibilant(lemma))
                {
                    return lemma + "es";
                }

                return EndsWithConsonantY(lemma) ? string.Concat(lemma.AsSpan(0, lemma.Length - 1), "ies") : lemma + "s";
            case Inflection.Past or Inflection.PastParticiple:
                if (lemma[^1] == 'e')
                {
                    return lemma + "d";
                }

                if (EndsWithConsonantY(lemma))
                {
                    return string.Concat(lemma.AsSpan(0, lemma.Length - 1), "ied");
                }

                return (ShouldDouble(lemma) ? lemma + lemma[^1] : lemma) + "ed";
            case Inflection.PresentParticiple:
                if (lemma.EndsWith("ie", StringComparison.Ordinal))
                {
                    return string.Concat(lemma.AsSpan(0, lemma.Length - 2), "ying");
                }

                if (lemma.Length > 2 && lemma[^1] == 'e' && lemma[^2] is not ('e' or 'o' or 'y'))
                {
                    return string.Concat(lemma.AsSpan(0, lemma.Length - 1), "ing");
                }

                return (ShouldDouble(lemma) ? lemma + lemma[^1] : lemma) + "ing";
            case Inflection.Comparative or Inflection.Superlative:
                // Adjectives of three or more syllables compare with "more"/"most", not a suffix.
                if (VowelGroups(lemma) > 2)
                {
                    return null;
                }

                var suffix = inflection == Inflection.Comparative ? "er" : "est";
                if (lemma[^1] == 'e')
                {
                    return lemma + suffix[1..];
                }

                if (EndsWithConsonantY(lemma))
                {
                    return string.Concat(lemma.AsSpan(0, lemma.Length - 1), "i", suffix);
                }

                return (ShouldDouble(lemma) ? lemma + lemma[^1] : lemma) + suffix;
            default:
                return null;
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool EndsWithSibilant(string word) =>
        word[^1] is 's' or 'x' or 'z' || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal);

    private static bool EndsWithConsonantY(string word) => word.Length >= 2 && word[^1] == 'y' && !IsVowel(word[^2]);

    // One-syllable words ending consonant-vowel-consonant double the consonant ("stop" → "stopped");
    // longer words that do so (stress on the last syllable, "commit") are listed in WordNet's exceptions.
    private static bool ShouldDouble(string word) =>
        word.Length >= 3 && !IsVowel(word[^1]) && word[^1] is not ('w' or 'x' or 'y')
        && IsVowel(word[^2]) && !IsVowel(word[^3]) && VowelGroups(word) == 1;

    private static int VowelGroups(string word)
    {
        var groups = 0;
        var previousVowel = false;
        for (var i = 0; i < word.Length; i++)
        {
            var vowel = IsVowel(word[i]) || (word[i] == 'y' && i > 0);
            if (vowel && !previousVowel)
            {
                groups++;
            }

            previousVowel = vowel;
        }

        // A silent final e ("make") is not a syllable of its own.
        if (word.Length > 2 && word[^1] == 'e' && !IsVowel(word[^2]) && word[^2] != 'l' && groups > 1)
        {
            groups--;
        }

        return groups;
    }
}
