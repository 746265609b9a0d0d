using SpinDetect.Training.Evaluation.Tortured;

namespace SpinDetect.Tests.Evaluation.Tortured;

public sealed class PhraseAlignmentTests
{
    private static PhraseAlignment Align(string tortured, string expected) =>
        PhraseAlignment.Align(PhraseWords.Of(tortured).Words, PhraseWords.Of(expected).Words);

    [Fact]
    public void Phrases_of_equal_length_align_by_position()
    {
        var alignment = Align("speedy red vehicle", "fast red car");
        Assert.Equal([0], alignment.CounterpartsOf(0));
        Assert.Equal([1], alignment.CounterpartsOf(1));
        Assert.Equal([2], alignment.CounterpartsOf(2));
        Assert.True(alignment.IsChanged(0));
        Assert.False(alignment.IsChanged(1));
        Assert.True(alignment.IsChanged(2));
    }

    [Fact]
    public void Common_words_anchor_phrases_of_different_length()
    {
        // "the" and "of" anchor; the gaps "big"→"large" and "canine"→"dog" align one to one.
        var alignment = Align("the big canine of Ann", "the large dog of");
        Assert.Equal([0], alignment.CounterpartsOf(0));
        Assert.Equal([1], alignment.CounterpartsOf(1));
        Assert.Equal([2], alignment.CounterpartsOf(2));
        Assert.Equal([3], alignment.CounterpartsOf(3));
        Assert.Empty(alignment.CounterpartsOf(4));
        Assert.False(alignment.IsChanged(0));
        Assert.True(alignment.IsChanged(2));
        Assert.True(alignment.IsChanged(4));
    }

    [Fact]
    public void An_unequal_gap_lets_each_word_stand_for_any_word_of_the_gap()
    {
        var alignment = Align("vast canine kennel", "big dog house for pets");
        Assert.Equal([0, 1, 2, 3, 4], alignment.CounterpartsOf(0));
        Assert.Equal([0, 1, 2, 3, 4], alignment.CounterpartsOf(2));
    }

    [Fact]
    public void Case_does_not_break_anchors()
    {
        var alignment = Align("Old Book shop window", "old book store");
        Assert.False(alignment.IsChanged(0));
        Assert.False(alignment.IsChanged(1));
        Assert.Equal([2], alignment.CounterpartsOf(2));
        Assert.Equal([2], alignment.CounterpartsOf(3));
    }

    [Fact]
    public void Hyphenated_compounds_are_split_like_the_tokenizer_does()
    {
        var words = PhraseWords.Of("well-known tome");
        Assert.Equal(["well", "known", "tome"], words.Words);
        Assert.Equal([0, 5, 11], words.Starts);
    }
}
