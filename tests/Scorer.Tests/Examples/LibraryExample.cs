namespace SpinDetect.Tests.Examples;

/// <summary>
/// The "Use as a library" example of README.md, compiled and run by <see cref="LibraryExampleTests"/>. The lines
/// between the markers appear verbatim in the README.
/// </summary>
internal static class LibraryExample
{
    public static async Task<(SpinReport Report, int Spun)> RunAsync(
        string article, IAsyncEnumerable<string> articles, CancellationToken cancellationToken)
    {
        // README example start
        // Load once; the detector is thread-safe, so share it between all threads.
        SpinDetector detector = SpinDetector.Default;

        SpinReport report = detector.Score(article);
        Console.WriteLine($"spun: {report.Spun} ({report.Confidence:P0}), quality {report.Quality:F2}");
        foreach (SpinEvidence evidence in report.Evidence)
        {
            Console.WriteLine($"  '{evidence.Text}' at {evidence.Offset}, probably '{evidence.Suggestion}'");
        }

        // Many texts: reports come back in input order, scored on all cores.
        int spun = 0;
        await foreach (SpinReport each in detector.ScoreAllAsync(articles, maxParallelism: 0, cancellationToken))
        {
            spun += each.Spun ? 1 : 0;
        }
        // README example end

        return (report, spun);
    }
}
