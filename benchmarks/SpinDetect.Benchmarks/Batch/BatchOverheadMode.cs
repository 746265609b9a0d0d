using System.Globalization;
using SpinDetect.Cli.Scoring;

namespace SpinDetect.Benchmarks.Batch;

/// <summary>
/// <c>batch-overhead FOLDER [--articles N] [--threads N]</c>: writes N synthetic 5 KB articles into FOLDER when it
/// does not exist yet, then runs the <c>score</c> pipeline over it with <see cref="PipelineOverheadScorer"/> (no
/// model), records to FOLDER.jsonl, with the progress display and summary on standard error. A timed tool for large
/// folders (100,000 files) that BenchmarkDotNet's repetitions would make slow; the summary line gives inputs/s.
/// </summary>
internal static class BatchOverheadMode
{
    internal static int Run(string[] args)
    {
        var plain = Scoring.ModeArguments.Check(args, ["--articles", "--threads"], [], positional: 1);
        if (plain.Count == 0)
        {
            Console.Error.WriteLine("usage: batch-overhead FOLDER [--articles N] [--threads N]");
            return 2;
        }

        var folder = Path.GetFullPath(plain[0]);
        var articles = Scoring.ModeArguments.IntOption(args, "--articles", 10_000);
        // 0 (the default) lets the command choose: all cores.
        var threads = Scoring.ModeArguments.IntOption(args, "--threads", 0);

        if (!Directory.Exists(folder))
        {
            SyntheticArticles.Write(folder, articles);
        }

        var job = new ScoreJob
        {
            Paths = [folder],
            Include = [.. InputWalker.DefaultIncludes.Select(p => new Glob(p))],
            Exclude = [],
            Format = OutputFormat.Jsonl,
            Output = Path.TrimEndingDirectorySeparator(folder) + ".jsonl",
            Threads = threads,
        };
        return ScoreRunner.RunAsync(job, new SpinDetector(new PipelineOverheadScorer()), Console.Out, Console.Error, CancellationToken.None)
            .GetAwaiter().GetResult();
    }
}
