namespace SpinDetect.Quality;

/// <summary>
/// Column layout of the quality models' rows. Every row has the same columns: line features (the line and its
/// neighbours), document features (Gopher/C4-style statistics, shared by all lines of a document as context),
/// and aggregates of the line models' outputs (used by the document model only). Columns that do not apply to a
/// row are NaN (missing) so one schema serves the line and document ensembles.
/// </summary>
internal static class QualityFeatures
{
    // Line features.
    public const int LineChars = 0;
    public const int LineWords = 1;
    public const int EndsTerminal = 2;
    public const int EndsEllipsis = 3;
    public const int EndsColon = 4;
    public const int StopRatio = 5;
    public const int CapitalRatio = 6;
    public const int AllCapsRatio = 7;
    public const int DigitShare = 8;
    public const int LetterShare = 9;
    public const int NonAsciiShare = 10;
    public const int Mojibake = 11;
    public const int Urls = 12;
    public const int Handles = 13;
    public const int MangledSigns = 14;
    public const int PunctuationShare = 15;
    public const int SymbolShare = 16;
    public const int MeanWordLength = 17;
    public const int NonLetterRun = 18;
    public const int RelativePosition = 19;
    public const int LinesFromEnd = 20;
    public const int LineIndex = 21;
    public const int Duplicates = 22;
    public const int DuplicateBefore = 23;
    public const int CoherenceDocument = 24;
    public const int CoherenceHead = 25;
    public const int CoherenceTail = 26;
    public const int CoherenceWindow = 27;
    public const int PreviousTerminal = 28;
    public const int NextTerminal = 29;
    public const int PreviousWords = 30;
    public const int NextWords = 31;
    public const int ParagraphLines = 32;
    public const int StartsLower = 33;
    public const int Continues = 34;
    public const int VowelShare = 35;
    public const int ConsonantRun = 36;
    public const int Sentences = 37;
    public const int Separators = 38;
    public const int CalendarWords = 39;
    public const int ContentWords = 40;
    public const int CoherenceNeighbours = 41;
    public const int WindowTerminal = 42;
    public const int ParagraphCoherenceDocument = 43;
    public const int ParagraphCoherenceHead = 44;
    public const int PrefixCoherence = 45;
    public const int SuffixCoherence = 46;
    public const int ParagraphWords = 47;
    public const int ParagraphMeanWordLength = 48;
    public const int ParagraphStopRatio = 49;
    public const int TopicLine = 50;
    public const int TopicParagraphDocument = 51;
    public const int TopicParagraphHead = 52;
    public const int TopicBoundary = 53;
    public const int TopicPrevious = 54;
    public const int TopicNext = 55;
    public const int TopicShiftBefore = 56;
    public const int TopicBlock = 57;

    // Context from the first-stage junk model (filled between the two line stages).
    public const int ContextJunk = 58;
    public const int ContextJunkPrevious = 59;
    public const int ContextJunkNext = 60;
    public const int ContextJunkBeforeMax = 61;
    public const int ContextJunkBeforeMean = 62;
    public const int ContextJunkAfterMean = 63;
    public const int ContextJunkUnitMean = 64;
    public const int TopicInForeignRun = 65;
    public const int ContextJunkForeignRun = 66;
    public const int StyleUnit = 67;
    public const int StyleBoundary = 68;
    public const int StyleShiftBefore = 69;
    public const int StylePrevious = 70;
    public const int StyleForeignRun = 71;
    public const int StyleBlock = 72;

    // Language-model register shift (LanguageModelFeatures; missing without a lexicon).
    public const int LanguageUnitLogProb = 73;
    public const int LanguageUnitUnknown = 74;
    public const int LanguageUnitUnigram = 75;
    public const int LanguageUnitTrigram = 76;
    public const int LanguageUnitBigram = 77;
    public const int LanguagePreviousLogProb = 78;
    public const int LanguagePreviousUnknown = 79;
    public const int LanguagePreviousUnigram = 80;
    public const int LanguagePreviousTrigram = 81;
    public const int LanguagePreviousBigram = 82;
    public const int LanguageSuffixLogProb = 83;
    public const int LanguageSuffixUnknown = 84;
    public const int LanguageSuffixUnigram = 85;
    public const int LanguageSuffixTrigram = 86;
    public const int LanguageSuffixBigram = 87;
    public const int ParagraphWrapped = 88;
    public const int ParagraphLengthRatio = 89;
    public const int LeadLabel = 90;
    public const int LineCount = 91;

    // Document features.
    public const int DocWords = LineCount;
    public const int DocMeanWordLength = DocWords + 1;
    public const int DocAlphaWordShare = DocWords + 2;
    public const int DocGopherStopWords = DocWords + 3;
    public const int DocEllipsisLineShare = DocWords + 4;
    public const int DocDuplicateLineShare = DocWords + 5;
    public const int DocDuplicateCharShare = DocWords + 6;
    public const int DocC4LineShare = DocWords + 7;
    public const int DocLines = DocWords + 8;
    public const int DocGopherPass = DocWords + 9;
    public const int DocMojibakeDensity = DocWords + 10;
    public const int DocMangledLines = DocWords + 11;
    public const int DocStopRatio = DocWords + 12;
    public const int DocNonAsciiShare = DocWords + 13;
    public const int DocMeanLineWords = DocWords + 14;
    public const int DocShortLineShare = DocWords + 15;
    public const int DocVowelShare = DocWords + 16;
    public const int DocConsonantRun = DocWords + 17;
    public const int DocSymbolWordRatio = DocWords + 18;
    public const int DocTopicMinBoundary = DocWords + 19;
    public const int DocTopicMinParagraph = DocWords + 20;
    public const int DocTopicMinBlock = DocWords + 21;
    public const int DocStyleMaxBoundary = DocWords + 22;
    public const int DocStyleMaxUnit = DocWords + 23;
    public const int DocStyleForeignRun = DocWords + 24;
    public const int DocStyleBlock = DocWords + 25;
    public const int DocStyleBlockEffect = DocWords + 26;
    public const int DocLanguageLogProb = DocWords + 27;
    public const int DocLanguageUnknown = DocWords + 28;
    public const int DocLanguageLowestLogProb = DocWords + 29;
    public const int DocLanguageLowestUnigram = DocWords + 30;
    public const int DocLanguageHighestUnknown = DocWords + 31;
    public const int DocEnd = DocWords + 32;

    // Aggregates of the line models (document rows only).
    public const int AggJunkShare = DocEnd;
    public const int AggJunkMax = AggJunkShare + 1;
    public const int AggJunkLines = AggJunkShare + 2;
    public const int AggUnrelatedShare = AggJunkShare + 3;
    public const int AggUnrelatedRun = AggJunkShare + 4;
    public const int AggUnrelatedMax = AggJunkShare + 5;
    public const int AggRemovedCharShare = AggJunkShare + 6;
    public const int AggUnrelatedLines = AggJunkShare + 7;
    public const int AggUnrelatedWords = AggJunkShare + 8;
    public const int AggCoherenceDrop = AggJunkShare + 9;
    public const int AggLastParagraphCoherence = AggJunkShare + 10;
    public const int AggUnrelatedTopic = AggJunkShare + 11;
    public const int AggSoftUnrelatedTopic = AggJunkShare + 12;
    public const int AggJunkTopic = AggJunkShare + 13;
    public const int AggUnrelatedStyle = AggJunkShare + 14;
    public const int AggUnrelatedStyleSignificance = AggJunkShare + 15;
    public const int AggSoftUnrelatedStyle = AggJunkShare + 16;
    public const int AggKeptTopicMinUnit = AggJunkShare + 17;
    public const int AggKeptTopicMinBoundary = AggJunkShare + 18;
    public const int AggKeptStyleMaxBoundary = AggJunkShare + 19;
    public const int AggKeptStyleMaxUnit = AggJunkShare + 20;
    public const int AggUnrelatedLanguage = AggJunkShare + 21;
    public const int AggUnrelatedUnknown = AggJunkShare + 22;
    public const int AggKeptLanguageLowest = AggJunkShare + 23;
    public const int AggKeptLanguageHighest = AggJunkShare + 24;
    public const int AggKeptUnknownHighest = AggJunkShare + 25;
    public const int Count = AggJunkShare + 26;

    /// <summary>Schema name stored in the model file.</summary>
    public const string SchemaName = "quality";

    /// <summary>Schema version; bump when a feature's meaning changes without its name changing.</summary>
    public const int SchemaVersion = 4;

    /// <summary>Column names in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "line.chars_log", "line.words_log", "line.ends_terminal", "line.ends_ellipsis", "line.ends_colon",
        "line.stop_ratio", "line.capital_ratio", "line.allcaps_ratio", "line.digit_share", "line.letter_share",
        "line.nonascii_share", "line.mojibake", "line.urls", "line.handles", "line.mangled_signs",
        "line.punctuation_share", "line.symbol_share", "line.mean_word_length", "line.nonletter_run_log",
        "line.relative_position", "line.lines_from_end_log", "line.index_log", "line.duplicates",
        "line.duplicate_before", "line.coherence_document", "line.coherence_head", "line.coherence_tail",
        "line.coherence_window", "line.previous_terminal", "line.next_terminal", "line.previous_words_log",
        "line.next_words_log", "line.paragraph_lines", "line.starts_lower", "line.continues", "line.vowel_share",
        "line.consonant_run", "line.sentences", "line.separators", "line.calendar_words", "line.content_words_log",
        "line.coherence_neighbours", "line.window_terminal", "line.paragraph_coherence_document",
        "line.paragraph_coherence_head", "line.prefix_coherence", "line.suffix_coherence", "line.paragraph_words_log",
        "line.paragraph_word_length_difference", "line.paragraph_stop_ratio_difference",
        "line.topic_line", "line.topic_paragraph_document", "line.topic_paragraph_head", "line.topic_boundary",
        "line.topic_previous", "line.topic_next", "line.topic_shift_before", "line.topic_block",
        "context.junk", "context.junk_previous", "context.junk_next", "context.junk_before_max", "context.junk_before_mean",
        "context.junk_after_mean", "context.junk_unit_mean", "line.topic_in_foreign_run", "context.junk_foreign_run",
        "line.style_unit", "line.style_boundary", "line.style_shift_before", "line.style_previous", "line.style_foreign_run",
        "line.style_block",
        "line.lm_unit_log_prob", "line.lm_unit_unknown", "line.lm_unit_unigram", "line.lm_unit_trigram", "line.lm_unit_bigram", "line.lm_previous_log_prob", "line.lm_previous_unknown", "line.lm_previous_unigram", "line.lm_previous_trigram", "line.lm_previous_bigram", "line.lm_suffix_log_prob", "line.lm_suffix_unknown", "line.lm_suffix_unigram", "line.lm_suffix_trigram", "line.lm_suffix_bigram",
        "line.paragraph_wrapped", "line.paragraph_length_ratio", "line.lead_label",
        "doc.words_log", "doc.mean_word_length", "doc.alpha_word_share", "doc.gopher_stop_words",
        "doc.ellipsis_line_share", "doc.duplicate_line_share", "doc.duplicate_char_share", "doc.c4_line_share",
        "doc.lines_log", "doc.gopher_pass", "doc.mojibake_density", "doc.mangled_lines", "doc.stop_ratio",
        "doc.nonascii_share", "doc.mean_line_words", "doc.short_line_share", "doc.vowel_share",
        "doc.consonant_run", "doc.symbol_word_ratio", "doc.topic_min_boundary", "doc.topic_min_paragraph",
        "doc.topic_min_block", "doc.style_max_boundary", "doc.style_max_unit", "doc.style_foreign_run",
        "doc.style_block", "doc.style_block_effect",
        "doc.lm_logprob", "doc.lm_unknown", "doc.lm_lowest_suffix_logprob", "doc.lm_lowest_suffix_unigram", "doc.lm_highest_suffix_unknown",
        "agg.junk_share", "agg.junk_max", "agg.junk_lines_log", "agg.unrelated_share", "agg.unrelated_run_log",
        "agg.unrelated_max", "agg.removed_char_share", "agg.unrelated_lines_log", "agg.unrelated_words_log",
        "agg.coherence_drop", "agg.last_paragraph_coherence",
        "agg.unrelated_topic", "agg.soft_unrelated_topic", "agg.junk_topic",
        "agg.unrelated_style", "agg.unrelated_style_significance", "agg.soft_unrelated_style",
        "agg.kept_topic_min_unit", "agg.kept_topic_min_boundary", "agg.kept_style_max_boundary", "agg.kept_style_max_unit",
        "agg.unrelated_lm_logprob", "agg.unrelated_lm_unknown", "agg.kept_lm_lowest_suffix_logprob",
        "agg.kept_lm_highest_suffix_logprob", "agg.kept_lm_highest_suffix_unknown",
    ];
}
