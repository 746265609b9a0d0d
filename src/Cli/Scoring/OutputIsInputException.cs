namespace SpinDetect.Cli.Scoring;

/// <summary>The run's output file turned out to be one of its inputs; the run stops before overwriting it.</summary>
internal sealed class OutputIsInputException(string message) : IOException(message);
