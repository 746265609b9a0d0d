using SpinDetect.Features;
using SpinDetect.Model;
using SpinDetect.Tests.Features;
using SpinDetect.Tests.Retraining;
using SpinDetect.Training.Spin;

namespace SpinDetect.Tests.Spin;

public sealed class SpinModelTrainerTests
{
    private static readonly List<SpinDocument> Corpus = SyntheticCorpus.Documents(160, seed: 11);

    private static SpinTrainingOptions Options(bool crossFit) => new()
    {
        CrossFit = crossFit,
        NumberOfThreads = 2,
        TokenModel = new() { NumberOfTrees = 8, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 5 },
        DocumentModel = new() { NumberOfTrees = 8, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 3 },
    };

    private static SpinTrainingResult Train(bool crossFit) => new SpinModelTrainer(Options(crossFit)).Train(
        Corpus.Where(d => d.Split == "train").ToList(),
        Corpus.Where(d => d.Split == "validation").ToList(),
        new SpinFeaturizer(TinyWordStatistics.CatAndBag()));

    [Fact]
    public void Cross_fitting_trains_the_document_model_on_every_training_document_and_the_token_model_on_all_their_words()
    {
        var training = Corpus.Count(d => d.Split == "train");

        var split = Train(crossFit: false);
        var crossFitted = Train(crossFit: true);

        Assert.Equal(training, crossFitted.DocumentRows);
        Assert.True(split.DocumentRows < training, $"{split.DocumentRows} of {training}");
        Assert.True(crossFitted.TokenRows > split.TokenRows, $"{crossFitted.TokenRows} vs {split.TokenRows}");
        Assert.InRange(crossFitted.DocumentValidation.AreaUnderRocCurve, 0.5, 1.0);
    }

    [Fact]
    public void Each_half_of_the_cross_fitted_document_table_is_scored_by_the_other_halfs_token_model()
    {
        var training = Corpus.Where(d => d.Split == "train").ToList();
        var first = training.Take(20).ToList();
        var second = training.Skip(20).Take(15).ToList();
        // Constant token models: "every word is a substitute" and "no word is".
        var everyWord = new CalibratedEnsemble("t", new TreeEnsemble(TokenFeatures.Count, 20, [], [0], [~0]), PlattCalibrator.Identity);
        var noWord = new CalibratedEnsemble("t", new TreeEnsemble(TokenFeatures.Count, -20, [], [0], [~0]), PlattCalibrator.Identity);

        var table = SpinModelTrainer.CrossFittedDocumentTable(first, second, everyWord, noWord, new SpinFeaturizer(TinyWordStatistics.CatAndBag()), threads: 2);

        Assert.Equal(first.Count + second.Count, table.RowCount);
        for (var r = 0; r < table.RowCount; r++)
        {
            var expected = table.Row(r)[DocumentFeatures.ExpectedSubstitutesPer100];
            if (r < first.Count)
            {
                Assert.True(expected < 0.01f, $"row {r} of the first half was scored by its own model ({expected})");
                Assert.Equal(first[r].Spun ? 1f : 0f, table.Labels[r]);
            }
            else
            {
                Assert.True(expected > 1f, $"row {r} of the second half was scored by its own model ({expected})");
                Assert.Equal(second[r - first.Count].Spun ? 1f : 0f, table.Labels[r]);
            }
        }
    }

    [Fact]
    public void Cross_fitted_training_is_deterministic()
    {
        var first = Train(crossFit: true);
        var second = Train(crossFit: true);

        Assert.Equal(first.TokenModel.Ensemble.Leaves.ToArray(), second.TokenModel.Ensemble.Leaves.ToArray());
        Assert.Equal(first.DocumentModel.Ensemble.Leaves.ToArray(), second.DocumentModel.Ensemble.Leaves.ToArray());
        Assert.Equal(first.Threshold, second.Threshold);
    }
}
