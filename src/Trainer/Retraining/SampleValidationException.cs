namespace SpinDetect.Training.Retraining;

/// <summary>The samples failed validation; nothing was trained or written. <see cref="Problems"/> lists every problem.</summary>
public sealed class SampleValidationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public SampleValidationException(IReadOnlyList<SampleProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in file and line order.</summary>
    public IReadOnlyList<SampleProblem> Problems { get; }

    private static string Describe(IReadOnlyList<SampleProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return $"{problems.Count} problem(s) in the samples: " + string.Join("; ", problems);
    }
}
