namespace SpinDetect.Tests.Scoring;

public sealed class ExplainCommandTests
{
    [Fact]
    public void Explain_marks_the_suspicious_spans_with_their_suggestions()
    {
        using var folder = new TempFolder();
        var path = folder.Write("article.txt", Articles.Spun);
        var result = new CliHarness().Run(["explain", path]);

        Assert.Equal(0, result.Exit);
        Assert.StartsWith($"{path}: SPUN (confidence ", result.Output, StringComparison.Ordinal);
        Assert.Contains("out of the [[purse -> bag]] about", result.Output, StringComparison.Ordinal);
        Assert.Contains("As a [[arise -> result]],", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"seasons\" -> \"times\"", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_of_an_unreadable_input_exits_1_with_the_reason()
    {
        using var folder = new TempFolder();
        var path = folder.Write("empty.txt", []);
        var result = new CliHarness().Run(["explain", path]);
        Assert.Equal(1, result.Exit);
        Assert.Contains("empty file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_with_an_unknown_option_in_place_of_the_file_is_a_usage_error()
    {
        var result = new CliHarness().Run(["explain", "--bogus"]);
        Assert.Equal(2, result.Exit);
        Assert.Contains("unknown option --bogus", result.Error, StringComparison.Ordinal);
    }
}
