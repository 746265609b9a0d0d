using System.Diagnostics;
using System.Runtime.InteropServices;
using SpinDetect.Lexicon;
using SpinDetect.Text;

namespace SpinDetect.Features;

/// <summary>
/// Computes the token-level substitution features of a document: for each eligible word, how well it fits its
/// left and right context under the reference language model, whether a word it could have replaced would fit
/// far better, and the grammatical breakage substitutes cause. The one code path used by training and scoring.
/// </summary>
/// <remarks>
/// The language model was trained on transcribed speech without punctuation, so commas, quotes and brackets are
/// dropped from the word stream and sentence punctuation ends a sentence. Candidates are pruned by their left
/// context before the right context is scored, which keeps the cost near three lookups per candidate kept.
/// </remarks>
internal sealed partial class SpinFeaturizer
{
    /// <summary>Reverse-synonym candidates examined per word (the index lists the most frequent first).</summary>
    /// <remarks>
    /// A common word has about 150 reverse synonyms. The spinner's original is among the 16 most frequent for 40% of
    /// the unseen WordNet dictionary's common-word substitutions (56% of the training spinner's) and among the 48 most
    /// frequent for 61% (80%), yet a model examining 48 did no better (WordNet AUC 0.8665 against 0.8716, common-only
    /// 15–30% spun 0.9639 against 0.9657): clean words, too, find a better-fitting candidate among more of them.
    /// </remarks>
    internal const int MaxCandidates = 16;

    /// <summary>Most reverse synonyms (most frequent first) searched for a suggestion.</summary>
    internal const int MaxSuggestionCandidates = 64;

    /// <summary>
    /// Candidates of a suggestion the ranker's trees score: the best by the fixed rule (a quarter of the searched ones,
    /// which keeps the trees' cost near the rule's lookups).
    /// </summary>
    internal const int RankedSuggestionCandidates = 16;

    /// <summary>Candidates whose full context is scored, after pruning by left context.</summary>
    internal const int FullyScoredCandidates = 3;

    private const int NoWord = -2;

    /// <summary>Content words on each side of a word that form its semantic context.</summary>
    internal const int SimilarityWindow = 6;

    private readonly IWordStatistics _stats;
    private readonly WordEmbeddings? _vectors;

    /// <summary>Creates a featurizer over <paramref name="stats"/> and, when given, word vectors for coherence features.</summary>
    public SpinFeaturizer(IWordStatistics stats, WordEmbeddings? vectors = null)
    {
        ArgumentNullException.ThrowIfNull(stats);
        _stats = stats;
        _vectors = vectors;
    }

    /// <summary>File name of the word vectors beside the lexicon.</summary>
    internal const string EmbeddingsFileName = "embeddings.bin";

    /// <summary>
    /// Loads the featurizer from the reference lexicon and the word vectors (by default <c>embeddings.bin</c> beside
    /// the lexicon). Both are required: a model trained with the coherence features cannot be scored without them.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file is missing (the message names it).</exception>
    /// <exception cref="LexiconFormatException">A file is corrupt, truncated or does not match the lexicon.</exception>
    internal static SpinFeaturizer Load(string lexiconPath, string? embeddingsPath = null)
    {
        embeddingsPath ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(lexiconPath))!, EmbeddingsFileName);
        if (!File.Exists(lexiconPath))
        {
            throw new FileNotFoundException($"{lexiconPath}: reference lexicon not found.", lexiconPath);
        }

        if (!File.Exists(embeddingsPath))
        {
            throw new FileNotFoundException($"{embeddingsPath}: word vectors not found (expected beside the lexicon).", embeddingsPath);
        }

        var lexicon = ReferenceLexicon.Load(lexiconPath);
        return new SpinFeaturizer(new LexiconWordStatistics(lexicon), WordEmbeddings.Load(embeddingsPath, lexicon));
    }

    /// <summary>The word vectors, when the coherence features are computed.</summary>
    public WordEmbeddings? Vectors => _vectors;

    /// <summary>The statistics the features are computed from.</summary>
    public IWordStatistics Statistics => _stats;

    /// <summary>Tokenises <paramref name="text"/> and fills <paramref name="analysis"/> with one feature row per eligible word.</summary>
    public void Analyze(ReadOnlySpan<char> text, DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        Tokenizer.Tokenize(text, analysis.Tokens);
        AnalyzeTokens(text, analysis);
    }

    /// <summary>
    /// <see cref="Analyze"/> of a text whose tokens <paramref name="analysis"/> already holds (from
    /// <see cref="Tokenizer.Tokenize"/> of this very text), so a caller that tokenised it for another step does not
    /// tokenise it again.
    /// </summary>
    internal void AnalyzeTokens(ReadOnlySpan<char> text, DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        analysis.EnsureCapacity(analysis.Tokens.Count + 1);
        BuildStream(text, analysis);
        FindEligible(text, analysis);
        CountWords(analysis);
        var dimensions = _vectors?.Dimensions ?? 0;
        Span<float> centroid = dimensions <= 512 ? stackalloc float[dimensions] : new float[dimensions];
        if (_vectors is not null)
        {
            BuildDocumentCentroid(analysis);
        }

        var memo = ContextMemo.Rent(analysis.StreamCount);
        var documentNorm = _vectors is not null ? WordEmbeddings.Norm(analysis.DocumentCentroid) : 0f;
        for (var e = 0; e < analysis.EligibleCount; e++)
        {
            if (_vectors is not null)
            {
                // The similarity features read the word's and its candidates' vectors, scattered over the table:
                // start fetching them now, so the n-gram lookups of the row hide the wait.
                PrefetchVectors(analysis, e);
            }

            ComputeRow(text, analysis, e, memo);
            if (_vectors is not null)
            {
                AddSimilarity(analysis, e, centroid, documentNorm);
            }
        }

        AddDocumentRelativeColumns(analysis);
    }

    private void BuildStream(ReadOnlySpan<char> text, DocumentAnalysis analysis)
    {
        var tokens = analysis.Tokens.AsSpan();
        var ids = analysis.StreamIds;
        var map = analysis.StreamTokens;
        var n = 0;
        var words = 0;
        var paragraphs = 0;
        var sentenceStart = 0;
        for (var t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            if (token.Has(TokenFlags.ParagraphStart))
            {
                paragraphs++;
            }

            if ((token.Has(TokenFlags.SentenceStart) || token.Has(TokenFlags.ParagraphStart)) && n > sentenceStart)
            {
                CloseSentence(analysis, sentenceStart, n);
                sentenceStart = n;
            }

            switch (token.Kind)
            {
                case TokenKind.Word:
                    words++;
                    ids[n] = _stats.GetId(token.Slice(text));
                    analysis.StreamContent[n] = (byte)(ids[n] >= 0 && !FunctionWords.Contains(token.Slice(text)) ? 1 : 0);
                    map[n++] = t;
                    break;
                case TokenKind.Number or TokenKind.Url or TokenKind.Email or TokenKind.Handle:
                    // A number is read as the word said last for it ("6,000 seasons" as "thousand seasons").
                    ids[n] = _stats.SpokenId(text, token);
                    analysis.StreamContent[n] = 0;
                    map[n++] = t;
                    break;
                case TokenKind.Punctuation when ReferenceLexicon.EndsSentence(text, token) && n > sentenceStart:
                    CloseSentence(analysis, sentenceStart, n);
                    sentenceStart = n;
                    break;
                case TokenKind.Punctuation when _stats.SpokenId(text, token) is >= 0 and var percent:
                    ids[n] = percent;
                    analysis.StreamContent[n] = 0;
                    map[n++] = t;
                    break;
            }
        }

        if (n > sentenceStart)
        {
            CloseSentence(analysis, sentenceStart, n);
        }

        analysis.StreamCount = n;
        analysis.WordCount = words;
        analysis.ParagraphCount = Math.Max(1, paragraphs);
    }

    // Spinners replace some occurrences of a word and leave others, so a candidate original that the document uses
    // elsewhere is evidence, whatever the dictionary; a word the author repeats is rarely a substitute.
    private static void CountWords(DocumentAnalysis analysis)
    {
        var counts = analysis.WordCounts;
        counts.Reset(analysis.StreamCount);
        var ids = analysis.StreamIds.AsSpan(0, analysis.StreamCount);
        foreach (var id in ids)
        {
            if (id >= 0)
            {
                counts.Add(id);
            }
        }
    }

    private static void CloseSentence(DocumentAnalysis analysis, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            analysis.SentenceStarts[i] = start;
            analysis.SentenceEnds[i] = end;
        }
    }

    private static void FindEligible(ReadOnlySpan<char> text, DocumentAnalysis analysis)
    {
        var tokens = analysis.Tokens.AsSpan();
        var count = 0;
        var unknown = 0;
        var paragraph = 0;
        var nextToken = 0;
        for (var i = 0; i < analysis.StreamCount; i++)
        {
            var t = analysis.StreamTokens[i];
            for (; nextToken <= t; nextToken++)
            {
                if (tokens[nextToken].Has(TokenFlags.ParagraphStart))
                {
                    paragraph++;
                }
            }

            var token = tokens[t];
            if (!IsEligible(text, token))
            {
                continue;
            }

            // A word the language model lacks cannot be judged by its fit, and in modern text it is mostly a new word
            // ("livestream", "memecoins"), not a substitute: real spinners draw from dictionaries of common words. As
            // an eligible word it read as a likely substitute and lifted clean modern articles' confidence.
            if (analysis.StreamIds[i] < 0)
            {
                unknown++;
                continue;
            }

            analysis.EligiblePositions[count] = i; // stream position; mapped to token below
            analysis.EligibleParagraphs[count] = paragraph;
            count++;
        }

        analysis.EligibleCount = count;
        analysis.UnknownCount = unknown;
    }

    /// <summary>Whether a token is a word a spinner would replace (not a name, number or function word).</summary>
    internal static bool IsEligible(ReadOnlySpan<char> text, in Token token)
    {
        if (token.Kind != TokenKind.Word || token.Length < 2)
        {
            return false;
        }

        if ((token.Flags & (TokenFlags.AllCaps | TokenFlags.MixedCase)) != 0)
        {
            return false;
        }

        if (token.Has(TokenFlags.Capitalized) && !token.Has(TokenFlags.SentenceStart))
        {
            return false; // a capitalised word inside a sentence is a name, which spinners leave alone
        }

        return !FunctionWords.Contains(token.Slice(text));
    }

    private void ComputeRow(ReadOnlySpan<char> text, DocumentAnalysis analysis, int e, ContextMemo memo)
    {
        var position = analysis.EligiblePositions[e];
        var ids = analysis.StreamIds;
        var (start, end, l2, l1, r1, r2) = Neighbours(analysis, position);
        var w = ids[position];
        Debug.Assert(w >= 0, "eligible words are in the vocabulary");

        var row = analysis.Row(e);
        row.Fill(float.NaN);
        var tokenIndex = analysis.StreamTokens[position];
        var token = analysis.Tokens[tokenIndex];
        var word = token.Slice(text);

        // The text's own trigrams recur across neighbouring words (this word's right context is the next word's
        // left context): they come from the memo, each computed once per document.
        var history = memo.History(_stats, position, l2, l1);
        var left = memo.LogProb(_stats, position, history, w, out var leftOrder);
        var right = memo.LogProb(_stats, position + 1, l1, w, r1, out var rightOrder);
        float right2 = 0;
        var right2Order = 0;
        if (r2 != NoWord)
        {
            right2 = memo.LogProb(_stats, position + 2, w, r1, r2, out right2Order);
        }

        var context = new ContextScore(left, right, right2, leftOrder, rightOrder, right2Order);
        var unigram = _stats.Unigram(w);
        row[TokenFeatures.Unigram] = unigram;
        row[TokenFeatures.LeftLogProb] = context.Left;
        row[TokenFeatures.RightLogProb] = context.Right;
        row[TokenFeatures.Right2LogProb] = context.Right2;
        row[TokenFeatures.ContextLogProb] = context.Total;
        row[TokenFeatures.LeftAssociation] = context.Left - unigram;
        if (r1 >= 0 && r1 != _stats.SentenceEnd)
        {
            row[TokenFeatures.RightAssociation] = context.Right - _stats.Unigram(r1);
        }

        if (r2 >= 0 && r2 != _stats.SentenceEnd)
        {
            row[TokenFeatures.Right2Association] = context.Right2 - _stats.Unigram(r2);
        }

        AddSlot(position, history, l1, w, context, memo, row);
        row[TokenFeatures.LeftOrder] = context.LeftOrder;
        row[TokenFeatures.RightOrder] = context.RightOrder;
        row[TokenFeatures.Right2Order] = context.Right2Order;
        row[TokenFeatures.LeftIsKnown] = l1 >= 0 ? 1 : 0;
        // How well the neighbours fit their own contexts: when they are substitutes too, this word's context
        // evidence is weaker, and runs of odd words are typical of heavy spinning.
        if (position - 1 >= start && l1 >= 0)
        {
            var l3 = position - 3 >= start ? ids[position - 3] : position - 2 >= start ? _stats.SentenceStart : -1;
            row[TokenFeatures.PreviousWordFit] = memo.LogProb(_stats, position - 1, l3, l2, l1, out _) - _stats.Unigram(l1);
        }

        // The bigram (r1, r2) is searched at most once for this word: here and in its candidates' right contexts.
        var r1r2 = ReferenceLexicon.NotSearched;
        if (position + 1 < end && r1 >= 0 && r2 != NoWord)
        {
            // The next word's association with the word after it, which does not involve this word.
            row[TokenFeatures.NextWordFit] = r2 >= 0 && r2 != _stats.SentenceEnd
                ? _stats.BigramLogProb(r1, r2, ref r1r2, out _) - _stats.Unigram(r2)
                : float.NaN;
        }
        row[TokenFeatures.RightIsKnown] = r1 >= 0 ? 1 : 0;

        var counts = analysis.WordCounts;
        row[TokenFeatures.WordRepeats] = MathF.Log2(counts.CountOf(w));
        var best = ScoreCandidates(w, history, r1, r2, ref r1r2, context, counts, row, out var candidate);
        analysis.BestCandidates[e] = best;
        if (best >= 0)
        {
            var candidateUnigram = _stats.Unigram(best);
            row[TokenFeatures.BestCandidateGap] = candidate.Total - context.Total;
            row[TokenFeatures.BestCandidateLeftGap] = candidate.Left - context.Left;
            row[TokenFeatures.BestCandidateRightGap] = candidate.Right + candidate.Right2 - context.Right - context.Right2;
            row[TokenFeatures.BestCandidateAssociationGap] =
                (candidate.Total - candidateUnigram) - (context.Total - unigram);
            row[TokenFeatures.BestCandidateUnigramGap] = candidateUnigram - unigram;
            row[TokenFeatures.BestCandidateOrderGain] = candidate.OrderSum - context.OrderSum;
            row[TokenFeatures.BestCandidateInDocument] = MathF.Log2(1 + counts.CountOf(best));
        }

        var pos = _stats.PartsOfSpeechOf(w);
        row[TokenFeatures.IsNoun] = (pos & PartsOfSpeech.Noun) != 0 ? 1 : 0;
        row[TokenFeatures.IsVerb] = (pos & PartsOfSpeech.Verb) != 0 ? 1 : 0;
        row[TokenFeatures.IsAdjective] = (pos & PartsOfSpeech.Adjective) != 0 ? 1 : 0;
        row[TokenFeatures.IsAdverb] = (pos & PartsOfSpeech.Adverb) != 0 ? 1 : 0;
        AddAgreement(text, analysis, position, start, word, pos, row);
        row[TokenFeatures.WordLength] = WordSpelling.SpelledLength(word);
        row[TokenFeatures.SentenceInitial] = position == start ? 1 : 0;
    }

    // How predictable the word's slot is, whatever the candidates: the best continuation of its left history and how
    // far the word falls short of it, how many continuations the history has, and the same on the right with the
    // word as the newer history word (a substitute rarely expects the word that follows it).
    private void AddSlot(
        int position, in NgramHistory history, int l1, int w, in ContextScore context, ContextMemo memo, Span<float> row)
    {
        var best = _stats.BestContinuation(history, out var trigrams, out var bigrams);
        row[TokenFeatures.SlotBestLogProb] = best;
        row[TokenFeatures.SlotGap] = context.Left - best;
        row[TokenFeatures.SlotTrigramContinuations] = MathF.Log2(1 + trigrams);
        row[TokenFeatures.SlotBigramContinuations] = MathF.Log2(1 + bigrams);

        // The right context's history (l1 w) is in the memo already.
        var rightBest = _stats.BestContinuation(memo.History(_stats, position + 1, l1, w), out _, out _);
        row[TokenFeatures.RightSlotBestLogProb] = rightBest;
        row[TokenFeatures.RightSlotGap] = context.Right - rightBest;
    }

    private int ScoreCandidates(
        int w, in NgramHistory history, int r1, int r2, ref int r1r2, in ContextScore context, WordIdCounts counts, Span<float> row, out ContextScore bestScore)
    {
        bestScore = default;
        var candidates = _stats.ReverseSynonyms(w);
        var examined = Math.Min(candidates.Length, MaxCandidates);
        row[TokenFeatures.CandidateCount] = examined == 0 ? 0 : MathF.Log2(1 + candidates.Length);
        if (examined == 0)
        {
            return -1;
        }

        // Keep the few candidates that fit the left context best, then score their right context too.
        Span<int> keptIds = stackalloc int[FullyScoredCandidates];
        Span<float> keptLeft = stackalloc float[FullyScoredCandidates];
        Span<int> keptOrder = stackalloc int[FullyScoredCandidates];
        keptLeft.Fill(float.NegativeInfinity);
        keptIds.Fill(-1);
        // All candidates follow the same history: their lookups run side by side.
        Span<float> lefts = stackalloc float[MaxCandidates];
        Span<int> orders = stackalloc int[MaxCandidates];
        _stats.LogProbs(history, candidates[..examined], lefts, orders);
        var better = 0;
        var inDocument = 0;
        for (var k = 0; k < examined; k++)
        {
            var c = candidates[k];
            inDocument += counts.CountOf(c) > 0 ? 1 : 0;
            var left = lefts[k];
            var order = orders[k];
            if (left > context.Left + 0.5f)
            {
                better++;
            }

            var slot = -1;
            for (var s = 0; s < FullyScoredCandidates; s++)
            {
                if (left > keptLeft[s] && (slot < 0 || keptLeft[s] < keptLeft[slot]))
                {
                    slot = s;
                }
            }

            if (slot >= 0)
            {
                keptLeft[slot] = left;
                keptIds[slot] = c;
                keptOrder[slot] = order;
            }
        }

        row[TokenFeatures.BetterCandidateCount] = better;
        row[TokenFeatures.CandidatesInDocument] = inDocument;
        var best = -1;
        var bestTotal = float.NegativeInfinity;
        var associationBetter = 0;
        var ownAssociation = context.Total - _stats.Unigram(w);
        // The kept candidates' right contexts are looked up together (their searches overlap), then weighed in
        // slot order as before.
        Span<int> slots = stackalloc int[FullyScoredCandidates];
        Span<int> xs = stackalloc int[FullyScoredCandidates];
        var kept = 0;
        for (var s = 0; s < FullyScoredCandidates; s++)
        {
            if (keptIds[s] >= 0)
            {
                slots[kept] = s;
                xs[kept++] = keptIds[s];
            }
        }

        Span<float> rights = stackalloc float[FullyScoredCandidates];
        Span<int> rightOrders = stackalloc int[FullyScoredCandidates];
        Span<float> right2s = stackalloc float[FullyScoredCandidates];
        Span<int> right2Orders = stackalloc int[FullyScoredCandidates];
        _stats.RightContexts(history.W2, xs[..kept], r1, r2, r2 != NoWord, ref r1r2, rights, rightOrders, right2s, right2Orders);
        for (var k = 0; k < kept; k++)
        {
            var s = slots[k];
            var c = keptIds[s];
            var score = new ContextScore(keptLeft[s], rights[k], right2s[k], keptOrder[s], rightOrders[k], right2Orders[k]);
            var total = score.Total;
            associationBetter += total - _stats.Unigram(c) > ownAssociation ? 1 : 0;
            if (total > bestTotal)
            {
                bestTotal = total;
                bestScore = score;
                best = c;
            }
        }

        row[TokenFeatures.AssociationBetterCandidates] = associationBetter;
        return best;
    }

    private static void AddAgreement(
        ReadOnlySpan<char> text, DocumentAnalysis analysis, int position, int start, ReadOnlySpan<char> word,
        PartsOfSpeech pos, Span<float> row)
    {
        row[TokenFeatures.AfterDeterminer] = 0;
        row[TokenFeatures.ArticleMismatch] = 0;
        row[TokenFeatures.DeterminerBeforeNonNominal] = 0;
        row[TokenFeatures.GovernorBeforeNonVerb] = 0;
        if (position == start)
        {
            return;
        }

        var previous = analysis.Tokens[analysis.StreamTokens[position - 1]].Slice(text);
        if (FunctionWords.IsDeterminer(previous))
        {
            row[TokenFeatures.AfterDeterminer] = 1;
            if (pos != PartsOfSpeech.None && (pos & (PartsOfSpeech.Noun | PartsOfSpeech.Adjective)) == 0)
            {
                row[TokenFeatures.DeterminerBeforeNonNominal] = 1;
            }
        }

        if (previous.Length <= 2 && IsArticleMismatch(previous, word))
        {
            row[TokenFeatures.ArticleMismatch] = 1;
        }

        if (FunctionWords.IsVerbGovernor(previous) && !previous.Equals("to", StringComparison.OrdinalIgnoreCase)
            && pos != PartsOfSpeech.None && (pos & PartsOfSpeech.Verb) == 0)
        {
            row[TokenFeatures.GovernorBeforeNonVerb] = 1;
        }
    }

    private void BuildDocumentCentroid(DocumentAnalysis analysis)
    {
        var vectors = _vectors!;
        if (analysis.DocumentCentroid.Length != vectors.Dimensions)
        {
            analysis.DocumentCentroid = new float[vectors.Dimensions];
        }

        // The eligible words' ids, gathered into the scratch buffer (free until the medians are taken).
        var ids = analysis.EligiblePositions.AsSpan(0, analysis.EligibleCount);
        var gathered = MemoryMarshal.Cast<float, int>(analysis.Scratch.AsSpan(0, ids.Length));
        for (var e = 0; e < ids.Length; e++)
        {
            gathered[e] = analysis.StreamIds[ids[e]];
        }

        vectors.Centroid(gathered, analysis.DocumentCentroid);
    }

    /// <summary>
    /// Semantic coherence: how close the word is to the content words around it, and whether its best candidate
    /// original would be closer. A sense-blind substitute ("seasons" after "retweeted 6,000") sits far from its
    /// neighbours although every n-gram around it may be ordinary.
    /// </summary>
    private void AddSimilarity(DocumentAnalysis analysis, int e, Span<float> centroid, float documentNorm)
    {
        var vectors = _vectors!;
        var position = analysis.EligiblePositions[e];
        var w = analysis.StreamIds[position];
        var row = analysis.Row(e);
        if (!vectors.Has(w))
        {
            return;
        }

        var candidates = _stats.ReverseSynonyms(w);
        var examined = Math.Min(candidates.Length, MaxCandidates);

        Span<int> context = stackalloc int[2 * SimilarityWindow];
        var count = GatherWindow(analysis, position, context);

        // The document centroid's norm is computed once per document (Cosine with it is bit-identical to Cosine without).
        row[TokenFeatures.DocumentSimilarity] = vectors.Cosine(w, analysis.DocumentCentroid, documentNorm);
        if (count == 0)
        {
            return;
        }

        vectors.Centroid(context[..count], centroid);
        var norm = WordEmbeddings.Norm(centroid);
        // The word's and its candidates' cosines are computed together (one pass over the centroid per four words);
        // each equals its own Cosine call bit for bit.
        Span<int> ids = stackalloc int[MaxCandidates + 1];
        Span<float> cosines = stackalloc float[MaxCandidates + 1];
        ids[0] = w;
        candidates[..examined].CopyTo(ids[1..]);
        vectors.Cosines(ids[..(examined + 1)], centroid, norm, cosines);
        var own = cosines[0];
        row[TokenFeatures.ContextSimilarity] = own;
        var best = analysis.BestCandidates[e];
        if (best >= 0 && vectors.Has(best))
        {
            var k = candidates[..examined].IndexOf(best);
            row[TokenFeatures.CandidateSimilarityGain] = (k >= 0 ? cosines[k + 1] : vectors.Cosine(best, centroid, norm)) - own;
        }

        var bestGain = float.NaN;
        for (var k = 0; k < examined; k++)
        {
            if (vectors.Has(candidates[k]))
            {
                var gain = cosines[k + 1] - own;
                bestGain = float.IsNaN(bestGain) ? gain : Math.Max(bestGain, gain);
            }
        }

        row[TokenFeatures.BestSimilarityGain] = bestGain;
    }

    // The ids of up to SimilarityWindow content words on each side of a stream position (nearest first, left side
    // first) into context (2 × SimilarityWindow long); returns how many.
    private static int GatherWindow(DocumentAnalysis analysis, int position, Span<int> context)
    {
        var count = 0;
        for (int i = position - 1, taken = 0; i >= 0 && taken < SimilarityWindow; i--)
        {
            if (analysis.StreamContent[i] != 0)
            {
                context[count++] = analysis.StreamIds[i];
                taken++;
            }
        }

        for (int i = position + 1, taken = 0; i < analysis.StreamCount && taken < SimilarityWindow; i++)
        {
            if (analysis.StreamContent[i] != 0)
            {
                context[count++] = analysis.StreamIds[i];
                taken++;
            }
        }

        return count;
    }

    // Prefetches the vectors AddSimilarity will read for eligible word e: its own and its candidates'.
    private void PrefetchVectors(DocumentAnalysis analysis, int e)
    {
        var vectors = _vectors!;
        var w = analysis.StreamIds[analysis.EligiblePositions[e]];
        if (!vectors.Has(w))
        {
            return;
        }

        vectors.Prefetch(w);
        var candidates = _stats.ReverseSynonyms(w);
        var examined = Math.Min(candidates.Length, MaxCandidates);
        for (var k = 0; k < examined; k++)
        {
            vectors.Prefetch(candidates[k]);
        }
    }

    /// <summary>"a arise", "an result": the article a spinner left behind no longer fits the new word's sound.</summary>
    internal static bool IsArticleMismatch(ReadOnlySpan<char> article, ReadOnlySpan<char> word)
    {
        var vowel = char.ToLowerInvariant(word[0]) is 'a' or 'e' or 'i' or 'o';
        var consonant = !vowel && char.ToLowerInvariant(word[0]) is not ('u' or 'h' or 'y');
        if (article.Equals("a", StringComparison.OrdinalIgnoreCase))
        {
            return vowel;
        }

        return article.Equals("an", StringComparison.OrdinalIgnoreCase) && consonant;
    }

    private void AddDocumentRelativeColumns(DocumentAnalysis analysis)
    {
        var n = analysis.EligibleCount;
        if (n == 0)
        {
            return;
        }

        var contextMedian = Median(analysis, TokenFeatures.ContextLogProb);
        var gapMedian = Median(analysis, TokenFeatures.BestCandidateGap);
        var associationMedian = Median(analysis, TokenFeatures.LeftAssociation);
        var similarityMedian = Median(analysis, TokenFeatures.ContextSimilarity);
        var slotGapMedian = Median(analysis, TokenFeatures.SlotGap);
        for (var e = 0; e < n; e++)
        {
            var row = analysis.Row(e);
            row[TokenFeatures.ContextVsDocument] = row[TokenFeatures.ContextLogProb] - contextMedian;
            row[TokenFeatures.GapVsDocument] = row[TokenFeatures.BestCandidateGap] - gapMedian;
            row[TokenFeatures.AssociationVsDocument] = row[TokenFeatures.LeftAssociation] - associationMedian;
            row[TokenFeatures.SimilarityVsDocument] = row[TokenFeatures.ContextSimilarity] - similarityMedian;
            row[TokenFeatures.SlotGapVsDocument] = row[TokenFeatures.SlotGap] - slotGapMedian;
        }
    }

    /// <summary>Median of a column over the eligible words where it is defined (NaN when nowhere).</summary>
    internal static float Median(DocumentAnalysis analysis, int column)
    {
        var values = analysis.Scratch.AsSpan();
        var count = GatherDefined(analysis, column, values, out var zeroSigns);
        if (count == 0)
        {
            return float.NaN;
        }

        if (TrySelectMedian(values[..count], zeroSigns == 3, out var median))
        {
            return median;
        }

        // A middle value is ±0: the selection reordered the values, and the sort's choice between −0 and +0 depends
        // on their order, so gather them again and sort as before.
        GatherDefined(analysis, column, values, out _);
        values = values[..count];
        values.Sort();
        return (count & 1) == 1 ? values[count / 2] : 0.5f * (values[(count / 2) - 1] + values[count / 2]);
    }

    // Copies the column's defined (non-NaN) values into `values` in eligible-word order; returns how many.
    // zeroSigns: bit 0 set when a +0 was seen, bit 1 when a −0 was.
    private static int GatherDefined(DocumentAnalysis analysis, int column, Span<float> values, out int zeroSigns)
    {
        var count = 0;
        zeroSigns = 0;
        for (var e = 0; e < analysis.EligibleCount; e++)
        {
            var v = analysis.Features[(e * TokenFeatures.Count) + column];
            if (!float.IsNaN(v))
            {
                values[count++] = v;
                zeroSigns |= v == 0f ? (float.IsNegative(v) ? 2 : 1) : 0;
            }
        }

        return count;
    }

    /// <summary>
    /// The median of <paramref name="values"/> (no NaN; they are reordered) without a full sort, bit for bit what
    /// sorting them and taking the middle gives, unless <paramref name="mixedZeros"/> (the values hold both −0 and +0)
    /// and a middle value is zero: then false. Equal floats have equal bits except −0 and +0, so only then can the
    /// result depend on how the sort ordered the values.
    /// </summary>
    internal static bool TrySelectMedian(Span<float> values, bool mixedZeros, out float median)
    {
        var count = values.Length;
        var upper = count / 2;
        var high = Select(values, upper);
        var low = high;
        if ((count & 1) == 0)
        {
            // After the selection every value before index `upper` is ≤ the upper middle: the lower middle is their maximum.
            low = values[0];
            for (var i = 1; i < upper; i++)
            {
                low = Math.Max(low, values[i]);
            }
        }

        median = (count & 1) == 1 ? high : 0.5f * (low + high);
        return !mixedZeros || (high != 0f && low != 0f);
    }

    // Hoare-style quickselect: afterwards values[k] holds the k-th smallest value, smaller-or-equal values before it
    // and greater-or-equal values after it.
    private static float Select(Span<float> values, int k)
    {
        int left = 0, right = values.Length - 1;
        while (right > left)
        {
            var a = values[left];
            var b = values[(left + right) >> 1];
            var c = values[right];
            var pivot = Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c)); // median of three
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                break;
            }
        }

        return values[k];
    }

    /// <summary>Weight of the cosine between a suggested original and the observed word (log10 units per unit of cosine).</summary>
    internal const float SuggestionSynonymWeight = 2f;

    /// <summary>Weight of a suggested original's own log10 frequency (negative: context fit beyond mere frequency).</summary>
    internal const float SuggestionFrequencyWeight = -0.5f;

    /// <summary>
    /// The candidate original that fits eligible word <paramref name="e"/>'s whole context best (left, right and
    /// next-but-one n-grams) among all its reverse synonyms, or −1. The features examine the most frequent
    /// candidates and shortlist them by their left context alone to save lookups; a suggestion shown to a person is
    /// worth the full search ("artificial intelligence" only wins on its right-hand word). The context fit is weighed
    /// with the candidate's closeness to the observed word and against its mere frequency.
    /// </summary>
    internal int BestSuggestion(DocumentAnalysis analysis, int e)
    {
        var position = analysis.EligiblePositions[e];
        var ids = analysis.StreamIds;
        var w = ids[position];
        var (_, _, l2, l1, r1, r2) = Neighbours(analysis, position);
        var history = _stats.History(l2, l1);
        var candidates = _stats.AllReverseSynonyms(w);
        candidates = candidates[..Math.Min(candidates.Length, MaxSuggestionCandidates)];
        var r1r2 = ReferenceLexicon.NotSearched;
        Span<ContextScore> scores = stackalloc ContextScore[MaxSuggestionCandidates];
        ScoreSlot(history, candidates, r1, r2, ref r1r2, scores);
        var best = -1;
        var bestTotal = float.NegativeInfinity;
        for (var k = 0; k < candidates.Length; k++)
        {
            var c = candidates[k];
            // A spinner's substitute is a close synonym of its original, and a frequent word fits many contexts:
            // with these two terms the suggestion is the original for 18.6% of WordNet common-word substitutes
            // (15.7% on context fit alone) and 19.7% of Moby's (19.9%), and real tortured phrases get 0.190 (0.158).
            var cosine = _vectors is not null && _vectors.Has(c) && _vectors.Has(w) ? _vectors.Cosine(c, w) : float.NaN;
            var total = RuleTotal(scores[k].Total, _stats.Unigram(c), cosine);
            if (total > bestTotal)
            {
                bestTotal = total;
                best = c;
            }
        }

        return best;
    }

    // The context scores (left, right and next-but-one n-grams) of each of `words` in the slot after `history` and
    // before (r1, r2), into `scores`: a batch of ReferenceLexicon.MaxBatch at a time, whose look-ups overlap. r1r2 as
    // in IWordStatistics.RightContext.
    private void ScoreSlot(in NgramHistory history, ReadOnlySpan<int> words, int r1, int r2, ref int r1r2, Span<ContextScore> scores)
    {
        Span<float> lefts = stackalloc float[ReferenceLexicon.MaxBatch];
        Span<int> orders = stackalloc int[ReferenceLexicon.MaxBatch];
        Span<float> rights = stackalloc float[ReferenceLexicon.MaxBatch];
        Span<int> rightOrders = stackalloc int[ReferenceLexicon.MaxBatch];
        Span<float> right2s = stackalloc float[ReferenceLexicon.MaxBatch];
        Span<int> right2Orders = stackalloc int[ReferenceLexicon.MaxBatch];
        for (var start = 0; start < words.Length; start += ReferenceLexicon.MaxBatch)
        {
            var batch = words.Slice(start, Math.Min(ReferenceLexicon.MaxBatch, words.Length - start));
            _stats.LogProbs(history, batch, lefts, orders);
            _stats.RightContexts(history.W2, batch, r1, r2, r2 != NoWord, ref r1r2, rights, rightOrders, right2s, right2Orders);
            for (var k = 0; k < batch.Length; k++)
            {
                scores[start + k] = new ContextScore(lefts[k], rights[k], right2s[k], orders[k], rightOrders[k], right2Orders[k]);
            }
        }
    }

    // The sentence bounds of a stream position and its two neighbours on each side, with sentence-start and -end
    // markers at the edges (−1 before the start marker, NoWord after the end marker).
    private (int Start, int End, int L2, int L1, int R1, int R2) Neighbours(DocumentAnalysis analysis, int position)
    {
        var ids = analysis.StreamIds;
        var start = analysis.SentenceStarts[position];
        var end = analysis.SentenceEnds[position];
        var l1 = position - 1 >= start ? ids[position - 1] : _stats.SentenceStart;
        var l2 = position - 2 >= start ? ids[position - 2] : position - 1 >= start ? _stats.SentenceStart : -1;
        var r1 = position + 1 < end ? ids[position + 1] : _stats.SentenceEnd;
        var r2 = position + 2 < end ? ids[position + 2] : position + 1 < end ? _stats.SentenceEnd : NoWord;
        return (start, end, l2, l1, r1, r2);
    }

    private readonly record struct ContextScore(
        float Left, float Right, float Right2, int LeftOrder, int RightOrder, int Right2Order)
    {
        public float Total => Left + Right + Right2;

        public int OrderSum => LeftOrder + RightOrder + Right2Order;
    }
}
