using SpinDetect.Training.Spin;

namespace SpinDetect.Tests.Spin;

public sealed class SpinEvaluatorTests
{
    private static SpinPredictions Predictions(params (float[] Probabilities, float[] Labels)[] documents) =>
        new(
            documents.Select((_, i) => new SpinDocument($"d{i}", "g", "s", "wordnet/common", 0.2, "text", true, [])).ToList(),
            new double[documents.Length],
            new int[documents.Length],
            documents.Select(d => d.Probabilities).ToArray(),
            documents.Select(d => d.Labels).ToArray());

    [Fact]
    public void Best_token_precision_reads_the_exact_curve_between_the_tables_thresholds()
    {
        // Ranked: 0.9 sub, 0.35 sub, 0.29 clean, 0.27 sub, 0.25 sub, 0.21 clean, 0.205 clean, 0.12 sub (5 substitutes).
        var predictions = Predictions(
            ([0.9f, 0.29f, 0.25f, 0.205f], [1, 0, 1, 0]),
            ([0.35f, 0.27f, 0.21f, 0.12f], [1, 1, 0, 1]));

        var (precision, threshold, recall) = SpinEvaluator.BestTokenPrecision(predictions, _ => true, 0.5);

        // At 0.25: 4 of 5 words are substitutes, recall 0.8. The table's thresholds see 0.3 (recall 0.4, too low),
        // 0.2 (4 of 7) and 0.1 (5 of 8).
        Assert.Equal(0.8, precision, 10);
        Assert.Equal(0.25, threshold, 6);
        Assert.Equal(0.8, recall, 10);
        var grid = SpinEvaluator.TokenCurve(predictions, _ => true).Where(c => c.Recall >= 0.5).Max(c => c.Precision);
        Assert.Equal(5.0 / 8, grid, 10);
    }

    [Fact]
    public void Words_of_equal_probability_are_taken_together()
    {
        // Taking the first 0.5 alone would give precision 1 at recall 0.5; a threshold of 0.5 takes all three.
        var predictions = Predictions(([0.5f, 0.5f, 0.5f, 0.1f], [1, 0, 0, 1]));
        var (precision, threshold, recall) = SpinEvaluator.BestTokenPrecision(predictions, _ => true, 0.5);
        Assert.Equal(0.5, precision, 10);
        Assert.Equal(0.1, threshold, 6);
        Assert.Equal(1, recall, 10);
    }

    [Fact]
    public void No_threshold_reaching_the_recall_gives_precision_zero()
    {
        var predictions = Predictions(([0.5f, 0.4f], [0, 0]));
        Assert.Equal(0, SpinEvaluator.BestTokenPrecision(predictions, _ => true, 0.5).Precision);
    }

    [Fact]
    public void Suggestion_counts_are_summed_over_the_documents_selected()
    {
        var predictions = Predictions(([0.9f], [1]), ([0.8f], [1]), ([0.7f], [1])) with
        {
            Suggestions = [new SuggestionCount(2, 1, 5, 2), new SuggestionCount(3, 3, 4, 3), new SuggestionCount(7, 0, 9, 0)],
        };

        Assert.Equal(new SuggestionCount(5, 4, 9, 5), SpinEvaluator.Suggestions(predictions, i => i < 2));
        Assert.Equal(default, SpinEvaluator.Suggestions(Predictions(([0.9f], [1])), _ => true));
    }
}
