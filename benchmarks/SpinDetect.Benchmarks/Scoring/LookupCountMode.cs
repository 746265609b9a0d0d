using System.Globalization;
using SpinDetect.Features;
using SpinDetect.Lexicon;
using SpinDetect.Text;

namespace SpinDetect.Benchmarks.Scoring;

/// <summary>
/// <c>lookup-count [short|medium|long]</c>: how many lexicon look-ups the spin features make for one article, by kind
/// (n-gram log-probabilities one at a time and side by side, right contexts, best continuations, unigrams, word ids,
/// reverse-synonym lists), counted by a decorator around the shipped statistics. The count is what bounds the
/// featurizer's time from below whatever the code around it: each n-gram look-up is a search in tables of tens of
/// megabytes (benchmarks/results/lexicon.md times them).
/// </summary>
internal static class LookupCountMode
{
    internal static int Run(string[] args)
    {
        ModeArguments.Check(args, [], [], positional: 1);
        var size = args.Length > 0 ? StagesMode.ParseSize(args[0]) : ArticleSize.Medium;
        var fixture = ScoringFixture.Open();
        var shipped = fixture.Pipeline.Model.Featurizer;
        var counting = new CountingStatistics(shipped.Statistics);
        var featurizer = new SpinFeaturizer(counting, shipped.Vectors);
        var text = ScoringBenchmarks.Article(size);
        using var analysis = new DocumentAnalysis();
        featurizer.Analyze(text, analysis);

        var ngrams = counting.History + counting.LogProb + counting.LogProbsElements + counting.RightElements + counting.Right2 + counting.Bigram
            + counting.BestContinuation;
        var output = Console.Out;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Lexicon look-ups of the spin features for the {size} article ({text.Length:N0} chars, {analysis.EligibleCount} eligible words), one Analyze.

            | look-up | count | per eligible word |
            |---|---:|---:|
            | history bigram (w1, w2), searched once per history | {counting.History:N0} | {Per(counting.History)} |
            | n-gram log-probability, one at a time | {counting.LogProb:N0} | {Per(counting.LogProb)} |
            | n-gram log-probability, candidates side by side (left context) | {counting.LogProbsElements:N0} in {counting.LogProbsCalls:N0} calls | {Per(counting.LogProbsElements)} |
            | right contexts of kept candidates (trigram + second trigram) | {counting.RightElements:N0} + {counting.Right2:N0} | {Per(counting.RightElements + counting.Right2)} |
            | bigram (r1, r2) | {counting.Bigram:N0} | {Per(counting.Bigram)} |
            | best continuation of a history (successor-list scan) | {counting.BestContinuation:N0} | {Per(counting.BestContinuation)} |
            | **all n-gram searches** | **{ngrams:N0}** | **{Per(ngrams)}** |
            | unigram (array read) | {counting.Unigram:N0} | {Per(counting.Unigram)} |
            | word id (hash look-up) | {counting.GetId:N0} | {Per(counting.GetId)} |
            | reverse-synonym list | {counting.ReverseSynonyms:N0} | {Per(counting.ReverseSynonyms)} |
            """));
        return 0;

        string Per(long count) => (count / (double)Math.Max(1, analysis.EligibleCount)).ToString("F1", CultureInfo.InvariantCulture);
    }

    /// <summary>Forwards every call to the shipped statistics, counting them (batched calls by their elements).</summary>
    private sealed class CountingStatistics(IWordStatistics inner) : IWordStatistics
    {
        public long History { get; private set; }

        public long LogProb { get; private set; }

        public long LogProbsElements { get; private set; }

        public long LogProbsCalls { get; private set; }

        public long RightElements { get; private set; }

        public long Right2 { get; private set; }

        public long Bigram { get; private set; }

        public long BestContinuation { get; private set; }

        public long Unigram { get; private set; }

        public long GetId { get; private set; }

        public long ReverseSynonyms { get; private set; }

        public int SentenceStart => inner.SentenceStart;

        public int SentenceEnd => inner.SentenceEnd;

        public float UnknownLogProb => inner.UnknownLogProb;

        int IWordStatistics.GetId(ReadOnlySpan<char> word)
        {
            GetId++;
            return inner.GetId(word);
        }

        int IWordStatistics.SpokenId(ReadOnlySpan<char> text, in Token token) => inner.SpokenId(text, token);

        string IWordStatistics.Word(int id) => inner.Word(id);

        float IWordStatistics.Unigram(int id)
        {
            Unigram++;
            return inner.Unigram(id);
        }

        float IWordStatistics.LogProb(int w1, int w2, int w3, out int order)
        {
            LogProb++;
            return inner.LogProb(w1, w2, w3, out order);
        }

        NgramHistory IWordStatistics.History(int w1, int w2)
        {
            History++;
            return inner.History(w1, w2);
        }

        float IWordStatistics.LogProb(in NgramHistory history, int w3, out int order)
        {
            LogProb++;
            return inner.LogProb(history, w3, out order);
        }

        float IWordStatistics.RightContext(int l1, int x, int r1, int r2, bool withRight2, ref int r1r2, out int rightOrder, out float right2, out int right2Order)
        {
            RightElements++;
            Right2 += withRight2 ? 1 : 0;
            return inner.RightContext(l1, x, r1, r2, withRight2, ref r1r2, out rightOrder, out right2, out right2Order);
        }

        void IWordStatistics.RightContexts(
            int l1, ReadOnlySpan<int> xs, int r1, int r2, bool withRight2, ref int r1r2,
            Span<float> rights, Span<int> rightOrders, Span<float> right2s, Span<int> right2Orders)
        {
            RightElements += xs.Length;
            Right2 += withRight2 ? xs.Length : 0;
            inner.RightContexts(l1, xs, r1, r2, withRight2, ref r1r2, rights, rightOrders, right2s, right2Orders);
        }

        float IWordStatistics.BigramLogProb(int r1, int r2, ref int r1r2, out int order)
        {
            Bigram++;
            return inner.BigramLogProb(r1, r2, ref r1r2, out order);
        }

        void IWordStatistics.LogProbs(in NgramHistory history, ReadOnlySpan<int> words, Span<float> logProbs, Span<int> orders)
        {
            LogProbsCalls++;
            LogProbsElements += words.Length;
            inner.LogProbs(history, words, logProbs, orders);
        }

        float IWordStatistics.BestContinuation(in NgramHistory history, out int trigramContinuations, out int bigramContinuations)
        {
            BestContinuation++;
            return inner.BestContinuation(history, out trigramContinuations, out bigramContinuations);
        }

        ReadOnlySpan<int> IWordStatistics.ReverseSynonyms(int id)
        {
            ReverseSynonyms++;
            return inner.ReverseSynonyms(id);
        }

        ReadOnlySpan<int> IWordStatistics.AllReverseSynonyms(int id) => inner.AllReverseSynonyms(id);

        PartsOfSpeech IWordStatistics.PartsOfSpeechOf(int id) => inner.PartsOfSpeechOf(id);
    }
}
