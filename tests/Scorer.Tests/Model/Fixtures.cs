using SpinDetect.Model;

namespace SpinDetect.Tests.Model;

/// <summary>Hand-built ensembles and packages.</summary>
internal static class Fixtures
{
    internal static readonly string[] FeatureNames = ["length", "ratio", "count"];

    /// <summary>
    /// Tree 0: ratio ≤ 0.5 (NaN left) → leaf −1, else count ≤ 3 (NaN right) → leaf 0.5 / leaf 2.
    /// Tree 1: a single leaf 0.25. Bias 0.1.
    /// </summary>
    internal static TreeEnsemble Ensemble() => new(
        featureCount: 3,
        bias: 0.1,
        nodes:
        [
            new TreeNode(1, 0.5f, missingGoesLeft: true, left: ~0, right: 1),
            new TreeNode(2, 3f, missingGoesLeft: false, left: ~1, right: ~2),
        ],
        leaves: [-1, 0.5, 2, 0.25],
        roots: [0, ~3]);

    internal static FeatureSchema Schema() => new("test-schema", 1, FeatureNames);

    internal static ModelPackage Package(IReadOnlyDictionary<string, byte[]>? extra = null) => new(
        new ModelMetadata
        {
            TrainedAtUtc = new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero),
            Description = "fixture",
            Options = new Dictionary<string, string> { ["NumberOfTrees"] = "2", ["LearningRate"] = "0.2" },
            Metrics = new Dictionary<string, double> { ["auc"] = 0.9, ["nan"] = double.NaN },
            DataHashes = new Dictionary<string, string> { ["train"] = "abc" },
        },
        Schema(),
        [new CalibratedEnsemble("document", Ensemble(), new PlattCalibrator(1.5, -0.2))],
        extra);
}
