namespace SpinDetect.Tests.Examples;

public sealed class LibraryExampleTests
{
    private const string Spun =
        "The cat is already out of the purse. As a arise, the company hires were told in seasons of change. "
        + "Nobody at the firm expected the news to travel so fast across the whole industry that year.";

    private const string Clean =
        "The cat is already out of the bag. As a result, the company employees were told in times of change. "
        + "Nobody at the firm expected the news to travel so fast across the whole industry that year.";

    [Fact]
    public async Task The_library_example_runs_and_finds_the_substitutions()
    {
        using var _ = SpinDetector.OverrideDefault(new SpinDetector(new FakeTextScorer(), new SpinDetectorOptions { MinWords = 10 }));

        var (report, spun) = await LibraryExample.RunAsync(Spun, Texts(Spun, Clean, Spun), CancellationToken.None);

        Assert.True(report.Spun);
        Assert.Contains(report.Evidence, e => e.Text == "purse" && e.Suggestion == "bag" && Spun.Substring(e.Offset, e.Length) == "purse");
        Assert.Equal(2, spun);
    }

    [Fact]
    public void README_quotes_the_compiled_example_verbatim()
    {
        var source = File.ReadAllLines(RepositoryRoot.File("tests", "Scorer.Tests", "Examples", "LibraryExample.cs"));
        var start = Array.FindIndex(source, l => l.Trim() == "// README example start");
        var end = Array.FindIndex(source, l => l.Trim() == "// README example end");
        Assert.True(start >= 0 && end > start, "markers missing in LibraryExample.cs");
        var indent = source[start].Length - source[start].TrimStart().Length;
        var example = string.Join('\n', source[(start + 1)..end].Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));

        var readme = File.ReadAllText(RepositoryRoot.File("README.md")).ReplaceLineEndings("\n");

        Assert.Contains("## Use as a library", readme, StringComparison.Ordinal);
        Assert.Contains("```csharp\nusing SpinDetect;\n\n" + example + "\n```", readme, StringComparison.Ordinal);
    }

    private static async IAsyncEnumerable<string> Texts(params string[] texts)
    {
        foreach (var text in texts)
        {
            await Task.Yield();
            yield return text;
        }
    }
}
