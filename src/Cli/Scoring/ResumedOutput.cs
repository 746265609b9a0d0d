namespace SpinDetect.Cli.Scoring;

/// <summary>What an interrupted run's output already holds.</summary>
internal sealed record ResumedOutput
{
    /// <summary>Paths (or ids) that have a record.</summary>
    public HashSet<string> Paths { get; } = new(StringComparer.Ordinal);

    /// <summary>How many of those records are errors.</summary>
    public int Failed { get; private set; }

    /// <summary>Whether the file holds anything (for CSV: at least the header).</summary>
    public bool HasContent { get; init; }

    public void Add(string path, bool failed)
    {
        Paths.Add(path);
        Failed += failed ? 1 : 0;
    }
}
