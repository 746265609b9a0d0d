using BenchmarkDotNet.Attributes;

namespace SpinDetect.Benchmarks.Scoring;

/// <summary>
/// <see cref="SpinDetector.Load"/>: the spin model file with its companions (lexicon, word vectors, quality
/// model), i.e. what a scraper pays once at start-up and the CLI pays once per run.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ModelLoadBenchmarks
{
    private string _path = string.Empty;

    [GlobalSetup]
    public void Setup() => _path = ScoringFixture.FindModel();

    [Benchmark]
    public double Load() => SpinDetector.Load(_path).Threshold;
}
