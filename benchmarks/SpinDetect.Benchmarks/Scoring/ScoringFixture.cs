using SpinDetect.Quality;

namespace SpinDetect.Benchmarks.Scoring;

/// <summary>
/// The loaded scoring pipeline and its parts, opened exactly as <see cref="SpinDetector.Load"/> opens them, so the
/// stage benchmarks measure the same objects the full <see cref="SpinDetector.Score(string)"/> runs.
/// </summary>
internal sealed class ScoringFixture
{
    /// <summary>Environment variable naming the spin model to benchmark.</summary>
    internal const string ModelVariable = "SPINDETECT_MODEL";

    private ScoringFixture(string modelPath, SpinPipeline pipeline, QualityAnalyzer quality)
    {
        ModelPath = modelPath;
        Pipeline = pipeline;
        Quality = quality;
        Detector = new SpinDetector(pipeline);
    }

    /// <summary>The model file the figures are for.</summary>
    internal string ModelPath { get; }

    /// <summary>The pipeline behind <see cref="Detector"/>.</summary>
    internal SpinPipeline Pipeline { get; }

    /// <summary>A detector over <see cref="Pipeline"/> with default options.</summary>
    internal SpinDetector Detector { get; }

    /// <summary>The quality analyzer, loaded from the same quality model the pipeline uses.</summary>
    internal QualityAnalyzer Quality { get; }

    /// <summary>Opens the model named by <see cref="FindModel"/>.</summary>
    internal static ScoringFixture Open()
    {
        var modelPath = FindModel();
        var pipeline = (SpinPipeline)ModelAssets.OpenFile(modelPath);
        // The pipeline keeps its analyzer private; load the same file it chose (beside the model, else shipped).
        var beside = Path.Combine(Path.GetDirectoryName(modelPath)!, QualityModel.FileName);
        var qualityPath = File.Exists(beside) ? beside : QualityModel.FindDefaultPath();
        var quality = qualityPath is null ? QualityAnalyzer.Default : new QualityAnalyzer(QualityModel.Load(qualityPath));
        return new ScoringFixture(modelPath, pipeline, quality);
    }

    /// <summary>
    /// The spin model: <c>SPINDETECT_MODEL</c> if set, else <c>models/spin.model</c> in the first folder above the
    /// benchmark assembly that has one (the repository's shipped model).
    /// </summary>
    internal static string FindModel()
    {
        var configured = Environment.GetEnvironmentVariable(ModelVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "models", ModelAssets.ModelFileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"models/{ModelAssets.ModelFileName} not found above {AppContext.BaseDirectory}; set {ModelVariable} to a spin model file.");
    }
}
