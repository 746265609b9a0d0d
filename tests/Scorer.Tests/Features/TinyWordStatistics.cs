using SpinDetect.Features;
using SpinDetect.Lexicon;
using SpinDetect.Text;

namespace SpinDetect.Tests.Features;

/// <summary>
/// A hand-made miniature language model and thesaurus for feature tests: unseen n-grams back off to the
/// unigram with a fixed penalty, as Katz backoff does.
/// </summary>
internal sealed class TinyWordStatistics : IWordStatistics
{
    private const float BackoffPenalty = -0.5f;
    private readonly List<string> _words = ["<s>", "</s>"];
    private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, float> _unigrams = [];
    private readonly Dictionary<(int, int), float> _bigrams = [];
    private readonly Dictionary<(int, int, int), float> _trigrams = [];
    private readonly Dictionary<int, int[]> _reverse = [];
    private readonly Dictionary<int, PartsOfSpeech> _pos = [];

    public TinyWordStatistics()
    {
        _ids["<s>"] = 0;
        _ids["</s>"] = 1;
        _unigrams[0] = -1;
        _unigrams[1] = -1;
    }

    public int WordCount => _words.Count;

    public int SentenceStart => 0;

    public int SentenceEnd => 1;

    public float UnknownLogProb => -7;

    public TinyWordStatistics Word(string word, float unigram, PartsOfSpeech pos = PartsOfSpeech.None)
    {
        var id = Id(word);
        _unigrams[id] = unigram;
        _pos[id] = pos;
        return this;
    }

    /// <summary>
    /// Adds every word of <paramref name="text"/> it does not know yet, at a flat unigram, so that only shape (name,
    /// number, function word) decides which of its words are eligible: words the vocabulary lacks are not.
    /// </summary>
    public TinyWordStatistics WithWordsOf(string text)
    {
        using var tokens = new TokenList();
        Tokenizer.Tokenize(text, tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Slice(text);
            if (tokens[i].Kind == TokenKind.Word && GetId(word) < 0)
            {
                Word(word.ToString(), -5f);
            }
        }

        return this;
    }

    public TinyWordStatistics Bigram(string w1, string w2, float logProb)
    {
        _bigrams[(Id(w1), Id(w2))] = logProb;
        return this;
    }

    public TinyWordStatistics Trigram(string w1, string w2, string w3, float logProb)
    {
        _trigrams[(Id(w1), Id(w2), Id(w3))] = logProb;
        return this;
    }

    public TinyWordStatistics Synonyms(string observed, params string[] originals)
    {
        _reverse[Id(observed)] = originals.Select(Id).ToArray();
        return this;
    }

    public int GetId(ReadOnlySpan<char> word) =>
        _ids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var id) ? id : -1;

    string IWordStatistics.Word(int id) => _words[id];

    public float Unigram(int id) => _unigrams.GetValueOrDefault(id, -6);

    public float LogProb(int w1, int w2, int w3, out int order)
    {
        if (w3 < 0)
        {
            order = 0;
            return UnknownLogProb;
        }

        if (w1 >= 0 && w2 >= 0 && _trigrams.TryGetValue((w1, w2, w3), out var p3))
        {
            order = 3;
            return p3;
        }

        if (w2 >= 0 && _bigrams.TryGetValue((w2, w3), out var p2))
        {
            order = 2;
            return p2 + (w1 >= 0 ? BackoffPenalty : 0);
        }

        order = 1;
        return Unigram(w3) + (w2 >= 0 ? BackoffPenalty : 0) + (w1 >= 0 ? BackoffPenalty : 0);
    }

    /// <summary>The exact best continuation, by trying every word but the start marker; the stored n-grams counted.</summary>
    public float BestContinuation(in NgramHistory history, out int trigramContinuations, out int bigramContinuations)
    {
        var (w1, w2) = (history.W1, history.W2);
        var best = float.NegativeInfinity;
        for (var w3 = 1; w3 < _words.Count; w3++)
        {
            best = Math.Max(best, LogProb(w1, w2, w3, out _));
        }

        trigramContinuations = w1 >= 0 && w2 >= 0 ? _trigrams.Keys.Count(k => k.Item1 == w1 && k.Item2 == w2) : 0;
        bigramContinuations = w2 >= 0 ? _bigrams.Keys.Count(k => k.Item1 == w2) : 0;
        return best;
    }

    public ReadOnlySpan<int> ReverseSynonyms(int id) => _reverse.TryGetValue(id, out var c) ? c : [];

    public int SynonymCount(int id) => _reverse.Values.Count(originals => originals.Contains(id));

    public PartsOfSpeech PartsOfSpeechOf(int id) => _pos.GetValueOrDefault(id);

    private int Id(string word)
    {
        if (!_ids.TryGetValue(word, out var id))
        {
            id = _words.Count;
            _words.Add(word);
            _ids[word] = id;
        }

        return id;
    }

    /// <summary>A miniature of "the cat is out of the bag" with "purse" as a synonym of "bag".</summary>
    public static TinyWordStatistics CatAndBag() => new TinyWordStatistics()
        .Word("the", -1.3f).Word("cat", -4f, PartsOfSpeech.Noun).Word("is", -1.8f).Word("out", -2.5f, PartsOfSpeech.Adverb)
        .Word("of", -1.5f).Word("bag", -4.2f, PartsOfSpeech.Noun).Word("purse", -4.9f, PartsOfSpeech.Noun)
        .Word("result", -3.5f, PartsOfSpeech.Noun | PartsOfSpeech.Verb).Word("arise", -4.6f, PartsOfSpeech.Verb)
        .Word("as", -2f).Word("a", -1.6f).Word("we", -2f).Word("won", -3.9f, PartsOfSpeech.Verb)
        .Bigram("<s>", "the", -0.8f).Bigram("the", "cat", -3f).Bigram("cat", "is", -1f).Bigram("is", "out", -1.5f)
        .Bigram("out", "of", -0.3f).Bigram("of", "the", -0.6f).Bigram("the", "bag", -3.7f)
        .Bigram("the", "purse", -4.8f).Bigram("bag", "</s>", -0.9f).Bigram("purse", "</s>", -1.0f)
        .Trigram("out", "of", "the", -0.2f).Trigram("of", "the", "bag", -2.0f)
        .Bigram("as", "a", -1f).Bigram("a", "result", -2f).Bigram("result", "we", -1.5f)
        .Trigram("<s>", "as", "a", -0.7f).Trigram("as", "a", "result", -0.4f)
        .Synonyms("purse", "bag", "cat").Synonyms("bag", "purse").Synonyms("arise", "result", "won");
}
