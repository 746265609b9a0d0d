using SpinDetect.Training.Evaluation.Tortured;

namespace SpinDetect.Tests.Evaluation.Tortured;

public sealed class ExpectedPhraseTests
{
    [Theory]
    [InlineData("red apple", "red apple")]
    [InlineData("red apple (a fruit, in this context)", "red apple")]
    [InlineData("[ripe] red apple", "red apple")]
    [InlineData("\"red apple\"", "red apple")]
    [InlineData("\\\"red apple (RA)\\\"", "red apple")]
    [InlineData("  red   apple  ", "red apple")]
    public void Remarks_context_and_quotes_are_removed(string raw, string expected)
    {
        Assert.Equal(expected, ExpectedPhrase.Clean(raw, "crimson fruit", out var uncertain, out _));
        Assert.False(uncertain);
    }

    [Fact]
    public void A_parenthesis_shared_with_the_tortured_phrase_is_kept()
    {
        Assert.Equal("red apple (RA)", ExpectedPhrase.Clean("red apple (RA)", "crimson fruit (RA)", out _, out _));
    }

    [Theory]
    [InlineData("red apple (?)")]
    [InlineData("red apple?")]
    [InlineData("red apple ?")]
    public void A_question_mark_makes_the_phrase_uncertain_but_usable(string raw)
    {
        Assert.Equal("red apple", ExpectedPhrase.Clean(raw, "crimson fruit", out var uncertain, out _));
        Assert.True(uncertain);
    }

    [Theory]
    [InlineData("???", nameof(SkipReason.UnknownExpected))]
    [InlineData("(?)", nameof(SkipReason.UnknownExpected))]
    [InlineData("", nameof(SkipReason.UnknownExpected))]
    [InlineData("red/green apple", nameof(SkipReason.AlternativeExpected))]
    [InlineData("red apple or green pear", nameof(SkipReason.AlternativeExpected))]
    [InlineData("Crimson Fruit", nameof(SkipReason.NoSubstitution))]
    public void Unusable_expected_phrases_give_a_reason(string raw, string reason)
    {
        Assert.Null(ExpectedPhrase.Clean(raw, "crimson fruit", out _, out var actual));
        Assert.Equal(reason, actual.ToString());
    }

    [Fact]
    public void A_slash_that_the_tortured_phrase_shares_is_not_an_alternative()
    {
        Assert.Equal("sweet red/green apple", ExpectedPhrase.Clean("sweet red/green apple", "sugary red/green apple", out _, out _));
    }
}
