using System.Globalization;
using System.Text;

namespace SpinDetect.Training.Evaluation;

/// <summary>Metrics of a k-fold cross-validation: per fold, and over all out-of-fold predictions pooled.</summary>
public sealed class CrossValidationResult
{
    private readonly BinaryClassificationMetrics[] _folds;

    internal CrossValidationResult(BinaryClassificationMetrics[] folds, BinaryClassificationMetrics pooled, double[] outOfFoldProbabilities)
    {
        _folds = folds;
        Pooled = pooled;
        OutOfFoldProbabilities = outOfFoldProbabilities;
    }

    /// <summary>Metrics of each fold's held-out rows, in fold order.</summary>
    public IReadOnlyList<BinaryClassificationMetrics> Folds => _folds;

    /// <summary>Metrics of all out-of-fold predictions together.</summary>
    public BinaryClassificationMetrics Pooled { get; }

    /// <summary>Each row's probability from the model that did not see it.</summary>
    public IReadOnlyList<double> OutOfFoldProbabilities { get; }

    /// <summary>Mean AUC over folds.</summary>
    public double MeanAreaUnderRocCurve => Mean(static m => m.AreaUnderRocCurve);

    /// <summary>Sample standard deviation of the fold AUCs.</summary>
    public double StandardDeviationAreaUnderRocCurve
    {
        get
        {
            var mean = MeanAreaUnderRocCurve;
            double sum = 0;
            foreach (var fold in _folds)
            {
                sum += (fold.AreaUnderRocCurve - mean) * (fold.AreaUnderRocCurve - mean);
            }

            return _folds.Length > 1 ? Math.Sqrt(sum / (_folds.Length - 1)) : 0;
        }
    }

    /// <summary>Per-fold AUC, log-loss and TPR at 1 % FPR as a markdown table, with the pooled row last.</summary>
    public string ToMarkdown()
    {
        var s = new StringBuilder();
        s.AppendLine("| fold | rows | AUC | AUPRC | log-loss | ECE | TPR at 1% FPR |").AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        void Row(string name, BinaryClassificationMetrics m) => s.Append(CultureInfo.InvariantCulture,
            $"| {name} | {m.PositiveCount + m.NegativeCount} | {m.AreaUnderRocCurve:0.0000} | {m.AreaUnderPrecisionRecallCurve:0.0000} | {m.LogLoss:0.0000} | {m.ExpectedCalibrationError:0.0000} | {m.TruePositiveRateAtOnePercentFalsePositiveRate:0.0000} |").AppendLine();
        for (var k = 0; k < _folds.Length; k++)
        {
            Row((k + 1).ToString(CultureInfo.InvariantCulture), _folds[k]);
        }

        Row("pooled", Pooled);
        return s.ToString();
    }

    private double Mean(Func<BinaryClassificationMetrics, double> metric)
    {
        double sum = 0;
        foreach (var fold in _folds)
        {
            sum += metric(fold);
        }

        return sum / _folds.Length;
    }
}
