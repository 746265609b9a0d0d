using SpinDetect.Text;
using F = SpinDetect.Quality.QualityFeatures;

namespace SpinDetect.Quality;

/// <summary>
/// Computes the rows of <see cref="QualityFeatures"/> for every line of a document and the document row, in a few
/// passes over the tokens and without allocating once the scratch buffers have grown. The trainer and the runtime
/// both call this, so the models see exactly the same features in training and in use.
/// </summary>
internal static class QualityFeatureExtractor
{
    /// <summary>Share of the text (by characters) that counts as the article's head for coherence: small enough
    /// that an appended block rarely reaches into it.</summary>
    private const double HeadShare = 0.5;

    /// <summary>Topic values kept per paragraph.</summary>
    internal const int TopicColumns = 6;

    /// <summary>Longest line, in characters, of a paragraph that can count as hard-wrapped.</summary>
    private const int WrapWidthMaximum = 120;

    /// <summary>Shortest line of a hard-wrapped paragraph, other than its last, as a share of its longest line (a
    /// wrapped line falls short of the width by at most a long word).</summary>
    private const double WrapFill = 0.6;

    /// <summary>Most words of a label before a colon that opens a line ("Read more:", "Also on Example News:").</summary>
    private const int LeadLabelMaximumWords = 4;


    /// <summary>
    /// Fills <c>scratch.Lines</c>, <c>scratch.Rows</c> (one row per line, aggregate columns NaN) and
    /// <c>scratch.DocumentRow</c> (line and aggregate columns NaN) for <paramref name="text"/>; returns the number of
    /// lines and the document statistics.
    /// </summary>
    public static int Extract(ReadOnlySpan<char> text, QualityScratch scratch, out DocumentStats stats)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        Tokenizer.Tokenize(text, scratch.Tokens);
        return Extract(text, scratch.Tokens.AsSpan(), scratch, out stats);
    }

    /// <summary>As <see cref="Extract(ReadOnlySpan{char}, QualityScratch, out DocumentStats)"/>, with the tokens of
    /// <paramref name="text"/> already made by <see cref="Tokenizer"/> (spin scoring tokenises the text anyway).</summary>
    public static int Extract(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, QualityScratch scratch, out DocumentStats stats)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        var lineCount = LineSegmenter.Segment(text, ref scratch.Lines);
        scratch.EnsureLines(Math.Max(lineCount, 1));
        stats = default;
        stats.Lines = lineCount;
        var rows = scratch.Rows.AsSpan(0, lineCount * F.Count);
        rows.Fill(float.NaN);
        if (lineCount == 0)
        {
            scratch.DocumentRow.AsSpan().Fill(float.NaN);
            WriteDocument(scratch.DocumentRow, ref stats, 0, 0, 0, 0, 0, 0);
            return 0;
        }

        var lines = scratch.Lines.AsSpan(0, lineCount);
        var hashCount = 0;
        var tokenIndex = 0;
        long letterWords = 0, wordLengthSum = 0, stopWords = 0, alphaWords = 0, words = 0, symbols = 0;
        long letters = 0, vowels = 0, nonAscii = 0, nonSpace = 0, clusterWords = 0, longWords = 0;
        var gopherBits = 0;
        int ellipsisLines = 0, c4Lines = 0, shortLines = 0;
        var headLimit = (int)(lines[^1].End * HeadShare);
        for (var li = 0; li < lineCount; li++)
        {
            ref readonly var line = ref lines[li];
            var row = rows.Slice(li * F.Count, F.Count);
            var lineText = text.Slice(line.Start, line.Length);

            // Character pass.
            int digits = 0, lineLetters = 0, lineNonAscii = 0, lineNonSpace = 0, lineVowels = 0;
            int run = 0, longestRun = 0, separators = 0, addressMarks = 0;
            ulong lineHash = 14695981039346656037UL;
            foreach (var c in lineText)
            {
                if (char.IsLetter(c))
                {
                    lineLetters++;
                    run = 0;
                    if (TextPatterns.IsVowel(c))
                    {
                        lineVowels++;
                    }

                    lineHash = (lineHash ^ char.ToLowerInvariant(c)) * 1099511628211UL;
                }
                else
                {
                    run++;
                    longestRun = Math.Max(longestRun, run);
                    if (char.IsDigit(c))
                    {
                        digits++;
                        lineHash = (lineHash ^ c) * 1099511628211UL;
                    }
                    else if (c is '/' or ':' or '=')
                    {
                        addressMarks++;
                    }
                    else if (c is '|' or '•' or '·' or '»' or '›' or '«' or '‹' or '>' or '►' or '▶' or '■' or '●')
                    {
                        separators++;
                    }
                }

                if (!char.IsWhiteSpace(c))
                {
                    lineNonSpace++;
                    if (c > '\u007F')
                    {
                        lineNonAscii++;
                    }
                }
            }

            stats.LongestNonLetterRun = Math.Max(stats.LongestNonLetterRun, longestRun);
            scratch.LineHashes[li] = lineHash;
            // Both scans are skipped for the common line that cannot contain what they look for.
            var mojibake = lineNonAscii == 0 ? 0 : TextPatterns.CountMojibake(lineText);
            stats.Mojibake += mojibake;
            var mangled = addressMarks > 0 || digits >= 10 ? TextPatterns.CountMangledUrlSigns(lineText) : 0;
            if (mangled >= 2)
            {
                stats.MangledLines++;
            }

            // Token pass.
            while (tokenIndex < tokens.Length && tokens[tokenIndex].Start < line.Start)
            {
                tokenIndex++;
            }

            int lineWords = 0, lineLetterWords = 0, lineStops = 0, capitals = 0, allCaps = 0, urls = 0, handles = 0;
            int punctuation = 0, lineSymbols = 0, tokenTotal = 0, wordLength = 0, sentences = 0, calendar = 0;
            int lineClusters = 0, lineLongWords = 0;
            var startsLower = false;
            var firstWordSeen = false;
            scratch.HashStart[li] = hashCount;
            var style = scratch.StyleCounts.AsSpan(li * StyleClasses, StyleClasses);
            style.Clear();
            while (tokenIndex < tokens.Length && tokens[tokenIndex].Start < line.End)
            {
                ref readonly var token = ref tokens[tokenIndex++];
                tokenTotal++;
                var slice = text.Slice(token.Start, token.Length);
                switch (token.Kind)
                {
                    case TokenKind.Word:
                        lineWords++;
                        lineLetterWords++;
                        wordLength += slice.Length;
                        if (!firstWordSeen)
                        {
                            firstWordSeen = true;
                            startsLower = char.IsLower(slice[0]);
                        }

                        if ((token.Flags & TokenFlags.Capitalized) != 0)
                        {
                            capitals++;
                        }

                        if ((token.Flags & TokenFlags.AllCaps) != 0)
                        {
                            allCaps++;
                        }

                        var group = EnglishWords.FunctionWordGroup(slice);
                        if (group >= 0)
                        {
                            lineStops++;
                            style[FirstFunctionClass + group]++;

                            // The Gopher words are all stop words; stop looking once all eight were seen.
                            if (gopherBits != 0xFF)
                            {
                                gopherBits |= EnglishWords.GopherBit(slice);
                            }
                        }
                        else
                        {
                            style[(token.Flags & TokenFlags.Capitalized) != 0 ? CapitalisedClass : slice.Length >= 8 ? LongWordClass : ShortWordClass]++;

                            // Month and day names are capitalised; clock markers are short.
                            if ((slice.Length <= 3 || (token.Flags & TokenFlags.Capitalized) != 0) && EnglishWords.IsCalendarWord(slice))
                            {
                                calendar++;
                            }

                            if (slice.Length >= 3)
                            {
                                if (hashCount == scratch.WordHashes.Length)
                                {
                                    ScratchPool.Grow(ref scratch.WordHashes, hashCount + 1);
                                }

                                scratch.WordHashes[hashCount++] = TextPatterns.WordHash(slice);
                            }
                        }

                        if (slice.Length >= 3)
                        {
                            lineLongWords++;
                            if (HasConsonantCluster(slice))
                            {
                                lineClusters++;
                            }
                        }

                        break;
                    case TokenKind.Number:
                        lineWords++;
                        style[NumberClass]++;
                        break;
                    case TokenKind.Url or TokenKind.Email:
                        lineWords++;
                        urls++;
                        style[SymbolClass]++;
                        break;
                    case TokenKind.Handle:
                        lineWords++;
                        handles++;
                        style[SymbolClass]++;
                        if (slice[0] == '#')
                        {
                            lineSymbols++;
                        }

                        break;
                    case TokenKind.Punctuation:
                        punctuation++;
                        style[PunctuationClass(slice[0])]++;
                        if (slice[0] is '.' or '!' or '?' && slice.Length == 1)
                        {
                            sentences++;
                        }
                        else if (slice.Length >= 3 && slice[0] == '.')
                        {
                            lineSymbols++;
                        }

                        break;
                    default:
                        lineSymbols++;
                        style[SymbolClass]++;
                        if (slice.Length == 1 && slice[0] == '…')
                        {
                            lineSymbols++;
                        }

                        break;
                }
            }

            scratch.HashCount[li] = hashCount - scratch.HashStart[li];
            if (line.Start < headLimit)
            {
                var hashes = scratch.WordHashes.AsSpan(scratch.HashStart[li], scratch.HashCount[li]);
                foreach (var h in hashes)
                {
                    Increment(scratch.HeadBag, h);
                }
            }

            var end = LineEnd(lineText);
            if (end == LineEnding.Ellipsis)
            {
                ellipsisLines++;
            }

            if (end == LineEnding.Terminal && lineWords >= 3)
            {
                c4Lines++;
            }

            if (lineWords < 4)
            {
                shortLines++;
            }

            words += lineWords;
            letterWords += lineLetterWords;
            alphaWords += lineLetterWords + urls + handles;
            wordLengthSum += wordLength;
            stopWords += lineStops;
            symbols += lineSymbols;
            letters += lineLetters;
            vowels += lineVowels;
            nonAscii += lineNonAscii;
            nonSpace += lineNonSpace;
            clusterWords += lineClusters;
            longWords += lineLongWords;

            row[F.LineChars] = Log(line.Length);
            row[F.LineWords] = Log(lineWords);
            row[F.EndsTerminal] = end == LineEnding.Terminal ? 1 : 0;
            row[F.EndsEllipsis] = end == LineEnding.Ellipsis ? 1 : 0;
            row[F.EndsColon] = end == LineEnding.Colon ? 1 : 0;
            row[F.LeadLabel] = LeadLabelWords(lineText);
            row[F.StopRatio] = Ratio(lineStops, lineLetterWords);
            row[F.CapitalRatio] = Ratio(capitals, lineLetterWords);
            row[F.AllCapsRatio] = Ratio(allCaps, lineLetterWords);
            row[F.DigitShare] = Ratio(digits, lineNonSpace);
            row[F.LetterShare] = Ratio(lineLetters, lineNonSpace);
            row[F.NonAsciiShare] = Ratio(lineNonAscii, lineNonSpace);
            row[F.Mojibake] = mojibake;
            row[F.Urls] = urls;
            row[F.Handles] = handles;
            row[F.MangledSigns] = mangled;
            row[F.PunctuationShare] = Ratio(punctuation, tokenTotal);
            row[F.SymbolShare] = Ratio(lineSymbols, tokenTotal);
            row[F.MeanWordLength] = lineLetterWords == 0 ? float.NaN : (float)wordLength / lineLetterWords;
            row[F.NonLetterRun] = Log(longestRun);
            row[F.RelativePosition] = lineCount == 1 ? 0 : (float)li / (lineCount - 1);
            row[F.LinesFromEnd] = Log(lineCount - 1 - li);
            row[F.LineIndex] = Log(li);
            row[F.StartsLower] = startsLower ? 1 : 0;
            row[F.VowelShare] = lineLetters == 0 ? float.NaN : (float)lineVowels / lineLetters;
            row[F.ConsonantRun] = lineLongWords == 0 ? float.NaN : (float)lineClusters / lineLongWords;
            row[F.Sentences] = sentences;
            row[F.Separators] = separators + (lineText[0] is '-' or '*' or '•' or '–' or '—' ? 1 : 0);
            row[F.CalendarWords] = calendar;
            row[F.ContentWords] = Log(scratch.HashCount[li]);
        }

        // Whole-document bag for coherence; the head bag was filled above.
        var allHashes = scratch.WordHashes.AsSpan(0, hashCount);
        foreach (var h in allHashes)
        {
            Increment(scratch.DocumentBag, h);
        }

        var duplicateLines = CountDuplicates(scratch, lineCount, out var duplicateChars);
        var totalChars = 0;
        foreach (ref readonly var line in lines)
        {
            totalChars += line.Length;
        }

        for (var li = 0; li < lineCount; li++)
        {
            var row = rows.Slice(li * F.Count, F.Count);
            WriteCoherence(scratch, li, lines[li].Start < headLimit, row);
        }

        WriteParagraphCoherence(scratch, lines, headLimit, rows);
        WriteContext(lines, rows, scratch.LineDuplicates, scratch.LineHashes);
        var (minBoundary, minParagraph, minBlock) = WriteTopics(scratch, lines, headLimit, rows);
        var (styleBoundary, styleUnit, styleRun, styleBlock, styleBlockEffect) = WriteStyle(scratch, lines, rows);
        var language = LanguageModelFeatures.DocumentLanguage.Missing;
        if (scratch.Lexicon is not null)
        {
            LanguageModelFeatures.CountLines(scratch.Lexicon, text, tokens, lines, scratch.LanguageCounts);
            language = LanguageModelFeatures.Write(scratch, lines, rows);
        }

        // Clear only the buckets this document touched.
        foreach (var h in allHashes)
        {
            scratch.DocumentBag[h & (QualityScratch.BagSize - 1)] = 0;
            scratch.HeadBag[h & (QualityScratch.BagSize - 1)] = 0;
        }

        stats.Words = (int)Math.Min(words, int.MaxValue);
        stats.MeanWordLength = letterWords == 0 ? 0 : (double)wordLengthSum / letterWords;
        stats.AlphaWordShare = words == 0 ? 0 : (double)alphaWords / words;
        stats.GopherStopWords = System.Numerics.BitOperations.PopCount((uint)gopherBits);
        stats.EllipsisLineShare = (double)ellipsisLines / lineCount;
        stats.DuplicateLineShare = (double)duplicateLines / lineCount;
        stats.C4LineShare = (double)c4Lines / lineCount;
        stats.StopRatio = letterWords == 0 ? 0 : (double)stopWords / letterWords;
        stats.ConsonantClusterShare = longWords == 0 ? 0 : (double)clusterWords / longWords;
        stats.SymbolWordRatio = words == 0 ? 0 : (double)symbols / words;

        var document = scratch.DocumentRow.AsSpan();
        document.Fill(float.NaN);
        WriteDocument(
            document,
            ref stats,
            totalChars == 0 ? 0 : (double)duplicateChars / totalChars,
            nonSpace == 0 ? 0 : (double)nonAscii / nonSpace,
            (double)words / lineCount,
            (double)shortLines / lineCount,
            letters == 0 ? 0 : (double)vowels / letters,
            nonSpace);
        document[F.DocTopicMinBoundary] = minBoundary;
        document[F.DocTopicMinParagraph] = minParagraph;
        document[F.DocTopicMinBlock] = minBlock;
        document[F.DocStyleMaxBoundary] = styleBoundary;
        document[F.DocStyleMaxUnit] = styleUnit;
        document[F.DocStyleForeignRun] = styleRun;
        document[F.DocStyleBlock] = styleBlock;
        document[F.DocStyleBlockEffect] = styleBlockEffect;
        document[F.DocLanguageLogProb] = language.LogProb;
        document[F.DocLanguageUnknown] = language.Unknown;
        document[F.DocLanguageLowestLogProb] = language.LowestLogProb;
        document[F.DocLanguageLowestUnigram] = language.LowestUnigram;
        document[F.DocLanguageHighestUnknown] = language.HighestUnknown;

        // Style of each paragraph relative to the whole text: another author's block differs in word length and
        // in how many function words it uses.
        for (var li = 0; li < lineCount; li++)
        {
            var row = rows.Slice(li * F.Count, F.Count);
            row[F.ParagraphMeanWordLength] -= (float)stats.MeanWordLength;
            row[F.ParagraphStopRatio] -= (float)stats.StopRatio;
        }

        // Every line row carries the document columns as context.
        var documentColumns = document[F.DocWords..F.DocEnd];
        for (var li = 0; li < lineCount; li++)
        {
            documentColumns.CopyTo(rows.Slice((li * F.Count) + F.DocWords, F.DocEnd - F.DocWords));
        }

        return lineCount;
    }

    private static void WriteDocument(
        Span<float> row,
        ref DocumentStats stats,
        double duplicateCharShare,
        double nonAsciiShare,
        double meanLineWords,
        double shortLineShare,
        double vowelShare,
        long nonSpace)
    {
        row[F.DocWords] = Log(stats.Words);
        row[F.DocMeanWordLength] = (float)stats.MeanWordLength;
        row[F.DocAlphaWordShare] = (float)stats.AlphaWordShare;
        row[F.DocGopherStopWords] = stats.GopherStopWords;
        row[F.DocEllipsisLineShare] = (float)stats.EllipsisLineShare;
        row[F.DocDuplicateLineShare] = (float)stats.DuplicateLineShare;
        row[F.DocDuplicateCharShare] = (float)duplicateCharShare;
        row[F.DocC4LineShare] = (float)stats.C4LineShare;
        row[F.DocLines] = Log(stats.Lines);
        row[F.DocGopherPass] = stats.GopherPass ? 1 : 0;
        row[F.DocMojibakeDensity] = nonSpace == 0 ? 0 : (float)(1000.0 * stats.Mojibake / nonSpace);
        row[F.DocMangledLines] = stats.MangledLines;
        row[F.DocStopRatio] = (float)stats.StopRatio;
        row[F.DocNonAsciiShare] = (float)nonAsciiShare;
        row[F.DocMeanLineWords] = (float)meanLineWords;
        row[F.DocShortLineShare] = (float)shortLineShare;
        row[F.DocVowelShare] = (float)vowelShare;
        row[F.DocConsonantRun] = (float)stats.ConsonantClusterShare;
        row[F.DocSymbolWordRatio] = (float)stats.SymbolWordRatio;
    }

    private static void WriteCoherence(QualityScratch scratch, int li, bool inHead, Span<float> row)
    {
        var hashes = scratch.WordHashes.AsSpan(scratch.HashStart[li], scratch.HashCount[li]);
        if (hashes.IsEmpty)
        {
            return;
        }

        var doc = scratch.DocumentBag;
        var head = scratch.HeadBag;
        const int Mask = QualityScratch.BagSize - 1;

        // Take the line's own words out of the bags, so "shared" means "occurs elsewhere in the document".
        foreach (var h in hashes)
        {
            doc[h & Mask]--;
            if (inHead)
            {
                head[h & Mask]--;
            }
        }

        // Shares weighted by inverse document frequency: a shared rare word says more about topic than "year".
        var idf = scratch.Idf;
        float inDocument = 0, inHeadBag = 0, inTail = 0, total = 0;
        foreach (var h in hashes)
        {
            var d = doc[h & Mask];
            var hd = head[h & Mask];
            var weight = idf is null ? 1f : idf[h & Mask] + 1f;
            total += weight;
            if (d > 0)
            {
                inDocument += weight;
            }

            if (hd > 0)
            {
                inHeadBag += weight;
            }

            if (d > hd)
            {
                inTail += weight;
            }
        }

        foreach (var h in hashes)
        {
            doc[h & Mask]++;
            if (inHead)
            {
                head[h & Mask]++;
            }
        }

        row[F.CoherenceDocument] = inDocument / total;
        row[F.CoherenceHead] = inHeadBag / total;
        row[F.CoherenceTail] = inTail / total;
    }

    /// <summary>Coherence of each paragraph as a whole with the rest of the document and with its head; wrapped
    /// paragraphs have few words per line, so the paragraph is the steadier unit.</summary>
    private static void WriteParagraphCoherence(QualityScratch scratch, ReadOnlySpan<TextLine> lines, int headLimit, Span<float> rows)
    {
        const int Mask = QualityScratch.BagSize - 1;
        var doc = scratch.DocumentBag;
        var head = scratch.HeadBag;
        var first = 0;
        while (first < lines.Length)
        {
            var last = first;
            while (last + 1 < lines.Length && lines[last + 1].Paragraph == lines[first].Paragraph)
            {
                last++;
            }

            var from = scratch.HashStart[first];
            var to = scratch.HashStart[last] + scratch.HashCount[last];
            var hashes = scratch.WordHashes.AsSpan(from, to - from);
            float documentShare = float.NaN, headShare = float.NaN;
            if (!hashes.IsEmpty)
            {
                for (var li = first; li <= last; li++)
                {
                    var inHead = lines[li].Start < headLimit;
                    foreach (var h in scratch.WordHashes.AsSpan(scratch.HashStart[li], scratch.HashCount[li]))
                    {
                        doc[h & Mask]--;
                        if (inHead)
                        {
                            head[h & Mask]--;
                        }
                    }
                }

                var idf = scratch.Idf;
                float inDocument = 0, inHeadBag = 0, total = 0;
                foreach (var h in hashes)
                {
                    var weight = idf is null ? 1f : idf[h & Mask] + 1f;
                    total += weight;
                    inDocument += doc[h & Mask] > 0 ? weight : 0;
                    inHeadBag += head[h & Mask] > 0 ? weight : 0;
                }

                for (var li = first; li <= last; li++)
                {
                    var inHead = lines[li].Start < headLimit;
                    foreach (var h in scratch.WordHashes.AsSpan(scratch.HashStart[li], scratch.HashCount[li]))
                    {
                        doc[h & Mask]++;
                        if (inHead)
                        {
                            head[h & Mask]++;
                        }
                    }
                }

                documentShare = inDocument / total;
                headShare = inHeadBag / total;
            }

            float words = 0, lengthSum = 0, stopSum = 0, styleWords = 0;
            for (var li = first; li <= last; li++)
            {
                var lineWords = MathF.Exp(rows[(li * F.Count) + F.LineWords]) - 1;
                words += lineWords;
                var length = rows[(li * F.Count) + F.MeanWordLength];
                var stop = rows[(li * F.Count) + F.StopRatio];
                if (!float.IsNaN(length) && !float.IsNaN(stop))
                {
                    lengthSum += length * lineWords;
                    stopSum += stop * lineWords;
                    styleWords += lineWords;
                }
            }

            for (var li = first; li <= last; li++)
            {
                var row = rows.Slice(li * F.Count, F.Count);
                row[F.ParagraphCoherenceDocument] = documentShare;
                row[F.ParagraphCoherenceHead] = headShare;
                row[F.ParagraphWords] = Log(words);
                row[F.ParagraphMeanWordLength] = styleWords == 0 ? float.NaN : lengthSum / styleWords;
                row[F.ParagraphStopRatio] = styleWords == 0 ? float.NaN : stopSum / styleWords;
            }

            first = last + 1;
        }

        // Mean line coherence with the head before and after each line: an appended block pulls the suffix down.
        float sum = 0;
        var count = 0;
        for (var li = 0; li < lines.Length; li++)
        {
            rows[(li * F.Count) + F.PrefixCoherence] = count == 0 ? float.NaN : sum / count;
            var value = rows[(li * F.Count) + F.CoherenceHead];
            if (!float.IsNaN(value))
            {
                sum += value;
                count++;
            }
        }

        sum = 0;
        count = 0;
        for (var li = lines.Length - 1; li >= 0; li--)
        {
            var value = rows[(li * F.Count) + F.CoherenceHead];
            if (!float.IsNaN(value))
            {
                sum += value;
                count++;
            }

            rows[(li * F.Count) + F.SuffixCoherence] = count == 0 ? float.NaN : sum / count;
        }
    }

    private static void WriteContext(ReadOnlySpan<TextLine> lines, Span<float> rows, int[] duplicates, ulong[] hashes)
    {
        var count = lines.Length;
        var paragraphStart = 0;
        for (var li = 0; li < count; li++)
        {
            var row = rows.Slice(li * F.Count, F.Count);
            row[F.Duplicates] = duplicates[li] - 1;
            var before = false;
            for (var j = li - 1; duplicates[li] > 1 && j >= 0 && !before; j--)
            {
                before = hashes[j] == hashes[li];
            }

            row[F.DuplicateBefore] = before ? 1 : 0;
            if (li > 0)
            {
                var previous = rows.Slice((li - 1) * F.Count, F.Count);
                row[F.PreviousTerminal] = previous[F.EndsTerminal];
                row[F.PreviousWords] = previous[F.LineWords];
                row[F.Continues] = lines[li - 1].Paragraph == lines[li].Paragraph && previous[F.EndsTerminal] == 0 ? 1 : 0;
            }
            else
            {
                row[F.Continues] = 0;
            }

            if (li + 1 < count)
            {
                var next = rows.Slice((li + 1) * F.Count, F.Count);
                row[F.NextTerminal] = next[F.EndsTerminal];
                row[F.NextWords] = next[F.LineWords];
            }

            float headSum = 0, documentSum = 0, terminalSum = 0;
            int headCount = 0, documentCount = 0, terminalCount = 0;
            for (var j = Math.Max(0, li - 2); j <= Math.Min(count - 1, li + 2); j++)
            {
                var other = rows.Slice(j * F.Count, F.Count);
                if (!float.IsNaN(other[F.CoherenceHead]))
                {
                    headSum += other[F.CoherenceHead];
                    headCount++;
                }

                if (j == li)
                {
                    continue;
                }

                terminalSum += other[F.EndsTerminal];
                terminalCount++;
                if (!float.IsNaN(other[F.CoherenceDocument]))
                {
                    documentSum += other[F.CoherenceDocument];
                    documentCount++;
                }
            }

            row[F.CoherenceWindow] = headCount == 0 ? float.NaN : headSum / headCount;
            row[F.CoherenceNeighbours] = documentCount == 0 ? float.NaN : documentSum / documentCount;
            row[F.WindowTerminal] = terminalCount == 0 ? float.NaN : terminalSum / terminalCount;

            if (li == count - 1 || lines[li + 1].Paragraph != lines[li].Paragraph)
            {
                WriteParagraphShape(lines.Slice(paragraphStart, li - paragraphStart + 1), rows.Slice(paragraphStart * F.Count));
                paragraphStart = li + 1;
            }
        }
    }

    /// <summary>
    /// Words of a short label that opens the line and ends in a colon followed by more text ("Read more: …", "See
    /// also: …", "Photo: …"), or 0. Page furniture that links elsewhere reads this way even when it is glued to a
    /// paragraph; a clock time ("10:30") or a colon later in a sentence does not count.
    /// </summary>
    private static int LeadLabelWords(ReadOnlySpan<char> line)
    {
        var colon = line.IndexOf(':');
        if (colon <= 0 || colon + 2 >= line.Length || !char.IsLetter(line[colon - 1]) || line[colon + 1] != ' ')
        {
            return 0;
        }

        var words = 1;
        foreach (var c in line[..colon].Trim())
        {
            if (c == ' ' && ++words > LeadLabelMaximumWords)
            {
                return 0;
            }
        }

        return words;
    }

    /// <summary>
    /// The paragraph's line count, whether it looks hard-wrapped (lines of similar length up to a width, the last
    /// one shorter) and each line's length against the longest other line of the paragraph (log ratio). A
    /// boilerplate line glued to a paragraph without a blank line ("…section.\nRead more: …") shares the paragraph
    /// with prose but is no wrapped line of it: one long line and one short one.
    /// </summary>
    private static void WriteParagraphShape(ReadOnlySpan<TextLine> paragraph, Span<float> rows)
    {
        int longest = 0, longestAt = 0, second = 0;
        for (var j = 0; j < paragraph.Length; j++)
        {
            var length = paragraph[j].Length;
            if (length > longest)
            {
                second = longest;
                longest = length;
                longestAt = j;
            }
            else if (length > second)
            {
                second = length;
            }
        }

        var wrapped = paragraph.Length > 1 && longest <= WrapWidthMaximum;
        for (var j = 0; j < paragraph.Length - 1 && wrapped; j++)
        {
            wrapped = paragraph[j].Length >= WrapFill * longest;
        }

        for (var j = 0; j < paragraph.Length; j++)
        {
            var row = rows.Slice(j * F.Count, F.Count);
            row[F.ParagraphLines] = paragraph.Length;
            if (paragraph.Length == 1)
            {
                row[F.ParagraphWrapped] = float.NaN;
                row[F.ParagraphLengthRatio] = float.NaN;
                continue;
            }

            row[F.ParagraphWrapped] = wrapped ? 1 : 0;
            row[F.ParagraphLengthRatio] = Log(paragraph[j].Length) - Log(j == longestAt ? second : longest);
        }
    }

    /// <summary>
    /// Topic coherence from word vectors: each line's and unit's weighted mean content-word vector against the rest
    /// of the document, its head and its neighbours, the similarity of the text before a unit with the text from it
    /// on (low where an appended block begins), and the most foreign run of units. Returns the document's lowest
    /// boundary, unit-to-rest and run similarities; all NaN without vectors.
    /// </summary>
    private static (float MinBoundary, float MinParagraph, float MinBlock) WriteTopics(
        QualityScratch scratch, ReadOnlySpan<TextLine> lines, int headLimit, Span<float> rows)
    {
        var vectors = scratch.Vectors;
        if (vectors is null)
        {
            return (float.NaN, float.NaN, float.NaN);
        }

        const int Mask = QualityScratch.BagSize - 1;
        var d = vectors.Dimensions;
        var count = lines.Length;
        scratch.EnsureTopics(count, d, TopicColumns);
        var lineVectors = scratch.LineVectors.AsSpan(0, count * d);
        lineVectors.Clear();
        var idf = scratch.Idf;

        // A word weighs 1 + its inverse document frequency (in nats).
        for (var li = 0; li < count; li++)
        {
            var line = lineVectors.Slice(li * d, d);
            float lineWeight = 0;
            foreach (var h in scratch.WordHashes.AsSpan(scratch.HashStart[li], scratch.HashCount[li]))
            {
                var weight = idf is null ? 1f : 1f + (idf[h & Mask] * (1f / 16));
                if (vectors.AddTo(h, weight, line))
                {
                    lineWeight += weight;
                }
            }

            scratch.LineWeights[li] = lineWeight;
        }

        return WriteSpace(scratch, lines, headLimit, rows, lineVectors, scratch.LineWeights.AsSpan(0, count), d, TopicSpace);
    }

    /// <summary>The columns one coherence space writes (−1 for none).</summary>
    private readonly record struct SpaceColumns(
        int Line, int UnitDocument, int UnitHead, int Boundary, int Previous, int Next, int ShiftBefore, int Block);

    private static readonly SpaceColumns TopicSpace = new(
        F.TopicLine, F.TopicParagraphDocument, F.TopicParagraphHead, F.TopicBoundary, F.TopicPrevious, F.TopicNext,
        F.TopicShiftBefore, F.TopicBlock);

    /// <summary>Writes one coherence space's columns from per-line vectors and weights (see <see cref="WriteTopics"/>).</summary>
    private static (float MinBoundary, float MinParagraph, float MinBlock) WriteSpace(
        QualityScratch scratch,
        ReadOnlySpan<TextLine> lines,
        int headLimit,
        Span<float> rows,
        ReadOnlySpan<float> lineVectors,
        ReadOnlySpan<float> lineWeights,
        int d,
        in SpaceColumns columns)
    {
        const int Columns = TopicColumns;
        var count = lines.Length;
        var paragraphVectors = scratch.ParagraphVectors.AsSpan(0, count * d);
        paragraphVectors.Clear();
        Span<float> whole = stackalloc float[d];
        Span<float> head = stackalloc float[d];
        Span<float> prefix = stackalloc float[d];
        Span<float> rest = stackalloc float[d];
        whole.Clear();
        head.Clear();
        prefix.Clear();

        var paragraph = 0;
        float totalWeight = 0;
        for (var li = 0; li < count; li++)
        {
            if (StartsUnit(lines, rows, li))
            {
                paragraph++;
            }

            var line = lineVectors.Slice(li * d, d);
            totalWeight += lineWeights[li];
            Add(paragraphVectors.Slice(paragraph * d, d), line);
            Add(whole, line);
            if (lines[li].Start < headLimit)
            {
                Add(head, line);
            }
        }

        var paragraphs = paragraph + 1;
        var topics = scratch.ParagraphTopics.AsSpan(0, paragraphs * Columns);
        var first = 0;
        float minBoundary = float.NaN, minParagraph = float.NaN, shiftBefore = float.NaN, prefixWeight = 0;
        for (var p = 0; p < paragraphs; p++)
        {
            var last = first;
            while (last + 1 < count && !StartsUnit(lines, rows, last + 1))
            {
                last++;
            }

            var vector = paragraphVectors.Slice(p * d, d);
            head.CopyTo(rest);
            for (var li = first; li <= last; li++)
            {
                if (lines[li].Start < headLimit)
                {
                    Subtract(rest, lineVectors.Slice(li * d, d));
                }
            }

            var topic = topics.Slice(p * Columns, Columns);
            var toDocument = QualityVectors.CosineWithRest(vector, whole);
            var boundary = QualityVectors.CosineWithRest(prefix, whole);
            topic[0] = toDocument;
            topic[1] = QualityVectors.Cosine(vector, rest);
            topic[2] = boundary;
            topic[3] = p == 0 ? float.NaN : QualityVectors.Cosine(vector, paragraphVectors.Slice((p - 1) * d, d));
            topic[4] = p + 1 == paragraphs ? float.NaN : QualityVectors.Cosine(vector, paragraphVectors.Slice((p + 1) * d, d));
            if (!float.IsNaN(boundary) && prefixWeight >= 0.25f * totalWeight && !(boundary >= minBoundary))
            {
                minBoundary = boundary;
            }

            if (!float.IsNaN(boundary) && prefixWeight >= 0.25f * totalWeight && !(boundary >= shiftBefore))
            {
                shiftBefore = boundary;
            }

            topic[5] = shiftBefore;
            if (!float.IsNaN(toDocument) && !(toDocument >= minParagraph))
            {
                minParagraph = toDocument;
            }

            for (var li = first; li <= last; li++)
            {
                var row = rows.Slice(li * F.Count, F.Count);
                Set(row, columns.Line, QualityVectors.CosineWithRest(lineVectors.Slice(li * d, d), whole));
                Set(row, columns.UnitDocument, topic[0]);
                Set(row, columns.UnitHead, topic[1]);
                Set(row, columns.Boundary, topic[2]);
                Set(row, columns.Previous, topic[3]);
                Set(row, columns.Next, topic[4]);
                Set(row, columns.ShiftBefore, topic[5]);
            }

            Add(prefix, vector);
            for (var li = first; li <= last; li++)
            {
                prefixWeight += lineWeights[li];
            }

            first = last + 1;
        }

        var minBlock = WriteBlocks(scratch, lines, paragraphs, d, totalWeight, lineWeights, rows, columns.Block);
        return (minBoundary, minParagraph, minBlock);
    }

    private static void Set(Span<float> row, int column, float value)
    {
        if (column >= 0)
        {
            row[column] = value;
        }
    }

    /// <summary>
    /// The most foreign-looking run of units: over all runs holding between a small minimum and half of the
    /// text's weight, the cosine of the run's vector with the rest of the text; each line gets the lowest value
    /// among the runs that contain it (an appended or inserted block of another text scores low as a whole, which
    /// its single paragraphs may not). Quadratic in the units through the Gram matrix of the prefix sums; texts of
    /// more than <see cref="MaximumBlockParagraphs"/> units are skipped. Reads the unit vectors from
    /// <c>scratch.ParagraphVectors</c>; returns the lowest value.
    /// </summary>
    private static float WriteBlocks(
        QualityScratch scratch,
        ReadOnlySpan<TextLine> lines,
        int paragraphs,
        int d,
        float totalWeight,
        ReadOnlySpan<float> lineWeights,
        Span<float> rows,
        int column)
    {
        if (paragraphs < 2 || paragraphs > MaximumBlockParagraphs || totalWeight <= 0)
        {
            return float.NaN;
        }

        // Prefix sums S_0 = 0 … S_P = whole text, after the unit vectors in their buffer.
        var n = paragraphs + 1;
        ScratchPool.Ensure(ref scratch.Gram, (n * n) + (2 * n));
        ScratchPool.Ensure(ref scratch.PrefixWeights, n);
        var prefixSums = scratch.ParagraphVectors.AsSpan(lines.Length * d, n * d);
        var paragraphVectors = scratch.ParagraphVectors.AsSpan(0, paragraphs * d);
        var weights = scratch.PrefixWeights.AsSpan(0, n);
        prefixSums[..d].Clear();
        weights.Clear();
        var p = 0;
        for (var li = 0; li < lines.Length; li++)
        {
            if (StartsUnit(lines, rows, li))
            {
                p++;
                weights[p + 1] = weights[p];
            }

            weights[p + 1] += lineWeights[li];
        }

        for (p = 0; p < paragraphs; p++)
        {
            var previous = prefixSums.Slice(p * d, d);
            var next = prefixSums.Slice((p + 1) * d, d);
            previous.CopyTo(next);
            Add(next, paragraphVectors.Slice(p * d, d));
        }

        var gram = scratch.Gram.AsSpan(0, n * n);
        for (var i = 1; i < n; i++)
        {
            var a = prefixSums.Slice(i * d, d);
            for (var j = i; j < n; j++)
            {
                var dot = (double)Dot(a, prefixSums.Slice(j * d, d));
                gram[(i * n) + j] = dot;
                gram[(j * n) + i] = dot;
            }
        }

        for (var j = 0; j < n; j++)
        {
            gram[j] = 0;
            gram[j * n] = 0;
        }

        var total = weights[paragraphs];
        var minimum = Math.Max(MinimumBlockWeight, 0.02 * total);
        var maximum = 0.5 * total;
        var tt = gram[(paragraphs * n) + paragraphs];
        var lowest = double.NaN;

        // For each start b, suffixMinimum[e - 1] holds the cosine of run [b, e); folding it from the right gives,
        // per paragraph, the lowest cosine of the runs from b that contain it. Both live after the Gram matrix.
        var perParagraph = scratch.Gram.AsSpan(n * n, n);
        var suffixMinimum = scratch.Gram.AsSpan((n * n) + n, n);
        perParagraph.Fill(double.NaN);
        for (var b = 0; b < paragraphs; b++)
        {
            suffixMinimum.Fill(double.NaN);
            for (var e = b + 1; e <= paragraphs; e++)
            {
                var weight = weights[e] - weights[b];
                if (weight < minimum)
                {
                    continue;
                }

                if (weight > maximum)
                {
                    break;
                }

                var ss = gram[(e * n) + e] - (2 * gram[(b * n) + e]) + gram[(b * n) + b];
                var st = gram[(e * n) + paragraphs] - gram[(b * n) + paragraphs];
                var rr = tt - (2 * st) + ss;
                if (ss <= 0 || rr <= 1e-9 * tt)
                {
                    continue;
                }

                suffixMinimum[e - 1] = (st - ss) / Math.Sqrt(ss * rr);
            }

            // Paragraph q in [b, e - 1] is covered by run [b, e]: fold from the right.
            var running = double.NaN;
            for (var q = paragraphs - 1; q >= b; q--)
            {
                if (!(suffixMinimum[q] >= running))
                {
                    running = double.IsNaN(suffixMinimum[q]) ? running : suffixMinimum[q];
                }

                if (!double.IsNaN(running) && !(perParagraph[q] <= running))
                {
                    perParagraph[q] = running;
                }
            }

            if (!double.IsNaN(running) && !(lowest <= running))
            {
                lowest = running;
            }
        }

        p = 0;
        for (var li = 0; li < lines.Length; li++)
        {
            if (StartsUnit(lines, rows, li))
            {
                p++;
            }

            if (column >= 0)
            {
                rows[(li * F.Count) + column] = (float)perParagraph[p];
                if (column == F.TopicBlock)
                {
                    // Lines of the document's most foreign run (the runs through them reach its lowest value).
                    rows[(li * F.Count) + F.TopicInForeignRun] = perParagraph[p] <= lowest + 1e-6 ? 1 : 0;
                }
            }
        }

        return (float)lowest;
    }

    /// <summary>Token classes of the style profiles: content words (short, long, capitalised), numbers, symbols and
    /// addresses, six kinds of punctuation, then the function-word groups of <see cref="EnglishWords"/>.</summary>
    internal const int StyleClasses = FirstFunctionClass + EnglishWords.FunctionWordGroups;

    private const int ShortWordClass = 0;
    private const int LongWordClass = 1;
    private const int CapitalisedClass = 2;
    private const int NumberClass = 3;
    private const int SymbolClass = 4;
    private const int PeriodClass = 5;
    private const int FirstFunctionClass = 12;

    /// <summary>Fewest tokens of a run in the style block search.</summary>
    private const float MinimumStyleRunTokens = 40;

    /// <summary>Units beyond which the style block search only tries runs that end the text.</summary>
    private const int MaximumStyleRunUnits = 64;

    /// <summary>Tokens a topic unit needs for its style contrast to count towards the document's largest.</summary>
    private const float MinimumStyleTokens = 20;

    private static int PunctuationClass(char c) => c switch
    {
        '.' => PeriodClass,
        ',' => PeriodClass + 1,
        ';' or ':' => PeriodClass + 2,
        '"' or '\'' or '“' or '”' or '‘' or '’' or '«' or '»' => PeriodClass + 3,
        '?' or '!' => PeriodClass + 4,
        '(' or ')' or '[' or ']' or '{' or '}' => PeriodClass + 5,
        _ => PeriodClass + 6,
    };

    /// <summary>
    /// Style change from profiles of token classes (function-word groups, punctuation, kinds of content word): another
    /// author's or register's text differs in how often it uses "I", "he", "was", "said", quotes and commas even when
    /// its topic is close. Per unit: its contrast with the rest of the text, with the unit before it, and the
    /// significance of a change point at its start (text before it against text from it on), with the largest such
    /// significance so far; for the whole text, the contrast of the most foreign topic run with the rest. Returns the
    /// largest change-point significance, the largest unit contrast and the run contrast.
    /// </summary>
    private static (float MaxBoundary, float MaxUnit, float ForeignRun, float Block, float BlockEffect) WriteStyle(
        QualityScratch scratch, ReadOnlySpan<TextLine> lines, Span<float> rows)
    {
        const int K = StyleClasses;
        var count = lines.Length;
        var lineStyle = scratch.StyleCounts.AsSpan(0, count * K);
        var units = scratch.UnitStyle.AsSpan(0, count * K);
        units.Clear();
        Span<float> total = stackalloc float[K];
        Span<float> run = stackalloc float[K];
        Span<float> prefix = stackalloc float[K];
        Span<float> pair = stackalloc float[K];
        total.Clear();
        run.Clear();
        prefix.Clear();
        var unit = 0;
        var inRun = false;
        for (var li = 0; li < count; li++)
        {
            if (StartsUnit(lines, rows, li))
            {
                unit++;
            }

            var line = lineStyle.Slice(li * K, K);
            Add(units.Slice(unit * K, K), line);
            Add(total, line);
            if (rows[(li * F.Count) + F.TopicInForeignRun] > 0)
            {
                Add(run, line);
                inRun = true;
            }
        }

        var unitCount = unit + 1;
        var totalTokens = Sum(total);
        float maxBoundary = float.NaN, maxUnit = float.NaN, prefixTokens = 0;
        var first = 0;
        for (var p = 0; p < unitCount; p++)
        {
            var last = first;
            while (last + 1 < count && !StartsUnit(lines, rows, last + 1))
            {
                last++;
            }

            var vector = units.Slice(p * K, K);
            var unitTokens = Sum(vector);
            var toRest = StyleContrast(vector, total).Effect;
            var boundary = p == 0 ? float.NaN : StyleContrast(prefix, total).Significance;
            var previous = float.NaN;
            if (p > 0)
            {
                vector.CopyTo(pair);
                Add(pair, units.Slice((p - 1) * K, K));
                previous = StyleContrast(vector, pair).Effect;
            }

            if (!float.IsNaN(boundary) && prefixTokens >= 0.25f * totalTokens && !(boundary <= maxBoundary))
            {
                maxBoundary = boundary;
            }

            if (!float.IsNaN(toRest) && unitTokens >= MinimumStyleTokens && !(toRest <= maxUnit))
            {
                maxUnit = toRest;
            }

            for (var li = first; li <= last; li++)
            {
                var row = rows.Slice(li * F.Count, F.Count);
                row[F.StyleUnit] = toRest;
                row[F.StyleBoundary] = boundary;
                row[F.StyleShiftBefore] = maxBoundary;
                row[F.StylePrevious] = previous;
            }

            Add(prefix, vector);
            prefixTokens += unitTokens;
            first = last + 1;
        }

        var foreignRun = inRun ? StyleContrast(run, total).Effect : float.NaN;
        for (var li = 0; li < count; li++)
        {
            rows[(li * F.Count) + F.StyleForeignRun] = foreignRun;
        }

        var (block, blockEffect) = WriteStyleBlocks(scratch, lines, rows, unitCount, total, totalTokens);
        return (maxBoundary, maxUnit, foreignRun, block, blockEffect);
    }

    /// <summary>
    /// The run of units whose style stands out most from the rest: over runs holding between
    /// <see cref="MinimumStyleRunTokens"/> tokens and half of the text, the significance of the contrast with the
    /// rest; each line gets the largest effect among the runs through it. Quadratic in the units through prefix sums;
    /// past <see cref="MaximumStyleRunUnits"/> units only runs that end the text are tried. Returns the largest
    /// significance and the effect of that run (NaN when no run qualifies).
    /// </summary>
    private static (float Significance, float Effect) WriteStyleBlocks(
        QualityScratch scratch, ReadOnlySpan<TextLine> lines, Span<float> rows, int units, ReadOnlySpan<float> total, float totalTokens)
    {
        const int K = StyleClasses;
        var count = lines.Length;
        var perUnit = scratch.StyleRuns.AsSpan(0, units);
        var runEffects = scratch.StyleRuns.AsSpan(units, units + 1);
        perUnit.Fill(float.NaN);
        float best = float.NaN, bestEffect = float.NaN;
        if (units >= 2 && totalTokens >= 2 * MinimumStyleRunTokens)
        {
            var prefix = scratch.StylePrefix.AsSpan(0, (units + 1) * K);
            prefix[..K].Clear();
            var unitStyle = scratch.UnitStyle.AsSpan(0, units * K);
            for (var p = 0; p < units; p++)
            {
                var next = prefix.Slice((p + 1) * K, K);
                prefix.Slice(p * K, K).CopyTo(next);
                Add(next, unitStyle.Slice(p * K, K));
            }

            Span<float> part = stackalloc float[K];
            var suffixOnly = units > MaximumStyleRunUnits;
            for (var b = 0; b < units; b++)
            {
                runEffects.Fill(float.NaN);
                var start = prefix.Slice(b * K, K);
                for (var e = suffixOnly ? units : b + 1; e <= units; e++)
                {
                    var end = prefix.Slice(e * K, K);
                    float tokens = 0;
                    for (var k = 0; k < K; k++)
                    {
                        part[k] = end[k] - start[k];
                        tokens += part[k];
                    }

                    if (tokens < MinimumStyleRunTokens)
                    {
                        continue;
                    }

                    if (tokens > 0.5f * totalTokens)
                    {
                        break;
                    }

                    var (effect, significance) = StyleContrast(part, total);
                    runEffects[e] = effect;
                    if (!float.IsNaN(significance) && !(significance <= best))
                    {
                        best = significance;
                        bestEffect = effect;
                    }
                }

                // Unit q in [b, e) is covered by the run [b, e): fold the run effects from the right.
                var running = float.NaN;
                for (var q = units - 1; q >= b; q--)
                {
                    var effect = runEffects[q + 1];
                    if (!float.IsNaN(effect) && !(effect <= running))
                    {
                        running = effect;
                    }

                    if (!float.IsNaN(running) && !(perUnit[q] >= running))
                    {
                        perUnit[q] = running;
                    }
                }
            }
        }

        var unit = 0;
        for (var li = 0; li < count; li++)
        {
            if (StartsUnit(lines, rows, li))
            {
                unit++;
            }

            rows[(li * F.Count) + F.StyleBlock] = perUnit[unit];
        }

        return (best, bestEffect);
    }

    /// <summary>
    /// Contrast of a part's class counts with the rest of <paramref name="total"/> (which includes the part), from
    /// the chi-square statistic of the 2 × classes table: the effect (chi-square less its degrees of freedom, over
    /// the tokens: near zero for two samples of one style whatever their size) and the significance ((chi-square −
    /// degrees of freedom) / √(2 · degrees of freedom): grows with the evidence). NaN when either side is empty.
    /// </summary>
    internal static (float Effect, float Significance) StyleContrast(ReadOnlySpan<float> part, ReadOnlySpan<float> total)
    {
        float a = 0, n = 0;
        for (var k = 0; k < total.Length; k++)
        {
            a += part[k];
            n += total[k];
        }

        var b = n - a;
        if (a < 0.5f || b < 0.5f)
        {
            return (float.NaN, float.NaN);
        }

        double chi = 0;
        var degrees = -1;
        for (var k = 0; k < total.Length; k++)
        {
            var t = total[k];
            if (t <= 0)
            {
                continue;
            }

            degrees++;
            var difference = (part[k] / a) - ((t - part[k]) / b);
            chi += difference * difference / t;
        }

        chi *= (double)a * b;
        if (degrees < 1)
        {
            return (0, 0);
        }

        var excess = chi - degrees;
        return ((float)(excess / n), (float)(excess / Math.Sqrt(2.0 * degrees)));
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
    /// Writes the context columns of every line from the first-stage junk probabilities in
    /// <paramref name="junk"/>: the line's own, its neighbours', the highest of the three lines before, the means
    /// before and after it, and the mean over its topic unit (a foreign block often follows a junk header line,
    /// and junk comes in runs).
    /// </summary>
    internal static void WriteJunkContext(QualityScratch scratch, int lineCount, ReadOnlySpan<float> junk)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        var lines = scratch.Lines.AsSpan(0, lineCount);
        var rows = scratch.Rows.AsSpan(0, lineCount * F.Count);
        float total = 0;
        foreach (var value in junk[..lineCount])
        {
            total += value;
        }

        float before = 0, runSum = 0;
        int unitStart = 0, runLines = 0;
        for (var li = 0; li < lineCount; li++)
        {
            var row = rows.Slice(li * F.Count, F.Count);
            row[F.ContextJunk] = junk[li];
            row[F.ContextJunkPrevious] = li > 0 ? junk[li - 1] : float.NaN;
            row[F.ContextJunkNext] = li + 1 < lineCount ? junk[li + 1] : float.NaN;
            var highest = float.NaN;
            for (var j = Math.Max(0, li - 3); j < li; j++)
            {
                highest = float.IsNaN(highest) ? junk[j] : Math.Max(highest, junk[j]);
            }

            row[F.ContextJunkBeforeMax] = highest;
            row[F.ContextJunkBeforeMean] = li == 0 ? float.NaN : before / li;
            row[F.ContextJunkAfterMean] = li + 1 == lineCount ? float.NaN : (total - before - junk[li]) / (lineCount - li - 1);
            if (row[F.TopicInForeignRun] > 0)
            {
                runSum += junk[li];
                runLines++;
            }
            before += junk[li];
            if (li + 1 == lineCount || StartsUnit(lines, rows, li + 1))
            {
                float sum = 0;
                for (var j = unitStart; j <= li; j++)
                {
                    sum += junk[j];
                }

                for (var j = unitStart; j <= li; j++)
                {
                    rows[(j * F.Count) + F.ContextJunkUnitMean] = sum / (li - unitStart + 1);
                }

                unitStart = li + 1;
            }
        }

        // The first stage's mean over the most foreign run of the text (high when the run holds a junk header).
        var runMean = runLines == 0 ? float.NaN : runSum / runLines;
        for (var li = 0; li < lineCount; li++)
        {
            rows[(li * F.Count) + F.ContextJunkForeignRun] = runMean;
        }
    }

    /// <summary>
    /// Whether line <paramref name="li"/> starts a new unit of the topic features: a new paragraph, or a long line
    /// after a line that ended a sentence (text without blank lines between its paragraphs has one per line).
    /// </summary>
    internal static bool StartsUnit(ReadOnlySpan<TextLine> lines, ReadOnlySpan<float> rows, int li) =>
        li > 0
        && (lines[li].Paragraph != lines[li - 1].Paragraph
            || (rows[((li - 1) * F.Count) + F.EndsTerminal] > 0 && Math.Max(lines[li].Length, lines[li - 1].Length) > LongLine));

    /// <summary>Characters beyond which a line is taken for a whole paragraph rather than a wrapped line.</summary>
    private const int LongLine = 100;

    /// <summary>Paragraphs beyond which the block search is skipped (it is quadratic).</summary>
    private const int MaximumBlockParagraphs = 160;

    /// <summary>Least word weight of a run in the block search (about a dozen content words).</summary>
    private const double MinimumBlockWeight = 24;

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var i = 0;
        var sum = System.Runtime.Intrinsics.Vector128<float>.Zero;
        ref var ra = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(a);
        ref var rb = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(b);
        for (; i <= a.Length - 4; i += 4)
        {
            sum += System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref ra, (nuint)i) * System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref rb, (nuint)i);
        }

        var result = System.Runtime.Intrinsics.Vector128.Sum(sum);
        for (; i < a.Length; i++)
        {
            result += a[i] * b[i];
        }

        return result;
    }

    private static void Add(Span<float> target, ReadOnlySpan<float> source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }

    private static void Subtract(Span<float> target, ReadOnlySpan<float> source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] -= source[i];
        }
    }

    /// <summary>Counts, per line, the lines with the same letter-and-digit hash, with a small open-addressing table;
    /// returns the number of lines that repeat an earlier one.</summary>
    private static int CountDuplicates(QualityScratch scratch, int lineCount, out int duplicateChars)
    {
        duplicateChars = 0;
        var hashes = scratch.LineHashes.AsSpan(0, lineCount);
        var duplicates = scratch.LineDuplicates.AsSpan(0, lineCount);
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, lineCount * 2));
        var table = System.Buffers.ArrayPool<int>.Shared.Rent(size);
        try
        {
            var slots = table.AsSpan(0, size);
            slots.Fill(-1);
            var repeats = 0;
            for (var li = 0; li < lineCount; li++)
            {
                var slot = (int)(hashes[li] & (ulong)(size - 1));
                while (slots[slot] >= 0 && hashes[slots[slot]] != hashes[li])
                {
                    slot = (slot + 1) & (size - 1);
                }

                if (slots[slot] < 0)
                {
                    slots[slot] = li;
                    duplicates[li] = 1;
                }
                else
                {
                    var first = slots[slot];
                    duplicates[first]++;
                    duplicates[li] = -first - 1; // points at the first occurrence until the second pass
                    repeats++;
                    duplicateChars += scratch.Lines[li].Length;
                }
            }

            for (var li = 0; li < lineCount; li++)
            {
                if (duplicates[li] < 0)
                {
                    duplicates[li] = duplicates[-duplicates[li] - 1];
                }
            }

            return repeats;
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(table);
        }
    }

    private static bool HasConsonantCluster(ReadOnlySpan<char> word)
    {
        int run = 0, vowels = 0;
        foreach (var c in word)
        {
            if (TextPatterns.IsVowel(c))
            {
                vowels++;
                run = 0;
            }
            else if (char.IsLetter(c) && ++run >= 4)
            {
                return true;
            }
        }

        return vowels == 0;
    }

    private static void Increment(ushort[] bag, uint hash)
    {
        ref var bucket = ref bag[hash & (QualityScratch.BagSize - 1)];
        if (bucket < ushort.MaxValue)
        {
            bucket++;
        }
    }

    private enum LineEnding
    {
        Other,
        Terminal,
        Ellipsis,
        Colon,
    }

    private static LineEnding LineEnd(ReadOnlySpan<char> line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] is '"' or '\'' or '”' or '’' or ')' or ']' or '»')
        {
            end--;
        }

        if (end == 0)
        {
            return LineEnding.Other;
        }

        var last = line[end - 1];
        if (last == '…' || (last == '.' && end >= 3 && line[end - 2] == '.' && line[end - 3] == '.'))
        {
            return LineEnding.Ellipsis;
        }

        return last switch
        {
            '.' or '!' or '?' => LineEnding.Terminal,
            ':' => LineEnding.Colon,
            _ => LineEnding.Other,
        };
    }

    private static float Log(double value) => (float)Math.Log(1 + Math.Max(0, value));

    private static float Ratio(int part, int whole) => whole == 0 ? float.NaN : (float)part / whole;
}
