namespace SpinDetect.Cli.Scoring;

/// <summary>The record fields, in output order, exactly as written in JSONL keys and the CSV header.</summary>
internal static class RecordSchema
{
    public const string Path = "path";
    public const string Spun = "spun";
    public const string Confidence = "confidence";
    public const string Quality = "quality";
    public const string Words = "words";
    public const string Flags = "flags";
    public const string Evidence = "evidence";
    public const string Error = "error";

    public const string Offset = "offset";
    public const string Length = "length";
    public const string Text = "text";
    public const string Suggestion = "suggestion";
    public const string Score = "score";

    /// <summary>All top-level fields in order.</summary>
    public static readonly IReadOnlyList<string> Fields = [Path, Spun, Confidence, Quality, Words, Flags, Evidence, Error];

    /// <summary>Separator of CSV list cells (flags, evidence pairs).</summary>
    public const string CsvListSeparator = "; ";

    /// <summary>Joins an evidence span's text and suggestion in a CSV cell.</summary>
    public const string CsvPairArrow = "→";

    /// <summary>The format implied by an output file name: CSV for <c>.csv</c>, JSONL otherwise.</summary>
    public static OutputFormat FormatFromExtension(string? path) =>
        path != null && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Csv : OutputFormat.Jsonl;
}
