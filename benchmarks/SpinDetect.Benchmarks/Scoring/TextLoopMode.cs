using System.Globalization;
using SpinDetect.Training.Corpus;

namespace SpinDetect.Benchmarks.Scoring;

/// <summary>
/// <c>text-loop [--corpus data/corpus/corpus.csv | --synthetic] [--texts N] [--rounds R]</c>: full
/// <see cref="SpinDetector.Score(string)"/> of N different texts in turn on one thread, R rounds after one warm-up
/// round, printing the median and minimum thread CPU µs per text over the rounds. Unlike <c>stage-loop</c>, which
/// scores one article again and again with its n-gram entries and vectors warm in the caches, consecutive texts here
/// share only what texts share, as in a batch; so it shows the cost of the table lookups and what caching across
/// texts gains on real text (every k-th corpus text of at least 1,500 characters) or on the batch's synthetic
/// five-kilobyte articles (whose small vocabulary repeats far more than real text does).
/// </summary>
internal static class TextLoopMode
{
    private const int MinimumChars = 1500;

    internal static int Run(string[] args)
    {
        ModeArguments.Check(args, ["--texts", "--rounds", "--corpus"], ["--synthetic"]);
        var count = ModeArguments.IntOption(args, "--texts", 500);
        var rounds = ModeArguments.IntOption(args, "--rounds", 7);
        var synthetic = args.Contains("--synthetic");
        var fixture = ScoringFixture.Open();
        var texts = synthetic ? Synthetic(count) : Corpus(ModeArguments.RepositoryPath(ModeArguments.Option(args, "--corpus") ?? "data/corpus/corpus.csv"), count);
        var chars = texts.Sum(text => (long)text.Length);
        foreach (var text in texts)
        {
            fixture.Detector.Score(text);
        }

        var perText = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            var start = StageTimer.ThreadCpuMicroseconds();
            foreach (var text in texts)
            {
                fixture.Detector.Score(text);
            }

            perText[r] = (StageTimer.ThreadCpuMicroseconds() - start) / texts.Length;
        }

        Array.Sort(perText);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(synthetic ? "synthetic" : "corpus")} texts: {texts.Length} ({chars / texts.Length:N0} chars each on average), median {perText[rounds / 2]:F1} µs CPU, min {perText[0]:F1} µs CPU per text ({rounds} rounds); load average {StageTimer.LoadAverage()}"));
        return 0;
    }

    private static string[] Synthetic(int count)
    {
        var texts = new string[count];
        for (var i = 0; i < count; i++)
        {
            texts[i] = SyntheticArticles.GenerateChars(SyntheticArticles.BatchArticleChars, 10_000 + i); // the batch folder's articles
        }

        return texts;
    }

    private static string[] Corpus(string path, int count)
    {
        var records = CorpusCsv.Read(path);
        var eligible = records.Where(record => record.Text.Length >= MinimumChars).ToList();
        var stride = Math.Max(1, eligible.Count / count);
        var texts = new List<string>(count);
        for (var r = 0; r < eligible.Count && texts.Count < count; r += stride)
        {
            texts.Add(eligible[r].Text);
        }

        return [.. texts];
    }
}
