using SpinDetect.Features;
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
    public void Cross_fitted_training_is_deterministic()
    {
        var first = Train(crossFit: true);
        var second = Train(crossFit: true);

        Assert.Equal(first.TokenModel.Ensemble.Leaves.ToArray(), second.TokenModel.Ensemble.Leaves.ToArray());
        Assert.Equal(first.DocumentModel.Ensemble.Leaves.ToArray(), second.DocumentModel.Ensemble.Leaves.ToArray());
        Assert.Equal(first.Threshold, second.Threshold);
    }
}
