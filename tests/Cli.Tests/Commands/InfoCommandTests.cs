using System.CommandLine;
using SpinDetect.Cli;

namespace SpinDetect.Tests.Commands;

public sealed class InfoCommandTests
{
    [Fact]
    public void Info_prints_the_version_and_exits_zero()
    {
        var output = new StringWriter();
        var config = new InvocationConfiguration { Output = output, Error = new StringWriter() };
        var exit = Program.BuildRootCommand().Parse(["info"]).Invoke(config);
        Assert.Equal(0, exit);
        Assert.StartsWith("spindetect ", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Info_without_a_model_says_where_each_default_asset_is_found()
    {
        var output = new StringWriter();
        var config = new InvocationConfiguration { Output = output, Error = new StringWriter() };

        Assert.Equal(0, Program.BuildRootCommand().Parse(["info"]).Invoke(config));

        // The test output folder holds the shipped models (the Scorer project copies them), so every asset is found.
        var text = output.ToString();
        foreach (var name in new[] { "spin.model", "lexicon.bin", "embeddings.bin", "quality.model" })
        {
            Assert.Matches($@"\n  {System.Text.RegularExpressions.Regex.Escape(name)}: \S", text.ReplaceLineEndings("\n"));
        }

        Assert.DoesNotContain("not found", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_with_a_model_prints_its_date_version_schema_options_hashes_and_metrics()
    {
        var model = RepositoryRoot.File("models", "quality.model");
        var metadata = SpinDetect.Model.ModelFile.Read(model).Metadata;
        var output = new StringWriter();
        var config = new InvocationConfiguration { Output = output, Error = new StringWriter() };

        var exit = Program.BuildRootCommand().Parse(["info", model]).Invoke(config);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains($"trained: {metadata.TrainedAtUtc:yyyy-MM-dd}", text, StringComparison.Ordinal);
        Assert.Contains($"SpinDetect version: {metadata.SpinDetectVersion}", text, StringComparison.Ordinal);
        Assert.Matches(@"schema: \S+ v\d+, \d+ features, hash [0-9a-f]{64}", text);
        Assert.All(metadata.Options.Keys, key => Assert.Contains($"  {key} = ", text, StringComparison.Ordinal));
        Assert.All(metadata.DataHashes, pair => Assert.Contains($"  {pair.Key} = {pair.Value}", text, StringComparison.Ordinal));
        Assert.Contains("metrics:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_with_a_file_that_is_not_a_model_fails_with_exit_2()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a model");
            var error = new StringWriter();
            var exit = Program.BuildRootCommand().Parse(["info", path]).Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = error });

            Assert.Equal(2, exit);
            Assert.StartsWith("info: ", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
