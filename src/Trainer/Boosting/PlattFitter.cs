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
        // One pass gives the objective with its gradient and hessian at a point (one exponential per row), so an
        // accepted line-search step already holds the next iteration's derivatives.
        var current = Evaluate(raw, labels, a, b, hiTarget, loTarget);
        const double minStep = 1e-10, epsilon = 1e-5;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            if (Math.Abs(current.G1) < epsilon && Math.Abs(current.G2) < epsilon)
            {
                break;
            }

            var det = (current.H11 * current.H22) - (current.H21 * current.H21);
            var dA = -((current.H22 * current.G1) - (current.H21 * current.G2)) / det;
            var dB = -((-current.H21 * current.G1) + (current.H11 * current.G2)) / det;
            var gd = (current.G1 * dA) + (current.G2 * dB);
            // A Newton step that promises less than the rounding of the objective cannot pass the sufficient-decrease
            // test: on large sets the gradient stalls just above epsilon, and the search would halve its way down
            // through some thirty full passes before giving up.
            if (-gd <= 1e-13 * Math.Max(1, Math.Abs(current.Objective)))
            {
                break;
            }

            var step = 1.0;
            while (step >= minStep)
            {
                var newA = a + (step * dA);
                var newB = b + (step * dB);
                var candidate = Evaluate(raw, labels, newA, newB, hiTarget, loTarget);
                if (candidate.Objective < current.Objective + (1e-4 * step * gd))
                {
                    a = newA;
                    b = newB;
                    current = candidate;
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

    // The regularised negative log-likelihood at (a, b), its gradient and its hessian (plus Lin et al.'s σ on the
    // diagonal), each summed in row order as the separate passes of the published algorithm sum them.
    private static Point Evaluate(ReadOnlySpan<double> raw, ReadOnlySpan<float> labels, double a, double b, double hi, double lo)
    {
        const double sigma = 1e-12;
        double sum = 0, h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var t = labels[i] > 0 ? hi : lo;
            var f = raw[i];
            var fApB = (f * a) + b;
            double p, q;
            if (fApB >= 0)
            {
                var e = Math.Exp(-fApB);
                sum += (t * fApB) + Math.Log(1 + e);
                p = e / (1 + e);
                q = 1 / (1 + e);
            }
            else
            {
                var e = Math.Exp(fApB);
                sum += ((t - 1) * fApB) + Math.Log(1 + e);
                p = 1 / (1 + e);
                q = e / (1 + e);
            }

            var d2 = p * q;
            h11 += f * f * d2;
            h22 += d2;
            h21 += f * d2;
            var d1 = t - p;
            g1 += f * d1;
            g2 += d1;
        }

        return new Point(sum, g1, g2, h11, h22, h21);
    }

    private readonly record struct Point(double Objective, double G1, double G2, double H11, double H22, double H21);
}
