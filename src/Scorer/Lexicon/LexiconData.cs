namespace SpinDetect.Lexicon;

/// <summary>
/// The raw arrays of a lexicon, exactly as stored in the file (see <see cref="LexiconFile"/> and
/// <see cref="NgramLayout"/> for the packing). Produced by the builder or the file reader, consumed by
/// <see cref="ReferenceLexicon"/>. Arrays indexed by word id have length <c>WordCount</c>, offset tables
/// <c>WordCount + 1</c>.
/// </summary>
internal sealed class LexiconData
{
    /// <summary>The vocabulary words concatenated (lowercase); word i is <c>[VocabularyOffsets[i], VocabularyOffsets[i + 1])</c>.</summary>
    public required char[] VocabularyChars { get; init; }

    /// <summary>Start of each word in <see cref="VocabularyChars"/>.</summary>
    public required int[] VocabularyOffsets { get; init; }

    /// <summary>log10 P(w).</summary>
    public required float[] UnigramProb { get; init; }

    /// <summary>log10 backoff weight of history w.</summary>
    public required float[] UnigramBackoff { get; init; }

    /// <summary>Bigrams "w1 ·" of w1 are entries <c>[BigramOffsets[w1], BigramOffsets[w1 + 1])</c> of <see cref="Bigrams"/>.</summary>
    public required int[] BigramOffsets { get; init; }

    /// <summary>Packed bigram entries sorted by (w1, w2), plus one sentinel entry; see <see cref="NgramLayout"/>.</summary>
    public required ulong[] Bigrams { get; init; }

    /// <summary>Packed trigram entries grouped by their leading bigram, sorted by w3; see <see cref="NgramLayout"/>.</summary>
    public required uint[] Trigrams { get; init; }

    /// <summary>The three 256-entry dequantisation tables: bigram prob, bigram backoff, trigram prob (log10).</summary>
    public required float[] QuantTables { get; init; }

    /// <summary>Reverse synonyms of word w (the words it could have replaced) are <c>ReverseIds[ReverseOffsets[w]..ReverseOffsets[w + 1]]</c>.</summary>
    public required int[] ReverseOffsets { get; init; }

    /// <summary>Word ids of reverse synonyms, most frequent first within each word.</summary>
    public required int[] ReverseIds { get; init; }

    /// <summary>Parts of speech of each word as a lemma (<see cref="PartsOfSpeech"/> bits).</summary>
    public required byte[] LemmaPartsOfSpeech { get; init; }

    /// <summary>Parts of speech of every reading of each word (as lemma or inflected form).</summary>
    public required byte[] FormPartsOfSpeech { get; init; }

    /// <summary>Analyses of word w are <c>Analyses[AnalysisOffsets[w]..AnalysisOffsets[w + 1]]</c>.</summary>
    public required int[] AnalysisOffsets { get; init; }

    /// <summary>Packed analyses (lemma id, part of speech, inflection); see <see cref="NgramLayout.PackAnalysis"/>.</summary>
    public required uint[] Analyses { get; init; }

    /// <summary>Inflected forms of lemma w are <c>Forms[FormOffsets[w]..FormOffsets[w + 1]]</c>.</summary>
    public required int[] FormOffsets { get; init; }

    /// <summary>Packed inflected forms (form id, part of speech, inflection), same packing as analyses.</summary>
    public required uint[] Forms { get; init; }

    /// <summary>The full string morphology (all WordNet lemmas and irregular forms), see <see cref="MorphologySerializer"/>.</summary>
    public required byte[] MorphologyBlob { get; init; }

    /// <summary>Number of words.</summary>
    public int WordCount => UnigramProb.Length;
}
