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
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: batch-overhead FOLDER [--articles N] [--threads N]");
            return 2;
        }

        Scoring.ModeArguments.Check(args, ["--articles", "--threads"], [], positional: 1);
        var folder = Path.GetFullPath(args[0]);
        var articles = 10_000;
        var threads = 0;
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            var value = Scoring.ModeArguments.PositiveInt(args[i + 1], args[i]);
            switch (args[i])
            {
                case "--articles":
                    articles = value;
                    break;
                case "--threads":
                    threads = value;
                    break;
                default:
                    Console.Error.WriteLine($"batch-overhead: unknown option {args[i]}");
                    return 2;
            }
        }

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
