using BenchmarkDotNet.Attributes;
using SpinDetect.Training.Boosting;

namespace SpinDetect.Benchmarks.Boosting;

/// <summary>Training with default options on a synthetic table of 50k rows × 20 features, 2 threads.</summary>
[MemoryDiagnoser]
public class TrainingBenchmarks
{
    private TabularData _data = null!;

    [GlobalSetup]
    public void Setup() => _data = BenchmarkData.Create(50_000, 20, seed: 2);

    /// <summary>One full fit: binning, 100 trees, calibration.</summary>
    [Benchmark]
    public int TrainDefault() => new BoostedTreeTrainer(new BoostedTreeOptions { NumberOfThreads = 2 }).Fit(_data).TreeCount;
}
