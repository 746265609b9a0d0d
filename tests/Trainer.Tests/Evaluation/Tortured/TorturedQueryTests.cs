using SpinDetect.Training.Evaluation.Tortured;

namespace SpinDetect.Tests.Evaluation.Tortured;

public sealed class TorturedQueryTests
{
    [Fact]
    public void One_quoted_phrase_is_a_single_phrase()
    {
        var query = TorturedQuery.Parse("\"crimson fruit\"");
        Assert.True(query.IsSinglePhrase);
        Assert.Equal("crimson fruit", Assert.Single(query.Terms).Text);
    }

    [Fact]
    public void Operators_inside_quotes_are_words_of_the_phrase()
    {
        var query = TorturedQuery.Parse("\"Bread And Butter NOT Jam\"");
        Assert.True(query.IsSinglePhrase);
        Assert.Equal("Bread And Butter NOT Jam", query.Terms[0].Text);
    }

    [Fact]
    public void And_combines_a_quoted_phrase_with_bare_words()
    {
        var query = TorturedQuery.Parse("\"speedy vehicle\" AND fast car");
        Assert.False(query.IsSinglePhrase);
        Assert.Equal(QueryOperators.And, query.Operators);
        Assert.Equal(["speedy vehicle", "fast car"], query.Terms.Select(t => t.Text));
        Assert.False(query.Terms[1].Quoted);
    }

    [Fact]
    public void Not_negates_the_following_term()
    {
        var query = TorturedQuery.Parse("\"huge canine\" NOT \"huge canine show\"");
        Assert.Equal(QueryOperators.Not, query.Operators);
        Assert.False(query.Terms[0].Negated);
        Assert.True(query.Terms[1].Negated);
    }

    [Fact]
    public void And_not_is_accepted()
    {
        var query = TorturedQuery.Parse("\"huge canine\" AND NOT kennel");
        Assert.False(query.IsMalformed);
        Assert.True(query.Terms[1].Negated);
        Assert.Equal(QueryOperators.And | QueryOperators.Not, query.Operators);
    }

    [Fact]
    public void Proximity_reads_the_distance()
    {
        var query = TorturedQuery.Parse("\"ancient tome\"~12");
        Assert.False(query.IsSinglePhrase);
        Assert.Equal(QueryOperators.Proximity, query.Operators);
        Assert.Equal(12, query.Terms[0].Proximity);
    }

    [Fact]
    public void Or_with_parentheses_is_recognised()
    {
        var query = TorturedQuery.Parse("\"glowing lantern\" AND (\"lamp\" OR \"torch\")");
        Assert.Equal(QueryOperators.And | QueryOperators.Or | QueryOperators.Grouping, query.Operators);
        Assert.Equal(3, query.Terms.Count);
    }

    [Theory]
    [InlineData("\"crimson fruit\" ADN \"red apple\"", "unknown operator")]
    [InlineData("\"crimson fruit", "unterminated quote")]
    [InlineData("\"crimson fruit\"~", "without a number")]
    [InlineData("\"\"", "empty quoted phrase")]
    [InlineData("AND \"red apple\"", "without a term")]
    [InlineData("\"red apple\" AND", "at the end")]
    [InlineData("\"red apple\" \"green pear\"", "without an operator")]
    [InlineData("   ", "no term")]
    public void Bad_syntax_is_malformed_with_a_reason(string text, string reason)
    {
        var query = TorturedQuery.Parse(text);
        Assert.True(query.IsMalformed);
        Assert.False(query.IsSinglePhrase);
        Assert.Contains(reason, query.Problem, StringComparison.Ordinal);
    }
}
