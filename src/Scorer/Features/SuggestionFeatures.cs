namespace SpinDetect.Features;

/// <summary>
/// The input of the suggestion ranker: one row per candidate original of a suspicious word, describing how well the
/// candidate fits the word's slot (left, right and next-but-one n-grams, against the observed word and the other
/// candidates), how close it is to the observed word and to the surrounding topic, how common it is and whether the
/// document uses it elsewhere. The ranker's highest-scoring row is the suggestion.
/// </summary>
/// <remarks>
/// Changing the list changes <see cref="SchemaVersion"/> and so the schema hash a model file is checked against.
/// </remarks>
internal static class SuggestionFeatures
{
    /// <summary>Version of this schema; bump when columns change meaning.</summary>
    public const int SchemaVersion = 1;

    public const int LeftLogProb = 0;
    public const int RightLogProb = 1;
    public const int Right2LogProb = 2;
    public const int OrderSum = 3;
    public const int ContextLogProb = 4;
    public const int GapToBest = 5;
    public const int GapToObserved = 6;
    public const int LeftGapToObserved = 7;
    public const int RightGapToObserved = 8;
    public const int AssociationGapToObserved = 9;
    public const int Unigram = 10;
    public const int UnigramGap = 11;
    public const int SynonymCosine = 12;
    public const int ContextCosineGain = 13;
    public const int DocumentCosineGain = 14;
    public const int ListRank = 15;
    public const int ListLength = 16;
    public const int InDocument = 17;
    public const int ContextRank = 18;
    public const int SharesPartOfSpeech = 19;

    /// <summary>
    /// How many words could replace the candidate (log2(1 + n); missing when unknown): a spinner that reaches the
    /// observed word from an original with few synonyms had little else to choose from.
    /// </summary>
    public const int SynonymCount = 20;

    /// <summary>Number of columns.</summary>
    public const int Count = 21;

    /// <summary>Column names, in column order.</summary>
    public static readonly string[] Names =
    [
        "left_logprob", "right_logprob", "right2_logprob", "order_sum", "context_logprob", "gap_to_best",
        "gap_to_observed", "left_gap_to_observed", "right_gap_to_observed", "association_gap_to_observed", "unigram",
        "unigram_gap", "synonym_cosine", "context_cosine_gain", "document_cosine_gain", "list_rank", "list_length",
        "in_document", "context_rank", "shares_part_of_speech", "synonym_count",
    ];
}
