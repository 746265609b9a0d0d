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
    public void A_date_that_is_not_yyyy_mm_dd_is_a_usage_error_naming_the_option()
    {
        var result = CliHarness.RunProduct(["train", "--corpus", _folder["corpus"], "--date", "tomorrow", "--out", _folder["spin.model"]]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("--date 'tomorrow' is not a date written yyyy-MM-dd", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder["spin.model"]));
    }

    [Fact]
    public void A_delimiter_that_is_not_one_character_is_a_usage_error()
    {
        var result = CliHarness.RunProduct(["train", "--samples", _folder["s.csv"], "--delimiter", ";;", "--out", _folder["spin.model"]]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("--delimiter must be one character", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_that_would_overwrite_a_sample_file_or_each_other_are_refused_before_training()
    {
        WriteCleanCorpus("corpus", "A clean corpus text.");
        var samples = _folder.Write("samples.csv", "text,label\nA fine text.,spun\n");
        const string Original = "text,label\nA fine text.,spun\n";
        string[] common = ["train", "--samples", samples, "--base-corpus", _folder["corpus"]];

        var reportOverSamples = CliHarness.RunProduct([.. common, "--out", _folder["spin.model"], "--report", samples]);
        Assert.Equal(2, reportOverSamples.Exit);
        Assert.Contains("--report " + samples + " is also an input", reportOverSamples.Error, StringComparison.Ordinal);

        var reportOverModel = CliHarness.RunProduct([.. common, "--out", _folder["spin.model"], "--report", _folder["spin.model"]]);
        Assert.Equal(2, reportOverModel.Exit);
        Assert.Contains("--report and --out are the same file", reportOverModel.Error, StringComparison.Ordinal);

        Directory.CreateDirectory(_folder["reports"]);
        var reportIsFolder = CliHarness.RunProduct([.. common, "--out", _folder["spin.model"], "--report", _folder["reports"]]);
        Assert.Equal(2, reportIsFolder.Exit);
        Assert.Contains("is a folder", reportIsFolder.Error, StringComparison.Ordinal);

        var twice = CliHarness.RunProduct([.. common, "--samples", samples, "--out", _folder["spin.model"]]);
        Assert.Equal(2, twice.Exit);
        Assert.Contains("is given twice", twice.Error, StringComparison.Ordinal);

        Assert.Equal(Original, File.ReadAllText(samples));
        Assert.False(File.Exists(_folder["spin.model"]));
    }

    [Fact]
    public void The_report_never_replaces_the_model_compared_with_or_a_file_that_is_not_an_earlier_report()
    {
        WriteCleanCorpus("corpus", "A clean corpus text.");
        var text = _folder.Write("texts/one.txt", "A fine text.");
        var samples = _folder.Write("samples.csv", "path,label\ntexts/one.txt,spun\n");
        var current = _folder.Write("current.model", "the model in use");
        string[] common = ["train", "--samples", samples, "--base-corpus", _folder["corpus"], "--out", _folder["new.model"]];

        var overText = CliHarness.RunProduct([.. common, "--report", text]);
        Assert.Equal(2, overText.Exit);
        Assert.Contains("exists and is not a retraining report", overText.Error, StringComparison.Ordinal);

        var overFrom = CliHarness.RunProduct([.. common, "--from", current, "--report", current]);
        Assert.Equal(2, overFrom.Exit);
        Assert.Contains("--report " + current + " is also an input", overFrom.Error, StringComparison.Ordinal);

        Assert.Equal("A fine text.", File.ReadAllText(text));
        Assert.Equal("the model in use", File.ReadAllText(current));
        Assert.False(File.Exists(_folder["new.model"]));
    }

    [Fact]
    public void Threads_out_of_range_and_empty_option_values_are_usage_errors()
    {
        var threads = CliHarness.RunProduct(["train", "--corpus", _folder.Path, "--threads", "-3"]);
        Assert.Equal(2, threads.Exit);
        Assert.Contains("--threads must be 1 to 1024", threads.Error, StringComparison.Ordinal);

        var empty = CliHarness.RunProduct(["train", "--corpus", _folder.Path, "--out", ""]);
        Assert.Equal(2, empty.Exit);
        Assert.Contains("--out is empty", empty.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_and_building_embeddings_refuse_an_output_that_is_one_of_their_inputs()
    {
        WriteCleanCorpus("corpus", "A clean corpus text.");
        var lexicon = _folder.Write("lexicon.bin", "not really a lexicon");

        var train = CliHarness.RunProduct(["train", "--corpus", _folder["corpus"], "--lexicon", lexicon, "--out", lexicon]);
        Assert.Equal(2, train.Exit);
        Assert.Contains("--out " + lexicon + " is also an input", train.Error, StringComparison.Ordinal);

        var embeddings = CliHarness.RunProduct(["build-embeddings", "--cache", _folder.Path, "--lexicon", lexicon, "--out", lexicon]);
        Assert.Equal(2, embeddings.Exit);
        Assert.Contains("is also an input", embeddings.Error, StringComparison.Ordinal);
        Assert.Equal("not really a lexicon", File.ReadAllText(lexicon));
    }

    [Fact]
    public void A_model_to_compare_with_that_does_not_exist_is_a_usage_error()
    {
        WriteCleanCorpus("corpus", "A clean corpus text.");
        var samples = _folder.Write("samples.csv", "text,label\nA fine text.,spun\n");
        var result = CliHarness.RunProduct(["train", "--samples", samples, "--base-corpus", _folder["corpus"], "--out", _folder["spin.model"], "--from", _folder["spn.model"]]);
        Assert.Equal(2, result.Exit);
        Assert.Contains("--from " + _folder["spn.model"] + ": no such model file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_errors_of_train_exit_with_the_usage_code()
    {
        Assert.Equal(2, CliHarness.RunProduct(["train", "--seed", "abc"]).Exit);
        Assert.Equal(2, CliHarness.RunProduct(["train", "--bogus"]).Exit);
    }

    [Fact]
    public void A_repeated_column_and_a_weight_too_large_are_sample_problems()
    {
        WriteCleanCorpus("corpus", "A clean corpus text.");
        var repeated = _folder.Write("repeated.csv", "label,text,text\nclean,A fine text.,g0\n");
        var heavy = _folder.Write("heavy.csv", "label,text,weight\nclean,A fine text.,1e39\n");

        var result = CliHarness.RunProduct(["train", "--samples", repeated, "--samples", heavy, "--base-corpus", _folder["corpus"], "--out", _folder["spin.model"]]);

        Assert.Equal(2, result.Exit);
        Assert.Contains($"{repeated}:1: column 'text' appears more than once", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{heavy}:2: weight '1e39' is too large", result.Error, StringComparison.Ordinal);
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
