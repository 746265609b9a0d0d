using SpinDetect.Lexicon;

namespace SpinDetect.Tests.Lexicon;

public sealed class ReferenceLexiconTests
{
    private static readonly ReferenceLexicon Lexicon = TinyLexicon.Load(TinyLexicon.Bytes());

    [Theory]
    [InlineData("bag", 1)]
    [InlineData("BAG", 1)]
    [InlineData("Purse", 3)]
    [InlineData("<s>", 0)]
    [InlineData("bags", -1)]
    [InlineData("", -1)]
    [InlineData("ba", -1)]
    public void GetId_ignores_case_and_returns_minus_one_for_unknown_words(string word, int expected)
    {
        Assert.Equal(expected, Lexicon.GetId(word));
    }

    [Fact]
    public void GetId_rejects_words_longer_than_any_in_the_vocabulary()
    {
        Assert.Equal(-1, Lexicon.GetId(new string('a', 10_000)));
    }

    [Fact]
    public void GetId_works_on_a_slice_of_a_larger_text()
    {
        var text = "out of the Bag.".AsSpan();
        Assert.Equal(Lexicon.GetId("bag"), Lexicon.GetId(text.Slice(11, 3)));
    }

    [Fact]
    public void Word_returns_the_stored_spelling()
    {
        for (var id = 0; id < Lexicon.WordCount; id++)
        {
            Assert.Equal(TinyLexicon.Words[id], Lexicon.Word(id));
            Assert.Equal(id, Lexicon.GetId(Lexicon.WordSpan(id)));
        }
    }

    [Fact]
    public void Sentence_markers_are_found()
    {
        Assert.Equal(0, Lexicon.SentenceStart);
        Assert.Equal(-1, Lexicon.SentenceEnd);
    }

    [Fact]
    public void Forward_synonyms_are_the_inverse_of_reverse_synonyms()
    {
        for (var w = 0; w < Lexicon.WordCount; w++)
        {
            foreach (var original in Lexicon.ReverseSynonyms(w))
            {
                Assert.Contains(w, Lexicon.Synonyms(original).ToArray());
            }

            foreach (var substitute in Lexicon.Synonyms(w))
            {
                Assert.Contains(w, Lexicon.ReverseSynonyms(substitute).ToArray());
            }
        }
    }

    [Fact]
    public void Analyses_unpack_lemma_word_class_and_inflection()
    {
        var analyses = Lexicon.Analyses(Lexicon.GetId("bag"));
        Assert.Equal(1, analyses.Length);
        Assert.Equal(new LexiconAnalysis(1, PartsOfSpeech.Noun, Inflection.None), analyses[0]);
        Assert.Equal(0, Lexicon.Analyses(Lexicon.GetId("the")).Length);
        Assert.Equal(-1, Lexicon.Inflect(Lexicon.GetId("bag"), Inflection.Plural));
        Assert.Equal(1, Lexicon.Inflect(1, Inflection.None));
    }

    [Fact]
    public void An_unknown_word_gets_the_lowest_real_unigram_probability()
    {
        var statistics = Lexicon;
        Assert.Equal(-5f, statistics.UnknownLogProb);
        Assert.Equal(-5f, statistics.LogProb(1, 4, -1, out var order));
        Assert.Equal(0, order);
        Assert.Equal(PartsOfSpeech.Noun, statistics.PartsOfSpeechOf(1));
    }
}
