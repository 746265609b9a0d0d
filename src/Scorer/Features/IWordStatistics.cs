using SpinDetect.Lexicon;
using SpinDetect.Text;

namespace SpinDetect.Features;

/// <summary>
/// What the featurizer needs from the lexicon: word ids, n-gram log-probabilities with backoff, the
/// reverse-synonym index and parts of speech. A seam so features can be tested on a tiny hand-made lexicon.
/// </summary>
internal interface IWordStatistics
{
    /// <summary>Id of the sentence-start marker.</summary>
    int SentenceStart { get; }

    /// <summary>Id of the sentence-end marker.</summary>
    int SentenceEnd { get; }

    /// <summary>Log10 probability given to a word outside the vocabulary.</summary>
    float UnknownLogProb { get; }

    /// <summary>Id of a word (case-insensitive), or −1 when it is not in the vocabulary.</summary>
    int GetId(ReadOnlySpan<char> word);

    /// <summary>
    /// Id of the word said last for a number or per-cent token ("6,000" → "thousand"), or −1 (by default, and for
    /// any other token).
    /// </summary>
    int SpokenId(ReadOnlySpan<char> text, in Token token) => -1;

    /// <summary>The word with id <paramref name="id"/> (lower case).</summary>
    string Word(int id);

    /// <summary>Log10 unigram probability.</summary>
    float Unigram(int id);

    /// <summary>
    /// Log10 P(<paramref name="w3"/> | <paramref name="w1"/> <paramref name="w2"/>) with Katz backoff; an id of
    /// −1 in the history shortens it. <paramref name="order"/> is the longest n-gram found (1–3).
    /// </summary>
    float LogProb(int w1, int w2, int w3, out int order);

    /// <summary>Resolves a history once for scoring many next words after it (by default nothing is precomputed).</summary>
    NgramHistory History(int w1, int w2) => new(w1, w2, -1, 0f);

    /// <summary>The same value as <see cref="LogProb(int, int, int, out int)"/> with the history's two words.</summary>
    float LogProb(in NgramHistory history, int w3, out int order) => LogProb(history.W1, history.W2, w3, out order);

    /// <summary>
    /// log10 P(r1 | l1 x), returned, and, when <paramref name="withRight2"/>, log10 P(r2 | x r1) in
    /// <paramref name="right2"/> (else 0, order 0), each exactly as <see cref="LogProb(int, int, int, out int)"/>.
    /// <paramref name="r1r2"/> lets an implementation share the search of the bigram (r1, r2) between the calls for
    /// one word (start it at <see cref="ReferenceLexicon.NotSearched"/>).
    /// </summary>
    float RightContext(int l1, int x, int r1, int r2, bool withRight2, ref int r1r2, out int rightOrder, out float right2, out int right2Order)
    {
        var right = LogProb(l1, x, r1, out rightOrder);
        right2 = 0;
        right2Order = 0;
        if (withRight2)
        {
            right2 = LogProb(x, r1, r2, out right2Order);
        }

        return right;
    }

    /// <summary>
    /// <see cref="RightContext"/> of each of <paramref name="xs"/> (at most <see cref="ReferenceLexicon.MaxBatch"/>)
    /// with the same (l1, r1, r2), in order, into the result spans (same values; an implementation may overlap the
    /// lookups).
    /// </summary>
    void RightContexts(
        int l1, ReadOnlySpan<int> xs, int r1, int r2, bool withRight2, ref int r1r2,
        Span<float> rights, Span<int> rightOrders, Span<float> right2s, Span<int> right2Orders)
    {
        for (var i = 0; i < xs.Length; i++)
        {
            rights[i] = RightContext(l1, xs[i], r1, r2, withRight2, ref r1r2, out rightOrders[i], out right2s[i], out right2Orders[i]);
        }
    }

    /// <summary>log10 P(r2 | r1), exactly as <c>LogProb(−1, r1, r2, out order)</c>; <paramref name="r1r2"/> as in <see cref="RightContext"/>.</summary>
    float BigramLogProb(int r1, int r2, ref int r1r2, out int order) => LogProb(-1, r1, r2, out order);

    /// <summary>
    /// <see cref="LogProb(in NgramHistory, int, out int)"/> of each of <paramref name="words"/> after one history,
    /// into <paramref name="logProbs"/> and <paramref name="orders"/> (same values; an implementation may overlap
    /// the lookups).
    /// </summary>
    void LogProbs(in NgramHistory history, ReadOnlySpan<int> words, Span<float> logProbs, Span<int> orders)
    {
        for (var i = 0; i < words.Length; i++)
        {
            logProbs[i] = LogProb(history, words[i], out orders[i]);
        }
    }

    /// <summary>
    /// The log10 probability of the most probable next word after <paramref name="history"/>, with the number of stored
    /// trigram continuations of the history and of bigram continuations of its newer word (see
    /// <see cref="ReferenceLexicon.BestContinuation"/>). By default unknown: NaN and no continuations.
    /// </summary>
    float BestContinuation(in NgramHistory history, out int trigramContinuations, out int bigramContinuations)
    {
        trigramContinuations = 0;
        bigramContinuations = 0;
        return float.NaN;
    }

    /// <summary>Words that <paramref name="id"/> could have replaced (same inflection), best first.</summary>
    ReadOnlySpan<int> ReverseSynonyms(int id);

    /// <summary>All such words, where <see cref="ReverseSynonyms"/> may keep only the most likely (by default the same).</summary>
    ReadOnlySpan<int> AllReverseSynonyms(int id) => ReverseSynonyms(id);

    /// <summary>
    /// How many words could replace <paramref name="id"/> (the words whose reverse synonyms list it), or −1 when unknown
    /// (the default).
    /// </summary>
    int SynonymCount(int id) => -1;

    /// <summary>Parts of speech the word can take.</summary>
    PartsOfSpeech PartsOfSpeechOf(int id);
}
