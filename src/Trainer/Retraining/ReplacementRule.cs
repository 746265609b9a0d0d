using System.Globalization;

namespace SpinDetect.Training.Retraining;

/// <summary>
/// Decides whether the new model may replace the current one. "Not worse" on the user's held-out samples means:
/// AUC not lower than the current model's by more than <see cref="RetrainOptions.AucTolerance"/> (skipped when
/// the held-out samples hold one class only, where AUC is undefined) and log-loss not higher than the current
/// model's by more than <see cref="RetrainOptions.LogLossTolerance"/>.
/// </summary>
internal static class ReplacementRule
{
    /// <summary>(replace, reason).</summary>
    /// <param name="user">Both models on the user's held-out samples.</param>
    /// <param name="currentProblem">Why the current model could not be evaluated, or null.</param>
    /// <param name="currentExists">Whether there was a current model to compare with.</param>
    /// <param name="options">The tolerances and <c>--replace</c>.</param>
    /// <param name="outputExists">Whether the output path holds a model that would be replaced; when it does not (the
    /// comparison was with another file, such as the shipped model) the new model is written there whatever the
    /// comparison says, since there is nothing to keep.</param>
    public static (bool Replace, string Reason) Decide(ModelComparison user, string? currentProblem, bool currentExists, RetrainOptions options, bool outputExists = true)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        if (!currentExists)
        {
            return (true, "there was no current model to compare with");
        }

        if (!outputExists)
        {
            var verdict = currentProblem is not null
                ? $"the model compared with could not be evaluated ({currentProblem})"
                : Compare(user, options) is var (notWorseThanCurrent, because)
                    ? $"against the model compared with, the new one is {(notWorseThanCurrent ? "not worse" : "worse")}: {because}"
                    : "";
            return (true, $"there was no model at the output path to keep ({verdict})");
        }

        if (currentProblem is not null)
        {
            return options.Replace
                ? (true, $"--replace was given; the current model could not be evaluated ({currentProblem})")
                : (false, $"the current model could not be evaluated ({currentProblem}); give --replace to replace it anyway");
        }

        var (notWorse, why) = Compare(user, options);
        return options.Replace
            ? (true, $"--replace was given (without it: {(notWorse ? "replaced" : "kept")}, because {why})")
            : (notWorse, notWorse ? $"the new model is not worse on the user's held-out samples: {why}" : $"the new model is worse on the user's held-out samples: {why}");
    }

    private static (bool NotWorse, string Why) Compare(ModelComparison user, RetrainOptions options)
    {
        if (user.New is null || user.Current is null)
        {
            return (false, "there are no held-out user samples to compare on");
        }

        var c = CultureInfo.InvariantCulture;
        var reasons = new List<string>();
        var notWorse = true;
        var newAuc = user.New.AreaUnderRocCurve;
        var oldAuc = user.Current.AreaUnderRocCurve;
        if (double.IsNaN(newAuc) || double.IsNaN(oldAuc))
        {
            reasons.Add("AUC undefined (one class held out), not compared");
        }
        else
        {
            var ok = newAuc >= oldAuc - options.AucTolerance;
            notWorse &= ok;
            reasons.Add(string.Format(c, "AUC {0:F4} vs {1:F4} ({2} {3:F4} lower allowed)", newAuc, oldAuc, ok ? "within" : "more than", options.AucTolerance));
        }

        var newLoss = user.New.LogLoss;
        var oldLoss = user.Current.LogLoss;
        var lossOk = newLoss <= oldLoss + options.LogLossTolerance;
        notWorse &= lossOk;
        reasons.Add(string.Format(c, "log-loss {0:F4} vs {1:F4} ({2} {3:G4} higher allowed)", newLoss, oldLoss, lossOk ? "within" : "more than", options.LogLossTolerance));
        return (notWorse, string.Join("; ", reasons));
    }
}
