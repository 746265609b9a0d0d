using SpinDetect.Features;
using SpinDetect.Model;
using SpinDetect.Tests.Features;

namespace SpinDetect.Tests.Model;

public sealed class TokenScorerTests
{
    private const string Text = "The cat is out of the purse. The bag is out.";

    private static readonly SpinFeaturizer Featurizer = new(TinyWordStatistics.CatAndBag());

    // Single-leaf ensembles: every row gets the bias.
    private static CalibratedEnsemble Constant(string name, int features, double raw) =>
        new(name, new TreeEnsemble(features, raw, [], [0], [~0]), PlattCalibrator.Identity);

    private static CalibratedEnsemble Document() => Constant(SpinModel.DocumentEnsembleName, DocumentFeatures.Count, 0);

    private static float[] Probabilities(SpinModel model)
    {
        using var analysis = new DocumentAnalysis();
        Featurizer.Analyze(Text, analysis);
        model.ScoreTokens(analysis);
        return analysis.Probabilities.AsSpan(0, analysis.EligibleCount).ToArray();
    }

    [Fact]
    public void The_contextual_model_gives_the_final_probabilities_and_survives_the_model_file()
    {
        var token = Constant(SpinModel.TokenEnsembleName, TokenFeatures.Count, -3);
        var context = Constant(SpinModel.ContextEnsembleName, TokenContextFeatures.Count, 3);
        var metadata = Fixtures.Package().Metadata;

        // Through the file's bytes, as a saved and loaded model is.
        static ModelPackage ThroughFile(ModelPackage package) => ModelFile.FromBytes(ModelFile.ToBytes(package), "test", SpinModel.DocumentSchema);
        var withContext = SpinModel.FromPackage(ThroughFile(SpinModel.Pack(token, Document(), 0.9, metadata, context)), "test", Featurizer);
        var withoutContext = SpinModel.FromPackage(ThroughFile(SpinModel.Pack(token, Document(), 0.9, metadata)), "test", Featurizer);

        Assert.Equal(0.9, withContext.Threshold, 12);
        Assert.NotNull(withContext.Tokens.Context);
        Assert.Null(withoutContext.Tokens.Context);
        var contextual = Probabilities(withContext);
        Assert.NotEmpty(contextual);
        Assert.All(contextual, p => Assert.Equal(1 / (1 + Math.Exp(-3)), p, 1e-6));
        Assert.All(Probabilities(withoutContext), p => Assert.Equal(1 / (1 + Math.Exp(3)), p, 1e-6));
    }

    [Fact]
    public void The_contextual_model_reads_the_first_stage_probabilities()
    {
        // A contextual tree that splits on the first stage's logit: high → 0.9, low → 0.1 (raw ±2.197).
        var split = new TreeEnsemble(
            TokenContextFeatures.Count,
            0,
            [new TreeNode(TokenContextFeatures.OwnLogit, 0, missingGoesLeft: true, left: ~0, right: ~1)],
            [-2.1972245773, 2.1972245773],
            [0]);
        var context = new CalibratedEnsemble(SpinModel.ContextEnsembleName, split, PlattCalibrator.Identity);
        var metadata = Fixtures.Package().Metadata;

        var high = SpinModel.FromPackage(
            SpinModel.Pack(Constant(SpinModel.TokenEnsembleName, TokenFeatures.Count, 1), Document(), 0.9, metadata, context), "test", Featurizer);
        var low = SpinModel.FromPackage(
            SpinModel.Pack(Constant(SpinModel.TokenEnsembleName, TokenFeatures.Count, -1), Document(), 0.9, metadata, context), "test", Featurizer);

        Assert.All(Probabilities(high), p => Assert.Equal(0.9, p, 1e-5));
        Assert.All(Probabilities(low), p => Assert.Equal(0.1, p, 1e-5));
    }

    [Fact]
    public void A_contextual_ensemble_of_the_wrong_width_is_refused()
    {
        var token = Constant(SpinModel.TokenEnsembleName, TokenFeatures.Count, 0);
        Assert.Throws<ArgumentException>(() => new TokenScorer(token, Constant("x", TokenFeatures.Count, 0)));
    }
}
