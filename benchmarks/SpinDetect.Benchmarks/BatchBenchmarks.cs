using BenchmarkDotNet.Attributes;
using SpinDetect.Benchmarks.Batch;
using SpinDetect.Cli.Scoring;

namespace SpinDetect.Benchmarks;

/// <summary>
/// The <c>spindetect score</c> pipeline over a folder of synthetic 5 KB articles, to a JSONL file, with
/// <see cref="PipelineOverheadScorer"/> in place of the model: it measures the batch command's own overhead (walk,
/// read, decode, tokenise, order, write) per article. Files per second = 1 / mean. Replace the scorer with the
/// shipped model's pipeline to measure full batch throughput.
/// </summary>
/// <remarks>
/// In-process: what is measured is this process's own pipeline, and building the out-of-process boilerplate (which
/// rebuilds the CLI and trainer) exceeds BenchmarkDotNet's build timeout on a busy two-core machine.
/// </remarks>
[MemoryDiagnoser]
[InProcess]
public class BatchBenchmarks
{
    /// <summary>Articles in the folder; each benchmark operation is one article.</summary>
    public const int Articles = 2000;

    private string _root = "";
    private ScoreJob _job = null!;
    private SpinDetector _detector = null!;

    /// <summary>Articles scored at once (0 = one per core).</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("spindetect-batch-").FullName;
        SyntheticArticles.Write(Path.Combine(_root, "articles"), Articles);
        _detector = new SpinDetector(new PipelineOverheadScorer());
        _job = new ScoreJob
        {
            Paths = [Path.Combine(_root, "articles")],
            Include = [.. InputWalker.DefaultIncludes.Select(p => new Glob(p))],
            Exclude = [],
            Format = OutputFormat.Jsonl,
            Output = Path.Combine(_root, "scores.jsonl"),
            Threads = Threads,
        };
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int ScoreFolder() =>
        ScoreRunner.RunAsync(_job, _detector, TextWriter.Null, TextWriter.Null, CancellationToken.None).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);
}
