using System.Globalization;
using System.Text;

namespace SpinDetect.Training.Evaluation;

/// <summary>
/// Quality of calibrated probabilities for a binary task, like ML.NET's CalibratedBinaryClassificationMetrics.
/// Threshold metrics predict positive when probability ≥ <see cref="Threshold"/>. Log-loss uses the natural log
/// (as XGBoost and scikit-learn; ML.NET uses log₂, which scales log-loss but not its reduction).
/// </summary>
public sealed class BinaryClassificationMetrics
{
    /// <summary>Number of equal-width bins of <see cref="ExpectedCalibrationError"/>.</summary>
    public const int CalibrationBinCount = 10;

    /// <summary>Most bins <see cref="ComputeExpectedCalibrationError"/> accepts (finer bins hold too few rows to mean anything).</summary>
    public const int MaximumCalibrationBinCount = 100_000;

    // Probabilities sorted descending with their labels, for threshold queries.
    private readonly double[] _sortedScores;
    private readonly bool[] _sortedLabels;

    private BinaryClassificationMetrics(double[] sortedScores, bool[] sortedLabels, double threshold)
    {
        _sortedScores = sortedScores;
        _sortedLabels = sortedLabels;
        Threshold = threshold;
    }

    /// <summary>Decision threshold of the threshold metrics.</summary>
    public double Threshold { get; }

    /// <summary>Number of positive rows.</summary>
    public long PositiveCount { get; private init; }

    /// <summary>Number of negative rows.</summary>
    public long NegativeCount { get; private init; }

    /// <summary>Area under the ROC curve (ties count half). NaN when one class is absent.</summary>
    public double AreaUnderRocCurve { get; private init; }

    /// <summary>Area under the precision–recall curve, as average precision (step-wise, ties grouped).</summary>
    public double AreaUnderPrecisionRecallCurve { get; private init; }

    /// <summary>Fraction of rows decided correctly.</summary>
    public double Accuracy { get; private init; }

    /// <summary>TP / (TP + FP); NaN when nothing is predicted positive.</summary>
    public double PositivePrecision { get; private init; }

    /// <summary>TP / (TP + FN), the true positive rate.</summary>
    public double PositiveRecall { get; private init; }

    /// <summary>TN / (TN + FN).</summary>
    public double NegativePrecision { get; private init; }

    /// <summary>TN / (TN + FP), the true negative rate.</summary>
    public double NegativeRecall { get; private init; }

    /// <summary>Harmonic mean of positive precision and recall; 0 when no positive is found, NaN when there are none.</summary>
    public double F1Score { get; private init; }

    /// <summary>Mean negative log-likelihood (natural log), probabilities clipped to [1e-15, 1 − 1e-15].</summary>
    public double LogLoss { get; private init; }

    /// <summary>1 − LogLoss / (log-loss of always predicting the base rate); 0 = no better than the prior.</summary>
    public double LogLossReduction { get; private init; }

    /// <summary>Expected calibration error over <see cref="CalibrationBinCount"/> equal-width probability bins.</summary>
    public double ExpectedCalibrationError { get; private init; }

    /// <summary>Decision counts at <see cref="Threshold"/>.</summary>
    public ConfusionMatrix ConfusionMatrix { get; private init; }

    /// <summary>True positive rate when at most 1 % of negatives are flagged.</summary>
    public double TruePositiveRateAtOnePercentFalsePositiveRate => TruePositiveRateAtFalsePositiveRate(0.01);

    /// <summary>Computes every metric.</summary>
    /// <param name="labels">0 or 1 per row.</param>
    /// <param name="probabilities">Calibrated probability of the positive class per row, in [0, 1].</param>
    /// <param name="threshold">Decision threshold of the threshold metrics.</param>
    /// <exception cref="ArgumentException">Lengths differ, there are no rows, or a value is out of range.</exception>
    public static BinaryClassificationMetrics Compute(ReadOnlySpan<float> labels, ReadOnlySpan<double> probabilities, double threshold = 0.5)
    {
        if (labels.Length != probabilities.Length)
        {
            throw new ArgumentException($"{probabilities.Length} probabilities for {labels.Length} labels.", nameof(probabilities));
        }

        if (labels.IsEmpty)
        {
            throw new ArgumentException("Metrics need at least one row.", nameof(labels));
        }

        if (!(threshold is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The decision threshold must be a probability in [0, 1].");
        }

        var n = labels.Length;
        var scores = probabilities.ToArray();
        var truth = new bool[n];
        long positives = 0, tp = 0, fp = 0, tn = 0, fn = 0;
        double logLoss = 0;
        for (var i = 0; i < n; i++)
        {
            if (labels[i] is not (0f or 1f))
            {
                throw new ArgumentException($"Label of row {i} is {labels[i]}; labels must be 0 or 1.", nameof(labels));
            }

            var p = scores[i];
            if (!(p is >= 0 and <= 1))
            {
                throw new ArgumentException($"Probability of row {i} is {p}; probabilities must be in [0, 1].", nameof(probabilities));
            }

            truth[i] = labels[i] > 0;
            var clipped = Math.Clamp(p, 1e-15, 1 - 1e-15);
            logLoss -= truth[i] ? Math.Log(clipped) : Math.Log(1 - clipped);
            var predicted = p >= threshold;
            if (truth[i])
            {
                positives++;
                if (predicted)
                {
                    tp++;
                }
                else
                {
                    fn++;
                }
            }
            else if (predicted)
            {
                fp++;
            }
            else
            {
                tn++;
            }
        }

        logLoss /= n;
        var negatives = n - positives;
        var baseRate = (double)positives / n;
        var priorLogLoss = positives == 0 || negatives == 0
            ? 0
            : -((baseRate * Math.Log(baseRate)) + ((1 - baseRate) * Math.Log(1 - baseRate)));

        // Sort descending by score (stable on index, so ties are deterministic).
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = new double[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = -scores[i];
        }

        Array.Sort(keys, order);
        var sortedScores = new double[n];
        var sortedLabels = new bool[n];
        for (var i = 0; i < n; i++)
        {
            sortedScores[i] = scores[order[i]];
            sortedLabels[i] = truth[order[i]];
        }

        var (auc, ap) = RankMetrics(sortedScores, sortedLabels, positives, negatives);
        var precision = Ratio(tp, tp + fp);
        var recall = Ratio(tp, tp + fn);
        return new BinaryClassificationMetrics(sortedScores, sortedLabels, threshold)
        {
            PositiveCount = positives,
            NegativeCount = negatives,
            AreaUnderRocCurve = auc,
            AreaUnderPrecisionRecallCurve = ap,
            Accuracy = (double)(tp + tn) / n,
            PositivePrecision = precision,
            PositiveRecall = recall,
            NegativePrecision = Ratio(tn, tn + fn),
            NegativeRecall = Ratio(tn, tn + fp),
            // With positives present and none found, F1 is 0 (the worst score, as ML.NET reports it); only a set
            // without positives leaves it undefined.
            F1Score = positives == 0 ? double.NaN : tp == 0 ? 0 : 2 * precision * recall / (precision + recall),
            LogLoss = logLoss,
            LogLossReduction = priorLogLoss > 0 ? 1 - (logLoss / priorLogLoss) : double.NaN,
            ExpectedCalibrationError = ComputeExpectedCalibrationError(labels, probabilities),
            ConfusionMatrix = new ConfusionMatrix(tp, fp, tn, fn),
        };
    }

    /// <summary>
    /// Expected calibration error: rows binned by probability into <paramref name="binCount"/> equal-width bins,
    /// the row-weighted mean of |mean probability − fraction positive| per bin.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="binCount"/> is below 1 or above <see cref="MaximumCalibrationBinCount"/>.</exception>
    public static double ComputeExpectedCalibrationError(ReadOnlySpan<float> labels, ReadOnlySpan<double> probabilities, int binCount = CalibrationBinCount)
    {
        if (labels.Length != probabilities.Length)
        {
            throw new ArgumentException($"{probabilities.Length} probabilities for {labels.Length} labels.", nameof(probabilities));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(binCount, MaximumCalibrationBinCount);
        if (labels.IsEmpty)
        {
            return double.NaN;
        }

        // The caller chooses the bin count: only a small table goes on the stack.
        Span<double> probabilitySums = binCount <= 256 ? stackalloc double[binCount] : new double[binCount];
        Span<double> positiveSums = binCount <= 256 ? stackalloc double[binCount] : new double[binCount];
        Span<int> counts = binCount <= 256 ? stackalloc int[binCount] : new int[binCount];
        for (var i = 0; i < labels.Length; i++)
        {
            var bin = Math.Clamp((int)(probabilities[i] * binCount), 0, binCount - 1);
            probabilitySums[bin] += probabilities[i];
            positiveSums[bin] += labels[i];
            counts[bin]++;
        }

        double error = 0;
        for (var b = 0; b < binCount; b++)
        {
            if (counts[b] > 0)
            {
                error += Math.Abs(probabilitySums[b] - positiveSums[b]) / labels.Length;
            }
        }

        return error;
    }

    /// <summary>
    /// The true positive rate at the lowest threshold whose false positive rate is at most <paramref name="falsePositiveRate"/>
    /// (rows with probability ≥ threshold are flagged; tied rows are flagged together).
    /// </summary>
    public double TruePositiveRateAtFalsePositiveRate(double falsePositiveRate) =>
        OperatingPoint(falsePositiveRate).TruePositiveRate;

    /// <summary>
    /// The lowest probability threshold whose false positive rate is at most <paramref name="falsePositiveRate"/>;
    /// +∞ when even the highest-scored group of rows exceeds it.
    /// </summary>
    public double ThresholdAtFalsePositiveRate(double falsePositiveRate) => OperatingPoint(falsePositiveRate).Threshold;

    /// <summary>The metrics as a two-column markdown table.</summary>
    public string ToMarkdown(string? title = null)
    {
        var s = new StringBuilder();
        if (title is not null)
        {
            s.Append("### ").AppendLine(title).AppendLine();
        }

        s.AppendLine("| metric | value |").AppendLine("| --- | --- |");
        void Row(string name, double value) => s.Append("| ").Append(name).Append(" | ").Append(Format(value)).AppendLine(" |");
        Row("AUC", AreaUnderRocCurve);
        Row("AUPRC", AreaUnderPrecisionRecallCurve);
        Row("accuracy", Accuracy);
        Row("positive precision", PositivePrecision);
        Row("positive recall", PositiveRecall);
        Row("negative precision", NegativePrecision);
        Row("negative recall", NegativeRecall);
        Row("F1", F1Score);
        Row("log-loss", LogLoss);
        Row("log-loss reduction", LogLossReduction);
        Row("ECE", ExpectedCalibrationError);
        Row("TPR at 1% FPR", TruePositiveRateAtOnePercentFalsePositiveRate);
        var m = ConfusionMatrix;
        s.Append(CultureInfo.InvariantCulture, $"| confusion (TP/FP/TN/FN at {Format(Threshold)}) | {m.TruePositives}/{m.FalsePositives}/{m.TrueNegatives}/{m.FalseNegatives} |").AppendLine();
        s.Append(CultureInfo.InvariantCulture, $"| rows (positive/negative) | {PositiveCount}/{NegativeCount} |").AppendLine();
        return s.ToString();
    }

    private static string Format(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    private (double TruePositiveRate, double Threshold) OperatingPoint(double falsePositiveRate)
    {
        if (!(falsePositiveRate is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(falsePositiveRate), falsePositiveRate, "A false positive rate must be in [0, 1].");
        }

        if (PositiveCount == 0 || NegativeCount == 0)
        {
            return (double.NaN, double.NaN);
        }

        long tp = 0, fp = 0;
        double bestTpr = 0, bestThreshold = double.PositiveInfinity;
        var i = 0;
        while (i < _sortedScores.Length)
        {
            var score = _sortedScores[i];
            while (i < _sortedScores.Length && _sortedScores[i] == score)
            {
                if (_sortedLabels[i])
                {
                    tp++;
                }
                else
                {
                    fp++;
                }

                i++;
            }

            if (fp > falsePositiveRate * NegativeCount)
            {
                break;
            }

            bestTpr = (double)tp / PositiveCount;
            bestThreshold = score;
        }

        return (bestTpr, bestThreshold);
    }

    private static (double Auc, double AveragePrecision) RankMetrics(double[] scores, bool[] labels, long positives, long negatives)
    {
        if (positives == 0 || negatives == 0)
        {
            return (double.NaN, positives == 0 ? double.NaN : 1);
        }

        double area = 0, ap = 0;
        long tp = 0, fp = 0;
        var i = 0;
        while (i < scores.Length)
        {
            var score = scores[i];
            long groupTp = 0, groupFp = 0;
            while (i < scores.Length && scores[i] == score)
            {
                if (labels[i])
                {
                    groupTp++;
                }
                else
                {
                    groupFp++;
                }

                i++;
            }

            // Each negative in the group is outranked by every earlier positive and ties half the group's positives.
            area += groupFp * (tp + (groupTp / 2.0));
            tp += groupTp;
            fp += groupFp;
            ap += (double)groupTp / positives * tp / (tp + fp);
        }

        return (area / ((double)positives * negatives), ap);
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? double.NaN : (double)numerator / denominator;
}
