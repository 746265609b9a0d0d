using SpinDetect.Tests.Boosting;
using SpinDetect.Training.Boosting;
using SpinDetect.Training.Evaluation;

namespace SpinDetect.Tests.Evaluation;

public sealed class CrossValidationTests
{
    [Fact]
    public void Grouped_folds_keep_every_group_together_and_balance_rows()
    {
        var groups = Enumerable.Range(0, 1000).Select(r => r / 7).ToArray();

        var folds = CrossValidation.AssignFolds(groups.Length, groups, foldCount: 5, seed: 3);

        foreach (var group in groups.Distinct())
        {
            Assert.Single(Enumerable.Range(0, groups.Length).Where(r => groups[r] == group).Select(r => folds[r]).Distinct());
        }

        var sizes = folds.GroupBy(f => f).Select(g => g.Count()).ToArray();
        Assert.Equal(5, sizes.Length);
        Assert.All(sizes, s => Assert.InRange(s, 190, 210));
        Assert.Equal(folds, CrossValidation.AssignFolds(groups.Length, groups, 5, 3));
        Assert.NotEqual(folds, CrossValidation.AssignFolds(groups.Length, groups, 5, 4));
    }

    [Fact]
    public void Too_few_groups_for_the_folds_is_an_error()
    {
        var error = Assert.Throws<ArgumentException>(() => CrossValidation.AssignFolds(4, [1, 1, 2, 2], 3, 0));
        Assert.Contains("2 groups cannot fill 3 folds", error.Message);
    }

    [Fact]
    public void Cross_validation_scores_every_row_out_of_fold()
    {
        var xor = Synthetic.Xor(900, seed: 4, noise: 0.05);
        var groups = Enumerable.Range(0, xor.RowCount).Select(r => r / 3).ToArray();
        var data = new TabularData(xor.FeatureNames, xor.Features.ToArray(), xor.Labels.ToArray(), groups: groups);

        var result = CrossValidation.Run(data, new BoostedTreeOptions { NumberOfTrees = 20 }, foldCount: 3);

        Assert.Equal(3, result.Folds.Count);
        Assert.Equal(900, result.Folds.Sum(f => f.PositiveCount + f.NegativeCount));
        Assert.Equal(900, result.OutOfFoldProbabilities.Count);
        Assert.True(result.Pooled.AreaUnderRocCurve > 0.9);
        Assert.InRange(result.MeanAreaUnderRocCurve, 0.9, 1);
        Assert.True(result.StandardDeviationAreaUnderRocCurve < 0.05);
        Assert.Contains("| pooled |", result.ToMarkdown());
    }
}
