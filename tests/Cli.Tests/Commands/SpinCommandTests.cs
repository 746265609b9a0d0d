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
    public void Spin_of_a_folder_goes_on_past_a_bad_file_and_names_it()
    {
        using var folder = new TempFolder();
        folder.Write("texts/a.txt", "The big company signed a deal with the city.");
        var bad = folder.Write("texts/b.txt", [0x41, 0x00, 0x42]);
        folder.Write("texts/c.txt", "A big company signed another deal last week.");
        var output = folder["out"];

        var (exit, stdout, error) = Spin(folder, folder["texts"], output);

        Assert.Equal(1, exit);
        Assert.Contains($"spin: {bad}: binary file (NUL byte at offset 1); not spun", error, StringComparison.Ordinal);
        Assert.DoesNotContain("not scored", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "a.spun.txt")));
        Assert.True(File.Exists(Path.Combine(output, "c.spun.txt")));
        Assert.False(File.Exists(Path.Combine(output, "b.spun.txt")));
        Assert.Contains("c.txt", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_that_cannot_be_written_leaves_no_spun_copy_and_is_named()
    {
        using var folder = new TempFolder();
        var input = folder.Write("a.txt", "The big company signed a deal with the city.");
        var log = folder["out/a.substitutions.json"];
        Directory.CreateDirectory(log);

        var (exit, _, error) = Spin(folder, input, folder["out"]);

        Assert.Equal(1, exit);
        Assert.Contains($"cannot write {log}", error, StringComparison.Ordinal);
        Assert.Contains("(not spun)", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["out/a.spun.txt"]));
    }

    [Fact]
    public void Spin_with_an_out_that_is_a_file_is_a_usage_error_naming_it()
    {
        using var folder = new TempFolder();
        var input = folder.Write("a.txt", "The company signed a deal.");
        var output = folder.Write("taken.txt", "keep me");

        var (exit, _, error) = Spin(folder, input, output);

        Assert.Equal(2, exit);
        Assert.Contains($"--out {output} exists and is not a folder", error, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(output));
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

    // Spins at rate 0.5 with a small written thesaurus and a cache whose WordNet has no lemmas and no irregular forms:
    // enough for the spinner to run without data/cache.
    private static (int Exit, string Output, string Error) Spin(TempFolder folder, string input, string output)
    {
        var thesaurus = folder.Write("thesaurus.moby", "company,firm,business\nbig,large,huge\nsigned,inked\ndeal,bargain,agreement\n");
        foreach (var name in (string[])["noun", "verb", "adj", "adv"])
        {
            folder.Write($"cache/wordnet/usr/share/wordnet/index.{name}", "");
            folder.Write($"cache/wordnet/usr/share/wordnet/{name}.exc", "");
        }

        return Run(["spin", input, "--thesaurus", thesaurus, "--cache", folder["cache"], "--rate", "0.5", "--out", output]);
    }

    private static (int Exit, string Output, string Error) Run(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Program.BuildRootCommand().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
