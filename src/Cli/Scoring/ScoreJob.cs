namespace SpinDetect.Cli.Scoring;

/// <summary>A validated <c>spindetect score</c> invocation.</summary>
internal sealed record ScoreJob
{
    /// <summary>Files, folders and <c>-</c>, as given.</summary>
    public required IReadOnlyList<string> Paths { get; init; }

    /// <summary>Patterns files in folders must match.</summary>
    public required IReadOnlyList<Glob> Include { get; init; }

    /// <summary>Patterns of files and folders to skip.</summary>
    public required IReadOnlyList<Glob> Exclude { get; init; }

    /// <summary>Output format.</summary>
    public required OutputFormat Format { get; init; }

    /// <summary>Output file, or null for standard output.</summary>
    public string? Output { get; init; }

    /// <summary>Most inputs scored at once; 0 for one per core.</summary>
    public int Threads { get; init; }

    /// <summary>Continue an interrupted run's output.</summary>
    public bool Resume { get; init; }

    /// <summary>Read JSONL records from standard input instead of paths.</summary>
    public bool JsonlIn { get; init; }

    /// <summary>Largest input read, in bytes.</summary>
    public long MaxBytes { get; init; } = SpinDetectorOptions.Defaults.MaxInputBytes;

    /// <summary>The settings that shape the records (see <see cref="RunSettings"/>); null when not tracked.</summary>
    public string? Settings { get; init; }

    /// <summary>The temporary file the records go to until the run completes.</summary>
    public string? PartialOutput => Output == null ? null : Output + ".partial";
}
