using SpinDetect.Lexicon;
using SpinDetect.Text;

namespace SpinDetect.Features;

/// <summary>
/// <see cref="IWordStatistics"/> over the shipped reference lexicon. The lexicon stores each word's reverse-synonym
/// candidates most frequent first, so capping them at <see cref="SpinFeaturizer.MaxCandidates"/> keeps the originals a
/// spinner most likely replaced (curated dictionaries favour common words).
/// </summary>
internal sealed class LexiconWordStatistics : IWordStatistics
{
    private readonly ReferenceLexicon _lexicon;

    /// <summary>Wraps <paramref name="lexicon"/>.</summary>
    public LexiconWordStatistics(ReferenceLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
    }

    /// <summary>The wrapped lexicon.</summary>
    public ReferenceLexicon Lexicon => _lexicon;

    /// <inheritdoc />
    public int SentenceStart => _lexicon.SentenceStart;

    /// <inheritdoc />
    public int SentenceEnd => _lexicon.SentenceEnd;

    /// <inheritdoc />
    public float UnknownLogProb => _lexicon.UnknownLogProb;

    /// <inheritdoc />
    public int GetId(ReadOnlySpan<char> word) => _lexicon.GetId(word);

    /// <inheritdoc />
    public int SpokenId(ReadOnlySpan<char> text, in Token token) => _lexicon.SpokenId(text, token);

    /// <inheritdoc />
    public string Word(int id) => _lexicon.Word(id);

    /// <inheritdoc />
    public float Unigram(int id) => _lexicon.Unigram(id);

    /// <inheritdoc />
    public float LogProb(int w1, int w2, int w3, out int order) => _lexicon.LogProb(w1, w2, w3, out order);

    /// <inheritdoc />
    public NgramHistory History(int w1, int w2) => _lexicon.History(w1, w2);

    /// <inheritdoc />
    public float LogProb(in NgramHistory history, int w3, out int order) => _lexicon.LogProb(history, w3, out order);

    /// <inheritdoc />
    public float RightContext(int l1, int x, int r1, int r2, bool withRight2, ref int r1r2, out int rightOrder, out float right2, out int right2Order) =>
        _lexicon.RightContext(l1, x, r1, r2, withRight2, ref r1r2, out rightOrder, out right2, out right2Order);

    /// <inheritdoc />
    public void RightContexts(
        int l1, ReadOnlySpan<int> xs, int r1, int r2, bool withRight2, ref int r1r2,
        Span<float> rights, Span<int> rightOrders, Span<float> right2s, Span<int> right2Orders) =>
        _lexicon.RightContexts(l1, xs, r1, r2, withRight2, ref r1r2, rights, rightOrders, right2s, right2Orders);

    /// <inheritdoc />
    public float BigramLogProb(int r1, int r2, ref int r1r2, out int order) => _lexicon.BigramLogProb(r1, r2, ref r1r2, out order);

    /// <inheritdoc />
    public void LogProbs(in NgramHistory history, ReadOnlySpan<int> words, Span<float> logProbs, Span<int> orders) =>
        _lexicon.LogProbs(history, words, logProbs, orders);

    /// <inheritdoc />
    public float BestContinuation(in NgramHistory history, out int trigramContinuations, out int bigramContinuations) =>
        _lexicon.BestContinuation(history, out trigramContinuations, out bigramContinuations);

    /// <inheritdoc />
    public ReadOnlySpan<int> ReverseSynonyms(int id)
    {
        var all = _lexicon.ReverseSynonyms(id);
        return all.Length <= SpinFeaturizer.MaxCandidates ? all : all[..SpinFeaturizer.MaxCandidates];
    }

    /// <inheritdoc />
    public ReadOnlySpan<int> AllReverseSynonyms(int id) => _lexicon.ReverseSynonyms(id);

    /// <inheritdoc />
    public int SynonymCount(int id) => _lexicon.SynonymCount(id);

    /// <inheritdoc />
    public PartsOfSpeech PartsOfSpeechOf(int id) => _lexicon.PartsOfSpeechOf(id);
}
