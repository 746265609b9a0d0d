namespace SpinDetect.Training.Retraining;

/// <summary>
/// The retrained model was written, but its report could not be: unlike other failures of a run, a model file is in
/// place (<see cref="ModelPath"/>: the output path or the candidate path) and the previous one, if replaced, is backed up.
/// </summary>
public sealed class RetrainReportException : IOException
{
    /// <summary>Creates the exception; <paramref name="message"/> says where the model went and why the report failed.</summary>
    public RetrainReportException(string message, string modelPath, string reportPath, Exception innerException)
        : base(message, innerException)
    {
        ModelPath = modelPath;
        ReportPath = reportPath;
    }

    /// <summary>Where the model was written.</summary>
    public string ModelPath { get; }

    /// <summary>The report that could not be written.</summary>
    public string ReportPath { get; }
}
