namespace SpinDetect.Training.Resources;

/// <summary>What <see cref="LexiconBuilder"/> produced, for the command's output and models/lexicon.md.</summary>
internal sealed record LexiconBuildStatistics
{
    /// <summary>Vocabulary size.</summary>
    public int Words { get; init; }

    /// <summary>Bigrams stored.</summary>
    public int Bigrams { get; init; }

    /// <summary>Trigrams stored.</summary>
    public int Trigrams { get; init; }

    /// <summary>Bigrams of the source model that no unigram points to (not reachable there either).</summary>
    public int UnreachableBigrams { get; init; }

    /// <summary>Trigrams whose history bigram the model lacks (unusable for forward lookup).</summary>
    public int DroppedTrigrams { get; init; }

    /// <summary>Largest absolute error of the 8-bit quantisation of bigram probabilities (log10).</summary>
    public float MaxBigramQuantisationError { get; init; }

    /// <summary>Mean absolute error of the 8-bit quantisation of bigram probabilities (log10).</summary>
    public float MeanBigramQuantisationError { get; init; }

    /// <summary>Mean absolute error of the 8-bit quantisation of trigram probabilities (log10).</summary>
    public float MeanTrigramQuantisationError { get; init; }

    /// <summary>Reverse-synonym links stored.</summary>
    public int ReverseLinks { get; init; }

    /// <summary>Vocabulary words with at least one reverse synonym.</summary>
    public int WordsWithReverseSynonyms { get; init; }

    /// <summary>Packed analyses (word → lemma readings) stored.</summary>
    public int Analyses { get; init; }

    /// <summary>Packed inflected forms (lemma → forms) stored.</summary>
    public int InflectedForms { get; init; }

    /// <summary>Lemmas in the string morphology.</summary>
    public int MorphologyLemmas { get; init; }

    /// <summary>Irregular forms in the string morphology.</summary>
    public int IrregularForms { get; init; }

    /// <summary>Sampled spinner substitutions (Moby link × inflection, both forms in the vocabulary).</summary>
    public int CoverageSample { get; init; }

    /// <summary>Of those, how many have the original among the substitute's reverse synonyms.</summary>
    public int CoverageHits { get; init; }

    /// <summary>Bytes written.</summary>
    public long FileBytes { get; init; }

    /// <summary>Wall-clock time of reading the resources.</summary>
    public TimeSpan ReadTime { get; init; }

    /// <summary>Wall-clock time of building and writing the lexicon.</summary>
    public TimeSpan BuildTime { get; init; }
}
