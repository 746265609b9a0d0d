using SpinDetect.Training.Evaluation.Tortured;

namespace SpinDetect.Tests.Evaluation.Tortured;

public sealed class WordFormsTests
{
    [Theory]
    [InlineData("apple", "Apple")]
    [InlineData("apples", "apple")]
    [InlineData("case", "cases")]
    [InlineData("boxes", "box")]
    [InlineData("berries", "berry")]
    public void Case_and_regular_plurals_are_the_same_lemma(string a, string b)
    {
        Assert.True(WordForms.SameLemma(a, b));
        Assert.True(WordForms.SameLemma(b, a));
    }

    [Theory]
    [InlineData("apple", "apply")]
    [InlineData("dog", "dogma")]
    [InlineData("car", "carts")]
    public void Different_words_are_not(string a, string b) => Assert.False(WordForms.SameLemma(a, b));
}
