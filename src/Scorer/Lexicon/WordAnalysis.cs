namespace SpinDetect.Lexicon;

/// <summary>One reading of a word form: its lemma, the word class of that reading and the inflection.</summary>
/// <param name="Lemma">The dictionary form ("employee" for "employees").</param>
/// <param name="PartOfSpeech">The word class of this reading (a single bit).</param>
/// <param name="Inflection">How the form inflects the lemma.</param>
internal readonly record struct WordAnalysis(string Lemma, PartsOfSpeech PartOfSpeech, Inflection Inflection);
