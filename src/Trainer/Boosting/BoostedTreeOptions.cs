using System.Globalization;

namespace SpinDetect.Training.Boosting;

/// <summary>
/// Options of <see cref="BoostedTreeTrainer"/>. Defaults follow ML.NET's FastTree binary trainer; every default is
/// a constant in <see cref="Defaults"/> and listed here:
/// <list type="table">
/// <item><term><see cref="NumberOfTrees"/></term><description>100</description></item>
/// <item><term><see cref="NumberOfLeaves"/></term><description>20</description></item>
/// <item><term><see cref="MinimumExampleCountPerLeaf"/></term><description>10</description></item>
/// <item><term><see cref="LearningRate"/></term><description>0.2</description></item>
/// <item><term><see cref="MaximumBinCountPerFeature"/></term><description>255</description></item>
/// <item><term><see cref="MaximumTreeOutput"/></term><description>100 (Newton step clip, before the learning rate)</description></item>
/// <item><term><see cref="L2Regularization"/></term><description>0 (FastTree: count-based gain, plain Newton step)</description></item>
/// <item><term><see cref="MinimumHessianPerLeaf"/></term><description>0 (off; FastTree counts rows only)</description></item>
/// <item><term><see cref="FeatureFraction"/></term><description>1 (every tree sees every feature)</description></item>
/// <item><term><see cref="BaggingFraction"/></term><description>1 (no bagging)</description></item>
/// <item><term><see cref="Seed"/></term><description>123</description></item>
/// <item><term><see cref="LearnMissingValueDirection"/></term><description>true (FastTree sends NaN right)</description></item>
/// <item><term><see cref="EarlyStoppingRounds"/></term><description>0 (off)</description></item>
/// <item><term><see cref="PositiveClassWeight"/></term><description>1</description></item>
/// <item><term><see cref="BalanceClasses"/></term><description>false</description></item>
/// <item><term><see cref="NumberOfThreads"/></term><description>null (all processors)</description></item>
/// </list>
/// </summary>
public sealed class BoostedTreeOptions
{
    /// <summary>Number of boosting rounds (trees). Default 100.</summary>
    public int NumberOfTrees { get; set; } = Defaults.NumberOfTrees;

    /// <summary>Maximum leaves per tree; trees grow best-first (leaf-wise) up to this count. Default 20.</summary>
    public int NumberOfLeaves { get; set; } = Defaults.NumberOfLeaves;

    /// <summary>A split is only made when both children keep at least this many training rows. Default 10.</summary>
    public int MinimumExampleCountPerLeaf { get; set; } = Defaults.MinimumExampleCountPerLeaf;

    /// <summary>Shrinkage applied to every leaf value. Default 0.2.</summary>
    public double LearningRate { get; set; } = Defaults.LearningRate;

    /// <summary>
    /// Maximum histogram bins per feature (2–255). A feature with at most this many distinct values gets one bin per
    /// value, with thresholds at midpoints; otherwise bins hold roughly equal numbers of rows. Default 255.
    /// </summary>
    public int MaximumBinCountPerFeature { get; set; } = Defaults.MaximumBinCountPerFeature;

    /// <summary>Newton leaf steps (Σg/Σh) are clipped to ±this before the learning rate. Default 100.</summary>
    public double MaximumTreeOutput { get; set; } = Defaults.MaximumTreeOutput;

    /// <summary>
    /// L2 penalty λ on leaf values, 0 or more. At 0 (the default) the learner is FastTree's: split gain from gradient
    /// sums over example counts and leaf steps Σg/Σh. Above 0 it regularises like XGBoost: gain
    /// G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ) from hessian sums and steps Σg/(Σh+λ), which helps on noisy data.
    /// </summary>
    public double L2Regularization { get; set; } = Defaults.L2Regularization;

    /// <summary>
    /// A split is only made when both children keep at least this sum of hessians p(1−p) (XGBoost's
    /// <c>min_child_weight</c>): it stops splits that isolate rows the model already predicts confidently, which
    /// the row count alone allows. 0 or more; default 0 (off, as in FastTree).
    /// </summary>
    public double MinimumHessianPerLeaf { get; set; } = Defaults.MinimumHessianPerLeaf;

    /// <summary>Fraction of features each tree may split on, sampled per tree (0, 1]. Default 1.</summary>
    public double FeatureFraction { get; set; } = Defaults.FeatureFraction;

    /// <summary>Fraction of rows each tree is grown on, sampled per tree without replacement (0, 1]; 1 = no bagging. Default 1.</summary>
    public double BaggingFraction { get; set; } = Defaults.BaggingFraction;

    /// <summary>Seed of every random choice (bagging, feature sampling). Default 123.</summary>
    public int Seed { get; set; } = Defaults.Seed;

    /// <summary>
    /// When true, each split learns whether missing (NaN) values go left or right, choosing the side with the larger
    /// gain; when false they always go right, as in FastTree. Default true.
    /// </summary>
    public bool LearnMissingValueDirection { get; set; } = Defaults.LearnMissingValueDirection;

    /// <summary>
    /// Stop when validation log-loss has not improved for this many trees, keeping the best prefix; 0 turns early
    /// stopping off. Requires a validation set. Default 0.
    /// </summary>
    public int EarlyStoppingRounds { get; set; } = Defaults.EarlyStoppingRounds;

    /// <summary>Multiplier of the weight of positive rows (on top of any row weights). Default 1.</summary>
    public double PositiveClassWeight { get; set; } = Defaults.PositiveClassWeight;

    /// <summary>When true, positive rows are weighted by (negative count / positive count), overriding <see cref="PositiveClassWeight"/>. Default false.</summary>
    public bool BalanceClasses { get; set; } = Defaults.BalanceClasses;

    /// <summary>
    /// Threads used for histograms and gradients; null = all processors. The model does not depend on it (each
    /// feature's histogram is summed by one thread in row order). Default null.
    /// </summary>
    public int? NumberOfThreads { get; set; } = Defaults.NumberOfThreads;

    /// <summary>Checks every option and throws an exception naming the option and its valid range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        Require(NumberOfTrees >= 1, nameof(NumberOfTrees), NumberOfTrees, "must be at least 1");
        Require(NumberOfLeaves >= 2, nameof(NumberOfLeaves), NumberOfLeaves, "must be at least 2");
        Require(MinimumExampleCountPerLeaf >= 1, nameof(MinimumExampleCountPerLeaf), MinimumExampleCountPerLeaf, "must be at least 1");
        Require(double.IsFinite(LearningRate) && LearningRate > 0, nameof(LearningRate), LearningRate, "must be a positive number");
        Require(MaximumBinCountPerFeature is >= 2 and <= 255, nameof(MaximumBinCountPerFeature), MaximumBinCountPerFeature, "must be between 2 and 255");
        Require(double.IsFinite(MaximumTreeOutput) && MaximumTreeOutput > 0, nameof(MaximumTreeOutput), MaximumTreeOutput, "must be a positive number");
        Require(double.IsFinite(L2Regularization) && L2Regularization >= 0, nameof(L2Regularization), L2Regularization, "must be zero or a positive number");
        Require(double.IsFinite(MinimumHessianPerLeaf) && MinimumHessianPerLeaf >= 0, nameof(MinimumHessianPerLeaf), MinimumHessianPerLeaf, "must be zero or a positive number");
        Require(FeatureFraction is > 0 and <= 1, nameof(FeatureFraction), FeatureFraction, "must be in (0, 1]");
        Require(BaggingFraction is > 0 and <= 1, nameof(BaggingFraction), BaggingFraction, "must be in (0, 1]");
        Require(EarlyStoppingRounds >= 0, nameof(EarlyStoppingRounds), EarlyStoppingRounds, "must be 0 (off) or positive");
        Require(double.IsFinite(PositiveClassWeight) && PositiveClassWeight > 0, nameof(PositiveClassWeight), PositiveClassWeight, "must be a positive number");
        Require(NumberOfThreads is null or >= 1, nameof(NumberOfThreads), NumberOfThreads, "must be null (all processors) or at least 1");
    }

    /// <summary>A copy, so a trainer is unaffected by later changes to the caller's instance.</summary>
    internal BoostedTreeOptions Clone() => (BoostedTreeOptions)MemberwiseClone();

    /// <summary>The options as invariant strings, for model metadata.</summary>
    internal Dictionary<string, string> ToDictionary() => new(StringComparer.Ordinal)
    {
        [nameof(NumberOfTrees)] = NumberOfTrees.ToString(CultureInfo.InvariantCulture),
        [nameof(NumberOfLeaves)] = NumberOfLeaves.ToString(CultureInfo.InvariantCulture),
        [nameof(MinimumExampleCountPerLeaf)] = MinimumExampleCountPerLeaf.ToString(CultureInfo.InvariantCulture),
        [nameof(LearningRate)] = LearningRate.ToString("R", CultureInfo.InvariantCulture),
        [nameof(MaximumBinCountPerFeature)] = MaximumBinCountPerFeature.ToString(CultureInfo.InvariantCulture),
        [nameof(MaximumTreeOutput)] = MaximumTreeOutput.ToString("R", CultureInfo.InvariantCulture),
        [nameof(L2Regularization)] = L2Regularization.ToString("R", CultureInfo.InvariantCulture),
        [nameof(MinimumHessianPerLeaf)] = MinimumHessianPerLeaf.ToString("R", CultureInfo.InvariantCulture),
        [nameof(FeatureFraction)] = FeatureFraction.ToString("R", CultureInfo.InvariantCulture),
        [nameof(BaggingFraction)] = BaggingFraction.ToString("R", CultureInfo.InvariantCulture),
        [nameof(Seed)] = Seed.ToString(CultureInfo.InvariantCulture),
        [nameof(LearnMissingValueDirection)] = LearnMissingValueDirection ? "true" : "false",
        [nameof(EarlyStoppingRounds)] = EarlyStoppingRounds.ToString(CultureInfo.InvariantCulture),
        [nameof(PositiveClassWeight)] = PositiveClassWeight.ToString("R", CultureInfo.InvariantCulture),
        [nameof(BalanceClasses)] = BalanceClasses ? "true" : "false",
    };

    private static void Require(bool condition, string name, object? value, string rule)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, value, $"BoostedTreeOptions.{name} {rule}; it is {value?.ToString() ?? "null"}.");
        }
    }

    /// <summary>The default value of every option, in one place.</summary>
    public static class Defaults
    {
        /// <summary>Default of <see cref="BoostedTreeOptions.NumberOfTrees"/>.</summary>
        public const int NumberOfTrees = 100;

        /// <summary>Default of <see cref="BoostedTreeOptions.NumberOfLeaves"/>.</summary>
        public const int NumberOfLeaves = 20;

        /// <summary>Default of <see cref="BoostedTreeOptions.MinimumExampleCountPerLeaf"/>.</summary>
        public const int MinimumExampleCountPerLeaf = 10;

        /// <summary>Default of <see cref="BoostedTreeOptions.LearningRate"/>.</summary>
        public const double LearningRate = 0.2;

        /// <summary>Default of <see cref="BoostedTreeOptions.MaximumBinCountPerFeature"/>.</summary>
        public const int MaximumBinCountPerFeature = 255;

        /// <summary>Default of <see cref="BoostedTreeOptions.MaximumTreeOutput"/>.</summary>
        public const double MaximumTreeOutput = 100;

        /// <summary>Default of <see cref="BoostedTreeOptions.L2Regularization"/> (FastTree has none).</summary>
        public const double L2Regularization = 0;

        /// <summary>Default of <see cref="BoostedTreeOptions.MinimumHessianPerLeaf"/> (off).</summary>
        public const double MinimumHessianPerLeaf = 0;

        /// <summary>Default of <see cref="BoostedTreeOptions.FeatureFraction"/>.</summary>
        public const double FeatureFraction = 1;

        /// <summary>Default of <see cref="BoostedTreeOptions.BaggingFraction"/>.</summary>
        public const double BaggingFraction = 1;

        /// <summary>Default of <see cref="BoostedTreeOptions.Seed"/>.</summary>
        public const int Seed = 123;

        /// <summary>Default of <see cref="BoostedTreeOptions.LearnMissingValueDirection"/>.</summary>
        public const bool LearnMissingValueDirection = true;

        /// <summary>Default of <see cref="BoostedTreeOptions.EarlyStoppingRounds"/>.</summary>
        public const int EarlyStoppingRounds = 0;

        /// <summary>Default of <see cref="BoostedTreeOptions.PositiveClassWeight"/>.</summary>
        public const double PositiveClassWeight = 1;

        /// <summary>Default of <see cref="BoostedTreeOptions.BalanceClasses"/>.</summary>
        public const bool BalanceClasses = false;

        /// <summary>Default of <see cref="BoostedTreeOptions.NumberOfThreads"/> (null = all processors).</summary>
        public static readonly int? NumberOfThreads;
    }
}
