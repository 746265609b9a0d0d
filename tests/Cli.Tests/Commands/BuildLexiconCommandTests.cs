using System.CommandLine;
using SpinDetect.Cli;

namespace SpinDetect.Tests.Commands;

public sealed class BuildLexiconCommandTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Program.BuildRootCommand().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_missing_cache_directory_exits_2_and_says_how_to_fetch_it()
    {
        var (exit, _, error) = Run("build-lexicon", "--cache", "/nonexistent/cache", "--out", "/tmp/never.bin");
        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/cache", error);
        Assert.Contains("fetch.sh", error);
    }

    [Fact]
    public void A_foreign_language_model_exits_1_naming_the_file_and_writes_nothing()
    {
        var cache = Directory.CreateTempSubdirectory("spindetect-cache-").FullName;
        try
        {
            var model = Path.Combine(cache, "pocketsphinx/usr/share/pocketsphinx/model/en-us/en-us.lm.bin");
            Directory.CreateDirectory(Path.GetDirectoryName(model)!);
            File.WriteAllText(model, "\\data\\\nngram 1=3\n");
            var output = Path.Combine(cache, "lexicon.bin");
            var (exit, _, error) = Run("build-lexicon", "--cache", cache, "--out", output);
            Assert.Equal(1, exit);
            Assert.Contains("en-us.lm.bin", error);
            Assert.Contains("header", error);
            Assert.False(File.Exists(output));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
