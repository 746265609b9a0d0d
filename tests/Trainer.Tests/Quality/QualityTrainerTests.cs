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
        LineLearner = new BoostedTreeOptions { NumberOfTrees = 20, NumberOfLeaves = 8, MinimumExampleCountPerLeaf = 5 },
        DocumentLearner = new BoostedTreeOptions { NumberOfTrees = 10, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 5 },
    };

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
            Assert.InRange(recall, 0, 1);
            var tuned = loaded.With(loaded.Thresholds with { AppendedFlag = threshold, UnrelatedMinimumWords = minimumWords });
            Assert.Equal(rate, QualityTrainer.FalseFlagRate(tuned, test, QualityFlags.AppendedUnrelated), 9);
        }
        finally
        {
            File.Delete(path);
        }
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
