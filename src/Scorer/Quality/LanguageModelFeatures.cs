using SpinDetect.Lexicon;
using SpinDetect.Text;
using F = SpinDetect.Quality.QualityFeatures;

namespace SpinDetect.Quality;

/// <summary>
/// Register shift under the reference n-gram language model: text appended from a novel or a manual can be close to
/// an article in topic and in the function words it uses, yet differ in how predictable its word sequences are, how
/// rare its words are and how many of them the model does not know. Per topic unit (the units of
/// <see cref="QualityFeatureExtractor.StartsUnit"/>), five rates are compared with the rest of the text, with the
/// unit before it, and (for the text from the unit on) with the text before it: mean log10 trigram probability per
/// known word, share of unknown words, mean log10 unigram probability of the known words, and the shares of known
/// words whose probability came from a stored trigram and from a stored bigram or trigram. Every column is missing
/// when no lexicon is given.
/// </summary>
internal static class LanguageModelFeatures
{
    /// <summary>Counts kept per line: words, unknown words, log-probability sum, unigram sum, trigram hits, bigram-or-trigram hits.</summary>
    internal const int Counts = 6;

    private const int WordsCount = 0;
    private const int UnknownCount = 1;
    private const int LogProbSum = 2;
    private const int UnigramSum = 3;
    private const int TrigramCount = 4;
    private const int BigramCount = 5;

    /// <summary>Known words a side of a split needs before its rates count towards the document's extremes.</summary>
    internal const float MinimumSplitWords = 8;

    /// <summary>Share of the text's words that must come before a split point for it to count towards the document's extremes (as in the style change points).</summary>
    internal const float MinimumPrefixShare = 0.25f;

    /// <summary>
    /// Fills the per-line counts of <paramref name="lines"/> in <c>scratch.LanguageCounts</c>: each line's words are
    /// scored with a history that starts afresh at the line and after a sentence end, so a line's counts do not
    /// depend on the line before it.
    /// </summary>
    internal static void CountLines(
        ReferenceLexicon lexicon, ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<TextLine> lines, Span<float> counts)
    {
        var tokenIndex = 0;
        for (var li = 0; li < lines.Length; li++)
        {
            var line = lines[li];
            var lineCounts = counts.Slice(li * Counts, Counts);
            lineCounts.Clear();
            while (tokenIndex < tokens.Length && tokens[tokenIndex].Start < line.Start)
            {
                tokenIndex++;
            }

            int w1 = -1, w2 = -1;
            while (tokenIndex < tokens.Length && tokens[tokenIndex].Start < line.End)
            {
                var token = tokens[tokenIndex++];
                switch (token.Kind)
                {
                    case TokenKind.Word:
                        var id = lexicon.GetId(token.Slice(text));
                        lineCounts[WordsCount]++;
                        if (id < 0)
                        {
                            lineCounts[UnknownCount]++;
                        }
                        else
                        {
                            lineCounts[LogProbSum] += lexicon.LogProb(w1, w2, id, out var order);
                            lineCounts[UnigramSum] += lexicon.Unigram(id);
                            if (order >= 2)
                            {
                                lineCounts[BigramCount]++;
                                if (order == 3)
                                {
                                    lineCounts[TrigramCount]++;
                                }
                            }
                        }

                        // An unknown word breaks the history, as in the model's own backoff.
                        w1 = w2;
                        w2 = id;
                        break;
                    case TokenKind.Punctuation when ReferenceLexicon.EndsSentence(text, token):
                        w1 = -1;
                        w2 = -1;
                        break;
                    case TokenKind.Number or TokenKind.Url or TokenKind.Email or TokenKind.Handle:
                        // Unlike the spin features, a number breaks the history here: reading it as its spoken word
                        // made digit-heavy foreign text (manuals, tables) look as fluent as the article, and lowered
                        // held-out appended recall at seeds 7, 8 and 9 (0.8957 → 0.8771, 0.8730 → 0.8587,
                        // 0.8882 → 0.8745).
                        w1 = w2;
                        w2 = -1;
                        break;
                }
            }
        }
    }

    /// <summary>
    /// Writes the language-model columns of every line from the per-line counts and returns the document's
    /// extremes over split points (the text from a unit on against the text before it): the lowest change of the
    /// mean log-probability and of the mean unigram log-probability, the largest change of the unknown-word share,
    /// and the whole text's mean log-probability and unknown share.
    /// </summary>
    internal static DocumentLanguage Write(QualityScratch scratch, ReadOnlySpan<TextLine> lines, Span<float> rows)
    {
        var count = lines.Length;
        var lineCounts = scratch.LanguageCounts.AsSpan(0, count * Counts);
        var units = scratch.UnitLanguage.AsSpan(0, count * Counts);
        units.Clear();
        Span<float> total = stackalloc float[Counts];
        Span<float> prefix = stackalloc float[Counts];
        Span<float> rest = stackalloc float[Counts];
        Span<float> unitRates = stackalloc float[Rates];
        Span<float> otherRates = stackalloc float[Rates];
        total.Clear();
        prefix.Clear();
        var unit = 0;
        for (var li = 0; li < count; li++)
        {
            if (QualityFeatureExtractor.StartsUnit(lines, rows, li))
            {
                unit++;
            }

            var line = lineCounts.Slice(li * Counts, Counts);
            Add(units.Slice(unit * Counts, Counts), line);
            Add(total, line);
        }

        var unitCount = unit + 1;
        var document = DocumentLanguage.Missing;
        RatesOf(total, unitRates);
        document = document with { LogProb = unitRates[0], Unknown = unitRates[1] };
        var totalWords = total[WordsCount];
        float lowestLogProb = float.NaN, lowestUnigram = float.NaN, highestUnknown = float.NaN;
        var first = 0;
        for (var p = 0; p < unitCount; p++)
        {
            var last = first;
            while (last + 1 < count && !QualityFeatureExtractor.StartsUnit(lines, rows, last + 1))
            {
                last++;
            }

            var vector = units.Slice(p * Counts, Counts);
            var row = rows.Slice(first * F.Count, F.Count);

            // Unit against the rest of the text.
            Difference(total, vector, rest);
            RatesOf(vector, unitRates);
            RatesOf(rest, otherRates);
            WriteDifferences(row, F.LanguageUnitLogProb, unitRates, otherRates);

            // Unit against the unit before it.
            if (p > 0)
            {
                RatesOf(units.Slice((p - 1) * Counts, Counts), otherRates);
                WriteDifferences(row, F.LanguagePreviousLogProb, unitRates, otherRates);

                // The text from this unit on against the text before it.
                Difference(total, prefix, rest);
                RatesOf(rest, unitRates);
                RatesOf(prefix, otherRates);
                WriteDifferences(row, F.LanguageSuffixLogProb, unitRates, otherRates);
                if (IsSplitPoint(prefix, rest, totalWords))
                {
                    lowestLogProb = Lowest(lowestLogProb, unitRates[0] - otherRates[0]);
                    highestUnknown = Highest(highestUnknown, unitRates[1] - otherRates[1]);
                    lowestUnigram = Lowest(lowestUnigram, unitRates[2] - otherRates[2]);
                }
            }

            // The other lines of the unit share its values.
            for (var li = first + 1; li <= last; li++)
            {
                row.Slice(F.LanguageUnitLogProb, LineColumns).CopyTo(rows.Slice((li * F.Count) + F.LanguageUnitLogProb, LineColumns));
            }

            Add(prefix, vector);
            first = last + 1;
        }

        return document with { LowestLogProb = lowestLogProb, LowestUnigram = lowestUnigram, HighestUnknown = highestUnknown };
    }

    /// <summary>
    /// The language-model aggregates of the document row, once the line models have spoken: the change of the mean
    /// log-probability and of the unknown share from the kept lines to the lines removed as unrelated, and, over the
    /// text without the lines judged page furniture (whose short, name-heavy lines look foreign in every corrupted
    /// page), the lowest and highest change of the mean log-probability and the highest change of the unknown share
    /// at a split point (as <see cref="Write"/>).
    /// </summary>
    internal static void FillAggregates(QualityScratch scratch, int lineCount, QualityThresholds thresholds, Span<float> row)
    {
        var lines = scratch.Lines.AsSpan(0, lineCount);
        var rows = scratch.Rows.AsSpan(0, lineCount * F.Count);
        var counts = scratch.LanguageCounts.AsSpan(0, lineCount * Counts);
        Span<float> kept = stackalloc float[Counts];
        Span<float> unrelated = stackalloc float[Counts];
        Span<float> text = stackalloc float[Counts];
        Span<float> prefix = stackalloc float[Counts];
        Span<float> suffix = stackalloc float[Counts];
        Span<float> a = stackalloc float[Rates];
        Span<float> b = stackalloc float[Rates];
        kept.Clear();
        unrelated.Clear();
        text.Clear();
        prefix.Clear();
        for (var li = 0; li < lineCount; li++)
        {
            var line = counts.Slice(li * Counts, Counts);
            var isKept = scratch.Junk[li] < thresholds.Junk;
            var isUnrelated = !isKept && scratch.Unrelated[li] >= thresholds.Unrelated;
            if (isKept)
            {
                Add(kept, line);
            }
            else if (isUnrelated)
            {
                Add(unrelated, line);
            }

            if (isKept || isUnrelated)
            {
                Add(text, line);
            }
        }

        RatesOf(unrelated, a);
        RatesOf(kept, b);
        row[F.AggUnrelatedLanguage] = a[0] - b[0];
        row[F.AggUnrelatedUnknown] = a[1] - b[1];

        float lowest = float.NaN, highest = float.NaN, highestUnknown = float.NaN;
        for (var li = 1; li < lineCount; li++)
        {
            var line = counts.Slice((li - 1) * Counts, Counts);
            if (scratch.Junk[li - 1] < thresholds.Junk || scratch.Unrelated[li - 1] >= thresholds.Unrelated)
            {
                Add(prefix, line);
            }

            if (!QualityFeatureExtractor.StartsUnit(lines, rows, li))
            {
                continue;
            }

            Difference(text, prefix, suffix);
            if (IsSplitPoint(prefix, suffix, text[WordsCount]))
            {
                RatesOf(suffix, a);
                RatesOf(prefix, b);
                lowest = Lowest(lowest, a[0] - b[0]);
                highest = Highest(highest, a[0] - b[0]);
                highestUnknown = Highest(highestUnknown, a[1] - b[1]);
            }
        }

        row[F.AggKeptLanguageLowest] = lowest;
        row[F.AggKeptLanguageHighest] = highest;
        row[F.AggKeptUnknownHighest] = highestUnknown;
    }

    /// <summary>Rates derived from the counts, in the order of the columns of each contrast.</summary>
    internal const int Rates = 5;

    /// <summary>Line columns: <see cref="Rates"/> for each of the three contrasts, contiguous from <see cref="F.LanguageUnitLogProb"/>.</summary>
    internal const int LineColumns = 3 * Rates;

    /// <summary>The document's language-model summary.</summary>
    internal readonly record struct DocumentLanguage(float LogProb, float Unknown, float LowestLogProb, float LowestUnigram, float HighestUnknown)
    {
        /// <summary>Every value missing (no lexicon, or nothing to compare).</summary>
        public static DocumentLanguage Missing => new(float.NaN, float.NaN, float.NaN, float.NaN, float.NaN);
    }

    // Mean log-probability and unigram log-probability per known word, unknown share, trigram and bigram shares of the
    // known words; NaN where the denominator is zero.
    private static void RatesOf(ReadOnlySpan<float> counts, Span<float> rates)
    {
        var words = counts[WordsCount];
        var known = words - counts[UnknownCount];
        rates[0] = known > 0 ? counts[LogProbSum] / known : float.NaN;
        rates[1] = words > 0 ? counts[UnknownCount] / words : float.NaN;
        rates[2] = known > 0 ? counts[UnigramSum] / known : float.NaN;
        rates[3] = known > 0 ? counts[TrigramCount] / known : float.NaN;
        rates[4] = known > 0 ? counts[BigramCount] / known : float.NaN;
    }

    private static void WriteDifferences(Span<float> row, int column, ReadOnlySpan<float> part, ReadOnlySpan<float> other)
    {
        for (var r = 0; r < Rates; r++)
        {
            // NaN on either side stays NaN (missing).
            row[column + r] = part[r] - other[r];
        }
    }

    private static float Known(ReadOnlySpan<float> counts) => counts[WordsCount] - counts[UnknownCount];

    // A split point counts only with enough of the text before it and enough known words on both sides.
    private static bool IsSplitPoint(ReadOnlySpan<float> prefix, ReadOnlySpan<float> suffix, float totalWords) =>
        prefix[WordsCount] >= MinimumPrefixShare * totalWords
        && Known(prefix) >= MinimumSplitWords && Known(suffix) >= MinimumSplitWords;

    private static float Lowest(float current, float candidate) =>
        float.IsNaN(candidate) ? current : float.IsNaN(current) || candidate < current ? candidate : current;

    private static float Highest(float current, float candidate) =>
        float.IsNaN(candidate) ? current : float.IsNaN(current) || candidate > current ? candidate : current;

    private static void Add(Span<float> target, ReadOnlySpan<float> source)
    {
        for (var k = 0; k < source.Length; k++)
        {
            target[k] += source[k];
        }
    }

    private static void Difference(ReadOnlySpan<float> total, ReadOnlySpan<float> part, Span<float> result)
    {
        for (var k = 0; k < total.Length; k++)
        {
            result[k] = total[k] - part[k];
        }
    }
}
