using SpinDetect.Features;
using SpinDetect.Quality;
using SpinDetect.Text;

namespace SpinDetect.Tests.Text;

public sealed class WordSpellingTests
{
    [Theory]
    [InlineData("don\u2019t", "don't")]
    [InlineData("Don\u02BCt", "Don't")]
    [InlineData("don\u00B4t", "don't")]
    [InlineData("don`t", "don't")]
    [InlineData("com\u00ADpa\u200Bny", "company")]
    [InlineData("\uFB01nancial", "financial")]
    [InlineData("a\uFB00ect", "affect")]
    [InlineData("plain", "plain")]
    public void Fold_writes_ascii_apostrophes_and_ligature_letters_and_drops_invisible_characters(string word, string expected)
    {
        Span<char> buffer = stackalloc char[WordSpelling.MaxStackWord];
        Assert.Equal(expected, WordSpelling.Fold(word, buffer).ToString());
        Assert.Equal(expected.Length, WordSpelling.SpelledLength(word));
    }

    [Fact]
    public void A_word_without_anything_to_fold_is_returned_as_it_is()
    {
        const string word = "unchanged";
        Assert.False(WordSpelling.NeedsFolding(word));
        Assert.True(WordSpelling.Fold(word, Span<char>.Empty).Overlaps(word));
    }

    [Theory]
    [InlineData("didn\u2019t")]
    [InlineData("Don\u2019t")]
    [InlineData("it\u02BCs")]
    [InlineData("th\u00ADe")]
    [InlineData("mu\uFB06")]
    public void Word_lists_find_typographic_spellings(string word)
    {
        Assert.True(FunctionWords.Contains(word));
        Assert.True(EnglishWords.IsStopWord(word));
        Assert.NotEqual(-1, EnglishWords.FunctionWordGroup(word));
    }

    [Fact]
    public void A_word_that_does_not_fit_the_buffer_folds_to_nothing()
    {
        Span<char> buffer = stackalloc char[4];
        Assert.True(WordSpelling.Fold("a\uFB03\uFB03", buffer).IsEmpty);
        Assert.Equal("a'b", WordSpelling.Fold("a\u2019b", buffer).ToString());
    }

    [Fact]
    public void A_typographic_auxiliary_still_governs_a_verb()
    {
        Assert.True(FunctionWords.IsVerbGovernor("didn\u2019t"));
        Assert.True(FunctionWords.IsDeterminer("th\u00ADe"));
    }
}
