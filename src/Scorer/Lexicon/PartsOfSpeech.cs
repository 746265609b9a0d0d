namespace SpinDetect.Lexicon;

/// <summary>The word classes a lemma can belong to (bits, because most English words have several).</summary>
[Flags]
internal enum PartsOfSpeech : byte
{
    None = 0,
    Noun = 1,
    Verb = 2,
    Adjective = 4,
    Adverb = 8,
}
