using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SpinDetect.Text;

namespace SpinDetect.Lexicon;

/// <summary>
/// The reference lexicon the detector consults: vocabulary, trigram language model with Katz backoff,
/// inflection-aware synonym indexes from Moby and WordNet-based morphology, loaded from the compact
/// <c>models/lexicon.bin</c>. Lookups work on dense word ids, are allocation-free and thread-safe (the
/// object is immutable). Word ids passed in must be valid ids (0 ≤ id &lt; <see cref="WordCount"/>).
/// </summary>
internal sealed class ReferenceLexicon
{
    /// <summary>Longest word the lookup lowercases on the stack; longer inputs are not in the vocabulary anyway.</summary>
    private const int MaxStackWord = 128;

    private readonly SpokenNumbers _spokenNumbers;
    private readonly char[] _chars;
    private readonly int[] _charOffsets;
    private readonly int[] _slots;
    private readonly int _slotMask;
    private readonly int _maxWordLength;
    private readonly float[] _unigramProb;
    private readonly float[] _unigramBackoff;
    private readonly int[] _bigramOffsets;

    // Successor index built at load (not stored): for each word with more than SuccessorBucketMinimum successors,
    // (start of its buckets << 5) | shift, else −1; bucket b of the word holds the index of its first successor
    // whose id is ≥ b << shift, followed by one closing entry. A search reads one bucket pair and one or two cache
    // lines of bigrams instead of several interpolation probes spread over a long successor list.
    private readonly int[] _successorIndex;
    private readonly int[] _successorBuckets;
    private readonly ulong[] _bigrams;
    private readonly uint[] _trigrams;
    private readonly float[] _quant;

    // Slot tables built at load (not stored, a single pass over the n-grams): for each word, the best log10
    // probability of any next word after it as a one-word history; for each bigram, the quantisation index of its
    // most probable trigram continuation (meaningless when its trigram run is empty).
    private readonly float[] _bestAfter;
    private readonly byte[] _bestTrigram;
    private readonly float _bestUnigram;
    private readonly int[] _reverseOffsets;
    private readonly int[] _reverseIds;
    private readonly Lazy<(int[] Offsets, int[] Ids)> _forward;
    private readonly Lazy<int[]> _synonymCounts;
    private readonly byte[] _lemmaPos;
    private readonly byte[] _formPos;
    private readonly int[] _analysisOffsets;
    private readonly uint[] _analyses;
    private readonly int[] _formOffsets;
    private readonly uint[] _forms;
    private readonly Lazy<Morphology> _morphology;

    /// <summary>Wraps already validated <paramref name="data"/>; <paramref name="sourceName"/> names it in errors.</summary>
    internal ReferenceLexicon(LexiconData data, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(data);
        SourceName = sourceName;
        _chars = data.VocabularyChars;
        _charOffsets = data.VocabularyOffsets;
        _unigramProb = data.UnigramProb;
        _unigramBackoff = data.UnigramBackoff;
        _bigramOffsets = data.BigramOffsets;
        _bigrams = data.Bigrams;
        _trigrams = data.Trigrams;
        (_successorIndex, _successorBuckets) = BuildSuccessorIndex(_bigramOffsets, _bigrams, _unigramProb.Length);
        _quant = data.QuantTables;
        _reverseOffsets = data.ReverseOffsets;
        _reverseIds = data.ReverseIds;
        _forward = new Lazy<(int[] Offsets, int[] Ids)>(InvertReverseSynonyms);
        _synonymCounts = new Lazy<int[]>(CountSynonyms);
        _lemmaPos = data.LemmaPartsOfSpeech;
        _formPos = data.FormPartsOfSpeech;
        _analysisOffsets = data.AnalysisOffsets;
        _analyses = data.Analyses;
        _formOffsets = data.FormOffsets;
        _forms = data.Forms;
        var blob = data.MorphologyBlob;
        _morphology = new Lazy<Morphology>(() => MorphologySerializer.Deserialize(blob, sourceName));

        var slotCount = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, WordCount * 2));
        _slots = new int[slotCount];
        _slotMask = slotCount - 1;
        for (var id = 0; id < WordCount; id++)
        {
            var word = WordSpan(id);
            _maxWordLength = Math.Max(_maxWordLength, word.Length);
            var slot = (int)Hash(word) & _slotMask;
            while (_slots[slot] != 0)
            {
                if (WordSpan(_slots[slot] - 1).SequenceEqual(word))
                {
                    goto Next; // a repeated spelling keeps its first id
                }

                slot = (slot + 1) & _slotMask;
            }

            _slots[slot] = id + 1;
        Next:;
        }

        _maxWordLength = Math.Min(_maxWordLength, MaxStackWord);
        SentenceStart = GetId("<s>");
        SentenceEnd = GetId("</s>");
        UnknownLogProb = 0f;
        for (var id = 0; id < WordCount; id++)
        {
            // The start marker carries a dummy −99; every real word is more probable than that.
            if (id != SentenceStart && _unigramProb[id] > -90f)
            {
                UnknownLogProb = Math.Min(UnknownLogProb, _unigramProb[id]);
            }
        }

        (_bestUnigram, _bestAfter, _bestTrigram) = BuildSlotTables();
        _spokenNumbers = new SpokenNumbers(this);
    }

    /// <summary>
    /// The id of the word a spoken transcript says last for a number or per-cent token (<see cref="SpokenNumbers"/>),
    /// −1 for any other token: the model was trained on speech, where numbers are words.
    /// </summary>
    internal int SpokenId(ReadOnlySpan<char> text, in Token token) => _spokenNumbers.IdOf(text, token);

    /// <summary>The file (or other source) the lexicon came from.</summary>
    internal string SourceName { get; }

    /// <summary>Number of vocabulary words (ids are 0 … WordCount − 1).</summary>
    internal int WordCount => _unigramProb.Length;

    /// <summary>Number of stored bigrams.</summary>
    internal int BigramCount => _bigrams.Length - 1;

    /// <summary>Number of stored trigrams.</summary>
    internal int TrigramCount => _trigrams.Length;

    /// <summary>Number of stored reverse-synonym links.</summary>
    internal int ReverseSynonymCount => _reverseIds.Length;

    /// <summary>Id of the sentence-start token <c>&lt;s&gt;</c> (−1 if absent).</summary>
    internal int SentenceStart { get; }

    /// <summary>Id of the sentence-end token <c>&lt;/s&gt;</c> (−1 if absent).</summary>
    internal int SentenceEnd { get; }

    /// <summary>log10 probability for a word outside the vocabulary: the lowest unigram probability of any word.</summary>
    internal float UnknownLogProb { get; }

    /// <summary>The full string morphology (all WordNet lemmas), decoded from the file on first use.</summary>
    internal Morphology Morphology => _morphology.Value;

    /// <summary>Loads and verifies <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="LexiconFormatException">The file is foreign, truncated, corrupted or of another format version.</exception>
    internal static ReferenceLexicon Load(string path) => new(LexiconFile.Read(path), path);

    /// <summary>
    /// The id of <paramref name="word"/>, ignoring case and typography (apostrophe variants, invisible characters,
    /// ligatures: <see cref="WordSpelling"/>), or of its American or unaccented spelling when the vocabulary lacks the word itself
    /// (<see cref="SpellingVariants"/>); −1 when it is not in the vocabulary. Allocation-free.
    /// </summary>
    [SkipLocalsInit] // the stack buffer is fully overwritten before it is read
    internal int GetId(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxStackWord)
        {
            return -1;
        }

        // Typographic spellings are folded first (when there is nothing to fold, one vectorised scan finds that out);
        // the folded word may be shorter (invisible characters) or longer (ligatures) than the word as written.
        Span<char> lower = stackalloc char[MaxStackWord];
        var spelled = WordSpelling.Fold(word, lower);
        var n = spelled.Length;
        if (n == 0 || n > _maxWordLength)
        {
            return -1;
        }

        var hash = 2166136261u;
        for (var i = 0; i < n; i++)
        {
            // ASCII fast path; the span overload of ToLowerInvariant is several times slower on short words. The fold
            // wrote into the same buffer, so each character is read before it is overwritten.
            var c = spelled[i];
            c = c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);
            lower[i] = c;
            hash = unchecked((hash ^ c) * 16777619u);
        }

        lower = lower[..n];
        var id = Find(lower, hash ^ (hash >> 15));
        return id >= 0 || n > MaxVariantWord ? id : SpellingVariants.Find(this, lower);
    }

    /// <summary>Longest word whose spelling variants are looked up (<see cref="SpellingVariants"/>).</summary>
    internal const int MaxVariantWord = 32;

    /// <summary>The id of a word already in lower case and folded, −1 when it is not in the vocabulary.</summary>
    internal int FindLower(ReadOnlySpan<char> lower) => lower.Length <= _maxWordLength ? Find(lower, Hash(lower)) : -1;

    private int Find(ReadOnlySpan<char> lower, uint hash)
    {
        var slot = (int)hash & _slotMask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (WordSpan(entry - 1).SequenceEqual(lower))
            {
                return entry - 1;
            }

            slot = (slot + 1) & _slotMask;
        }
    }

    /// <summary>The spelling of word <paramref name="id"/> without allocating.</summary>
    internal ReadOnlySpan<char> WordSpan(int id) => _chars.AsSpan(_charOffsets[id], _charOffsets[id + 1] - _charOffsets[id]);

    /// <summary>The spelling of word <paramref name="id"/> as a new string (for evidence output, not hot paths).</summary>
    internal string Word(int id) => new(WordSpan(id));

    /// <summary>log10 P(w).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal float Unigram(int id) => _unigramProb[id];

    /// <summary>log10 backoff weight of the one-word history <paramref name="id"/>.</summary>
    internal float UnigramBackoff(int id) => _unigramBackoff[id];

    /// <summary>Whether the model stores the bigram "w1 w2".</summary>
    internal bool HasBigram(int w1, int w2) => FindBigram(w1, w2) >= 0;

    /// <summary>log10 P(w2 | w1), backing off to backoff(w1) + log10 P(w2) when the bigram is not stored.</summary>
    internal float Bigram(int w1, int w2)
    {
        var index = FindBigram(w1, w2);
        return index >= 0 ? _quant[NgramLayout.BigramProbIndex(_bigrams[index])] : _unigramBackoff[w1] + _unigramProb[w2];
    }

    /// <summary>Whether the model stores the trigram "w1 w2 w3".</summary>
    internal bool HasTrigram(int w1, int w2, int w3)
    {
        var bigram = FindBigram(w1, w2);
        return bigram >= 0 && FindTrigram(bigram, w3) >= 0;
    }

    /// <summary>log10 P(w3 | w1 w2) with Katz backoff: the trigram, else backoff(w1 w2) + log10 P(w3 | w2).</summary>
    internal float Trigram(int w1, int w2, int w3) => LogProb(w1, w2, w3, out _);

    /// <summary>
    /// log10 P(w3 | w1 w2) with Katz backoff, where a history id of −1 (unknown word or text start) shortens
    /// the history: w2 = −1 gives the unigram, w1 = −1 the bigram. <paramref name="order"/> is the length of
    /// the longest n-gram found (1–3). An unknown <paramref name="w3"/> (−1) gets <see cref="UnknownLogProb"/>, order 0.
    /// </summary>
    internal float LogProb(int w1, int w2, int w3, out int order) => LogProb(History(w1, w2), w3, out order);

    /// <summary>Resolves the history (w1 w2) once, for <see cref="LogProb(in NgramHistory, int, out int)"/>.</summary>
    internal NgramHistory History(int w1, int w2)
    {
        if (w1 < 0 || w2 < 0)
        {
            return new NgramHistory(w1, w2, -1, 0f);
        }

        return HistoryOf(w1, w2, FindBigram(w1, w2));
    }

    // The history (w1 w2) whose bigram index (−1 when not stored) is already known.
    private NgramHistory HistoryOf(int w1, int w2, int bigram)
    {
        var backoff = bigram >= 0 ? _quant[NgramLayout.BigramBackoffTable + NgramLayout.BigramBackoffIndex(_bigrams[bigram])] : 0f;
        return new NgramHistory(w1, w2, bigram, backoff);
    }

    /// <summary>
    /// log10 P(w3 | history) with Katz backoff, exactly as <see cref="LogProb(int, int, int, out int)"/> with the
    /// history's words, without searching the history's bigram again.
    /// </summary>
    internal float LogProb(in NgramHistory history, int w3, out int order)
    {
        var w2w3 = NotSearched;
        return LogProb(history, w3, ref w2w3, out order);
    }

    // The Katz backoff itself, with the search of the bigram (w2, w3) taken from (or stored in) w2w3.
    private float LogProb(in NgramHistory history, int w3, ref int w2w3, out int order)
    {
        if (w3 < 0)
        {
            order = 0;
            return UnknownLogProb;
        }

        var w2 = history.W2;
        if (w2 < 0)
        {
            order = 1;
            return _unigramProb[w3];
        }

        if (history.Bigram >= 0)
        {
            var trigram = FindTrigram(history.Bigram, w3);
            if (trigram >= 0)
            {
                order = 3;
                return _quant[NgramLayout.TrigramProbTable + NgramLayout.TrigramProbIndex(_trigrams[trigram])];
            }
        }

        if (w2w3 == NotSearched)
        {
            w2w3 = FindBigram(w2, w3);
        }

        if (w2w3 >= 0)
        {
            order = 2;
            return history.Backoff + _quant[NgramLayout.BigramProbIndex(_bigrams[w2w3])];
        }

        order = 1;
        return history.Backoff + _unigramBackoff[w2] + _unigramProb[w3];
    }

    /// <summary>
    /// <see cref="LogProb(in NgramHistory, int, out int)"/> of several next words after one history: each
    /// <c>logProbs[i]</c> and <c>orders[i]</c> is exactly that call's result for <c>words[i]</c>. The words that back
    /// off to the bigram (w2, w3) have their successor ranges fetched together before they are searched, so the
    /// first cache misses of up to <see cref="MaxBatch"/> searches overlap instead of following one another.
    /// </summary>
    internal void LogProbs(in NgramHistory history, ReadOnlySpan<int> words, Span<float> logProbs, Span<int> orders)
    {
        if (logProbs.Length < words.Length || orders.Length < words.Length)
        {
            throw new ArgumentException("The result spans are shorter than the words.", nameof(logProbs));
        }

        if (words.Length > MaxBatch)
        {
            for (var i = 0; i < words.Length; i++)
            {
                logProbs[i] = LogProb(history, words[i], out orders[i]);
            }

            return;
        }

        var w2 = history.W2;
        Span<int> pending = stackalloc int[MaxBatch];
        var count = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var w3 = words[i];
            if (w3 < 0)
            {
                orders[i] = 0;
                logProbs[i] = UnknownLogProb;
                continue;
            }

            if (w2 < 0)
            {
                orders[i] = 1;
                logProbs[i] = _unigramProb[w3];
                continue;
            }

            if (history.Bigram >= 0)
            {
                var trigram = FindTrigram(history.Bigram, w3);
                if (trigram >= 0)
                {
                    orders[i] = 3;
                    logProbs[i] = _quant[NgramLayout.TrigramProbTable + NgramLayout.TrigramProbIndex(_trigrams[trigram])];
                    continue;
                }
            }

            pending[count++] = i;
        }

        if (count == 0)
        {
            return;
        }

        Span<int> keys = stackalloc int[MaxBatch];
        Span<int> found = stackalloc int[MaxBatch];
        for (var k = 0; k < count; k++)
        {
            keys[k] = words[pending[k]];
        }

        FindBigrams(w2, keys[..count], found);
        var backoff = history.Backoff;
        for (var k = 0; k < count; k++)
        {
            var i = pending[k];
            var bigram = found[k];
            if (bigram >= 0)
            {
                orders[i] = 2;
                logProbs[i] = backoff + _quant[NgramLayout.BigramProbIndex(_bigrams[bigram])];
            }
            else
            {
                orders[i] = 1;
                logProbs[i] = backoff + _unigramBackoff[w2] + _unigramProb[words[i]];
            }
        }
    }

    /// <summary>
    /// How predictable the slot after <paramref name="history"/> is: the log10 probability of its most probable next
    /// word as the stored n-grams give it (the best trigram continuation of the history, or the history's backoff
    /// plus the best continuation of its newer word, whichever is higher; the best unigram for an empty history).
    /// The backoff term ignores that Katz backoff excludes the trigram run's words, so it can exceed the true maximum
    /// slightly; it is never below it. <paramref name="trigramContinuations"/> is the number of stored trigrams after
    /// the history, <paramref name="bigramContinuations"/> the number of stored bigrams after its newer word (both 0
    /// for an empty history): how open the slot is. Allocation-free; reads precomputed tables.
    /// </summary>
    internal float BestContinuation(in NgramHistory history, out int trigramContinuations, out int bigramContinuations)
    {
        var w2 = history.W2;
        if (w2 < 0)
        {
            trigramContinuations = 0;
            bigramContinuations = 0;
            return _bestUnigram;
        }

        bigramContinuations = _bigramOffsets[w2 + 1] - _bigramOffsets[w2];
        var best = history.Backoff + _bestAfter[w2];
        trigramContinuations = 0;
        var bigram = history.Bigram;
        if (bigram >= 0)
        {
            trigramContinuations = NgramLayout.TrigramStart(_bigrams[bigram + 1]) - NgramLayout.TrigramStart(_bigrams[bigram]);
            if (trigramContinuations > 0)
            {
                best = Math.Max(best, _quant[NgramLayout.TrigramProbTable + _bestTrigram[bigram]]);
            }
        }

        return best;
    }

    // The best unigram (a real word: not the start marker's dummy), each word's best continuation and each bigram's
    // best trigram: one pass over the bigrams and trigrams (tens of milliseconds on the shipped lexicon).
    private (float BestUnigram, float[] BestAfter, byte[] BestTrigram) BuildSlotTables()
    {
        var bestUnigram = float.NegativeInfinity;
        for (var id = 0; id < WordCount; id++)
        {
            if (id != SentenceStart && _unigramProb[id] > -90f)
            {
                bestUnigram = Math.Max(bestUnigram, _unigramProb[id]);
            }
        }

        if (float.IsNegativeInfinity(bestUnigram))
        {
            bestUnigram = UnknownLogProb;
        }

        var bestAfter = new float[WordCount];
        var bestTrigram = new byte[_bigrams.Length];
        for (var w1 = 0; w1 < WordCount; w1++)
        {
            var best = _unigramBackoff[w1] + bestUnigram;
            for (var b = _bigramOffsets[w1]; b < _bigramOffsets[w1 + 1]; b++)
            {
                best = Math.Max(best, _quant[NgramLayout.BigramProbIndex(_bigrams[b])]);
                int start = NgramLayout.TrigramStart(_bigrams[b]), end = NgramLayout.TrigramStart(_bigrams[b + 1]);
                var bestIndex = -1;
                for (var t = start; t < end; t++)
                {
                    var index = NgramLayout.TrigramProbIndex(_trigrams[t]);
                    if (bestIndex < 0 || _quant[NgramLayout.TrigramProbTable + index] > _quant[NgramLayout.TrigramProbTable + bestIndex])
                    {
                        bestIndex = index;
                    }
                }

                bestTrigram[b] = (byte)Math.Max(0, bestIndex);
            }

            bestAfter[w1] = best;
        }

        return (bestUnigram, bestAfter, bestTrigram);
    }

    /// <summary>
    /// Whether a punctuation mark ends a sentence for the model, so that the history starts afresh after it: the
    /// model was trained on transcribed speech, sentence by sentence and without punctuation. Shared by the spin
    /// features and the quality model's language-model features, which must break histories at the same marks.
    /// The full stop of a title or an initial ("Mr.", "U.S.") ends none.
    /// </summary>
    /// <param name="text">The text the token was cut from.</param>
    /// <param name="mark">A punctuation token.</param>
    internal static bool EndsSentence(ReadOnlySpan<char> text, in Token mark) =>
        !mark.Has(TokenFlags.Abbreviation) && text[mark.Start] is '.' or '!' or '?' or ';';

    /// <summary>A bigram index not searched yet (for the caches of <see cref="RightContext"/>).</summary>
    internal const int NotSearched = int.MinValue;

    /// <summary>
    /// The right-hand context of <paramref name="x"/> between <paramref name="l1"/> and (<paramref name="r1"/>,
    /// <paramref name="r2"/>): returns log10 P(r1 | l1 x) and gives log10 P(r2 | x r1) in <paramref name="right2"/>
    /// (when <paramref name="withRight2"/>), each exactly as <see cref="LogProb(int, int, int, out int)"/>. The bigram
    /// (x, r1), the first score's backoff and the second's history, is searched once; the bigram (r1, r2), which does
    /// not depend on x, is searched at most once for all the x of one word through <paramref name="r1r2"/>
    /// (<see cref="NotSearched"/> until then).
    /// </summary>
    internal float RightContext(int l1, int x, int r1, int r2, bool withRight2, ref int r1r2, out int rightOrder, out float right2, out int right2Order)
    {
        var xr1 = NotSearched;
        var right = ContextLogProb(l1, x, r1, NotSearched, ref xr1, out rightOrder);
        right2 = 0;
        right2Order = 0;
        if (withRight2)
        {
            right2 = ContextLogProb(x, r1, r2, xr1, ref r1r2, out right2Order);
        }

        return right;
    }

    /// <summary>
    /// <see cref="RightContext"/> of each of <paramref name="xs"/> (at most <see cref="MaxBatch"/>) with one (l1, r1, r2):
    /// <c>rights[i]</c>, <c>rightOrders[i]</c>, <c>right2s[i]</c> and <c>right2Orders[i]</c> are exactly that call's
    /// results for <c>xs[i]</c>. The bigrams (l1, x) and (x, r1) of all the words are located and prefetched first,
    /// then their trigram runs, so the cache misses of the words' searches overlap instead of following one another.
    /// </summary>
    [SkipLocalsInit]
    internal unsafe void RightContexts(
        int l1, ReadOnlySpan<int> xs, int r1, int r2, bool withRight2, ref int r1r2,
        Span<float> rights, Span<int> rightOrders, Span<float> right2s, Span<int> right2Orders)
    {
        var n = xs.Length;
        if (n > MaxBatch || rights.Length < n || rightOrders.Length < n || right2s.Length < n || right2Orders.Length < n)
        {
            throw new ArgumentException("At most MaxBatch words, and result spans at least as long as the words.", nameof(xs));
        }

        // Only the searches RightContext could need are made early; every search is exact, so an index found
        // here is the one RightContext would find later.
        var searchLeft = l1 >= 0 && r1 >= 0;
        var searchRight = r1 >= 0;
        Span<int> leftBigrams = stackalloc int[MaxBatch];
        Span<int> rightBigrams = stackalloc int[MaxBatch];
        Span<int> leftLows = stackalloc int[MaxBatch];
        Span<int> leftHighs = stackalloc int[MaxBatch];
        Span<int> leftBefore = stackalloc int[MaxBatch];
        Span<int> leftAfter = stackalloc int[MaxBatch];
        Span<int> rightLows = stackalloc int[MaxBatch];
        Span<int> rightHighs = stackalloc int[MaxBatch];
        Span<int> rightBefore = stackalloc int[MaxBatch];
        Span<int> rightAfter = stackalloc int[MaxBatch];
        ref var bigram0 = ref MemoryMarshal.GetArrayDataReference(_bigrams);
        ref var trigram0 = ref MemoryMarshal.GetArrayDataReference(_trigrams);
        var prefetch = System.Runtime.Intrinsics.X86.Sse.IsSupported;
        for (var i = 0; i < n; i++)
        {
            var x = xs[i];
            if (x < 0)
            {
                continue;
            }

            if (searchLeft)
            {
                SuccessorRange(l1, x, out leftLows[i], out leftHighs[i], out leftBefore[i], out leftAfter[i]);
                if (prefetch && leftHighs[i] >= leftLows[i])
                {
                    // A hint only, so an unpinned address is fine (the tables sit in the large-object heap anyway).
                    System.Runtime.Intrinsics.X86.Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref bigram0, leftLows[i])));
                }
            }

            if (searchRight)
            {
                SuccessorRange(x, r1, out rightLows[i], out rightHighs[i], out rightBefore[i], out rightAfter[i]);
                if (prefetch && rightHighs[i] >= rightLows[i])
                {
                    System.Runtime.Intrinsics.X86.Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref bigram0, rightLows[i])));
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            leftBigrams[i] = NotSearched;
            rightBigrams[i] = NotSearched;
            if (xs[i] < 0)
            {
                continue;
            }

            if (searchLeft)
            {
                var found = FindInRange(leftLows[i], leftHighs[i], leftBefore[i], leftAfter[i], xs[i]);
                leftBigrams[i] = found;
                if (prefetch && found >= 0)
                {
                    System.Runtime.Intrinsics.X86.Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref trigram0, NgramLayout.TrigramStart(_bigrams[found]))));
                }
            }

            if (searchRight)
            {
                var found = FindInRange(rightLows[i], rightHighs[i], rightBefore[i], rightAfter[i], r1);
                rightBigrams[i] = found;
                if (prefetch && withRight2 && found >= 0)
                {
                    System.Runtime.Intrinsics.X86.Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref trigram0, NgramLayout.TrigramStart(_bigrams[found]))));
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            // RightContext step for step, with the bigrams found above.
            var x = xs[i];
            var xr1 = rightBigrams[i];
            rights[i] = ContextLogProb(l1, x, r1, leftBigrams[i], ref xr1, out rightOrders[i]);
            right2s[i] = 0;
            right2Orders[i] = 0;
            if (withRight2)
            {
                right2s[i] = ContextLogProb(x, r1, r2, xr1, ref r1r2, out right2Orders[i]);
            }
        }
    }

    /// <summary>
    /// log10 P(r2 | r1) with an empty older history, exactly as <c>LogProb(−1, r1, r2, out order)</c>, sharing the
    /// search of the bigram (r1, r2) through <paramref name="r1r2"/> as <see cref="RightContext"/> does.
    /// </summary>
    internal float BigramLogProb(int r1, int r2, ref int r1r2, out int order) =>
        ContextLogProb(-1, r1, r2, NotSearched, ref r1r2, out order);

    // LogProb(w1, w2, w3) with the bigram (w1, w2) search taken from w1w2 when known and the (w2, w3) search taken
    // from (or stored in) w2w3.
    private float ContextLogProb(int w1, int w2, int w3, int w1w2, ref int w2w3, out int order)
    {
        var history = w1w2 == NotSearched || w1 < 0 || w2 < 0 ? History(w1, w2) : HistoryOf(w1, w2, w1w2);
        return LogProb(history, w3, ref w2w3, out order);
    }

    /// <summary>Most next words <see cref="LogProbs"/> searches side by side.</summary>
    internal const int MaxBatch = 16;

    /// <summary>
    /// <see cref="FindBigram"/> of (w1, keys[k]) for every k: the ranges are found and their first entries
    /// prefetched for all keys before any is searched, so the searches' first cache misses overlap.
    /// </summary>
    [SkipLocalsInit]
    private unsafe void FindBigrams(int w1, ReadOnlySpan<int> keys, Span<int> found)
    {
        var n = keys.Length;
        Span<int> lows = stackalloc int[MaxBatch];
        Span<int> highs = stackalloc int[MaxBatch];
        Span<int> keysBefore = stackalloc int[MaxBatch];
        Span<int> keysAfter = stackalloc int[MaxBatch];
        ref var bigram0 = ref MemoryMarshal.GetArrayDataReference(_bigrams);
        for (var k = 0; k < n; k++)
        {
            SuccessorRange(w1, keys[k], out lows[k], out highs[k], out keysBefore[k], out keysAfter[k]);
            if (System.Runtime.Intrinsics.X86.Sse.IsSupported && highs[k] >= lows[k])
            {
                // A hint only, so an unpinned address is fine (the table sits in the large-object heap anyway).
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref bigram0, lows[k])));
            }
        }

        for (var k = 0; k < n; k++)
        {
            found[k] = FindInRange(lows[k], highs[k], keysBefore[k], keysAfter[k], keys[k]);
        }
    }

    /// <summary>
    /// The words <paramref name="id"/> could have replaced under a Moby-based spinner, in the same inflection
    /// ("hires" → "employees", "employs", …), most frequent first (descending unigram probability, then id).
    /// Empty when none are known.
    /// </summary>
    internal ReadOnlySpan<int> ReverseSynonyms(int id) =>
        _reverseIds.AsSpan(_reverseOffsets[id], _reverseOffsets[id + 1] - _reverseOffsets[id]);

    /// <summary>
    /// The Moby synonyms of <paramref name="id"/> inflected like it and present in the vocabulary, ascending ids:
    /// the exact inverse of <see cref="ReverseSynonyms"/>. Not stored in the file (it would break the size
    /// budget); computed on first use (tens of milliseconds), then allocation-free.
    /// </summary>
    internal ReadOnlySpan<int> Synonyms(int id)
    {
        var (offsets, ids) = _forward.Value;
        return ids.AsSpan(offsets[id], offsets[id + 1] - offsets[id]);
    }

    /// <summary>
    /// How many words <paramref name="id"/> could be replaced by (the length of <see cref="Synonyms"/>), without
    /// building the forward index: one pass over the reverse index on first use (a few milliseconds, 4 bytes a word).
    /// </summary>
    internal int SynonymCount(int id) => _synonymCounts.Value[id];

    /// <summary>The parts of speech <paramref name="id"/> has as a lemma (None when WordNet does not list it).</summary>
    internal PartsOfSpeech LemmaPartsOfSpeech(int id) => (PartsOfSpeech)_lemmaPos[id];

    /// <summary>The parts of speech of all readings of <paramref name="id"/>, as lemma or as inflected form.</summary>
    internal PartsOfSpeech PartsOfSpeechOf(int id) => (PartsOfSpeech)_formPos[id];

    /// <summary>The readings of <paramref name="id"/> whose lemma is in the vocabulary (lemma id, word class, inflection).</summary>
    internal PackedAnalyses Analyses(int id) =>
        new(_analyses.AsSpan(_analysisOffsets[id], _analysisOffsets[id + 1] - _analysisOffsets[id]));

    /// <summary>The inflected forms of lemma <paramref name="lemmaId"/> in the vocabulary (form id, word class, inflection).</summary>
    internal PackedAnalyses InflectedForms(int lemmaId) =>
        new(_forms.AsSpan(_formOffsets[lemmaId], _formOffsets[lemmaId + 1] - _formOffsets[lemmaId]));

    /// <summary>The id of the <paramref name="inflection"/> form of <paramref name="lemmaId"/>, or −1 when it is not in the vocabulary.</summary>
    internal int Inflect(int lemmaId, Inflection inflection)
    {
        if (inflection == Inflection.None)
        {
            return lemmaId;
        }

        foreach (var form in InflectedForms(lemmaId))
        {
            if (form.Inflection == inflection)
            {
                return form.WordId;
            }
        }

        return -1;
    }

    private int[] CountSynonyms()
    {
        var counts = new int[WordCount];
        foreach (var original in _reverseIds)
        {
            counts[original]++;
        }

        return counts;
    }

    private (int[] Offsets, int[] Ids) InvertReverseSynonyms()
    {
        var offsets = new int[WordCount + 1];
        foreach (var original in _reverseIds)
        {
            offsets[original + 1]++;
        }

        for (var i = 0; i < WordCount; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var cursor = offsets.AsSpan(0, WordCount).ToArray();
        var ids = new int[_reverseIds.Length];
        for (var substitute = 0; substitute < WordCount; substitute++)
        {
            foreach (var original in ReverseSynonyms(substitute))
            {
                ids[cursor[original]++] = substitute; // substitutes ascend, so each list is sorted by id
            }
        }

        return (offsets, ids);
    }

    /// <summary>Lists longer than this get successor buckets.</summary>
    private const int SuccessorBucketMinimum = 64;

    /// <summary>Average successors per bucket (a power of two); a bucket then spans one or two cache lines.</summary>
    private const int SuccessorsPerBucket = 8;

    private static (int[] Index, int[] Buckets) BuildSuccessorIndex(int[] offsets, ulong[] bigrams, int wordCount)
    {
        var index = new int[wordCount];
        var idBits = 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)Math.Max(1, wordCount - 1));
        var total = 0;
        for (var w1 = 0; w1 < wordCount; w1++)
        {
            var n = offsets[w1 + 1] - offsets[w1];
            index[w1] = n > SuccessorBucketMinimum ? BucketCount(n, idBits, wordCount, out _) + 1 : 0;
            total += index[w1];
        }

        var buckets = new int[total];
        var at = 0;
        for (var w1 = 0; w1 < wordCount; w1++)
        {
            if (index[w1] == 0)
            {
                index[w1] = -1;
                continue;
            }

            var count = BucketCount(offsets[w1 + 1] - offsets[w1], idBits, wordCount, out var shift);
            int i = offsets[w1], end = offsets[w1 + 1];
            index[w1] = (at << 5) | shift;
            for (var b = 0; b < count; b++)
            {
                while (i < end && NgramLayout.BigramWord(bigrams[i]) < (b << shift))
                {
                    i++;
                }

                buckets[at++] = i;
            }

            buckets[at++] = end;
        }

        return (index, buckets);
    }

    // Buckets of 2^shift ids each, about SuccessorsPerBucket successors per bucket on average, covering every id.
    private static int BucketCount(int successors, int idBits, int wordCount, out int shift)
    {
        var bits = System.Numerics.BitOperations.Log2((uint)(successors / SuccessorsPerBucket));
        shift = Math.Max(0, idBits - bits);
        return ((wordCount - 1) >> shift) + 1;
    }

    /// <summary>
    /// The entries of w1's successor list that can hold w2 (<c>[low, high]</c>), with exclusive key bounds for the
    /// interpolation: the whole list, or the bucket of w2 when the list has buckets.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SuccessorRange(int w1, int w2, out int low, out int high, out int keyBefore, out int keyAfter)
    {
        var index = _successorIndex[w1];
        if (index < 0)
        {
            (low, high, keyBefore, keyAfter) = (_bigramOffsets[w1], _bigramOffsets[w1 + 1] - 1, -1, WordCount);
            return;
        }

        var shift = index & 31;
        var bucket = w2 >> shift;
        ref var at = ref _successorBuckets[(index >> 5) + bucket];
        low = at;
        high = Unsafe.Add(ref at, 1) - 1;
        keyBefore = (bucket << shift) - 1;
        keyAfter = (bucket + 1) << shift;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindBigram(int w1, int w2)
    {
        Debug.Assert((uint)w1 < (uint)WordCount && (uint)w2 < (uint)WordCount, "word ids must be valid");
        SuccessorRange(w1, w2, out var low, out var high, out var keyBefore, out var keyAfter);
        return FindInRange(low, high, keyBefore, keyAfter, w2);
    }

    // Each (w1, w2) is stored at most once, so every exact search of the range returns the same index (or −1).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindInRange(int low, int high, int keyBefore, int keyAfter, int w2)
    {
        var bigrams = _bigrams;

        // Long ranges (frequent words without buckets, or a dense bucket): a few interpolation steps land near the
        // key with far fewer cache misses than bisection. The bounds are exclusive and carry the keys already read
        // (virtual ones at the start), so each step reads one entry.
        if (high - low > 64)
        {
            int before = low - 1, after = high + 1;
            for (var step = 0; step < 6 && after - before > 32; step++)
            {
                var probe = before + 1 + (int)((long)(w2 - keyBefore - 1) * (after - before - 1) / (keyAfter - keyBefore));
                var key = NgramLayout.BigramWord(bigrams[probe]);
                if (key == w2)
                {
                    return probe;
                }

                if (key < w2)
                {
                    (before, keyBefore) = (probe, key);
                }
                else
                {
                    (after, keyAfter) = (probe, key);
                }
            }

            (low, high) = (before + 1, after - 1);
        }

        return Search<ulong, BigramKey>(bigrams, low, high, w2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindTrigram(int bigram, int w3)
    {
        var trigrams = _trigrams;
        int low = NgramLayout.TrigramStart(_bigrams[bigram]), high = NgramLayout.TrigramStart(_bigrams[bigram + 1]) - 1;
        return Search<uint, TrigramKey>(trigrams, low, high, w3);
    }

    /// <summary>
    /// Finds <paramref name="key"/> in the sorted entries <c>[low, high]</c>: a forward scan for short ranges (one
    /// or two cache lines beat mispredicted bisection; most groups are short), bisection otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Search<TEntry, TKey>(TEntry[] entries, int low, int high, int key)
        where TKey : IEntryKey<TEntry>
    {
        if (high - low < 16)
        {
            for (var i = low; i <= high; i++)
            {
                var found = TKey.Of(entries[i]);
                if (found >= key)
                {
                    return found == key ? i : -1;
                }
            }

            return -1;
        }

        while (low <= high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            var found = TKey.Of(entries[middle]);
            if (found == key)
            {
                return middle;
            }

            if (found < key)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <summary>FNV-1a over UTF-16 code units: deterministic (unlike string hashing) and cheap for short words.</summary>
    internal static uint Hash(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash ^ (hash >> 15);
    }

    /// <summary>The word id a packed entry is sorted by; static so the generic search specialises per entry type.</summary>
    private interface IEntryKey<in TEntry>
    {
        static abstract int Of(TEntry entry);
    }

    private readonly struct BigramKey : IEntryKey<ulong>
    {
        public static int Of(ulong entry) => NgramLayout.BigramWord(entry);
    }

    private readonly struct TrigramKey : IEntryKey<uint>
    {
        public static int Of(uint entry) => NgramLayout.TrigramWord(entry);
    }

    /// <summary>A span of packed analyses that unpacks on access; allocation-free to enumerate.</summary>
    internal readonly ref struct PackedAnalyses(ReadOnlySpan<uint> entries)
    {
        private readonly ReadOnlySpan<uint> _entries = entries;

        /// <summary>Number of entries.</summary>
        public int Length => _entries.Length;

        /// <summary>The entry at <paramref name="index"/>.</summary>
        public LexiconAnalysis this[int index] => NgramLayout.UnpackAnalysis(_entries[index]);

        /// <summary>Enumerates the unpacked entries.</summary>
        public Enumerator GetEnumerator() => new(_entries);

        /// <summary>Enumerator over packed entries.</summary>
        internal ref struct Enumerator(ReadOnlySpan<uint> entries)
        {
            private readonly ReadOnlySpan<uint> _entries = entries;
            private int _index = -1;

            /// <summary>The current entry.</summary>
            public readonly LexiconAnalysis Current => NgramLayout.UnpackAnalysis(_entries[_index]);

            /// <summary>Advances to the next entry.</summary>
            public bool MoveNext() => ++_index < _entries.Length;
        }
    }
}
