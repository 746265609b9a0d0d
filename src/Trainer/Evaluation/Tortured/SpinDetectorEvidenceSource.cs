namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>
/// The real detector as an <see cref="ISpinEvidenceSource"/>: its confidence is the document probability and its
/// evidence spans the marks. Scores every text however short (carrier sentences have about ten words) and keeps
/// more evidence than the product default so the threshold sweep sees the weaker marks too.
/// </summary>
internal sealed class SpinDetectorEvidenceSource : ISpinEvidenceSource
{
    private readonly SpinDetector _detector;

    /// <summary>Wraps <paramref name="detector"/>, applying <see cref="EvaluationOptions"/>.</summary>
    public SpinDetectorEvidenceSource(SpinDetector detector, string name)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentException.ThrowIfNullOrEmpty(name);
        _detector = detector.WithOptions(EvaluationOptions);
        Name = name;
    }

    /// <summary>Detector options for evaluation: no minimum length, up to 64 evidence spans.</summary>
    public static SpinDetectorOptions EvaluationOptions { get; } = new() { MinWords = 0, MaxEvidence = 64 };

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>
    /// Loads the model at <paramref name="modelPath"/>, or the shipped model when it is null.
    /// </summary>
    /// <exception cref="SpinModelException">No usable model; the message says where it looked.</exception>
    public static SpinDetectorEvidenceSource Open(string? modelPath) =>
        modelPath is null
            ? new SpinDetectorEvidenceSource(SpinDetector.Default, "shipped spin model")
            : new SpinDetectorEvidenceSource(SpinDetector.Load(modelPath), $"spin model {Path.GetFileName(modelPath)}");

    /// <inheritdoc />
    public SpinAnalysis Analyze(string text)
    {
        var report = _detector.Score(text);
        var spans = new EvidenceSpan[report.Evidence.Count];
        for (var i = 0; i < spans.Length; i++)
        {
            var e = report.Evidence[i];
            spans[i] = new EvidenceSpan(e.Offset, e.Length, e.Suggestion, e.Score);
        }

        return new SpinAnalysis(report.Confidence, spans);
    }
}
