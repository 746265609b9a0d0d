using SpinDetect.Features;
using SpinDetect.Model;
using SpinDetect.Tests.Features;

namespace SpinDetect.Tests.Model;

public sealed class SuggestionRankerTests
{
    // "purse" has the candidates "bag" (fits "of the …" best: the fixed rule's choice) and "cat" (used elsewhere).
    private const string Text = "The cat is out. The cat is out of the purse.";

    private static readonly SpinFeaturizer Featurizer = new(TinyWordStatistics.CatAndBag());

    private static CalibratedEnsemble Constant(string name, int features, double raw) =>
        new(name, new TreeEnsemble(features, raw, [], [0], [~0]), PlattCalibrator.Identity);

    // One split: a candidate the document uses elsewhere scores +1, any other −1.
    private static CalibratedEnsemble PrefersWordsOfTheDocument() => new(
        SpinModel.SuggestionEnsembleName,
        new TreeEnsemble(
            SuggestionFeatures.Count,
            0,
            [new TreeNode(SuggestionFeatures.InDocument, 0.5f, missingGoesLeft: true, left: ~0, right: ~1)],
            [-1, 1],
            [0]),
        PlattCalibrator.Identity);

    private static string? Suggestion(SpinModel model)
    {
        using var analysis = new DocumentAnalysis();
        model.Featurizer.Analyze(Text, analysis);
        var purse = Enumerable.Range(0, analysis.EligibleCount)
            .First(e => analysis.StreamIds[analysis.EligiblePositions[e]] == Featurizer.Statistics.GetId("purse"));
        var id = model.Suggest(analysis, purse);
        return id >= 0 ? Featurizer.Statistics.Word(id) : null;
    }

    [Fact]
    public void The_suggestion_is_the_candidate_the_ranker_scores_highest_and_the_ranker_survives_the_model_file()
    {
        var token = Constant(SpinModel.TokenEnsembleName, TokenFeatures.Count, 0);
        var document = Constant(SpinModel.DocumentEnsembleName, DocumentFeatures.Count, 0);
        var metadata = Fixtures.Package().Metadata;
        static ModelPackage ThroughFile(ModelPackage package) => ModelFile.FromBytes(ModelFile.ToBytes(package), "test", SpinModel.DocumentSchema);

        var ranked = SpinModel.FromPackage(ThroughFile(SpinModel.Pack(token, document, 0.9, metadata, suggestions: PrefersWordsOfTheDocument())), "test", Featurizer);
        var ruled = SpinModel.FromPackage(ThroughFile(SpinModel.Pack(token, document, 0.9, metadata)), "test", Featurizer);

        Assert.NotNull(ranked.Suggestions);
        Assert.Null(ruled.Suggestions);
        Assert.Equal("cat", Suggestion(ranked));
        Assert.Equal("bag", Suggestion(ruled));
    }

    [Fact]
    public void A_ranker_of_the_wrong_width_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SuggestionRanker(Constant("x", TokenFeatures.Count, 0)));
    }
}
