using SpinDetect.Model;
using SpinDetect.Training.Evaluation;

namespace SpinDetect.Training.Boosting;

/// <summary>
/// A trained boosted-tree binary classifier: the tree ensemble, its Platt calibrator, and what training learned
/// about it (importance, validation curve, calibration error).
/// </summary>
public sealed class BoostedTreeModel
{
    private readonly string[] _featureNames;
    private readonly double[] _gainImportance;
    private readonly BoostedTreeOptions _options;
    private readonly double[] _validationLogLoss;

    internal BoostedTreeModel(
        TreeEnsemble ensemble,
        PlattCalibrator calibrator,
        IReadOnlyList<string> featureNames,
        BoostedTreeOptions options,
        double[] gainImportance,
        double[] validationLogLoss,
        CalibrationSource calibrationSource,
        double calibrationError,
        TimeSpan trainingTime)
    {
        Ensemble = ensemble;
        Calibrator = calibrator;
        _featureNames = [.. featureNames];
        _options = options.Clone();
        _gainImportance = gainImportance;
        _validationLogLoss = validationLogLoss;
        CalibrationSource = calibrationSource;
        ExpectedCalibrationError = calibrationError;
        TrainingTime = trainingTime;
    }

    /// <summary>Feature names, in the column order rows must follow.</summary>
    public IReadOnlyList<string> FeatureNames => _featureNames;

    /// <summary>The options the model was trained with (a fresh copy at each read: changing it changes nothing).</summary>
    public BoostedTreeOptions Options => _options.Clone();

    /// <summary>Number of trees kept (fewer than requested when early stopping cut the ensemble).</summary>
    public int TreeCount => Ensemble.TreeCount;

    /// <summary>Total split gain of each feature over all trees, in feature order (larger = more used).</summary>
    public IReadOnlyList<double> GainImportance => _gainImportance;

    /// <summary>Validation log-loss (natural log) after each tree grown; empty without a validation set.</summary>
    public IReadOnlyList<double> ValidationLogLoss => _validationLogLoss;

    /// <summary>Which rows the calibrator was fitted on.</summary>
    public CalibrationSource CalibrationSource { get; }

    /// <summary>Expected calibration error (10 equal-width bins) of calibrated probabilities on the calibration rows.</summary>
    public double ExpectedCalibrationError { get; }

    /// <summary>Wall time of <see cref="BoostedTreeTrainer.Fit"/>.</summary>
    public TimeSpan TrainingTime { get; }

    /// <summary>The runtime ensemble.</summary>
    internal TreeEnsemble Ensemble { get; }

    /// <summary>The fitted calibrator.</summary>
    internal PlattCalibrator Calibrator { get; }

    /// <summary>Raw score (log-odds scale, uncalibrated) of one row.</summary>
    /// <param name="features">The row, in <see cref="FeatureNames"/> order; NaN = missing.</param>
    public double PredictRaw(ReadOnlySpan<float> features) => Ensemble.PredictRaw(features);

    /// <summary>Calibrated probability that one row is positive.</summary>
    /// <param name="features">The row, in <see cref="FeatureNames"/> order; NaN = missing.</param>
    public double PredictProbability(ReadOnlySpan<float> features) => Calibrator.Probability(Ensemble.PredictRaw(features));

    /// <summary>Calibrated probabilities of every row of a table.</summary>
    /// <exception cref="ArgumentException">The table's features differ from the model's.</exception>
    public double[] PredictProbabilities(TabularData data)
    {
        var raw = PredictRawScores(data);
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = Calibrator.Probability(raw[i]);
        }

        return raw;
    }

    /// <summary>Raw scores of every row of a table.</summary>
    /// <exception cref="ArgumentException">The table's features differ from the model's.</exception>
    public double[] PredictRawScores(TabularData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        RequireSameFeatures(data, nameof(data));
        var scores = new double[data.RowCount];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Ensemble.PredictRaw(data.Row(i));
        }

        return scores;
    }

    /// <summary>Evaluates the model's calibrated probabilities on a labelled table (every row counts once; row weights are training weights).</summary>
    public BinaryClassificationMetrics Evaluate(TabularData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return BinaryClassificationMetrics.Compute(data.Labels, PredictProbabilities(data));
    }

    /// <summary>The ensemble and calibrator under a name, ready for a <see cref="ModelPackage"/>.</summary>
    internal CalibratedEnsemble ToCalibratedEnsemble(string name) => new(name, Ensemble, Calibrator);

    /// <summary>Writes this model as the only ensemble of a model file (atomically).</summary>
    internal void Save(string path, FeatureSchema schema, string ensembleName, ModelMetadata metadata) =>
        ModelFile.Write(path, new ModelPackage(metadata, schema, [ToCalibratedEnsemble(ensembleName)]));

    /// <summary>Model metadata for this model: its options and the given metrics and data hashes.</summary>
    internal ModelMetadata CreateMetadata(
        DateTimeOffset trainedAtUtc,
        string description,
        IReadOnlyDictionary<string, double>? metrics = null,
        IReadOnlyDictionary<string, string>? dataHashes = null) => new()
        {
            TrainedAtUtc = trainedAtUtc,
            Description = description,
            Options = _options.ToDictionary(),
            Metrics = metrics ?? new Dictionary<string, double>(),
            DataHashes = dataHashes ?? new Dictionary<string, string>(),
        };

    internal void RequireSameFeatures(TabularData data, string parameter)
    {
        if (data.FeatureCount != _featureNames.Length)
        {
            throw new ArgumentException($"The table has {data.FeatureCount} features; the model expects {_featureNames.Length}.", parameter);
        }

        for (var i = 0; i < _featureNames.Length; i++)
        {
            if (data.FeatureNames[i] != _featureNames[i])
            {
                throw new ArgumentException($"Feature {i} of the table is '{data.FeatureNames[i]}'; the model expects '{_featureNames[i]}'.", parameter);
            }
        }
    }
}
