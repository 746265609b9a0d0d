namespace SpinDetect.Tests.Scoring;

/// <summary>
/// The help of the scoring commands is part of their interface (exit codes, record fields): it is compared with the
/// committed files beside this test (found from the repository root, since CI builds map source paths away). After a deliberate change, update the file with the new output.
/// </summary>
public sealed class HelpTextTests
{
    [Theory]
    [InlineData("score", "score-help.txt")]
    [InlineData("explain", "explain-help.txt")]
    public void Help_text_matches_the_committed_snapshot(string command, string snapshot)
    {
        var result = new CliHarness().Run([command, "--help"]);
        Assert.Equal(0, result.Exit);
        // The usage line names the host executable (testhost under the test runner).
        var actual = result.Output.Replace(SpinDetect.Cli.Program.BuildRootCommand().Name + " " + command, "spindetect " + command, StringComparison.Ordinal)
            .ReplaceLineEndings("\n");
        var expected = File.ReadAllText(RepositoryRoot.File("tests", "Cli.Tests", "Scoring", snapshot)).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }
}
