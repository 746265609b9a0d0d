using SpinDetect.Cli.Scoring;

namespace SpinDetect.Tests.Scoring;

public sealed class GlobTests
{
    [Theory]
    [InlineData("*.txt", "a.txt", "x/a.txt", true)]
    [InlineData("*.txt", "A.TXT", "A.TXT", true)]
    [InlineData("*.txt", "a.txt.bak", "a.txt.bak", false)]
    [InlineData("?.md", "a.md", "a.md", true)]
    [InlineData("?.md", "ab.md", "ab.md", false)]
    [InlineData("[ab]*.htm", "b1.htm", "b1.htm", true)]
    [InlineData("[!ab]*.htm", "b1.htm", "b1.htm", false)]
    [InlineData("news/*.txt", "a.txt", "news/a.txt", true)]
    [InlineData("news/*.txt", "a.txt", "news/2020/a.txt", false)]
    [InlineData("news/**/*.txt", "a.txt", "news/2020/05/a.txt", true)]
    [InlineData("news/**/*.txt", "a.txt", "news/a.txt", true)]
    [InlineData("**/draft-*", "draft-1.txt", "x/y/draft-1.txt", true)]
    [InlineData("a+b(1).txt", "a+b(1).txt", "a+b(1).txt", true)]
    public void Globs_match_names_or_relative_paths(string pattern, string name, string relative, bool expected) =>
        Assert.Equal(expected, new Glob(pattern).IsMatch(name, relative));
}
