namespace SpinDetect.Training.Retraining;

/// <summary>One validated row of a sample CSV.</summary>
/// <param name="File">The CSV it came from.</param>
/// <param name="Line">1-based first line of the record.</param>
/// <param name="Text">The text (read from the referenced file for <c>path</c> rows).</param>
/// <param name="Spun">Label.</param>
/// <param name="Group">The user's group, or a group of its own when none was given.</param>
/// <param name="Weight">Row weight from the <c>weight</c> column (1 when absent), before the global sample weight.</param>
internal sealed record UserSample(string File, int Line, string Text, bool Spun, string Group, double Weight);
