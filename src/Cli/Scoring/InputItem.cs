namespace SpinDetect.Cli.Scoring;

/// <summary>One input of a run: a file, standard input, or an entry that could not be used (with its error).</summary>
/// <param name="Path">The path as reported in the record: as given on the command line, joined with the path inside a
/// folder; <c>-</c> for standard input; the id for <c>--jsonl-in</c>.</param>
/// <param name="Kind">Where the text comes from.</param>
/// <param name="Error">Why the entry cannot be scored, known before reading it; otherwise <see langword="null"/>.</param>
/// <param name="Text">The text itself, for <see cref="InputKind.Inline"/> inputs.</param>
/// <param name="InvalidEncoding">Whether <paramref name="Text"/> was decoded from invalid UTF-8 (with replacement characters).</param>
internal readonly record struct InputItem(string Path, InputKind Kind, string? Error = null, string? Text = null, bool InvalidEncoding = false)
{
    /// <summary>An entry that failed before reading.</summary>
    public static InputItem Failed(string path, string error) => new(path, InputKind.Failed, error);
}
