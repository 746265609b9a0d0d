namespace SpinDetect.Tests;

/// <summary>Value comparison of reports (records compare their lists by reference).</summary>
internal static class ReportAssert
{
    public static void Same(SpinReport expected, SpinReport actual)
    {
        Assert.Equal(expected.Spun, actual.Spun);
        Assert.Equal(expected.Confidence, actual.Confidence);
        Assert.Equal(expected.Quality, actual.Quality);
        Assert.Equal(expected.Words, actual.Words);
        Assert.Equal(expected.Flags, actual.Flags);
        Assert.Equal(expected.Evidence, actual.Evidence);
    }

    /// <summary>
    /// Scores <paramref name="texts"/> on 16 threads at once, each walking them from a different start, and checks
    /// every report equals the one-thread answer. Use with any detector, the shipped model's included.
    /// </summary>
    public static void SameOnManyThreads(SpinDetector detector, IReadOnlyList<string> texts)
    {
        var expected = texts.Select(detector.Score).ToArray();
        var actual = new SpinReport[16][];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = actual.Length }, t =>
        {
            var mine = new SpinReport[texts.Count];
            for (var k = 0; k < texts.Count; k++)
            {
                var i = (k + (t * 13)) % texts.Count;
                mine[i] = detector.Score(texts[i]);
            }

            actual[t] = mine;
        });

        foreach (var run in actual)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                Same(expected[i], run[i]);
            }
        }
    }
}
