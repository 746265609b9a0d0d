namespace SpinDetect.Training.Resources;

/// <summary>What <see cref="EmbeddingsBuilder"/> produced, for the command's output and models/embeddings.md.</summary>
internal sealed record EmbeddingsBuildStatistics
{
    /// <summary>Lexicon words (the file has one row per word id).</summary>
    public int Words { get; init; }

    /// <summary>Lexicon words that received a vector.</summary>
    public int WordsWithVector { get; init; }

    /// <summary>Of those, clitic and possessive forms ("it's", "didn't", "world's") that borrow their host word's vector.</summary>
    public int WordsWithHostVector { get; init; }

    /// <summary>Share of lexicon words with a vector.</summary>
    public double Coverage => Words == 0 ? 0 : (double)WordsWithVector / Words;

    /// <summary>
    /// Share of running text covered: the unigram probability mass of the words with a vector over that of all
    /// words (sentence markers excluded). Higher than <see cref="Coverage"/> because missing words are rare ones.
    /// </summary>
    public double TokenCoverage { get; init; }

    /// <summary>Vector length.</summary>
    public int Dimensions { get; init; }

    /// <summary>Words in the source file.</summary>
    public int SourceWords { get; init; }

    /// <summary>Mean absolute difference between cosines of the quantised and the float vectors, over sampled word pairs.</summary>
    public double MeanCosineError { get; init; }

    /// <summary>Largest absolute cosine difference over the same pairs.</summary>
    public double MaxCosineError { get; init; }

    /// <summary>Word pairs sampled for the quantisation error.</summary>
    public int CosineSample { get; init; }

    /// <summary>Bytes written.</summary>
    public long FileBytes { get; init; }

    /// <summary>Wall-clock time of loading the lexicon and streaming the source JSON.</summary>
    public TimeSpan ReadTime { get; init; }

    /// <summary>Wall-clock time of quantising and writing.</summary>
    public TimeSpan BuildTime { get; init; }
}
