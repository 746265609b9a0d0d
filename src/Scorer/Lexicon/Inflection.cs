namespace SpinDetect.Lexicon;

/// <summary>The inflected forms English morphology distinguishes; <see cref="None"/> is the lemma itself.</summary>
internal enum Inflection : byte
{
    None = 0,
    Plural = 1,
    ThirdPersonSingular = 2,
    Past = 3,
    PastParticiple = 4,
    PresentParticiple = 5,
    Comparative = 6,
    Superlative = 7,
}

/// <summary>Which word class each inflection belongs to.</summary>
internal static class InflectionExtensions
{
    /// <summary>Number of <see cref="Inflection"/> values; sizes per-inflection tables.</summary>
    internal const int Count = 8;

    /// <summary>The part of speech a lemma must allow to take <paramref name="inflection"/> (None for the lemma itself).</summary>
    internal static PartsOfSpeech RequiredPartOfSpeech(this Inflection inflection) => inflection switch
    {
        Inflection.Plural => PartsOfSpeech.Noun,
        Inflection.ThirdPersonSingular or Inflection.Past or Inflection.PastParticiple or Inflection.PresentParticiple
            => PartsOfSpeech.Verb,
        Inflection.Comparative or Inflection.Superlative => PartsOfSpeech.Adjective | PartsOfSpeech.Adverb,
        _ => PartsOfSpeech.None,
    };
}
