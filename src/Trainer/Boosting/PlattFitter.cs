using SpinDetect.Model;

namespace SpinDetect.Training.Boosting;

/// <summary>
/// Fits a Platt sigmoid to raw scores by regularised maximum likelihood (Platt 1999, with the Newton method and
/// backtracking of Lin, Lin and Weng 2007), using Platt's smoothed targets to avoid overfitting small sets.
/// </summary>
internal static class PlattFitter
{
    /// <summary>Fits slope and offset so that sigmoid(slope·raw + offset) matches the labels.</summary>
    internal static PlattCalibrator Fit(ReadOnlySpan<double> raw, ReadOnlySpan<float> labels)
    {
        if (raw.Length != labels.Length)
        {
            throw new ArgumentException($"{raw.Length} scores for {labels.Length} labels.", nameof(labels));
        }

        double positives = 0;
        foreach (var label in labels)
        {
            positives += label;
        }

        var negatives = labels.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            // One class only: no slope can be learned; keep the trees' own logistic link.
            return PlattCalibrator.Identity;
        }

        var hiTarget = (positives + 1) / (positives + 2);
        var loTarget = 1 / (negatives + 2);

        // Platt's parametrisation P = 1 / (1 + exp(A·f + B)); our slope and offset are −A and −B.
        double a = 0, b = Math.Log((negatives + 1) / (positives + 1));
        var objective = Objective(raw, labels, a, b, hiTarget, loTarget);
        const double minStep = 1e-10, sigma = 1e-12, epsilon = 1e-5;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
            for (var i = 0; i < raw.Length; i++)
            {
                var t = labels[i] > 0 ? hiTarget : loTarget;
                var fApB = (raw[i] * a) + b;
                double p, q;
                if (fApB >= 0)
                {
                    var e = Math.Exp(-fApB);
                    p = e / (1 + e);
                    q = 1 / (1 + e);
                }
                else
                {
                    var e = Math.Exp(fApB);
                    p = 1 / (1 + e);
                    q = e / (1 + e);
                }

                var d2 = p * q;
                h11 += raw[i] * raw[i] * d2;
                h22 += d2;
                h21 += raw[i] * d2;
                var d1 = t - p;
                g1 += raw[i] * d1;
                g2 += d1;
            }

            if (Math.Abs(g1) < epsilon && Math.Abs(g2) < epsilon)
            {
                break;
            }

            var det = (h11 * h22) - (h21 * h21);
            var dA = -((h22 * g1) - (h21 * g2)) / det;
            var dB = -((-h21 * g1) + (h11 * g2)) / det;
            var gd = (g1 * dA) + (g2 * dB);
            var step = 1.0;
            while (step >= minStep)
            {
                var newA = a + (step * dA);
                var newB = b + (step * dB);
                var newObjective = Objective(raw, labels, newA, newB, hiTarget, loTarget);
                if (newObjective < objective + (1e-4 * step * gd))
                {
                    a = newA;
                    b = newB;
                    objective = newObjective;
                    break;
                }

                step /= 2;
            }

            if (step < minStep)
            {
                break;
            }
        }

        return new PlattCalibrator(-a, -b);
    }

    private static double Objective(ReadOnlySpan<double> raw, ReadOnlySpan<float> labels, double a, double b, double hi, double lo)
    {
        double sum = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var t = labels[i] > 0 ? hi : lo;
            var fApB = (raw[i] * a) + b;
            sum += fApB >= 0
                ? (t * fApB) + Math.Log(1 + Math.Exp(-fApB))
                : ((t - 1) * fApB) + Math.Log(1 + Math.Exp(fApB));
        }

        return sum;
    }
}
