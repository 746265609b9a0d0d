using SpinDetect.Training.Corpus;

namespace SpinDetect.Tests.Commands;

public sealed class TrainCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Invalid_samples_list_every_problem_with_its_line_exit_2_and_write_nothing()
    {
        WriteCleanCorpus("corpus", "A clean corpus text about the weather.", "Another clean text about the harbour.");
        var samples = _folder.Write("samples.csv",
            "text,label\r\n"
            + "A fine text.,spun\r\n"
            + "\"Quoted, with a\r\nline break\",perhaps\r\n"
            + ",clean\r\n"
            + "A fine text.,clean\r\n"
            + "Another clean text about the harbour.,0\r\n");
        var output = _folder["models/spin.model"];

        var result = CliHarness.RunProduct(["train", "--samples", samples, "--base-corpus", _folder["corpus"], "--out", output, "--lexicon", _folder["missing.bin"]]);

        Assert.Equal(2, result.Exit);
        Assert.Contains($"{samples}:3: unknown label 'perhaps'", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{samples}:5: empty text", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{samples}:6: duplicate of line 2", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{samples}:7: same text as base corpus row 'c1'", result.Error, StringComparison.Ordinal);
        Assert.Contains("'clean' sample(s)", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was trained or written", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder["models"]));
    }

    [Fact]
    public void A_missing_sample_file_is_a_validation_error()
    {
        WriteCleanCorpus("corpus", "A clean corpus text.");

        var result = CliHarness.RunProduct(["train", "--samples", _folder["nope.csv"], "--base-corpus", _folder["corpus"], "--out", _folder["spin.model"]]);

        Assert.Equal(2, result.Exit);
        Assert.Contains(_folder["nope.csv"] + ":0: cannot read the file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delimiter_that_is_not_one_character_is_a_usage_error()
    {
        var result = CliHarness.RunProduct(["train", "--samples", _folder["s.csv"], "--delimiter", ";;", "--out", _folder["spin.model"]]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("--delimiter must be one character", result.Error, StringComparison.Ordinal);
    }

    private void WriteCleanCorpus(string name, params string[] texts)
    {
        Directory.CreateDirectory(_folder[name]);
        CorpusCsv.Write(
            Path.Combine(_folder[name], CorpusBuild.CorpusFile),
            texts.Select((text, i) => new CorpusRecord { Id = "c" + i, Source = "test", Document = "d" + i, Split = "train", Text = text }));
        File.WriteAllText(Path.Combine(_folder[name], CorpusBuild.LogFile), "");
    }
}
