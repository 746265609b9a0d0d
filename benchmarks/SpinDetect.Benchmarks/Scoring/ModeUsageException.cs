namespace SpinDetect.Benchmarks.Scoring;

/// <summary>A mode's command line it cannot use; <see cref="Program"/> prints the message and exits with 2.</summary>
internal sealed class ModeUsageException(string message) : Exception(message);
