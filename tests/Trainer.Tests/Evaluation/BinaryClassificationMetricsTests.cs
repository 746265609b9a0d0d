using SpinDetect.Training.Evaluation;

namespace SpinDetect.Tests.Evaluation;

public sealed class BinaryClassificationMetricsTests
{
    // Six rows worked by hand: sorted by probability 0.9(+) 0.8(−) 0.7(+) 0.3(− and +, tied) 0.1(−).
    private static readonly float[] Labels = [1, 0, 1, 0, 1, 0];
    private static readonly double[] Probabilities = [0.9, 0.8, 0.7, 0.3, 0.3, 0.1];

    [Fact]
    public void Golden_metrics_match_hand_computed_values()
    {
        var m = BinaryClassificationMetrics.Compute(Labels, Probabilities);

        // Positive/negative pairs won: 3 + 2 + (1 + ½ for the tie) of 9.
        Assert.Equal(6.5 / 9, m.AreaUnderRocCurve, 12);
        // Average precision: ⅓·1 + ⅓·⅔ + ⅓·⅗.
        Assert.Equal(34.0 / 45, m.AreaUnderPrecisionRecallCurve, 12);
        Assert.Equal(new ConfusionMatrix(2, 1, 2, 1), m.ConfusionMatrix);
        Assert.Equal(4.0 / 6, m.Accuracy, 12);
        Assert.Equal(2.0 / 3, m.PositivePrecision, 12);
        Assert.Equal(2.0 / 3, m.PositiveRecall, 12);
        Assert.Equal(2.0 / 3, m.NegativePrecision, 12);
        Assert.Equal(2.0 / 3, m.NegativeRecall, 12);
        Assert.Equal(2.0 / 3, m.F1Score, 12);
        var logLoss = -(Math.Log(0.9) + Math.Log(0.2) + Math.Log(0.7) + Math.Log(0.7) + Math.Log(0.3) + Math.Log(0.9)) / 6;
        Assert.Equal(logLoss, m.LogLoss, 12);
        Assert.Equal(1 - (logLoss / Math.Log(2)), m.LogLossReduction, 12);
        // Bins 9, 8, 7, 3 (two rows), 1: |0.9−1| + |0.8−0| + |0.7−1| + |0.6−1| + |0.1−0|, over 6 rows.
        Assert.Equal(1.7 / 6, m.ExpectedCalibrationError, 12);
        Assert.Equal(3, m.PositiveCount);
        Assert.Equal(3, m.NegativeCount);
    }

    [Fact]
    public void Operating_points_flag_tied_rows_together_and_respect_the_false_positive_budget()
    {
        var m = BinaryClassificationMetrics.Compute(Labels, Probabilities);

        Assert.Equal(1.0 / 3, m.TruePositiveRateAtOnePercentFalsePositiveRate, 12);
        Assert.Equal(0.9, m.ThresholdAtFalsePositiveRate(0.01));
        Assert.Equal(2.0 / 3, m.TruePositiveRateAtFalsePositiveRate(1.0 / 3), 12);
        Assert.Equal(0.7, m.ThresholdAtFalsePositiveRate(1.0 / 3));
        Assert.Equal(1.0, m.TruePositiveRateAtFalsePositiveRate(1), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.TruePositiveRateAtFalsePositiveRate(1.5));
    }

    [Fact]
    public void No_threshold_meets_the_budget_when_the_top_row_is_negative()
    {
        var m = BinaryClassificationMetrics.Compute([0, 1], [0.9, 0.1]);

        Assert.Equal(0, m.TruePositiveRateAtOnePercentFalsePositiveRate);
        Assert.Equal(double.PositiveInfinity, m.ThresholdAtFalsePositiveRate(0.01));
        Assert.Equal(0, m.AreaUnderRocCurve);
    }

    [Fact]
    public void One_class_only_leaves_rank_metrics_undefined()
    {
        var m = BinaryClassificationMetrics.Compute([1, 1], [0.6, 0.4]);

        Assert.True(double.IsNaN(m.AreaUnderRocCurve));
        Assert.True(double.IsNaN(m.LogLossReduction));
        Assert.Equal(0.5, m.Accuracy);
    }

    [Fact]
    public void F1_is_zero_when_no_positive_is_found_and_undefined_only_without_positives()
    {
        var missedAll = BinaryClassificationMetrics.Compute([1, 0, 1, 0], [0.2, 0.9, 0.3, 0.1]);
        var flaggedNothing = BinaryClassificationMetrics.Compute([1, 0, 1, 0], [0.2, 0.3, 0.3, 0.1]);
        var noPositives = BinaryClassificationMetrics.Compute([0, 0], [0.2, 0.9]);

        Assert.Equal(0, missedAll.F1Score);
        Assert.Equal(0, flaggedNothing.F1Score);
        Assert.True(double.IsNaN(noPositives.F1Score));
    }

    [Fact]
    public void Calibration_error_takes_a_fine_binning_without_overflowing_the_stack_and_refuses_an_absurd_one()
    {
        float[] labels = [0, 1, 1, 0];
        double[] probabilities = [0.1, 0.8, 0.7, 0.25];

        var fine = BinaryClassificationMetrics.ComputeExpectedCalibrationError(labels, probabilities, 100_000);

        Assert.Equal((0.1 + 0.2 + 0.3 + 0.25) / 4, fine, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryClassificationMetrics.ComputeExpectedCalibrationError(labels, probabilities, 1_000_000));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    [InlineData(2.0)]
    public void A_decision_threshold_outside_zero_to_one_is_refused(double threshold)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BinaryClassificationMetrics.Compute([1, 0], [0.6, 0.4], threshold));

        Assert.Equal("threshold", e.ParamName);
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => BinaryClassificationMetrics.Compute([1], [0.5, 0.5]));
        Assert.Throws<ArgumentException>(() => BinaryClassificationMetrics.Compute([], []));
        Assert.Throws<ArgumentException>(() => BinaryClassificationMetrics.Compute([2], [0.5]));
        Assert.Throws<ArgumentException>(() => BinaryClassificationMetrics.Compute([1], [1.5]));
        Assert.Throws<ArgumentException>(() => BinaryClassificationMetrics.Compute([1], [double.NaN]));
    }

    [Fact]
    public void Markdown_lists_every_metric()
    {
        var text = BinaryClassificationMetrics.Compute(Labels, Probabilities).ToMarkdown("hand example");

        Assert.StartsWith("### hand example", text);
        Assert.Contains("| AUC | 0.7222 |", text);
        Assert.Contains("| TPR at 1% FPR | 0.3333 |", text);
        Assert.Contains("2/1/2/1", text);
    }
}
