namespace SpinDetect.Features;

/// <summary>
/// The per-word feature vector of the token-level substitution model: column indices and names. Changing
/// the list changes <see cref="SchemaVersion"/> and so the schema hash a model file is checked against.
/// </summary>
internal static class TokenFeatures
{
    /// <summary>Version of this schema; bump when columns change meaning.</summary>
    /// <remarks>5 added the slot columns; 6 dropped <c>is_unknown</c>, since words the vocabulary lacks are no longer
    /// eligible (<see cref="SpinFeaturizer"/>).</remarks>
    public const int SchemaVersion = 6;

    public const int Unigram = 0;
    public const int LeftLogProb = 1;
    public const int RightLogProb = 2;
    public const int Right2LogProb = 3;
    public const int ContextLogProb = 4;
    public const int LeftAssociation = 5;
    public const int RightAssociation = 6;
    public const int Right2Association = 7;
    public const int LeftOrder = 8;
    public const int RightOrder = 9;
    public const int Right2Order = 10;
    public const int CandidateCount = 11;
    public const int BestCandidateGap = 12;
    public const int BestCandidateLeftGap = 13;
    public const int BestCandidateAssociationGap = 14;
    public const int BestCandidateUnigramGap = 15;
    public const int BetterCandidateCount = 16;
    public const int BestCandidateOrderGain = 17;
    public const int IsNoun = 18;
    public const int IsVerb = 19;
    public const int IsAdjective = 20;
    public const int IsAdverb = 21;
    public const int AfterDeterminer = 22;
    public const int ArticleMismatch = 23;
    public const int DeterminerBeforeNonNominal = 24;
    public const int GovernorBeforeNonVerb = 25;
    public const int WordLength = 26;
    public const int SentenceInitial = 27;
    public const int ContextVsDocument = 28;
    public const int GapVsDocument = 29;
    public const int AssociationVsDocument = 30;
    public const int LeftIsKnown = 31;
    public const int RightIsKnown = 32;
    public const int BestCandidateRightGap = 33;
    public const int AssociationBetterCandidates = 34;
    public const int PreviousWordFit = 35;
    public const int NextWordFit = 36;
    public const int ContextSimilarity = 37;
    public const int CandidateSimilarityGain = 38;
    public const int BestSimilarityGain = 39;
    public const int DocumentSimilarity = 40;
    public const int SimilarityVsDocument = 41;
    public const int WordRepeats = 42;
    public const int BestCandidateInDocument = 43;
    public const int CandidatesInDocument = 44;

    // Slot predictability, independent of any candidate: how strongly the left history (and, on the right, the word
    // itself) expects particular next words. A poorly fitting word in a slot that expects a few words is suspicious;
    // after an open history almost anything goes.
    public const int SlotBestLogProb = 45;
    public const int SlotGap = 46;
    public const int SlotTrigramContinuations = 47;
    public const int SlotBigramContinuations = 48;
    public const int RightSlotBestLogProb = 49;
    public const int RightSlotGap = 50;
    public const int SlotGapVsDocument = 51;

    /// <summary>Number of columns.</summary>
    public const int Count = 52;

    /// <summary>Column names, in column order.</summary>
    public static readonly string[] Names =
    [
        "unigram", "left_logprob", "right_logprob", "right2_logprob", "context_logprob",
        "left_association", "right_association", "right2_association", "left_order", "right_order", "right2_order",
        "candidate_count", "best_candidate_gap", "best_candidate_left_gap", "best_candidate_association_gap",
        "best_candidate_unigram_gap", "better_candidate_count", "best_candidate_order_gain",
        "is_noun", "is_verb", "is_adjective", "is_adverb", "after_determiner", "article_mismatch",
        "determiner_before_non_nominal", "governor_before_non_verb", "word_length", "sentence_initial",
        "context_vs_document", "gap_vs_document", "association_vs_document", "left_is_known", "right_is_known",
        "best_candidate_right_gap", "association_better_candidates", "previous_word_fit", "next_word_fit",
        "context_similarity", "candidate_similarity_gain", "best_similarity_gain", "document_similarity",
        "similarity_vs_document", "word_repeats", "best_candidate_in_document", "candidates_in_document",
        "slot_best_logprob", "slot_gap", "slot_trigram_continuations", "slot_bigram_continuations",
        "right_slot_best_logprob", "right_slot_gap", "slot_gap_vs_document",
    ];
}
