using System.CommandLine;
using SpinDetect.Cli;

namespace SpinDetect.Tests.Commands;

public sealed class SpinCommandTests
{
    [Fact]
    public void Spin_says_clearly_when_the_thesaurus_is_missing()
    {
        var input = Path.Combine(Path.GetTempPath(), "spindetect-spin-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(input, "The big company signed a deal.");
        try
        {
            var (exit, _, error) = Run(["spin", input, "--cache", "/nonexistent-cache", "--rate", "0.2", "--seed", "7"]);

            Assert.Equal(2, exit);
            Assert.Contains("Moby thesaurus", error, StringComparison.Ordinal);
            Assert.Contains("--thesaurus", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void Corpus_build_names_the_missing_source_and_the_fetch_script()
    {
        var (exit, _, error) = Run(["corpus", "build", "--cache", "/nonexistent-cache", "--out", Path.GetTempPath()]);

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent-cache", error, StringComparison.Ordinal);
        Assert.Contains("data/fetch.sh", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_build_checks_the_lexicon_before_any_work_and_leaves_the_output_folder_alone()
    {
        var folder = Directory.CreateTempSubdirectory("spindetect-corpus-").FullName;
        try
        {
            var lexicon = Path.Combine(folder, "lexicon.bin");
            File.WriteAllText(lexicon, "not a lexicon");
            var output = Path.Combine(folder, "corpus");

            var (exit, _, error) = Run(["corpus", "build", "--cache", "/nonexistent-cache", "--out", output, "--lexicon", lexicon]);

            Assert.Equal(2, exit);
            Assert.Contains($"--lexicon {lexicon}", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(output));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("info", "a", "b")]
    [InlineData("spin", "a.txt", "extra")]
    [InlineData("evaluate", "--bogus")]
    [InlineData("evaluate", "--corpus", "x", "--split", "train")]
    [InlineData("corpus", "build", "--seed", "x")]
    [InlineData("bogus")]
    public async Task A_command_line_that_does_not_parse_exits_with_the_usage_code(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(2, await Program.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error }));
    }

    private static (int Exit, string Output, string Error) Run(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Program.BuildRootCommand().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
