namespace SpinDetect.Features;

/// <summary>
/// Summarises an analysed document and its token substitution probabilities into the document feature vector
/// (<see cref="DocumentFeatures"/>): how many substitutes to expect, how concentrated the strongest ones are,
/// and context statistics relative to the document's own baseline.
/// </summary>
internal static class DocumentFeatureBuilder
{
    /// <summary>Window, in eligible words, for the densest-window feature.</summary>
    internal const int Window = 40;

    /// <summary>Fills <paramref name="features"/> (length <see cref="DocumentFeatures.Count"/>).</summary>
    public static void Build(DocumentAnalysis analysis, Span<float> features)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (features.Length < DocumentFeatures.Count)
        {
            throw new ArgumentException($"Need {DocumentFeatures.Count} feature slots.", nameof(features));
        }

        features.Fill(float.NaN);
        var words = analysis.WordCount;
        var n = analysis.EligibleCount;
        features[DocumentFeatures.LogWords] = MathF.Log(1 + words);
        features[DocumentFeatures.EligibleShare] = words == 0 ? 0 : (float)n / words;
        if (n == 0)
        {
            return;
        }

        var p = analysis.Probabilities.AsSpan(0, n);
        float sum = 0, logit = 0;
        int above30 = 0, above50 = 0, above70 = 0, above90 = 0;
        foreach (var v in p)
        {
            sum += v;
            var clipped = Math.Clamp(v, 1e-4f, 1 - 1e-4f);
            logit += MathF.Log(clipped / (1 - clipped));
            above30 += v > 0.3f ? 1 : 0;
            above50 += v > 0.5f ? 1 : 0;
            above70 += v > 0.7f ? 1 : 0;
            above90 += v > 0.9f ? 1 : 0;
        }

        features[DocumentFeatures.ExpectedSubstitutesPer100] = 100f * sum / Math.Max(1, words);
        features[DocumentFeatures.ShareAbove30] = (float)above30 / n;
        features[DocumentFeatures.ShareAbove50] = (float)above50 / n;
        features[DocumentFeatures.ShareAbove70] = (float)above70 / n;
        features[DocumentFeatures.ShareAbove90] = (float)above90 / n;
        features[DocumentFeatures.MeanLogit] = logit / n;
        features[DocumentFeatures.DensestWindow] = DensestWindow(p);
        features[DocumentFeatures.ParagraphSpread] = ParagraphSpread(analysis, p);

        var sorted = analysis.Scratch.AsSpan(0, n);
        p.CopyTo(sorted);
        sorted.Sort();
        features[DocumentFeatures.Median] = Quantile(sorted, 0.5f);
        features[DocumentFeatures.Quantile75] = Quantile(sorted, 0.75f);
        features[DocumentFeatures.Quantile90] = Quantile(sorted, 0.9f);
        features[DocumentFeatures.Top5Mean] = TopMean(sorted, 5);
        features[DocumentFeatures.Top10Mean] = TopMean(sorted, 10);

        AddContextStatistics(analysis, features);
    }

    private static void AddContextStatistics(DocumentAnalysis analysis, Span<float> features)
    {
        var n = analysis.EligibleCount;
        float contextSum = 0;
        int breaks = 0, withCandidates = 0, gap1 = 0, gap2 = 0, lowContext = 0, unseen = 0;
        int withSimilarity = 0, similarityGain = 0, lowSimilarity = 0;
        float similaritySum = 0;
        for (var e = 0; e < n; e++)
        {
            var row = analysis.Row(e);
            contextSum += row[TokenFeatures.ContextLogProb];
            breaks += row[TokenFeatures.ArticleMismatch] + row[TokenFeatures.DeterminerBeforeNonNominal]
                + row[TokenFeatures.GovernorBeforeNonVerb] > 0 ? 1 : 0;
            var gap = row[TokenFeatures.BestCandidateGap];
            if (!float.IsNaN(gap))
            {
                withCandidates++;
                gap1 += gap > 1 ? 1 : 0;
                gap2 += gap > 2 ? 1 : 0;
            }

            // Several log10 units below the document's own median context fit: an outlier for this text.
            lowContext += row[TokenFeatures.ContextVsDocument] < -3 ? 1 : 0;
            unseen += row[TokenFeatures.LeftOrder] < 2 && row[TokenFeatures.LeftIsKnown] > 0 ? 1 : 0;
            var similarity = row[TokenFeatures.ContextSimilarity];
            if (!float.IsNaN(similarity))
            {
                withSimilarity++;
                similaritySum += similarity;
                similarityGain += row[TokenFeatures.CandidateSimilarityGain] > 0.1f ? 1 : 0;
                lowSimilarity += row[TokenFeatures.SimilarityVsDocument] < -0.15f ? 1 : 0;
            }
        }

        features[DocumentFeatures.MeanContextLogProb] = contextSum / n;
        // Among the words a spinner would replace, the share the vocabulary lacks (which are not scored).
        features[DocumentFeatures.UnknownRate] = (float)analysis.UnknownCount / (n + analysis.UnknownCount);
        features[DocumentFeatures.AgreementBreaksPer100] = 100f * breaks / Math.Max(1, analysis.WordCount);
        features[DocumentFeatures.ShareWithCandidates] = (float)withCandidates / n;
        features[DocumentFeatures.ShareLowContext] = (float)lowContext / n;
        features[DocumentFeatures.ShareUnseenBigrams] = (float)unseen / n;
        if (withSimilarity > 0)
        {
            features[DocumentFeatures.MeanContextSimilarity] = similaritySum / withSimilarity;
            features[DocumentFeatures.ShareSimilarityGain] = (float)similarityGain / withSimilarity;
            features[DocumentFeatures.ShareLowSimilarity] = (float)lowSimilarity / withSimilarity;
        }

        if (withCandidates > 0)
        {
            features[DocumentFeatures.MedianCandidateGap] = SpinFeaturizer.Median(analysis, TokenFeatures.BestCandidateGap);
            features[DocumentFeatures.ShareGapAbove1] = (float)gap1 / withCandidates;
            features[DocumentFeatures.ShareGapAbove2] = (float)gap2 / withCandidates;
        }
    }

    private static float DensestWindow(ReadOnlySpan<float> p)
    {
        var window = Math.Min(Window, p.Length);
        float current = 0;
        for (var i = 0; i < window; i++)
        {
            current += p[i];
        }

        var best = current;
        for (var i = window; i < p.Length; i++)
        {
            current += p[i] - p[i - window];
            best = Math.Max(best, current);
        }

        return best / window;
    }

    private static float ParagraphSpread(DocumentAnalysis analysis, ReadOnlySpan<float> p)
    {
        // Share of paragraphs that hold at least one likely substitute: spinners spread them evenly, while a
        // single odd word in an otherwise clean text stays in one place.
        int paragraphs = 0, hit = 0, current = -1;
        var currentHit = false;
        for (var e = 0; e < p.Length; e++)
        {
            var paragraph = analysis.EligibleParagraphs[e];
            if (paragraph != current)
            {
                hit += currentHit ? 1 : 0;
                paragraphs++;
                current = paragraph;
                currentHit = false;
            }

            currentHit |= p[e] > 0.5f;
        }

        hit += currentHit ? 1 : 0;
        return paragraphs == 0 ? 0 : (float)hit / paragraphs;
    }

    private static float Quantile(ReadOnlySpan<float> sorted, float q)
    {
        var index = q * (sorted.Length - 1);
        var lower = (int)index;
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((index - lower) * (sorted[upper] - sorted[lower]));
    }

    private static float TopMean(ReadOnlySpan<float> sorted, int k)
    {
        k = Math.Min(k, sorted.Length);
        float sum = 0;
        for (var i = sorted.Length - k; i < sorted.Length; i++)
        {
            sum += sorted[i];
        }

        return sum / k;
    }
}
