using SpinDetect.Training.Resources;
using static SpinDetect.Tests.Resources.SphinxTrieWriter;

namespace SpinDetect.Tests.Resources;

public sealed class SphinxTrieLanguageModelTests
{
    private const string RealModel = "pocketsphinx/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";

    // Ids: 0 </s>, 1 <s>, 2 bag, 3 of, 4 out, 5 purse, 6 the.
    private static readonly Unigram[] Unigrams =
    [
        new("</s>", -1.5f, 0f), new("<s>", -99f, -0.5f), new("bag", -4.1f, -0.2f), new("of", -1.6f, -0.4f),
        new("out", -2.7f, -0.3f), new("purse", -5.2f, -0.1f), new("the", -1.3f, -0.6f),
    ];

    private static readonly Bigram[] Bigrams =
    [
        new(6, 2, -3.71f, -0.25f), new(6, 5, -4.77f, -0.15f), new(3, 6, -0.9f, -0.35f),
        new(4, 3, -0.8f, -0.45f), new(1, 6, -1.1f, -0.05f),
    ];

    private static readonly Trigram[] Trigrams =
    [
        new(3, 6, 2, -2.9f), new(4, 3, 6, -0.7f), new(1, 6, 2, -3.3f),
    ];

    private static readonly SphinxTrieLanguageModel Model =
        SphinxTrieLanguageModel.Read(Write(Unigrams, Bigrams, Trigrams), "fixture.lm.bin");

    [Fact]
    public void Counts_vocabulary_and_unigrams_are_read_back()
    {
        Assert.Equal(Unigrams.Select(u => u.Word), Model.Words);
        Assert.Equal(5, Model.BigramCount);
        Assert.Equal(3, Model.TrigramCount);
        Assert.Equal(-4.1f, Model.UnigramProb[Model.WordId("bag")], 4);
        Assert.Equal(-0.6f, Model.UnigramBackoff[Model.WordId("the")], 4);
    }

    [Fact]
    public void Every_fixture_bigram_is_found_with_its_values()
    {
        foreach (var b in Bigrams)
        {
            var entry = Model.FindBigram(b.W1, b.W2);
            Assert.True(entry >= 0, $"bigram {b.W1} {b.W2} not found");
            Assert.Equal(b.Prob, Model.BigramProb[entry], 4);
            Assert.Equal(b.Backoff, Model.BigramBackoff[entry], 4);
        }
    }

    [Fact]
    public void Every_fixture_trigram_is_found_and_absent_ones_are_not()
    {
        foreach (var t in Trigrams)
        {
            var entry = Model.FindTrigram(t.W0, t.W1, t.W2);
            Assert.True(entry >= 0, $"trigram {t.W0} {t.W1} {t.W2} not found");
            Assert.Equal(t.Prob, Model.TrigramProb[entry], 4);
        }

        Assert.Equal(-1, Model.FindTrigram(3, 6, 5));
        Assert.Equal(-1, Model.FindBigram(2, 6));
    }

    [Fact]
    public void Missing_ngrams_back_off_katz_style()
    {
        int of = Model.WordId("of"), the = Model.WordId("the"), purse = Model.WordId("purse"), bag = Model.WordId("bag");
        // "of the purse" is absent: backoff("of the") + P(purse | the).
        Assert.Equal(-0.35f + -4.77f, Model.TrigramLog10(of, the, purse), 4);
        // "bag the" is absent: backoff(bag) + P(the).
        Assert.Equal(-0.2f + -1.3f, Model.BigramLog10(bag, the), 4);
        Assert.Equal(-2.9f, Model.TrigramLog10(of, the, bag), 4);
    }

    [Fact]
    public void A_foreign_file_is_rejected_with_its_name()
    {
        var error = Assert.Throws<InvalidDataException>(() => SphinxTrieLanguageModel.Read("ARPA\n\\data\\\n"u8, "other.lm"));
        Assert.Contains("other.lm", error.Message);
        Assert.Contains("header", error.Message);
    }

    [Fact]
    public void A_truncated_file_is_rejected_with_its_name_and_offset()
    {
        var bytes = Write(Unigrams, Bigrams, Trigrams);
        foreach (var length in new[] { 20, 30, bytes.Length / 2, bytes.Length - 3 })
        {
            var error = Assert.Throws<InvalidDataException>(() => SphinxTrieLanguageModel.Read(bytes.AsSpan(0, length), "cut.lm.bin"));
            Assert.Contains("cut.lm.bin", error.Message);
            Assert.Contains("truncated", error.Message);
        }
    }

    [CacheFact(RealModel)]
    public void The_real_model_passes_the_independent_checks()
    {
        var model = SphinxTrieLanguageModel.Load(CacheFactAttribute.CachePath(RealModel)!);
        Assert.Equal(72547, model.Words.Length);
        Assert.Equal(2051547, model.BigramCount);
        Assert.Equal(1669625, model.TrigramCount);
        int the = model.WordId("the"), of = model.WordId("of"), bag = model.WordId("bag"), purse = model.WordId("purse");
        Assert.Equal(-3.71, model.BigramLog10(the, bag), 2);
        Assert.Equal(-4.77, model.BigramLog10(the, purse), 2);
        Assert.True(model.FindTrigram(of, the, bag) >= 0);
        Assert.Equal(-1, model.FindTrigram(of, the, purse));
    }
}
