namespace SpinDetect.Training.Retraining;

/// <summary>One reason a sample file cannot be used, with the file and the 1-based line it concerns.</summary>
/// <param name="File">The sample CSV.</param>
/// <param name="Line">1-based line of the record (its first line when a quoted field spans lines; 1 is the header).</param>
/// <param name="Message">What is wrong.</param>
public sealed record SampleProblem(string File, int Line, string Message)
{
    /// <summary>"file:line: message", the form compilers use.</summary>
    public override string ToString() => $"{File}:{Line}: {Message}";
}
