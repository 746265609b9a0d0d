using System.CommandLine;
using System.Text.Json;
using SpinDetect.Cli;

namespace SpinDetect.Tests.Commands;

public sealed class EvaluateCommandTests : IDisposable
{
    // Invented rows (not real data): three usable phrases and one compound query.
    private const string Csv = """"
        tortured_phrase,expected_phrase,num_papers
        """crimson fruit""",red apple,"5,120"
        """speedy vehicle""",fast car,"1,234"
        """huge canine""",big dog (pet),40
        """ancient tome"" AND ""old book""",old book,99

        """";

    private readonly string _directory = Directory.CreateTempSubdirectory("spindetect-evaluate-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int Exit, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var config = new InvocationConfiguration { Output = output, Error = error };
        var exit = Program.BuildRootCommand().Parse(["evaluate", .. args]).Invoke(config);
        return (exit, output.ToString(), error.ToString());
    }

    private string WriteCsv()
    {
        var path = Path.Combine(_directory, "pairs.csv");
        File.WriteAllText(path, Csv);
        return path;
    }

    [Fact]
    public void A_corpus_other_than_the_one_the_model_was_trained_on_is_named_as_a_warning()
    {
        var corpus = Path.Combine(_directory, "corpus.csv");
        File.WriteAllText(corpus, "id,text\nthe corpus the model was trained on\n");
        var trainedOn = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(corpus)));
        var metadata = new SpinDetect.Model.ModelMetadata
        {
            DataHashes = new Dictionary<string, string> { ["corpus/corpus.csv"] = trainedOn },
        };

        var same = SpinDetect.Cli.Commands.CorpusEvaluation.CorpusMismatch(metadata, _directory);
        File.WriteAllText(corpus, "id,text\na corpus rebuilt with another seed\n");
        var other = SpinDetect.Cli.Commands.CorpusEvaluation.CorpusMismatch(metadata, _directory);
        var unrecorded = SpinDetect.Cli.Commands.CorpusEvaluation.CorpusMismatch(new SpinDetect.Model.ModelMetadata(), _directory);

        Assert.Null(same);
        Assert.Null(unrecorded);
        Assert.NotNull(other);
        Assert.Contains(corpus, other, StringComparison.Ordinal);
        Assert.Contains("not the corpus this model was trained on", other, StringComparison.Ordinal);
        Assert.Contains(trainedOn[..12], other, StringComparison.Ordinal);
    }

    [Fact]
    public void A_split_without_a_corpus_is_a_usage_error_that_says_so()
    {
        var (exit, _, error) = Invoke("--tortured", WriteCsv(), "--split", "validation");

        Assert.Equal(2, exit);
        Assert.Contains("--split chooses the corpus split; it needs --corpus", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_tortured_file_names_the_path_and_exits_2()
    {
        var path = Path.Combine(_directory, "absent.csv");
        var (exit, _, error) = Invoke("--tortured", path, "--null-detector");
        Assert.Equal(2, exit);
        Assert.Contains(path, error, StringComparison.Ordinal);
        Assert.Contains("not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_spin_model_it_says_so_and_exits_2()
    {
        var model = Path.Combine(_directory, "spin.model");
        var (exit, output, error) = Invoke("--tortured", WriteCsv(), "--model", model);
        Assert.Equal(2, exit);
        Assert.Contains("No spin model is available", error, StringComparison.Ordinal);
        Assert.Contains(model, error, StringComparison.Ordinal);
        Assert.DoesNotContain("recall", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Without_an_evaluation_option_it_asks_for_one_and_exits_2()
    {
        var (exit, _, error) = Invoke();
        Assert.Equal(2, exit);
        Assert.Contains("--tortured", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_null_baseline_writes_markdown_and_json_with_counts_only_by_default()
    {
        var report = Path.Combine(_directory, "out", "tortured.md");
        var (exit, output, _) = Invoke("--tortured", WriteCsv(), "--null-detector", "--abstracts", "10", "--out", report);
        Assert.Equal(0, exit);
        Assert.Contains("Most missed", output, StringComparison.Ordinal); // the console lists the phrases
        Assert.Contains("crimson fruit", output, StringComparison.Ordinal);

        var markdown = File.ReadAllText(report);
        Assert.Contains("4 in the file, 3 used", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("crimson fruit", markdown, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(report, ".json")));
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("usedRows").GetInt32());
        Assert.Equal(1, root.GetProperty("skipped").GetProperty("CompoundQuery").GetInt32());
        Assert.Equal(0, root.GetProperty("phrases").GetProperty("recall").GetDouble());
        Assert.False(root.TryGetProperty("mostMissed", out _));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(report)!, "*.tmp"));
    }

    [Fact]
    public void List_phrases_puts_the_weak_phrases_in_the_report_files()
    {
        var report = Path.Combine(_directory, "listed.md");
        var (exit, _, _) = Invoke("--tortured", WriteCsv(), "--null-detector", "--abstracts", "0", "--list-phrases", "--out", report);
        Assert.Equal(0, exit);
        Assert.Contains("| crimson fruit | red apple | 5,120 | 1/1 |", File.ReadAllText(report), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(report, ".json")));
        Assert.Equal(3, json.RootElement.GetProperty("mostMissed").GetArrayLength());
    }

    [Fact]
    public void An_out_of_range_setting_is_reported_and_exits_2()
    {
        var (exit, _, error) = Invoke("--tortured", WriteCsv(), "--null-detector", "--templates-per-row", "0");
        Assert.Equal(2, exit);
        Assert.Contains("Invalid setting", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_that_would_replace_an_input_or_its_own_json_twin_is_refused()
    {
        var csv = WriteCsv();
        var (overCsv, _, error) = Invoke("--tortured", csv, "--null-detector", "--out", csv);
        Assert.Equal(2, overCsv);
        Assert.Contains("is also an input", error, StringComparison.Ordinal);
        Assert.Equal(Csv, File.ReadAllText(csv));

        var (json, _, jsonError) = Invoke("--tortured", csv, "--null-detector", "--out", Path.Combine(_directory, "r.json"));
        Assert.Equal(2, json);
        Assert.Contains("ends in .json", jsonError, StringComparison.Ordinal);

        var (folder, _, folderError) = Invoke("--tortured", csv, "--null-detector", "--out", _directory);
        Assert.Equal(2, folder);
        Assert.Contains("is a folder", folderError, StringComparison.Ordinal);
    }
}
