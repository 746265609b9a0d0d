using SpinDetect.Model;
using SpinDetect.Training.Retraining;

namespace SpinDetect.Tests.Retraining;

public sealed class SpinRetrainerTests : IDisposable
{
    private readonly RetrainFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Same_inputs_and_seed_give_a_byte_identical_model_that_records_its_data_and_options()
    {
        var samples = _fixture.Write("samples.csv", SyntheticCorpus.SampleCsv(30, seed: 3));
        var first = _fixture.Run(new RetrainRequest([samples], _fixture["a/spin.model"]), RetrainFixture.FastOptions());
        var second = _fixture.Run(new RetrainRequest([samples], _fixture["b/spin.model"]), RetrainFixture.FastOptions());

        Assert.True(first.Replaced);
        Assert.Equal(File.ReadAllBytes(first.ModelPath), File.ReadAllBytes(second.ModelPath));
        var metadata = ModelFile.Read(first.ModelPath).Metadata;
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), metadata.TrainedAtUtc);
        Assert.Contains("samples.1.samples.csv", metadata.DataHashes.Keys);
        Assert.Contains("base-corpus.documents", metadata.DataHashes.Keys);
        Assert.Equal("1", metadata.Options["retrain.sample_weight"]);
        Assert.Equal(first.UserSamples.Test, (int)metadata.Metrics["retrain.user_samples.test"]);
        Assert.True(metadata.Metrics.ContainsKey("test.user.auc"));
    }

    [Fact]
    public void Another_seed_or_other_samples_change_the_model()
    {
        var samples = _fixture.Write("samples.csv", SyntheticCorpus.SampleCsv(30, seed: 3));
        var other = _fixture.Write("other.csv", SyntheticCorpus.SampleCsv(30, seed: 4));
        var baseline = _fixture.Run(new RetrainRequest([samples], _fixture["a/spin.model"]), RetrainFixture.FastOptions());
        var reseeded = RetrainFixture.FastOptions();
        reseeded.Training.Seed = 99;
        var seeded = _fixture.Run(new RetrainRequest([samples], _fixture["b/spin.model"]), reseeded);
        var changed = _fixture.Run(new RetrainRequest([other], _fixture["c/spin.model"]), RetrainFixture.FastOptions());

        Assert.NotEqual(File.ReadAllBytes(baseline.ModelPath), File.ReadAllBytes(seeded.ModelPath));
        Assert.NotEqual(
            ModelFile.Read(baseline.ModelPath).Metadata.DataHashes["samples.1.samples.csv"],
            ModelFile.Read(changed.ModelPath).Metadata.DataHashes["samples.1.other.csv"]);
    }

    [Fact]
    public void A_worse_model_does_not_replace_the_current_one_unless_replace_is_given()
    {
        var samples = _fixture.Write("samples.csv", SyntheticCorpus.SampleCsv(40, seed: 5));
        var output = _fixture["models/spin.model"];
        var good = _fixture.Run(new RetrainRequest([samples], output), RetrainFixture.FastOptions(trees: 30));
        Assert.True(good.Replaced);
        var current = File.ReadAllBytes(output);

        // One shallow step with a tiny learning rate: a near-constant model, far worse in log-loss.
        var crippled = RetrainFixture.FastOptions(trees: 1, learningRate: 0.01);
        var worse = _fixture.Run(new RetrainRequest([samples], output), crippled);

        Assert.False(worse.Replaced);
        Assert.Contains("worse", worse.Reason, StringComparison.Ordinal);
        Assert.True(worse.UserHeldOut.New!.LogLoss > worse.UserHeldOut.Current!.LogLoss);
        Assert.Equal(current, File.ReadAllBytes(output));
        Assert.Null(worse.BackupPath);
        Assert.Equal(_fixture["models/spin.candidate.model"], worse.ModelPath);
        Assert.True(File.Exists(worse.ModelPath));
        var report = File.ReadAllText(_fixture["models/spin-retrain-report.md"]);
        Assert.Contains("**Kept**", report, StringComparison.Ordinal);
        Assert.Contains("AUC at most 0.005 lower and log-loss at most 0 higher", report, StringComparison.Ordinal);
        Assert.Contains($"| log-loss | {worse.UserHeldOut.Current.LogLoss:F4} | {worse.UserHeldOut.New.LogLoss:F4} |", report, StringComparison.Ordinal);

        crippled.Replace = true;
        var forced = _fixture.Run(new RetrainRequest([samples], output), crippled);
        Assert.True(forced.Replaced);
        Assert.Contains("--replace", forced.Reason, StringComparison.Ordinal);
        Assert.Equal(current, File.ReadAllBytes(forced.BackupPath!));
        Assert.NotEqual(current, File.ReadAllBytes(output));
    }

    [Fact]
    public void An_equally_good_model_replaces_the_current_one_and_keeps_a_backup()
    {
        var samples = _fixture.Write("samples.csv", SyntheticCorpus.SampleCsv(30, seed: 3));
        var output = _fixture["spin.model"];
        _fixture.Run(new RetrainRequest([samples], output), RetrainFixture.FastOptions());
        var previous = File.ReadAllBytes(output);

        var again = _fixture.Run(new RetrainRequest([samples], output), RetrainFixture.FastOptions());

        Assert.True(again.Replaced);
        Assert.Contains("not worse", again.Reason, StringComparison.Ordinal);
        Assert.StartsWith(output + ".bak-", again.BackupPath, StringComparison.Ordinal);
        Assert.Equal(previous, File.ReadAllBytes(again.BackupPath!));
        Assert.Equal(again.UserHeldOut.Current!.LogLoss, again.UserHeldOut.New!.LogLoss);
    }

    [Fact]
    public void A_cancelled_training_leaves_the_current_model_intact_and_writes_nothing()
    {
        var samples = _fixture.Write("samples.csv", SyntheticCorpus.SampleCsv(30, seed: 3));
        var output = _fixture["models/spin.model"];
        _fixture.Run(new RetrainRequest([samples], output), RetrainFixture.FastOptions());
        var current = File.ReadAllBytes(output);
        var before = _fixture.Files();

        foreach (var stage in new[] { 1, 3, 5 })
        {
            using var cancel = new CancellationTokenSource();
            var progress = new CancelAt(stage, cancel);
            Assert.ThrowsAny<OperationCanceledException>(() =>
                _fixture.Run(new RetrainRequest([samples], output), RetrainFixture.FastOptions(), progress, cancel.Token));
            Assert.Equal(stage, progress.Seen);
            Assert.Equal(current, File.ReadAllBytes(output));
            Assert.Equal(before, _fixture.Files());
        }
    }

    [Fact]
    public void Progress_reports_every_stage_in_order_with_an_estimate_once_the_pace_is_known()
    {
        var samples = _fixture.Write("samples.csv", SyntheticCorpus.SampleCsv(30, seed: 3));
        var reports = new List<RetrainProgress>();
        _fixture.Run(new RetrainRequest([samples], _fixture["spin.model"]), RetrainFixture.FastOptions(), new Collect(reports));

        Assert.Equal([1, 2, 3, 4, 5, 6], reports.Select(r => r.StageNumber));
        Assert.Null(reports[0].Remaining);
        Assert.All(reports.Skip(1), r => Assert.NotNull(r.Remaining));
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.Fraction < p.Second.Fraction));
    }

    [Fact]
    public void The_suggestion_ranker_when_asked_for_has_its_own_stage_and_a_cancellation_there_writes_nothing()
    {
        var samples = _fixture.Write("samples.csv", SyntheticCorpus.SampleCsv(30, seed: 3));
        var options = RetrainFixture.FastOptions();
        options.Training.SuggestionModel = new() { NumberOfTrees = 4, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 2 };
        var reports = new List<RetrainProgress>();
        var output = _fixture["models/spin.model"];
        _fixture.Run(new RetrainRequest([samples], output), options, new Collect(reports));
        var current = File.ReadAllBytes(output);
        var before = _fixture.Files();

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], reports.Select(r => r.StageNumber));
        Assert.Contains("suggestion ranker", reports[4].Stage, StringComparison.Ordinal);
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAt(5, cancel);
        Assert.ThrowsAny<OperationCanceledException>(() => _fixture.Run(new RetrainRequest([samples], output), options, progress, cancel.Token));
        Assert.Equal(5, progress.Seen);
        Assert.Equal(current, File.ReadAllBytes(output));
        Assert.Equal(before, _fixture.Files());
    }

    [Fact]
    public void Invalid_samples_stop_the_run_before_training_and_nothing_is_written()
    {
        var samples = _fixture.Write("samples.csv", "text,label\nsome text,maybe\n");
        var reports = new List<RetrainProgress>();
        var error = Assert.Throws<SampleValidationException>(() =>
            _fixture.Run(new RetrainRequest([samples], _fixture["spin.model"]), RetrainFixture.FastOptions(), new Collect(reports)));

        Assert.Contains(error.Problems, p => p.Line == 2 && p.Message.Contains("unknown label 'maybe'", StringComparison.Ordinal));
        Assert.Empty(reports);
        Assert.Equal(["samples.csv"], _fixture.Files());
    }

    [Fact]
    public void A_report_path_naming_a_file_that_is_not_a_report_is_refused_before_training_and_the_file_is_kept()
    {
        var samples = _fixture.Write("samples.csv", "text,label\nsome text,spun\n");
        var notes = _fixture.Write("notes.md", "# My own notes\n");
        var reports = new List<RetrainProgress>();

        var error = Assert.Throws<ArgumentException>(() =>
            _fixture.Run(new RetrainRequest([samples], _fixture["spin.model"]) { ReportPath = notes }, RetrainFixture.FastOptions(), new Collect(reports)));

        Assert.Contains(notes, error.Message, StringComparison.Ordinal);
        Assert.Empty(reports);
        Assert.Equal("# My own notes\n", File.ReadAllText(notes));
        Assert.Equal(["notes.md", "samples.csv"], _fixture.Files());
    }

    [Fact]
    public void A_report_that_cannot_be_written_after_the_model_says_where_the_model_went()
    {
        var samples = _fixture.Write("samples.csv", SyntheticCorpus.SampleCsv(30, seed: 3));
        var blocker = _fixture.Write("blocker", "a file where the report's folder should be");
        var report = Path.Combine(blocker, "report.md");

        var error = Assert.Throws<RetrainReportException>(() =>
            _fixture.Run(new RetrainRequest([samples], _fixture["spin.model"]) { ReportPath = report }, RetrainFixture.FastOptions()));

        Assert.Equal(_fixture["spin.model"], error.ModelPath);
        Assert.Equal(report, error.ReportPath);
        Assert.Contains($"the model was written to {_fixture["spin.model"]}", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(_fixture["spin.model"]));
    }

    [Fact]
    public void A_report_path_where_the_new_model_may_go_or_a_folder_is_refused_before_training()
    {
        var samples = _fixture.Write("samples.csv", SyntheticCorpus.SampleCsv(30, seed: 3));
        var current = _fixture.Write("old.model", "the current model");
        Directory.CreateDirectory(_fixture["reports"]);
        var request = new RetrainRequest([samples], _fixture["new.model"]) { CurrentModelPath = current };

        var output = Assert.Throws<ArgumentException>(() => _fixture.Run(request with { ReportPath = _fixture["new.model"] }, RetrainFixture.FastOptions()));
        var candidate = Assert.Throws<ArgumentException>(() => _fixture.Run(request with { ReportPath = _fixture["new.candidate.model"] }, RetrainFixture.FastOptions()));
        var folder = Assert.Throws<ArgumentException>(() => _fixture.Run(request with { ReportPath = _fixture["reports"] }, RetrainFixture.FastOptions()));

        Assert.Contains("where the model may be written", output.Message, StringComparison.Ordinal);
        Assert.Contains("where the model may be written", candidate.Message, StringComparison.Ordinal);
        Assert.Contains("is a folder", folder.Message, StringComparison.Ordinal);
        Assert.Equal(["old.model", "samples.csv"], _fixture.Files());
    }

    [Fact]
    public void A_report_path_naming_a_sample_file_is_refused()
    {
        var samples = _fixture.Write("samples.csv", "text,label\nsome text,spun\n");

        var error = Assert.Throws<ArgumentException>(() =>
            _fixture.Run(new RetrainRequest([samples], _fixture["spin.model"]) { ReportPath = samples }, RetrainFixture.FastOptions()));

        Assert.Contains("names an input", error.Message, StringComparison.Ordinal);
        Assert.Equal("text,label\nsome text,spun\n", File.ReadAllText(samples));
    }

    /// <summary>Cancels when the given stage starts (progress is reported synchronously on the training thread).</summary>
    private sealed class CancelAt(int stage, CancellationTokenSource cancel) : IProgress<RetrainProgress>
    {
        public int Seen { get; private set; }

        public void Report(RetrainProgress value)
        {
            Seen = value.StageNumber;
            if (value.StageNumber == stage)
            {
                cancel.Cancel();
            }
        }
    }

    private sealed class Collect(List<RetrainProgress> reports) : IProgress<RetrainProgress>
    {
        public void Report(RetrainProgress value) => reports.Add(value);
    }
}
