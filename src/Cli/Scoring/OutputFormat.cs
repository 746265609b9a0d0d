namespace SpinDetect.Cli.Scoring;

/// <summary>Output format of <c>spindetect score</c>.</summary>
internal enum OutputFormat
{
    /// <summary>One JSON object per line.</summary>
    Jsonl,

    /// <summary>Comma-separated values with a header row.</summary>
    Csv,
}
