namespace SpinDetect.Training.Retraining;

/// <summary>What <see cref="SpinRetrainer"/> reads and writes. Relative paths are relative to the current directory.</summary>
/// <param name="SampleFiles">The user's sample CSVs (at least one).</param>
/// <param name="OutputPath">Where the model goes when it is accepted (usually the current model's path).</param>
public sealed record RetrainRequest(IReadOnlyList<string> SampleFiles, string OutputPath)
{
    /// <summary>Corpus folder made by <c>spindetect corpus build</c>. Default data/corpus.</summary>
    public string BaseCorpusFolder { get; init; } = Path.Combine("data", "corpus");

    /// <summary>Reference lexicon (embeddings.bin is looked up beside it). Default models/lexicon.bin.</summary>
    public string LexiconPath { get; init; } = Path.Combine("models", "lexicon.bin");

    /// <summary>The model to compare with; null means <see cref="OutputPath"/>.</summary>
    public string? CurrentModelPath { get; init; }

    /// <summary>Markdown report; null means "&lt;output name&gt;-retrain-report.md" beside <see cref="OutputPath"/>.</summary>
    public string? ReportPath { get; init; }

    internal string CurrentModel => CurrentModelPath ?? OutputPath;

    internal string Report => ReportPath ?? Path.Combine(
        Path.GetDirectoryName(Path.GetFullPath(OutputPath))!, Path.GetFileNameWithoutExtension(OutputPath) + "-retrain-report.md");

    /// <summary>Where a rejected model is kept: "&lt;output name&gt;.candidate&lt;extension&gt;" beside <see cref="OutputPath"/>.</summary>
    internal string CandidatePath => Path.Combine(
        Path.GetDirectoryName(Path.GetFullPath(OutputPath))!,
        Path.GetFileNameWithoutExtension(OutputPath) + ".candidate" + Path.GetExtension(OutputPath));
}
