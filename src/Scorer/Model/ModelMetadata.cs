namespace SpinDetect.Model;

/// <summary>
/// Descriptive facts stored with a model (as UTF-8 JSON): when and how it was trained and how well it did.
/// Dictionaries are written in ordinal key order so the same metadata always gives the same bytes.
/// </summary>
internal sealed record ModelMetadata
{
    /// <summary>When training finished (UTC). Supplied by the caller so that saving stays deterministic.</summary>
    public DateTimeOffset TrainedAtUtc { get; init; }

    /// <summary>Version of SpinDetect that trained the model.</summary>
    public string SpinDetectVersion { get; init; } = CurrentVersion;

    /// <summary>Free text, e.g. what the model is for.</summary>
    public string Description { get; init; } = "";

    /// <summary>Training options, rendered as invariant strings.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>Evaluation figures (e.g. "validation.auc").</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Hashes of the data the model was trained on, by data set name.</summary>
    public IReadOnlyDictionary<string, string> DataHashes { get; init; } = new Dictionary<string, string>();

    /// <summary>The informational version of the running SpinDetect assembly.</summary>
    internal static string CurrentVersion { get; } =
        typeof(ModelMetadata).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
