namespace SpinDetect.Features;

/// <summary>
/// The per-document feature vector of the spin model: summaries of the token substitution probabilities plus
/// context statistics that need no thesaurus hit, each relative to the document's own baseline where it can be.
/// </summary>
internal static class DocumentFeatures
{
    /// <summary>Version of this schema; bump when columns change meaning.</summary>
    /// <remarks>3: words the vocabulary lacks are no longer eligible, so <c>eligible_share</c> leaves them out and
    /// <c>unknown_rate</c> is their share among the words a spinner would replace.</remarks>
    public const int SchemaVersion = 3;

    public const int LogWords = 0;
    public const int EligibleShare = 1;
    public const int ExpectedSubstitutesPer100 = 2;
    public const int ShareAbove30 = 3;
    public const int ShareAbove50 = 4;
    public const int ShareAbove70 = 5;
    public const int ShareAbove90 = 6;
    public const int Top5Mean = 7;
    public const int Top10Mean = 8;
    public const int DensestWindow = 9;
    public const int ParagraphSpread = 10;
    public const int Median = 11;
    public const int Quantile75 = 12;
    public const int Quantile90 = 13;
    public const int MeanContextLogProb = 14;
    public const int UnknownRate = 15;
    public const int AgreementBreaksPer100 = 16;
    public const int MedianCandidateGap = 17;
    public const int ShareGapAbove1 = 18;
    public const int ShareGapAbove2 = 19;
    public const int ShareWithCandidates = 20;
    public const int MeanLogit = 21;
    public const int ShareLowContext = 22;
    public const int ShareUnseenBigrams = 23;
    public const int MeanContextSimilarity = 24;
    public const int ShareSimilarityGain = 25;
    public const int ShareLowSimilarity = 26;

    /// <summary>Number of columns.</summary>
    public const int Count = 27;

    /// <summary>Column names, in column order.</summary>
    public static readonly string[] Names =
    [
        "log_words", "eligible_share", "expected_substitutes_per_100", "share_above_30", "share_above_50",
        "share_above_70", "share_above_90", "top5_mean", "top10_mean", "densest_window", "paragraph_spread",
        "median", "quantile_75", "quantile_90", "mean_context_logprob", "unknown_rate", "agreement_breaks_per_100",
        "median_candidate_gap", "share_gap_above_1", "share_gap_above_2", "share_with_candidates", "mean_logit",
        "share_low_context", "share_unseen_bigrams", "mean_context_similarity", "share_similarity_gain",
        "share_low_similarity",
    ];
}
