using SpinDetect.Features;
using SpinDetect.Model;
using SpinDetect.Tests.Features;
using SpinDetect.Tests.Retraining;
using SpinDetect.Training.Spin;

namespace SpinDetect.Tests.Spin;

public sealed class SpinModelTrainerTests
{
    private static readonly List<SpinDocument> Corpus = SyntheticCorpus.Documents(160, seed: 11);

    private static SpinTrainingOptions Options(bool crossFit, bool context = true) => new()
    {
        CrossFit = crossFit,
        NumberOfThreads = 2,
        TokenModel = new() { NumberOfTrees = 8, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 5 },
        ContextModel = context ? new() { NumberOfTrees = 6, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 5 } : null,
        DocumentModel = new() { NumberOfTrees = 8, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 3 },
        SuggestionModel = new() { NumberOfTrees = 5, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 2 },
    };

    private static SpinTrainingResult Train(bool crossFit, bool context = true) => new SpinModelTrainer(Options(crossFit, context)).Train(
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

        var table = SpinModelTrainer.CrossFittedDocumentTable(
            first, second, new TokenScorer(everyWord), new TokenScorer(noWord), new SpinFeaturizer(TinyWordStatistics.CatAndBag()), threads: 2);

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

        // Whole models, as written to a file: splits (feature, threshold, missing-value side), leaves and calibration.
        Assert.Equal(Boosting.BoostedTreeTrainerTests.ModelBytes(first.TokenModel), Boosting.BoostedTreeTrainerTests.ModelBytes(second.TokenModel));
        Assert.Equal(Boosting.BoostedTreeTrainerTests.ModelBytes(first.ContextModel!), Boosting.BoostedTreeTrainerTests.ModelBytes(second.ContextModel!));
        Assert.Equal(Boosting.BoostedTreeTrainerTests.ModelBytes(first.DocumentModel), Boosting.BoostedTreeTrainerTests.ModelBytes(second.DocumentModel));
        Assert.Equal(Boosting.BoostedTreeTrainerTests.ModelBytes(first.SuggestionModel!), Boosting.BoostedTreeTrainerTests.ModelBytes(second.SuggestionModel!));
        Assert.Equal(first.Threshold, second.Threshold);
    }

    [Fact]
    public void A_contextual_token_model_is_trained_with_cross_fitting_only_and_only_when_asked_for()
    {
        var crossFitted = Train(crossFit: true);
        var withoutContext = Train(crossFit: true, context: false);
        var split = Train(crossFit: false);

        Assert.NotNull(crossFitted.ContextModel);
        Assert.Equal(TokenContextFeatures.Names, crossFitted.ContextModel.FeatureNames);
        Assert.InRange(crossFitted.ContextValidation!.AreaUnderRocCurve, 0.5, 1.0);
        Assert.Null(withoutContext.ContextModel);
        Assert.Null(split.ContextModel);
        // The model built from the result carries it and reads the first stage's verdicts through it.
        var metadata = new ModelMetadata { TrainedAtUtc = DateTimeOffset.UnixEpoch, Description = "test" };
        var featurizer = new SpinFeaturizer(TinyWordStatistics.CatAndBag());
        var contextual = crossFitted.ToSpinModel(featurizer, metadata);
        var plain = withoutContext.ToSpinModel(featurizer, metadata);
        Assert.NotNull(contextual.Tokens.Context);
        Assert.Null(plain.Tokens.Context);
        using var analysis = new DocumentAnalysis();
        var text = Corpus.First(d => d.Spun && d.Split == "validation").Text;
        featurizer.Analyze(text, analysis);
        plain.ScoreTokens(analysis);
        var firstStage = analysis.Probabilities.AsSpan(0, analysis.EligibleCount).ToArray();
        contextual.ScoreTokens(analysis);
        Assert.NotEmpty(firstStage);
        for (var e = 0; e < firstStage.Length; e++)
        {
            var clipped = Math.Clamp(firstStage[e], 1e-4f, 1 - 1e-4f);
            Assert.Equal(MathF.Log(clipped / (1 - clipped)), analysis.ContextRow(e)[TokenContextFeatures.OwnLogit], 1e-5f);
        }
    }

    [Fact]
    public void A_suggestion_ranker_is_trained_when_asked_for_finds_the_logged_originals_and_reaches_the_model()
    {
        var result = Train(crossFit: true, context: false);
        var options = Options(crossFit: true, context: false);
        options.SuggestionModel = null;
        Assert.Null(new SpinTrainingOptions().SuggestionModel); // off by default
        var without = new SpinModelTrainer(options).Train(
            Corpus.Where(d => d.Split == "train").ToList(),
            Corpus.Where(d => d.Split == "validation").ToList(),
            new SpinFeaturizer(TinyWordStatistics.CatAndBag()));

        Assert.NotNull(result.SuggestionModel);
        Assert.Equal(SuggestionFeatures.Names, result.SuggestionModel.FeatureNames);
        var validation = result.SuggestionValidation!;
        Assert.True(validation.TrainingWords > validation.ValidationWords && validation.ValidationWords > 0, $"{validation}");
        // Every synthetic substitute has one original, always the same for the word ("purse" → "bag"): learnable.
        Assert.Equal(1.0, validation.RankerHitRate);
        Assert.InRange(validation.RuleHitRate, 0.0, 1.0);
        Assert.Null(without.SuggestionModel);
        Assert.Null(without.SuggestionValidation);
        var metadata = new ModelMetadata { TrainedAtUtc = DateTimeOffset.UnixEpoch, Description = "test" };
        Assert.NotNull(result.ToSpinModel(new SpinFeaturizer(TinyWordStatistics.CatAndBag()), metadata).Suggestions);
        Assert.True(result.ToPackage(metadata).ExtraSections.ContainsKey(SpinModel.SuggestionSectionName));
        Assert.False(without.ToPackage(metadata).ExtraSections.ContainsKey(SpinModel.SuggestionSectionName));
    }

    [Fact]
    public void The_contextual_table_holds_the_token_tables_words_and_labels_with_the_first_stages_verdicts()
    {
        var documents = Corpus.Where(d => d.Split == "train").Take(30).ToList();
        var featurizer = new SpinFeaturizer(TinyWordStatistics.CatAndBag());
        var everyWord = new CalibratedEnsemble("t", new TreeEnsemble(TokenFeatures.Count, 20, [], [0], [~0]), PlattCalibrator.Identity);

        var tokens = SpinFeatureTables.BuildTokenTable(documents, featurizer, 5, seed: 3, threads: 2);
        var context = SpinFeatureTables.BuildContextTable(documents, featurizer, new TokenScorer(everyWord), 5, seed: 3, threads: 2);

        Assert.Equal(tokens.RowCount, context.RowCount);
        Assert.Equal(tokens.Labels.ToArray(), context.Labels.ToArray());
        for (var r = 0; r < context.RowCount; r++)
        {
            Assert.True(context.Row(r)[TokenContextFeatures.OwnLogit] > 9, "the first stage said 'substitute' for every word");
            Assert.Equal(tokens.Row(r)[TokenFeatures.WordRepeats], context.Row(r)[TokenContextFeatures.WordRepeats]);
        }
    }
}
