namespace SpinDetect.Cli.Scoring;

/// <summary>One output record: the input's path and either its report or why it was not scored.</summary>
/// <param name="Path">The input's path, <c>-</c>, or the <c>--jsonl-in</c> id.</param>
/// <param name="Report">The report, or <see langword="null"/> when the input failed.</param>
/// <param name="Error">Why the input was not scored, or <see langword="null"/>.</param>
internal sealed record ScoreRecord(string Path, SpinReport? Report, string? Error)
{
    /// <summary>The record of a failed input.</summary>
    public static ScoreRecord Failed(string path, string error) => new(path, null, error);
}
