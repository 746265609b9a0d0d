namespace SpinDetect.Lexicon;

/// <summary>A reading of a vocabulary word in id space: lemma (or inflected form) id, word class and inflection.</summary>
/// <param name="WordId">The lemma's id for an analysis; the form's id for an inflected form.</param>
/// <param name="PartOfSpeech">The word class of the reading (one bit).</param>
/// <param name="Inflection">The inflection relating form and lemma.</param>
internal readonly record struct LexiconAnalysis(int WordId, PartsOfSpeech PartOfSpeech, Inflection Inflection);
