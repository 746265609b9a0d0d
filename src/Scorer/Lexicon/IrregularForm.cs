namespace SpinDetect.Lexicon;

/// <summary>An inflected form that the regular rules do not produce (from WordNet's exception lists).</summary>
/// <param name="Form">The inflected form ("went").</param>
/// <param name="Lemma">Its lemma ("go").</param>
/// <param name="PartOfSpeech">The word class of the reading.</param>
/// <param name="Inflection">Which inflection the form is.</param>
internal readonly record struct IrregularForm(string Form, string Lemma, PartsOfSpeech PartOfSpeech, Inflection Inflection);
