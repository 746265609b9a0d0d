using BenchmarkDotNet.Attributes;
using SpinDetect.Model;
using SpinDetect.Training.Boosting;

namespace SpinDetect.Benchmarks.Boosting;

/// <summary>Scoring one row against the default ensemble (100 trees × 20 leaves, 30 features). Target: ≤ 1 µs median.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class PredictionBenchmarks
{
    private TreeEnsemble _ensemble = null!;
    private CalibratedEnsemble _calibrated = null!;
    private float[][] _rows = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var data = BenchmarkData.Create(20_000, 30, seed: 1);
        var model = new BoostedTreeTrainer(new BoostedTreeOptions { NumberOfThreads = 1 }).Fit(data);
        _ensemble = model.Ensemble;
        _calibrated = model.ToCalibratedEnsemble("bench");
        _rows = new float[256][];
        for (var i = 0; i < _rows.Length; i++)
        {
            _rows[i] = data.Row(i).ToArray();
        }
    }

    /// <summary>Raw score of one row (rows cycle so branch predictors cannot memorise one path).</summary>
    [Benchmark]
    public double PredictRawOneRow() => _ensemble.PredictRaw(_rows[_next++ & 255]);

    /// <summary>Calibrated probability of one row.</summary>
    [Benchmark]
    public double ProbabilityOneRow() => _calibrated.Probability(_rows[_next++ & 255]);
}
