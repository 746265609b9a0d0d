using System.Globalization;
using System.Text;
using SpinDetect.Model;
using SpinDetect.Training.Evaluation;
using SpinDetect.Training.Spin;

namespace SpinDetect.Training.Retraining;

/// <summary>The markdown report of a retraining run: the decision and why, and both models side by side.</summary>
internal static class RetrainReport
{
    private static readonly (string Name, Func<BinaryClassificationMetrics, double> Value)[] Rows =
    [
        ("AUC", m => m.AreaUnderRocCurve),
        ("AUPRC", m => m.AreaUnderPrecisionRecallCurve),
        ("log-loss", m => m.LogLoss),
        ("F1 at threshold", m => m.F1Score),
        ("accuracy at threshold", m => m.Accuracy),
        ("ECE", m => m.ExpectedCalibrationError),
        ("TPR at 1% FPR", m => m.TruePositiveRateAtOnePercentFalsePositiveRate),
        ("threshold", m => m.Threshold),
    ];

    /// <summary>The report's first line, by which an existing file is known to be an earlier report (safe to replace).</summary>
    public const string Title = "# Spin model retraining report";

    /// <summary>Whether <paramref name="path"/> begins with <see cref="Title"/> (false when it cannot be read).</summary>
    public static bool IsReport(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return reader.ReadLine() == Title;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static string Create(
        RetrainRequest request, RetrainOptions options, RetrainResult outcome, SpinTrainingResult training, ModelMetadata metadata, string? currentProblem)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(Title).AppendLine();
        md.AppendLine(c, $"**{(outcome.Replaced ? "Replaced" : "Kept")}** `{request.OutputPath}`: {outcome.Reason}.").AppendLine();
        md.Append(c, $"- New model written to `{outcome.ModelPath}`").AppendLine(outcome.BackupPath is null ? "." : $"; the previous model is kept as `{outcome.BackupPath}`.");
        if (!outcome.Replaced)
        {
            md.AppendLine(c, $"- To use the new model anyway, rerun with `--replace` or move `{outcome.ModelPath}` over `{request.OutputPath}`.");
        }

        if (outcome.CurrentFound)
        {
            md.Append(c, $"- Compared with `{request.CurrentModel}`").AppendLine(currentProblem is null ? "." : $", which could not be evaluated: {currentProblem}");
        }
        else
        {
            md.AppendLine(c, $"- Not compared: there is no current model at `{request.CurrentModel}` (the \"current\" columns are empty).");
        }
        md.AppendLine(c, $"- Trained {metadata.TrainedAtUtc:yyyy-MM-dd}, SpinDetect {metadata.SpinDetectVersion}, seed {metadata.Options.GetValueOrDefault("seed", "?")}, in {outcome.Elapsed.TotalSeconds:F1} s.");
        var (train, validation, test) = outcome.UserSamples;
        md.AppendLine(c, $"- User samples: {train + validation + test:N0} from {string.Join(", ", request.SampleFiles.Select(f => $"`{f}`"))}; "
            + $"{train:N0} train (document model), {validation:N0} validation, {test:N0} held out (split by group).");
        md.AppendLine(c, $"- New model: token model {training.TokenModel.TreeCount} trees on {training.TokenRows:N0} words (base corpus only), "
            + $"document model {training.DocumentModel.TreeCount} trees on {training.DocumentRows:N0} documents.").AppendLine();

        md.AppendLine("## Held-out rows, both models").AppendLine();
        md.AppendLine(c, $"| metric | user held-out: current | user held-out: new | base test: current | base test: new |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        md.AppendLine(c, $"| rows | {outcome.UserHeldOut.Rows:N0} | {outcome.UserHeldOut.Rows:N0} | {outcome.BaseHeldOut.Rows:N0} | {outcome.BaseHeldOut.Rows:N0} |");
        foreach (var (name, value) in Rows)
        {
            md.AppendLine(c, $"| {name} | {Cell(outcome.UserHeldOut.Current, value)} | {Cell(outcome.UserHeldOut.New, value)} | {Cell(outcome.BaseHeldOut.Current, value)} | {Cell(outcome.BaseHeldOut.New, value)} |");
        }

        md.AppendLine().AppendLine(c, $"\"Not worse\" (the replacement rule): on the user's held-out samples, AUC at most {options.AucTolerance:G4} lower "
            + $"and log-loss at most {options.LogLossTolerance:G4} higher than the current model's; threshold metrics use each model's own threshold.");
        md.AppendLine().AppendLine("## Data hashes (SHA-256)").AppendLine();
        foreach (var (name, hash) in metadata.DataHashes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            md.AppendLine(c, $"- `{name}`: `{hash}`");
        }

        return md.ToString();
    }

    private static string Cell(BinaryClassificationMetrics? metrics, Func<BinaryClassificationMetrics, double> value)
    {
        if (metrics is null)
        {
            return "–";
        }

        var v = value(metrics);
        return double.IsNaN(v) ? "n/a" : v.ToString("F4", CultureInfo.InvariantCulture);
    }
}
