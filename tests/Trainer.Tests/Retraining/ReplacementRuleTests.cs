using SpinDetect.Training.Evaluation;
using SpinDetect.Training.Retraining;

namespace SpinDetect.Tests.Retraining;

public sealed class ReplacementRuleTests
{
    private static readonly float[] Labels = [0, 0, 0, 1, 1, 1];

    [Fact]
    public void Not_worse_allows_a_small_auc_loss_but_no_higher_log_loss()
    {
        var current = Metrics(0.1, 0.2, 0.6, 0.4, 0.8, 0.9);
        var sharper = Metrics(0.05, 0.1, 0.3, 0.7, 0.9, 0.95);
        var blunter = Metrics(0.3, 0.4, 0.5, 0.5, 0.6, 0.7);

        Assert.True(ReplacementRule.Decide(new ModelComparison(6, current, sharper), null, true, new RetrainOptions()).Replace);
        Assert.False(ReplacementRule.Decide(new ModelComparison(6, current, blunter), null, true, new RetrainOptions()).Replace);
        var (replace, reason) = ReplacementRule.Decide(new ModelComparison(6, sharper, current), null, true, new RetrainOptions { AucTolerance = 0.5, LogLossTolerance = 1 });
        Assert.True(replace);
        Assert.Contains("AUC 0.8889 vs 1.0000 (within 0.5000 lower allowed)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_auc_drop_beyond_the_tolerance_is_worse_even_with_lower_log_loss()
    {
        var current = Metrics(0.45, 0.46, 0.47, 0.48, 0.49, 0.5);
        var confusedButConfident = Metrics(0.01, 0.02, 0.6, 0.5, 0.97, 0.98);

        var (replace, reason) = ReplacementRule.Decide(new ModelComparison(6, current, confusedButConfident), null, true, new RetrainOptions());

        Assert.True(confusedButConfident.LogLoss < current.LogLoss);
        Assert.False(replace);
        Assert.Contains("more than 0.0050 lower allowed", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void No_current_model_replaces_and_an_unreadable_one_needs_replace()
    {
        var none = new ModelComparison(6, null, Metrics(0.1, 0.2, 0.3, 0.7, 0.8, 0.9));

        Assert.True(ReplacementRule.Decide(none, null, currentExists: false, new RetrainOptions()).Replace);
        Assert.False(ReplacementRule.Decide(none, "schema differs", true, new RetrainOptions()).Replace);
        Assert.True(ReplacementRule.Decide(none, "schema differs", true, new RetrainOptions { Replace = true }).Replace);
    }

    [Fact]
    public void With_nothing_at_the_output_path_the_new_model_is_written_and_the_comparison_reported()
    {
        var current = Metrics(0.1, 0.2, 0.3, 0.7, 0.8, 0.9);
        var blunter = Metrics(0.4, 0.5, 0.45, 0.55, 0.5, 0.6);
        var (replace, reason) = ReplacementRule.Decide(new ModelComparison(6, current, blunter), null, true, new RetrainOptions(), outputExists: false);
        Assert.True(replace);
        Assert.Contains("no model at the output path", reason, StringComparison.Ordinal);
        Assert.Contains("the new one is worse", reason, StringComparison.Ordinal);
    }

    private static BinaryClassificationMetrics Metrics(params double[] scores) => BinaryClassificationMetrics.Compute(Labels, scores);
}
