using SpinDetect.Model;
using SpinDetect.Quality;
using SpinDetect.Training.Boosting;
using SpinDetect.Training.Quality;

namespace SpinDetect.Tests.Quality;

public sealed class QualityTrainerTests
{
    private static readonly QualityTrainingOptions SmallOptions = new()
    {
        LineDocuments = 240,
        DocumentDocuments = 160,
        DocumentModelMultiple = 2,
        FlagDocumentMultiple = 1,
        LineLearner = new BoostedTreeOptions { NumberOfTrees = 20, NumberOfLeaves = 8, MinimumExampleCountPerLeaf = 5 },
        DocumentLearner = new BoostedTreeOptions { NumberOfTrees = 10, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 5 },
    };

    [Fact]
    public void The_junk_threshold_is_the_middle_of_the_flat_top_of_the_f1_curve()
    {
        // Junk scores 0.9, article scores 0.1, one article line at 0.6: every threshold from 0.625 to 0.9 has F1 1,
        // 0.2 to 0.6 also take the article line (F1 0.89); within a wide tolerance all count, within none only the top.
        var labels = new float[] { 1, 1, 1, 1, 0, 0, 0, 0 };
        var probabilities = new[] { 0.9, 0.9, 0.9, 0.9, 0.1, 0.1, 0.1, 0.6 };
        Assert.Equal(0.75, QualityTrainer.PlateauF1Threshold(labels, probabilities, tolerance: 0), 6);
        Assert.Equal(0.55, QualityTrainer.PlateauF1Threshold(labels, probabilities, tolerance: 0.2), 6);
    }

    [Fact]
    public void A_model_trained_on_the_fixture_saves_loads_and_finds_junk_in_held_out_documents()
    {
        var (model, metadata) = new QualityTrainer(SmallOptions).Train(QualityFixture.Training, DateTimeOffset.UnixEpoch);
        var path = Path.Combine(Path.GetTempPath(), $"quality-{Guid.NewGuid():N}.model");
        try
        {
            ModelFile.Write(path, model.ToPackage(metadata));
            var loaded = QualityModel.Load(path);
            Assert.Equal(model.Thresholds, loaded.Thresholds);

            // The document models get their own, larger set of documents (a document is a single row there).
            Assert.Equal("480", metadata.Options["DocumentModelDocuments"]);

            var test = QualityDataset.Generate(QualityFixture.HeldOut, new CorruptionOptions(), 120, seed: 99);
            var evaluation = QualityEvaluator.Evaluate(loaded, test);

            // A tiny model on a tiny corpus: far from the shipped figures, far better than chance.
            Assert.True(evaluation.LineF1 > 0.6, evaluation.ToMarkdown());
            Assert.Contains("line-level junk F1", evaluation.ToMarkdown(), StringComparison.Ordinal);

            // The appended-unrelated thresholds are tuned jointly within the budget, and the rate they report is the
            // rate the analyzer gives with them.
            var (threshold, minimumWords, recall, rate) = QualityTrainer.TuneAppended(loaded, test, 0.05);
            Assert.InRange(rate, 0, 0.05);
            Assert.InRange(recall, 0.01, 1);
            var tuned = loaded.With(loaded.Thresholds with { AppendedFlag = threshold, UnrelatedMinimumWords = minimumWords });
            Assert.Equal(rate, QualityTrainer.FalseFlagRate(tuned, test, QualityFlags.AppendedUnrelated), 9);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_appended_threshold_goes_down_to_the_last_probability_the_budget_allows()
    {
        // Ten documents without foreign content and four with it. A budget of 0.1 allows one false flag: the sweep
        // takes the negative at 0.90 and stops before the one at 0.55, so the positives at 0.95, 0.80 and 0.60 are
        // found and the one at 0.50 is not; the threshold lies halfway between 0.60 and 0.55.
        (double, int, bool)[] evidence =
        [
            (0.95, 40, true), (0.90, 40, false), (0.80, 40, true), (0.60, 40, true), (0.55, 40, false),
            (0.50, 40, true), (0.40, 40, false), (0.30, 40, false), (0.20, 40, false), (0.15, 40, false),
            (0.12, 40, false), (0.11, 40, false), (0.05, 40, false), (0.01, 40, false),
        ];
        var (threshold, minimumWords, recall, rate) = QualityTrainer.BestAppendedPoint(evidence, 4, 10, 0.1, 99);
        Assert.Equal(0.575, threshold, 9);
        Assert.Equal(0.75, recall, 9);
        Assert.Equal(0.1, rate, 9);
        Assert.Equal(0, minimumWords);
    }

    [Fact]
    public void The_fewest_unrelated_words_can_keep_a_short_false_flag_out()
    {
        // The negative at 0.90 has only 5 unrelated words: requiring 6 keeps it out within a zero budget, so every
        // positive is found; a threshold never drops below the lowest candidate (0.10) and nothing fitting leaves
        // recall -1.
        (double, int, bool)[] evidence = [(0.95, 30, true), (0.90, 5, false), (0.70, 30, true), (0.05, 30, false)];
        var (threshold, minimumWords, recall, rate) = QualityTrainer.BestAppendedPoint(evidence, 2, 2, 0, 99);
        Assert.Equal(6, minimumWords);
        Assert.Equal(1, recall, 9);
        Assert.Equal(0, rate, 9);
        Assert.InRange(threshold, 0.1, 0.7);

        (double, int, bool)[] hopeless = [(0.95, 30, false), (0.90, 30, true)];
        Assert.Equal(-1, QualityTrainer.BestAppendedPoint(hopeless, 1, 1, 0, 99).Recall);
        Assert.Equal(99, QualityTrainer.BestAppendedPoint(hopeless, 1, 1, 0, 99).MinimumWords);
    }

    [Fact]
    public void The_appended_budget_stays_below_the_target_by_the_margin_in_standard_errors()
    {
        // 2,500 negatives at a 2% target: one standard error is 0.0028.
        Assert.Equal(0.02 - 0.0028, QualityTrainer.AppendedBudget(0.02, 1, 2500), 9);
        Assert.Equal(0.02, QualityTrainer.AppendedBudget(0.02, 0, 2500), 12);

        // More tuning documents, a smaller margin in points; no documents never divides by zero.
        Assert.True(QualityTrainer.AppendedBudget(0.02, 2, 10_000) > QualityTrainer.AppendedBudget(0.02, 2, 2500));
        Assert.True(double.IsFinite(QualityTrainer.AppendedBudget(0.02, 2, 0)));
    }

    [Fact]
    public void The_default_appended_margin_covers_the_error_of_a_second_sample_of_as_many_documents()
    {
        // The tuned rate and another sample's rate each carry one standard error; their difference √2 of them, taken
        // at a one-sided 95% level.
        Assert.Equal(1.645 * Math.Sqrt(2), new QualityTrainingOptions().AppendedFlagMargin, 9);
        Assert.InRange(QualityTrainer.AppendedBudget(0.02, new QualityTrainingOptions().AppendedFlagMargin, 2200), 0.012, 0.014);
    }

    [Fact]
    public void Training_on_the_held_out_side_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new QualityTrainer(SmallOptions).Train(QualityFixture.HeldOut, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Word_weights_favour_rare_words()
    {
        var idf = QualityDataset.InverseDocumentFrequency(QualityFixture.Training);
        var rare = idf[TextPatterns.WordHash("nutmeg") & (QualityScratch.BagSize - 1)];
        var common = idf[TextPatterns.WordHash("library") & (QualityScratch.BagSize - 1)];
        Assert.True(rare > common, $"{rare} vs {common}");
    }
}
