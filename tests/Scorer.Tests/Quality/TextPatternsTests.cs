using SpinDetect.Quality;

namespace SpinDetect.Tests.Quality;

public sealed class TextPatternsTests
{
    [Theory]
    [InlineData("It\u00e2\u20ac\u2122s a caf\u00c3\u00a9.", 2)]
    [InlineData("It\u2019s a caf\u00e9.", 0)]
    [InlineData("Broken \uFFFD character", 1)]
    [InlineData("Ãlvaro and Ärzte are names, not mojibake", 0)]
    public void Mojibake_markers_are_counted(string text, int expected) =>
        Assert.Equal(expected, TextPatterns.CountMojibake(text));

    [Theory]
    [InlineData("https :// twitter.com/ name/ status/ 13089170074 3848345 7? s= 20")]
    [InlineData("pic. twitter. com/ AbCdEf1234")]
    [InlineData("see https ://example.org/page")]
    public void Broken_addresses_show_at_least_two_signs(string line) =>
        Assert.True(TextPatterns.CountMangledUrlSigns(line) >= 2, line);

    [Theory]
    [InlineData("The vote was 5-2 on March 3, 2021, at 7:30 p.m. in the hall.")]
    [InlineData("Read the report at https://example.org/reports/2021?id=7 for details.")]
    [InlineData("The ratio was 3/4 and the answer, 42.")]
    public void Ordinary_text_shows_at_most_one_sign(string line) =>
        Assert.True(TextPatterns.CountMangledUrlSigns(line) <= 1, line);

    [Fact]
    public void Word_hash_ignores_case_and_a_plural_s()
    {
        Assert.Equal(TextPatterns.WordHash("Bridges"), TextPatterns.WordHash("bridge"));
        Assert.NotEqual(TextPatterns.WordHash("bridge"), TextPatterns.WordHash("river"));
        Assert.Equal(TextPatterns.WordHash("glass"), TextPatterns.WordHash("GLASS"));
    }
}
