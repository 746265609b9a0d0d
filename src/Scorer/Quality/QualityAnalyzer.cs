using SpinDetect.Text;
using F = SpinDetect.Quality.QualityFeatures;

namespace SpinDetect.Quality;

/// <summary>
/// Scores the quality of a text: per-line junk and unrelated-content probabilities from the line models, the
/// document probability of clean prose, and the flags (model decisions combined with the Gopher/C4-style rules).
/// Stateless apart from per-thread scratch buffers; safe to call from many threads at once.
/// </summary>
internal sealed class QualityAnalyzer
{
    /// <summary>Junk probability below which a line is not scored by the unrelated-content model.</summary>
    internal const float UnrelatedCandidate = 0.1f;

    /// <summary>Creates an analyzer over a trained model.</summary>
    public QualityAnalyzer(QualityModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
    }

    /// <summary>The analyzer over <see cref="QualityModel.Default"/>.</summary>
    public static QualityAnalyzer Default => LoadedDefault.Value;

    // As QualityModel.Default: made once, and a failure (no model yet) is not remembered.
    private static readonly LoadOnce<QualityAnalyzer> LoadedDefault = new(() => new QualityAnalyzer(QualityModel.Default));

    /// <summary>The model used.</summary>
    public QualityModel Model { get; }

    /// <summary>Analyses <paramref name="text"/>.</summary>
    public QualityResult Analyze(ReadOnlySpan<char> text)
    {
        var scratch = QualityScratch.Rent();
        try
        {
            Tokenizer.Tokenize(text, scratch.Tokens);
            return Analyze(text, scratch.Tokens.AsSpan(), scratch);
        }
        finally
        {
            QualityScratch.Return(scratch);
        }
    }

    /// <summary>Analyses <paramref name="text"/> whose tokens the caller already has (from
    /// <see cref="Tokenizer.Tokenize"/>), so spin scoring and quality analysis tokenise once.</summary>
    public QualityResult Analyze(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        var scratch = QualityScratch.Rent();
        try
        {
            return Analyze(text, tokens, scratch);
        }
        finally
        {
            QualityScratch.Return(scratch);
        }
    }

    private QualityResult Analyze(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, QualityScratch scratch)
    {
        var junkLines = new List<JunkLine>();
        var verdict = Judge(text, tokens, scratch, junkLines, out var lineCount);
        return new QualityResult(
            verdict.Quality, verdict.Flags, verdict.Words, verdict.ArticleWords, verdict.Appended, junkLines,
            scratch.Lines.AsSpan(0, lineCount).ToArray());
    }

    /// <summary>
    /// The quality verdict of <paramref name="text"/> for scoring: when it has junk lines, the text without them is
    /// written to <paramref name="clean"/> and <paramref name="cleaned"/> is true. Allocates nothing (the junk lines
    /// and line table stay in per-thread scratch); the same verdict as <see cref="Analyze(ReadOnlySpan{char})"/>.
    /// </summary>
    internal QualityVerdict AnalyzeForScoring(ReadOnlySpan<char> text, CleanTextWriter clean, out bool cleaned)
    {
        var scratch = QualityScratch.Rent();
        try
        {
            Tokenizer.Tokenize(text, scratch.Tokens);
            return AnalyzeForScoring(text, scratch.Tokens.AsSpan(), scratch, clean, out cleaned);
        }
        finally
        {
            QualityScratch.Return(scratch);
        }
    }

    /// <summary>
    /// <see cref="AnalyzeForScoring(ReadOnlySpan{char}, CleanTextWriter, out bool)"/> of a text the caller has
    /// tokenised (<paramref name="tokens"/>, from <see cref="Tokenizer.Tokenize"/>), so scoring tokenises once.
    /// </summary>
    internal QualityVerdict AnalyzeForScoring(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, CleanTextWriter clean, out bool cleaned)
    {
        var scratch = QualityScratch.Rent();
        try
        {
            return AnalyzeForScoring(text, tokens, scratch, clean, out cleaned);
        }
        finally
        {
            QualityScratch.Return(scratch);
        }
    }

    private QualityVerdict AnalyzeForScoring(
        ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, QualityScratch scratch, CleanTextWriter clean, out bool cleaned)
    {
        var verdict = Judge(text, tokens, scratch, scratch.JunkLines, out var lineCount);
        cleaned = scratch.JunkLines.Count > 0;
        if (cleaned)
        {
            clean.Write(text, scratch.JunkLines, scratch.Lines.AsSpan(0, lineCount));
        }

        return verdict;
    }

    private QualityVerdict Judge(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, QualityScratch scratch, List<JunkLine> junkLines, out int lineCount)
    {
        scratch.Idf = Model.Idf;
        scratch.Vectors = Model.Vectors;
        scratch.Lexicon = Model.Lexicon;
        lineCount = QualityFeatureExtractor.Extract(text, tokens, scratch, out var stats);
        ScoreLines(scratch, lineCount, Model);
        DecideLines(scratch, lineCount, Model.Thresholds, junkLines, out var unrelatedWords, out var boilerplate, out var junkWords);
        FillAggregates(scratch, lineCount, Model.Thresholds);
        var quality = lineCount == 0 ? 0 : Model.Document.Probability(scratch.DocumentRow);
        var appended = lineCount == 0 ? 0 : Model.Appended.Probability(scratch.DocumentRow);
        var flags = Flag(stats, stats.Words - junkWords, unrelatedWords, appended, boilerplate, scratch, lineCount, Model.Thresholds);
        return new QualityVerdict(quality, flags, stats.Words, stats.Words - junkWords, appended, unrelatedWords);
    }

    /// <summary>The two inputs of the <see cref="QualityFlags.AppendedUnrelated"/> decision for <paramref name="text"/>:
    /// the appended-content probability and the words in the longest run of lines removed as unrelated (the trainer
    /// tunes both thresholds on them).</summary>
    internal (double Appended, int UnrelatedWords) AppendedEvidence(ReadOnlySpan<char> text)
    {
        var scratch = QualityScratch.Rent();
        try
        {
            // The same pipeline as scoring, so the thresholds are tuned on exactly what the runtime decides from.
            Tokenizer.Tokenize(text, scratch.Tokens);
            var verdict = Judge(text, scratch.Tokens.AsSpan(), scratch, scratch.JunkLines, out _);
            return (verdict.Appended, verdict.UnrelatedWords);
        }
        finally
        {
            QualityScratch.Return(scratch);
        }
    }

    /// <summary>Fills <c>scratch.Junk</c> and <c>scratch.Unrelated</c> for rows already extracted.</summary>
    internal static void ScoreLines(QualityScratch scratch, int lineCount, QualityModel model)
    {
        ScoreFirstStage(scratch, lineCount, model);
        // All lines at once: the batch path of the trees gives each row the bits the one-row walk gives, faster.
        model.Junk.Probabilities(scratch.Rows.AsSpan(0, lineCount * F.Count), scratch.Junk.AsSpan(0, lineCount));
        for (var li = 0; li < lineCount; li++)
        {
            var row = scratch.Rows.AsSpan(li * F.Count, F.Count);
            var junk = scratch.Junk[li];

            // Only lines that may be removed need the second model; the others count as not unrelated.
            scratch.Unrelated[li] = junk >= UnrelatedCandidate ? (float)model.Unrelated.Probability(row) : 0f;
        }
    }

    /// <summary>Runs the first-stage junk model, if the model has one, and writes its outputs into the context
    /// columns of the rows.</summary>
    internal static void ScoreFirstStage(QualityScratch scratch, int lineCount, QualityModel model)
    {
        if (model.FirstJunk is null)
        {
            return;
        }

        model.FirstJunk.Probabilities(scratch.Rows.AsSpan(0, lineCount * F.Count), scratch.Junk.AsSpan(0, lineCount));
        QualityFeatureExtractor.WriteJunkContext(scratch, lineCount, scratch.Junk);
    }

    /// <summary>Fills the aggregate columns of the document row from the line probabilities.</summary>
    internal static void FillAggregates(QualityScratch scratch, int lineCount, QualityThresholds thresholds)
    {
        var row = scratch.DocumentRow.AsSpan();
        if (lineCount == 0)
        {
            return;
        }

        double junkShare = 0, junkMax = 0, unrelatedShare = 0, unrelatedMax = 0, removedChars = 0, totalChars = 0;
        int junkLines = 0, run = 0, longestRun = 0, unrelatedLines = 0, unrelatedWords = 0;
        var coherenceDrop = 0f;
        for (var li = 0; li < lineCount; li++)
        {
            var junk = scratch.Junk[li];
            var unrelated = scratch.Unrelated[li];
            var length = scratch.Lines[li].Length;
            junkShare += junk;
            junkMax = Math.Max(junkMax, junk);
            unrelatedShare += unrelated;
            unrelatedMax = Math.Max(unrelatedMax, unrelated);
            totalChars += length;
            if (junk >= thresholds.Junk)
            {
                junkLines++;
                removedChars += length;
            }

            if (junk < thresholds.Junk)
            {
                run = 0;
            }
            else if (unrelated >= thresholds.Unrelated)
            {
                var words = (int)Math.Round(Math.Exp(scratch.Rows[(li * F.Count) + F.LineWords]) - 1);
                run += words;
                longestRun = Math.Max(longestRun, run);
                unrelatedLines++;
                unrelatedWords += words;
            }

            var drop = scratch.Rows[(li * F.Count) + F.PrefixCoherence] - scratch.Rows[(li * F.Count) + F.SuffixCoherence];
            if (drop > coherenceDrop)
            {
                coherenceDrop = drop;
            }
        }

        row[F.AggJunkShare] = (float)(junkShare / lineCount);
        row[F.AggJunkMax] = (float)junkMax;
        row[F.AggJunkLines] = (float)Math.Log(1 + junkLines);
        row[F.AggUnrelatedShare] = (float)(unrelatedShare / lineCount);
        row[F.AggUnrelatedRun] = (float)Math.Log(1 + longestRun);
        row[F.AggUnrelatedMax] = (float)unrelatedMax;
        row[F.AggRemovedCharShare] = totalChars == 0 ? 0 : (float)(removedChars / totalChars);
        row[F.AggUnrelatedLines] = (float)Math.Log(1 + unrelatedLines);
        row[F.AggUnrelatedWords] = (float)Math.Log(1 + unrelatedWords);
        row[F.AggCoherenceDrop] = coherenceDrop;
        row[F.AggLastParagraphCoherence] = scratch.Rows[((lineCount - 1) * F.Count) + F.ParagraphCoherenceHead];
        FillTopicAggregates(scratch, lineCount, thresholds, row);
        FillStyleAggregates(scratch, lineCount, thresholds, row);
        FillKeptAggregates(scratch, lineCount, thresholds, row);
        if (scratch.Lexicon is not null)
        {
            LanguageModelFeatures.FillAggregates(scratch, lineCount, thresholds, row);
        }
    }

    /// <summary>Least topic weight of a unit, and least tokens of its style profile, to count in the kept-text
    /// aggregates (a few content words).</summary>
    private const float KeptUnitMinimum = 12;

    /// <summary>
    /// Topic and style outliers of the text once the lines judged page furniture (junk, not unrelated) are set aside:
    /// the lowest cosine of a unit with the rest, the lowest cosine of the text before a unit with the text from it
    /// on, the largest style change-point significance and the largest unit style effect. The extraction-time
    /// versions of these see boilerplate lines too, which look foreign in every corrupted page; without them, a
    /// foreign block the line models left in place still stands out.
    /// </summary>
    private static void FillKeptAggregates(QualityScratch scratch, int lineCount, QualityThresholds thresholds, Span<float> row)
    {
        const int K = QualityFeatureExtractor.StyleClasses;
        var lines = scratch.Lines.AsSpan(0, lineCount);
        var rows = scratch.Rows.AsSpan(0, lineCount * F.Count);
        var vectors = scratch.Vectors;
        var d = vectors?.Dimensions ?? 0;
        Span<float> whole = stackalloc float[Math.Max(d, 1)];
        Span<float> unit = stackalloc float[Math.Max(d, 1)];
        Span<float> prefix = stackalloc float[Math.Max(d, 1)];
        Span<float> styleTotal = stackalloc float[K];
        Span<float> styleUnit = stackalloc float[K];
        Span<float> stylePrefix = stackalloc float[K];
        whole.Clear();
        styleTotal.Clear();
        float totalWeight = 0, totalTokens = 0;
        SumKept(scratch, 0, lineCount - 1, thresholds, d, whole, styleTotal, ref totalWeight, ref totalTokens);

        float minUnit = float.NaN, minBoundary = float.NaN, maxStyleBoundary = float.NaN, maxStyleUnit = float.NaN;
        float prefixWeight = 0, prefixTokens = 0;
        prefix.Clear();
        stylePrefix.Clear();
        var first = 0;
        while (first < lineCount)
        {
            var last = first;
            while (last + 1 < lineCount && !QualityFeatureExtractor.StartsUnit(lines, rows, last + 1))
            {
                last++;
            }

            unit.Clear();
            styleUnit.Clear();
            float unitWeight = 0, unitTokens = 0;
            SumKept(scratch, first, last, thresholds, d, unit, styleUnit, ref unitWeight, ref unitTokens);

            if (d > 0 && unitWeight >= KeptUnitMinimum)
            {
                if (prefixWeight >= 0.25f * totalWeight)
                {
                    var boundary = QualityVectors.CosineWithRest(prefix[..d], whole[..d]);
                    if (!float.IsNaN(boundary) && !(boundary >= minBoundary))
                    {
                        minBoundary = boundary;
                    }
                }

                var toRest = QualityVectors.CosineWithRest(unit[..d], whole[..d]);
                if (!float.IsNaN(toRest) && !(toRest >= minUnit))
                {
                    minUnit = toRest;
                }
            }

            if (unitTokens >= KeptUnitMinimum)
            {
                if (prefixTokens >= 0.25f * totalTokens)
                {
                    var significance = QualityFeatureExtractor.StyleContrast(stylePrefix, styleTotal).Significance;
                    if (!float.IsNaN(significance) && !(significance <= maxStyleBoundary))
                    {
                        maxStyleBoundary = significance;
                    }
                }

                var effect = QualityFeatureExtractor.StyleContrast(styleUnit, styleTotal).Effect;
                if (unitTokens >= 20 && !float.IsNaN(effect) && !(effect <= maxStyleUnit))
                {
                    maxStyleUnit = effect;
                }
            }

            if (d > 0)
            {
                Add(prefix[..d], unit[..d]);
            }

            Add(stylePrefix, styleUnit);
            prefixWeight += unitWeight;
            prefixTokens += unitTokens;
            first = last + 1;
        }

        row[F.AggKeptTopicMinUnit] = minUnit;
        row[F.AggKeptTopicMinBoundary] = minBoundary;
        row[F.AggKeptStyleMaxBoundary] = maxStyleBoundary;
        row[F.AggKeptStyleMaxUnit] = maxStyleUnit;
    }

    /// <summary>Whether a line stays in the kept-text aggregates: not removed, or removed as unrelated.</summary>
    // Adds the topic vectors (and their weights) and the style counts of the kept lines first … last.
    private static void SumKept(
        QualityScratch scratch, int first, int last, QualityThresholds thresholds, int d, Span<float> vectors, Span<float> style, ref float weight,
        ref float tokens)
    {
        for (var li = first; li <= last; li++)
        {
            if (!Kept(scratch, li, thresholds))
            {
                continue;
            }

            if (d > 0)
            {
                Add(vectors, scratch.LineVectors.AsSpan(li * d, d));
                weight += scratch.LineWeights[li];
            }

            var counts = scratch.StyleCounts.AsSpan(li * QualityFeatureExtractor.StyleClasses, QualityFeatureExtractor.StyleClasses);
            Add(style, counts);
            tokens += Sum(counts);
        }
    }

    private static bool Kept(QualityScratch scratch, int li, QualityThresholds thresholds) =>
        scratch.Junk[li] < thresholds.Junk || scratch.Unrelated[li] >= thresholds.Unrelated;

    private static void Add(Span<float> target, ReadOnlySpan<float> source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }

    private static float Sum(ReadOnlySpan<float> values)
    {
        float sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }

    /// <summary>
    /// Style of the lines judged foreign against the kept text (see <c>QualityFeatureExtractor.StyleContrast</c>):
    /// the effect and significance of the contrast of the lines removed as unrelated, and the effect with the lines
    /// weighted by their probabilities. Another author's block differs in style; article lines removed by mistake do not.
    /// </summary>
    private static void FillStyleAggregates(QualityScratch scratch, int lineCount, QualityThresholds thresholds, Span<float> row)
    {
        const int K = QualityFeatureExtractor.StyleClasses;
        Span<float> unrelated = stackalloc float[K];
        Span<float> both = stackalloc float[K];
        Span<float> softUnrelated = stackalloc float[K];
        Span<float> softBoth = stackalloc float[K];
        unrelated.Clear();
        both.Clear();
        softUnrelated.Clear();
        softBoth.Clear();
        var counts = scratch.StyleCounts.AsSpan(0, lineCount * K);
        for (var li = 0; li < lineCount; li++)
        {
            var line = counts.Slice(li * K, K);
            var p = scratch.Junk[li];
            var foreign = p * scratch.Unrelated[li];
            var kept = p < thresholds.Junk;
            var removed = !kept && scratch.Unrelated[li] >= thresholds.Unrelated;
            for (var k = 0; k < K; k++)
            {
                var c = line[k];
                if (kept || removed)
                {
                    both[k] += c;
                }

                if (removed)
                {
                    unrelated[k] += c;
                }

                softUnrelated[k] += foreign * c;
                softBoth[k] += (foreign + (1 - p)) * c;
            }
        }

        var (effect, significance) = QualityFeatureExtractor.StyleContrast(unrelated, both);
        row[F.AggUnrelatedStyle] = effect;
        row[F.AggUnrelatedStyleSignificance] = significance;
        row[F.AggSoftUnrelatedStyle] = QualityFeatureExtractor.StyleContrast(softUnrelated, softBoth).Effect;
    }

    /// <summary>
    /// Topic of the lines judged foreign against the kept text: the cosine of the summed word vectors of the lines
    /// removed as unrelated with those of the kept lines, the same weighted by the line probabilities (no hard
    /// decisions), and the cosine of all removed lines with the kept ones. A block that really comes from another
    /// text differs in topic from the article; article lines removed by mistake do not.
    /// </summary>
    private static void FillTopicAggregates(QualityScratch scratch, int lineCount, QualityThresholds thresholds, Span<float> row)
    {
        var vectors = scratch.Vectors;
        if (vectors is null)
        {
            return;
        }

        var d = vectors.Dimensions;
        Span<float> unrelated = stackalloc float[d];
        Span<float> junk = stackalloc float[d];
        Span<float> kept = stackalloc float[d];
        Span<float> softUnrelated = stackalloc float[d];
        Span<float> softKept = stackalloc float[d];
        unrelated.Clear();
        junk.Clear();
        kept.Clear();
        softUnrelated.Clear();
        softKept.Clear();
        var lineVectors = scratch.LineVectors.AsSpan(0, lineCount * d);
        for (var li = 0; li < lineCount; li++)
        {
            var vector = lineVectors.Slice(li * d, d);
            var p = scratch.Junk[li];
            var u = scratch.Unrelated[li];
            var target = p < thresholds.Junk ? kept : u >= thresholds.Unrelated ? unrelated : junk;
            var foreign = p * u;
            for (var k = 0; k < d; k++)
            {
                target[k] += vector[k];
                softUnrelated[k] += foreign * vector[k];
                softKept[k] += (1 - p) * vector[k];
            }
        }

        row[F.AggUnrelatedTopic] = QualityVectors.Cosine(unrelated, kept);
        row[F.AggSoftUnrelatedTopic] = QualityVectors.Cosine(softUnrelated, softKept);
        for (var k = 0; k < d; k++)
        {
            junk[k] += unrelated[k];
        }

        row[F.AggJunkTopic] = QualityVectors.Cosine(junk, kept);
    }

    /// <summary>Chooses the junk lines and their reasons; reports the words in the longest unrelated run, the most
    /// confident boilerplate probability and the words on junk lines.</summary>
    internal static void DecideLines(
        QualityScratch scratch,
        int lineCount,
        QualityThresholds thresholds,
        List<JunkLine> result,
        out int unrelatedWords,
        out double boilerplate,
        out int junkWords)
    {
        result.Clear();
        unrelatedWords = 0;
        junkWords = 0;
        boilerplate = 0;
        var run = 0;
        for (var li = 0; li < lineCount; li++)
        {
            var junk = scratch.Junk[li];
            if (junk < thresholds.Junk)
            {
                run = 0;
                continue;
            }

            var row = scratch.Rows.AsSpan(li * F.Count, F.Count);
            var line = scratch.Lines[li];
            var words = (int)Math.Round(Math.Exp(row[F.LineWords]) - 1);
            junkWords += words;
            JunkReason reason;
            if (row[F.DuplicateBefore] > 0 && words >= thresholds.RepeatedMinimumWords)
            {
                reason = JunkReason.Repeated;
            }
            else if (row[F.MangledSigns] >= thresholds.MangledSigns)
            {
                reason = JunkReason.MangledUrl;
            }
            else if (row[F.Mojibake] >= thresholds.GarbledMojibake || row[F.LetterShare] < 0.4f)
            {
                reason = JunkReason.Garbled;
            }
            else if (scratch.Unrelated[li] >= thresholds.Unrelated)
            {
                reason = JunkReason.Unrelated;
            }
            else
            {
                reason = JunkReason.Boilerplate;
                boilerplate = Math.Max(boilerplate, junk);
            }

            // A block of foreign content may include a header or a credit line; only article lines end the run.
            if (reason == JunkReason.Unrelated)
            {
                run += words;
                unrelatedWords = Math.Max(unrelatedWords, run);
            }

            result.Add(new JunkLine(line.Start, line.Length, reason, junk));
        }
    }

    private static QualityFlags Flag(
        in DocumentStats stats,
        int keptWords,
        int unrelatedWords,
        double appended,
        double boilerplate,
        QualityScratch scratch,
        int lineCount,
        QualityThresholds thresholds)
    {
        var flags = QualityFlags.None;
        if (boilerplate >= thresholds.BoilerplateFlag)
        {
            flags |= QualityFlags.Boilerplate;
        }

        if (unrelatedWords >= thresholds.UnrelatedMinimumWords && appended >= thresholds.AppendedFlag)
        {
            flags |= QualityFlags.AppendedUnrelated;
        }

        if (stats.MangledLines > 0)
        {
            flags |= QualityFlags.MangledUrls;
        }

        if (stats.Mojibake >= thresholds.GarbledMojibake || stats.LongestNonLetterRun >= thresholds.GarbledNonLetterRun)
        {
            flags |= QualityFlags.Garbled;
        }

        if (stats.DuplicateLineShare > 0.3 || HasRepeatedLine(scratch, lineCount, thresholds))
        {
            flags |= QualityFlags.RepeatedLines;
        }

        if (keptWords < thresholds.MinimumWords)
        {
            flags |= QualityFlags.TooShort;
        }

        if (stats.Words >= 20
            && (stats.StopRatio < thresholds.MinimumStopRatio || stats.ConsonantClusterShare > thresholds.MaximumConsonantClusterShare))
        {
            flags |= QualityFlags.NotEnglish;
        }

        return flags;
    }

    private static bool HasRepeatedLine(QualityScratch scratch, int lineCount, QualityThresholds thresholds)
    {
        for (var li = 0; li < lineCount; li++)
        {
            var row = scratch.Rows.AsSpan(li * F.Count, F.Count);
            if (row[F.DuplicateBefore] > 0 && Math.Exp(row[F.LineWords]) - 1 >= thresholds.RepeatedMinimumWords - 0.5)
            {
                return true;
            }
        }

        return false;
    }

}
