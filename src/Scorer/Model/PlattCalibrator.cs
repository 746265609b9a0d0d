namespace SpinDetect.Model;

/// <summary>
/// Platt (sigmoid) calibration: <c>P(positive) = 1 / (1 + exp(-(Slope · raw + Offset)))</c>.
/// The identity calibrator (slope 1, offset 0) is the plain logistic link.
/// </summary>
/// <param name="Slope">Multiplier of the raw score.</param>
/// <param name="Offset">Added after scaling.</param>
internal readonly record struct PlattCalibrator(double Slope, double Offset)
{
    /// <summary>The plain logistic link, used when no calibration data exist.</summary>
    internal static PlattCalibrator Identity => new(1.0, 0.0);

    /// <summary>Calibrated probability of the positive class for a raw score.</summary>
    internal double Probability(double raw) => Sigmoid((Slope * raw) + Offset);

    /// <summary>Numerically stable logistic function.</summary>
    internal static double Sigmoid(double z)
    {
        if (z >= 0)
        {
            return 1.0 / (1.0 + Math.Exp(-z));
        }

        var e = Math.Exp(z);
        return e / (1.0 + e);
    }
}
