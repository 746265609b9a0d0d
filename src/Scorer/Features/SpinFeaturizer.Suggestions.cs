using SpinDetect.Lexicon;

namespace SpinDetect.Features;

// The suggestion ranker's rows: what a learned ranker reads to choose a suspicious word's likely original.
internal sealed partial class SpinFeaturizer
{
    /// <summary>
    /// Fills one <see cref="SuggestionFeatures"/> row per candidate original of eligible word <paramref name="e"/>
    /// of the analysed document (its reverse synonyms, most frequent first, at most
    /// <see cref="MaxSuggestionCandidates"/> and the length of <paramref name="candidates"/>) into
    /// <paramref name="rows"/> (row-major) and the candidates' ids into <paramref name="candidates"/>; returns how
    /// many. A feature that cannot be computed (a word without a vector) is NaN.
    /// </summary>
    internal int SuggestionRows(DocumentAnalysis analysis, int e, Span<int> candidates, Span<float> rows)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var position = analysis.EligiblePositions[e];
        var w = analysis.StreamIds[position];
        var all = _stats.AllReverseSynonyms(w);
        var n = Math.Min(all.Length, Math.Min(MaxSuggestionCandidates, candidates.Length));
        if (n == 0)
        {
            return 0;
        }

        const int Width = SuggestionFeatures.Count;
        if (rows.Length < n * Width)
        {
            throw new ArgumentException("The row span is too short for the candidates.", nameof(rows));
        }

        var ids = candidates[..n];
        all[..n].CopyTo(ids);
        rows = rows[..(n * Width)];
        var (_, _, l2, l1, r1, r2) = Neighbours(analysis, position);
        var history = _stats.History(l2, l1);
        var r1r2 = ReferenceLexicon.NotSearched;

        // The observed word's own context, which every candidate is compared with, then the candidates'.
        Span<ContextScore> ownScore = stackalloc ContextScore[1];
        ScoreSlot(history, [w], r1, r2, ref r1r2, ownScore);
        var own = ownScore[0];
        Span<ContextScore> scores = stackalloc ContextScore[MaxSuggestionCandidates];
        ScoreSlot(history, ids, r1, r2, ref r1r2, scores);
        var ownUnigram = _stats.Unigram(w);
        var ownPos = _stats.PartsOfSpeechOf(w);
        var best = float.NegativeInfinity;
        var counts = analysis.WordCounts;
        var listLength = MathF.Log2(1 + all.Length);
        for (var k = 0; k < n; k++)
        {
            var c = ids[k];
            var score = scores[k];
            var unigram = _stats.Unigram(c);
            var row = rows.Slice(k * Width, Width);
            row[SuggestionFeatures.LeftLogProb] = score.Left;
            row[SuggestionFeatures.RightLogProb] = score.Right;
            row[SuggestionFeatures.Right2LogProb] = score.Right2;
            row[SuggestionFeatures.OrderSum] = score.OrderSum;
            row[SuggestionFeatures.ContextLogProb] = score.Total;
            row[SuggestionFeatures.GapToObserved] = score.Total - own.Total;
            row[SuggestionFeatures.LeftGapToObserved] = score.Left - own.Left;
            row[SuggestionFeatures.RightGapToObserved] = score.Right + score.Right2 - own.Right - own.Right2;
            row[SuggestionFeatures.AssociationGapToObserved] = (score.Total - unigram) - (own.Total - ownUnigram);
            row[SuggestionFeatures.Unigram] = unigram;
            row[SuggestionFeatures.UnigramGap] = unigram - ownUnigram;
            row[SuggestionFeatures.ListRank] = MathF.Log2(1 + k);
            row[SuggestionFeatures.ListLength] = listLength;
            row[SuggestionFeatures.InDocument] = MathF.Log2(1 + counts.CountOf(c));
            row[SuggestionFeatures.SharesPartOfSpeech] = (_stats.PartsOfSpeechOf(c) & ownPos) != 0 ? 1 : 0;
            var synonyms = _stats.SynonymCount(c);
            row[SuggestionFeatures.SynonymCount] = synonyms < 0 ? float.NaN : MathF.Log2(1 + synonyms);
            best = Math.Max(best, score.Total);
        }

        for (var k = 0; k < n; k++)
        {
            // Rank by context fit among the candidates (0 = best): how many fit strictly better.
            var rank = 0;
            for (var j = 0; j < n; j++)
            {
                rank += scores[j].Total > scores[k].Total ? 1 : 0;
            }

            var row = rows.Slice(k * Width, Width);
            row[SuggestionFeatures.GapToBest] = scores[k].Total - best;
            row[SuggestionFeatures.ContextRank] = MathF.Log2(1 + rank);
        }

        AddSuggestionSimilarity(analysis, position, w, ids, rows);
        return n;
    }

    /// <summary>
    /// The fixed rule's score of a candidate from its <see cref="SuggestionFeatures"/> row, the same value
    /// <see cref="BestSuggestion"/> gives it: context fit, weighed with closeness to the observed word and against
    /// mere frequency. The rule models without a ranker use, and the yardstick the ranker is measured against.
    /// </summary>
    internal static float RuleScore(ReadOnlySpan<float> row) =>
        RuleTotal(row[SuggestionFeatures.ContextLogProb], row[SuggestionFeatures.Unigram], row[SuggestionFeatures.SynonymCosine]);

    // The fixed rule from a candidate's context log-probability, its unigram log-probability and its cosine to the
    // observed word (NaN when either has no vector: the term is left out).
    private static float RuleTotal(float context, float unigram, float cosine)
    {
        var total = context;
        total += SuggestionFrequencyWeight * unigram;
        if (!float.IsNaN(cosine))
        {
            total += SuggestionSynonymWeight * cosine;
        }

        return total;
    }

    /// <summary>
    /// The candidates the ranker's trees score: the <see cref="RankedSuggestionCandidates"/> with the highest
    /// <see cref="RuleScore"/> among the <paramref name="count"/> rows (ties to the earlier, more frequent candidate),
    /// as row indices in ascending order into <paramref name="kept"/>; returns how many. The rows are computed for all
    /// candidates (their gaps and ranks compare each with all the others), the trees only for the shortlist.
    /// </summary>
    internal static int ShortlistSuggestions(ReadOnlySpan<float> rows, int count, Span<int> kept)
    {
        var take = Math.Min(count, Math.Min(RankedSuggestionCandidates, kept.Length));
        Span<float> scores = stackalloc float[MaxSuggestionCandidates];
        for (var k = 0; k < count; k++)
        {
            scores[k] = RuleScore(rows.Slice(k * SuggestionFeatures.Count, SuggestionFeatures.Count));
        }

        // Selection of the best `take` (a candidate beats another with a higher score, or an equal one earlier in the list).
        var selected = 0;
        for (var k = 0; k < count; k++)
        {
            var beaten = 0;
            for (var j = 0; j < count && beaten < take; j++)
            {
                beaten += scores[j] > scores[k] || (scores[j] == scores[k] && j < k) ? 1 : 0;
            }

            if (beaten < take)
            {
                kept[selected++] = k;
            }
        }

        return selected;
    }

    // The vector columns: closeness to the observed word, and how much closer than the observed word each candidate
    // is to the content words around it and to the whole document. NaN without vectors.
    private void AddSuggestionSimilarity(DocumentAnalysis analysis, int position, int w, ReadOnlySpan<int> ids, Span<float> rows)
    {
        const int Width = SuggestionFeatures.Count;
        var n = ids.Length;
        var vectors = _vectors;
        var hasOwn = vectors is not null && vectors.Has(w);
        for (var k = 0; k < n; k++)
        {
            var row = rows.Slice(k * Width, Width);
            var has = hasOwn && vectors!.Has(ids[k]);
            row[SuggestionFeatures.SynonymCosine] = has ? vectors!.Cosine(ids[k], w) : float.NaN;
            row[SuggestionFeatures.ContextCosineGain] = float.NaN;
            row[SuggestionFeatures.DocumentCosineGain] = float.NaN;
        }

        if (!hasOwn)
        {
            return;
        }

        // The observed word first, then the candidates, against one centroid at a time.
        Span<int> words = stackalloc int[MaxSuggestionCandidates + 1];
        Span<float> cosines = stackalloc float[MaxSuggestionCandidates + 1];
        words[0] = w;
        ids.CopyTo(words[1..]);
        words = words[..(n + 1)];
        Span<int> window = stackalloc int[2 * SimilarityWindow];
        var count = GatherWindow(analysis, position, window);
        if (count > 0)
        {
            Span<float> centroid = vectors!.Dimensions <= 512 ? stackalloc float[vectors.Dimensions] : new float[vectors.Dimensions];
            vectors.Centroid(window[..count], centroid);
            vectors.Cosines(words, centroid, WordEmbeddings.Norm(centroid), cosines);
            FillGains(vectors, ids, cosines, rows, SuggestionFeatures.ContextCosineGain);
        }

        if (analysis.DocumentCentroid.Length == vectors!.Dimensions)
        {
            vectors.Cosines(words, analysis.DocumentCentroid, WordEmbeddings.Norm(analysis.DocumentCentroid), cosines);
            FillGains(vectors, ids, cosines, rows, SuggestionFeatures.DocumentCosineGain);
        }
    }

    // Each candidate's cosine (at k + 1) less the observed word's (at 0) into column of its row; NaN without a vector.
    private static void FillGains(WordEmbeddings vectors, ReadOnlySpan<int> ids, ReadOnlySpan<float> cosines, Span<float> rows, int column)
    {
        for (var k = 0; k < ids.Length; k++)
        {
            rows[(k * SuggestionFeatures.Count) + column] = vectors.Has(ids[k]) ? cosines[k + 1] - cosines[0] : float.NaN;
        }
    }
}
