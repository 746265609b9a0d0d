namespace SpinDetect.Features;

/// <summary>
/// The per-word input of the second, contextual token model: the first token model's verdict on the word set
/// against its verdicts on the rest of the document (how spun the document looks without this word, its
/// neighbours, its paragraph, the word's other occurrences and those of its best candidate original), and a few
/// of the word's own features to condition on. A spinner works through a whole text at one rate, so a word's
/// neighbours are evidence about it; a word the author repeats unchanged elsewhere is rarely a substitute.
/// </summary>
/// <remarks>
/// Changing the list changes <see cref="SchemaVersion"/> and so the schema hash a model file is checked against.
/// </remarks>
internal static class TokenContextFeatures
{
    /// <summary>Version of this schema; bump when columns change meaning.</summary>
    public const int SchemaVersion = 1;

    public const int OwnLogit = 0;
    public const int DocumentMean = 1;
    public const int DocumentShareAbove50 = 2;
    public const int LogEligible = 3;
    public const int WindowMean = 4;
    public const int NeighbourMax = 5;
    public const int ParagraphMean = 6;
    public const int SameWordMean = 7;
    public const int SameWordOthers = 8;
    public const int RankInDocument = 9;
    public const int CandidateOccurrenceMean = 10;
    public const int BestCandidateInDocument = 11;
    public const int WordRepeats = 12;
    public const int WordLength = 13;
    public const int BestCandidateGap = 14;
    public const int Unigram = 15;
    public const int CandidateSimilarityGain = 16;
    public const int ContextVsDocument = 17;
    public const int LeftAssociation = 18;

    /// <summary>Number of columns.</summary>
    public const int Count = 19;

    /// <summary>Eligible words on each side whose probabilities form <see cref="WindowMean"/>.</summary>
    internal const int Window = 4;

    /// <summary>Eligible words on each side whose largest probability is <see cref="NeighbourMax"/>.</summary>
    internal const int NearWindow = 2;

    /// <summary>Column names, in column order.</summary>
    public static readonly string[] Names =
    [
        "own_logit", "document_mean", "document_share_above_50", "log_eligible", "window_mean", "neighbour_max",
        "paragraph_mean", "same_word_mean", "same_word_others", "rank_in_document", "candidate_occurrence_mean",
        "best_candidate_in_document", "word_repeats", "word_length", "best_candidate_gap", "unigram",
        "candidate_similarity_gain", "context_vs_document", "left_association",
    ];

    // The token features copied into the contextual row, as (context column, token column) pairs.
    private static ReadOnlySpan<byte> CopiedColumns =>
    [
        BestCandidateInDocument, TokenFeatures.BestCandidateInDocument,
        WordRepeats, TokenFeatures.WordRepeats,
        WordLength, TokenFeatures.WordLength,
        BestCandidateGap, TokenFeatures.BestCandidateGap,
        Unigram, TokenFeatures.Unigram,
        CandidateSimilarityGain, TokenFeatures.CandidateSimilarityGain,
        ContextVsDocument, TokenFeatures.ContextVsDocument,
        LeftAssociation, TokenFeatures.LeftAssociation,
    ];

    /// <summary>
    /// Fills <see cref="DocumentAnalysis.ContextFeatures"/> from the token features and the first model's
    /// probabilities in <see cref="DocumentAnalysis.Probabilities"/>; one row per eligible word.
    /// </summary>
    public static void Build(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var n = analysis.EligibleCount;
        analysis.EnsureContextCapacity(n);
        if (n == 0)
        {
            return;
        }

        var p = analysis.Probabilities.AsSpan(0, n);
        var ids = analysis.StreamIds;
        var positions = analysis.EligiblePositions;
        var byWord = analysis.EligibleWordProbabilities;
        byWord.Reset(n);
        float sum = 0;
        var above50 = 0;
        for (var e = 0; e < n; e++)
        {
            sum += p[e];
            above50 += p[e] > 0.5f ? 1 : 0;
            var id = ids[positions[e]];
            if (id >= 0)
            {
                byWord.Add(id, p[e]);
            }
        }

        // Ranks: the share of the other words the first model found less suspicious.
        var sorted = analysis.Scratch.AsSpan(0, n);
        p.CopyTo(sorted);
        sorted.Sort();
        var logEligible = MathF.Log2(1 + n);
        var others = Math.Max(1, n - 1);
        var paragraphStart = 0;
        var paragraphEnd = 0;
        var paragraphSum = 0f;
        for (var e = 0; e < n; e++)
        {
            if (e == paragraphStart)
            {
                paragraphSum = ParagraphSum(analysis, p, e, out paragraphEnd);
            }

            var row = analysis.ContextRow(e);
            var own = p[e];
            var clipped = Math.Clamp(own, 1e-4f, 1 - 1e-4f);
            row[OwnLogit] = MathF.Log(clipped / (1 - clipped));
            row[DocumentMean] = n > 1 ? (sum - own) / others : float.NaN;
            row[DocumentShareAbove50] = n > 1 ? (above50 - (own > 0.5f ? 1 : 0)) / (float)others : float.NaN;
            row[LogEligible] = logEligible;
            row[WindowMean] = WindowMeanAround(p, e, Window);
            row[NeighbourMax] = NeighbourMaxAround(p, e, NearWindow);
            var paragraphLength = paragraphEnd - paragraphStart;
            row[ParagraphMean] = paragraphLength > 1 ? (paragraphSum - own) / (paragraphLength - 1) : float.NaN;

            var id = ids[positions[e]];
            var sameCount = id >= 0 ? byWord.CountOf(id) - 1 : 0;
            row[SameWordOthers] = sameCount;
            row[SameWordMean] = sameCount > 0 ? (byWord.SumOf(id) - own) / sameCount : float.NaN;
            row[RankInDocument] = n > 1 ? LowerCount(sorted, own) / (float)others : float.NaN;
            var best = analysis.BestCandidates[e];
            var bestCount = best >= 0 ? byWord.CountOf(best) : 0;
            row[CandidateOccurrenceMean] = bestCount > 0 ? byWord.SumOf(best) / bestCount : float.NaN;

            var tokenRow = analysis.Row(e);
            var copied = CopiedColumns;
            for (var c = 0; c < copied.Length; c += 2)
            {
                row[copied[c]] = tokenRow[copied[c + 1]];
            }

            if (e + 1 == paragraphEnd)
            {
                paragraphStart = e + 1;
            }
        }
    }

    // Sum of the probabilities of the paragraph that starts at eligible word `start`, and the index past its end.
    private static float ParagraphSum(DocumentAnalysis analysis, ReadOnlySpan<float> p, int start, out int end)
    {
        var paragraph = analysis.EligibleParagraphs[start];
        var sum = 0f;
        end = start;
        while (end < p.Length && analysis.EligibleParagraphs[end] == paragraph)
        {
            sum += p[end++];
        }

        return sum;
    }

    private static float WindowMeanAround(ReadOnlySpan<float> p, int e, int width)
    {
        var from = Math.Max(0, e - width);
        var to = Math.Min(p.Length - 1, e + width);
        if (to - from < 1)
        {
            return float.NaN;
        }

        var sum = 0f;
        for (var i = from; i <= to; i++)
        {
            sum += p[i];
        }

        return (sum - p[e]) / (to - from);
    }

    private static float NeighbourMaxAround(ReadOnlySpan<float> p, int e, int width)
    {
        var from = Math.Max(0, e - width);
        var to = Math.Min(p.Length - 1, e + width);
        var max = float.NaN;
        for (var i = from; i <= to; i++)
        {
            if (i != e && !(p[i] <= max))
            {
                max = p[i];
            }
        }

        return max;
    }

    // Number of values in the ascending `sorted` strictly below `value` (binary search for the first ≥ value).
    private static int LowerCount(ReadOnlySpan<float> sorted, float value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
