using SpinDetect.Training.Boosting;

namespace SpinDetect.Tests.Boosting;

public sealed class BoostedTreeOptionsTests
{
    [Fact]
    public void Defaults_follow_fasttree()
    {
        var options = new BoostedTreeOptions();

        Assert.Equal(100, options.NumberOfTrees);
        Assert.Equal(20, options.NumberOfLeaves);
        Assert.Equal(10, options.MinimumExampleCountPerLeaf);
        Assert.Equal(0.2, options.LearningRate);
        Assert.Equal(255, options.MaximumBinCountPerFeature);
        Assert.Equal(100, options.MaximumTreeOutput);
        Assert.Equal(1, options.FeatureFraction);
        Assert.Equal(1, options.BaggingFraction);
        Assert.Equal(123, options.Seed);
        Assert.True(options.LearnMissingValueDirection);
        Assert.Equal(0, options.EarlyStoppingRounds);
        Assert.Equal(1, options.PositiveClassWeight);
        Assert.False(options.BalanceClasses);
        Assert.Null(options.NumberOfThreads);
        Assert.Equal(0, options.L2Regularization);
        Assert.Equal(0, options.MinimumHessianPerLeaf);
    }

    public static TheoryData<string, Action<BoostedTreeOptions>> InvalidOptions => new()
    {
        { nameof(BoostedTreeOptions.NumberOfTrees), o => o.NumberOfTrees = 0 },
        { nameof(BoostedTreeOptions.NumberOfLeaves), o => o.NumberOfLeaves = 1 },
        { nameof(BoostedTreeOptions.MinimumExampleCountPerLeaf), o => o.MinimumExampleCountPerLeaf = 0 },
        { nameof(BoostedTreeOptions.LearningRate), o => o.LearningRate = -0.1 },
        { nameof(BoostedTreeOptions.LearningRate), o => o.LearningRate = double.NaN },
        { nameof(BoostedTreeOptions.MaximumBinCountPerFeature), o => o.MaximumBinCountPerFeature = 256 },
        { nameof(BoostedTreeOptions.MaximumTreeOutput), o => o.MaximumTreeOutput = 0 },
        { nameof(BoostedTreeOptions.L2Regularization), o => o.L2Regularization = -1 },
        { nameof(BoostedTreeOptions.MinimumHessianPerLeaf), o => o.MinimumHessianPerLeaf = -0.5 },
        { nameof(BoostedTreeOptions.MinimumHessianPerLeaf), o => o.MinimumHessianPerLeaf = double.PositiveInfinity },
        { nameof(BoostedTreeOptions.FeatureFraction), o => o.FeatureFraction = 0 },
        { nameof(BoostedTreeOptions.BaggingFraction), o => o.BaggingFraction = 1.5 },
        { nameof(BoostedTreeOptions.EarlyStoppingRounds), o => o.EarlyStoppingRounds = -1 },
        { nameof(BoostedTreeOptions.PositiveClassWeight), o => o.PositiveClassWeight = 0 },
        { nameof(BoostedTreeOptions.NumberOfThreads), o => o.NumberOfThreads = 0 },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_are_rejected_with_the_option_named(string name, Action<BoostedTreeOptions> spoil)
    {
        var options = new BoostedTreeOptions();
        spoil(options);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BoostedTreeTrainer(options));

        Assert.Equal(name, error.ParamName);
        Assert.Contains($"BoostedTreeOptions.{name}", error.Message);
    }

    [Fact]
    public void A_trainer_is_unaffected_by_later_changes_to_its_options()
    {
        var options = new BoostedTreeOptions { NumberOfTrees = 3 };
        var trainer = new BoostedTreeTrainer(options);
        options.NumberOfTrees = 50;

        var model = trainer.Fit(Synthetic.Xor(200, seed: 1));

        Assert.Equal(3, model.TreeCount);
        Assert.Equal(3, model.Options.NumberOfTrees);
    }
}
