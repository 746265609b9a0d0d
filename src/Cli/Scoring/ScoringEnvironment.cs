namespace SpinDetect.Cli.Scoring;

/// <summary>
/// What the scoring commands take from the process: the detector (the shipped model, or <c>--model</c>) and standard
/// input. Tests replace them for the current async flow only, so parallel tests do not interfere; the product path
/// always loads a real model.
/// </summary>
internal static class ScoringEnvironment
{
    private static readonly AsyncLocal<Overrides?> Current = new();

    /// <summary>The detector for <paramref name="modelPath"/> (or the shipped model when null) with <paramref name="options"/>.</summary>
    /// <exception cref="SpinModelException">The model is missing or unreadable.</exception>
    public static SpinDetector CreateDetector(string? modelPath, SpinDetectorOptions options)
    {
        if (Current.Value?.Detector is { } factory)
        {
            return factory(modelPath, options);
        }

        return modelPath == null ? SpinDetector.Default.WithOptions(options) : SpinDetector.Load(modelPath, options);
    }

    /// <summary>Opens standard input as bytes.</summary>
    public static Stream OpenStandardInput() => Current.Value?.StandardInput?.Invoke() ?? Console.OpenStandardInput();

    /// <summary>Whether progress may be drawn on <paramref name="error"/> as a live terminal display.</summary>
    public static bool IsTerminal(TextWriter error) =>
        Current.Value == null && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Replaces the detector factory and standard input for the current async flow; dispose to restore.</summary>
    internal static IDisposable Override(Func<string?, SpinDetectorOptions, SpinDetector> detector, Func<Stream>? standardInput = null)
    {
        var previous = Current.Value;
        Current.Value = new Overrides(detector, standardInput);
        return new Restore(previous);
    }

    private sealed record Overrides(Func<string?, SpinDetectorOptions, SpinDetector> Detector, Func<Stream>? StandardInput);

    private sealed class Restore(Overrides? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
