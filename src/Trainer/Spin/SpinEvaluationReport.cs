using System.Globalization;
using System.Text;
using System.Text.Json;
using SpinDetect.Model;
using SpinDetect.Training.Evaluation;

namespace SpinDetect.Training.Spin;

/// <summary>
/// The model report: overall figures at the shipped threshold and the slices the issues ask for, on the Moby test
/// split and on the WordNet evaluation spinner (a dictionary the detector never saw), as markdown and JSON.
/// </summary>
internal sealed class SpinEvaluationReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly StringBuilder _markdown = new();
    private readonly Dictionary<string, object?> _json = new(StringComparer.Ordinal);

    private SpinEvaluationReport()
    {
    }

    /// <summary>The report as markdown.</summary>
    public string Markdown => _markdown.ToString();

    /// <summary>The figures as indented JSON.</summary>
    public string Json => JsonSerializer.Serialize(_json, new JsonSerializerOptions
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    });

    /// <summary>Target checks: (name, met, measured text).</summary>
    public List<(string Target, bool Met, string Measured)> Targets { get; } = [];

    /// <summary>Builds the report for <paramref name="model"/>.</summary>
    /// <param name="model">The model under test.</param>
    /// <param name="test">The Moby-spun test split with its clean originals.</param>
    /// <param name="wordNet">The WordNet evaluation set, or null when absent.</param>
    /// <param name="header">Lines put under the title (how the figures were made).</param>
    /// <param name="threads">Worker threads.</param>
    /// <param name="split">The split <paramref name="test"/> and <paramref name="wordNet"/> come from: "test", or
    /// "validation" for the development figures settings are chosen on.</param>
    public static SpinEvaluationReport Create(
        SpinModel model, IReadOnlyList<SpinDocument> test, IReadOnlyList<SpinDocument>? wordNet, IEnumerable<string> header, int threads,
        string split = "test")
    {
        ArgumentNullException.ThrowIfNull(model);
        var report = new SpinEvaluationReport();
        var md = report._markdown;
        md.AppendLine("# Spin model report").AppendLine();
        foreach (var line in header)
        {
            md.AppendLine(line).AppendLine();
        }

        md.AppendLine(Invariant, $"Shipped threshold: {model.Threshold:F3} (calibrated confidence). Rates are shares of eligible (content) words replaced.").AppendLine();
        var testPredictions = SpinEvaluator.Predict(test, model, threads);
        // The JSON says which split its figures come from (the keys stay those of the test report, for one reader).
        report._json["split"] = split;
        report.Section($"Moby spinner, {split} split", "moby_test", testPredictions, model.Threshold);
        if (wordNet is not null)
        {
            var wordNetPredictions = SpinEvaluator.Predict(wordNet, model, threads);
            report.Section($"WordNet evaluation spinner (never seen in training), {split} originals", "wordnet", wordNetPredictions, model.Threshold);
            report.WordNetTargets(wordNetPredictions, model.Threshold);
        }
        else
        {
            md.AppendLine("**WordNet evaluation set absent**: targets on an unseen dictionary were not measured.").AppendLine();
        }

        report.HardNegatives(testPredictions, model.Threshold);
        report.Importance(model.Metadata);
        report.TargetTable();
        return report;
    }

    private void Section(string title, string key, SpinPredictions predictions, double threshold)
    {
        var md = _markdown;
        md.Append("## ").AppendLine(title).AppendLine();
        var all = SpinEvaluator.Slice(predictions, threshold, _ => true, _ => true);
        if (all is null)
        {
            md.AppendLine("Not enough of both classes to measure.").AppendLine();
            return;
        }

        md.AppendLine(all.ToMarkdown("All texts"));
        _json[key + ".all"] = Figures(all);
        var docs = predictions.Documents;
        SliceTable(predictions, threshold, key + ".rate", "By spin rate (spun texts of the slice against all clean texts)", "rate",
            SpinEvaluator.RateSlices.Select(s => (s.Name, (Func<int, bool>)(i => docs[i].SpinRate >= s.Low && docs[i].SpinRate < s.High), (Func<int, bool>)(_ => true))));
        SliceTable(predictions, threshold, key + ".length", "By length (both classes within the slice)", "length",
            SpinEvaluator.LengthSlices.Select(s => (s.Name, (Func<int, bool>)(i => InLength(predictions, i, s.Low, s.High)), (Func<int, bool>)(i => InLength(predictions, i, s.Low, s.High)))));
        SliceTable(predictions, threshold, key + ".source", "By source (both classes within the source)", "source",
            docs.Select(d => d.Source).Distinct().Order(StringComparer.Ordinal)
                .Select(source => (source, (Func<int, bool>)(i => docs[i].Source == source), (Func<int, bool>)(i => docs[i].Source == source))));
        SliceTable(predictions, threshold, key + ".spinner", "By spinner and synonym choice (against all clean texts)", "spinner",
            docs.Where(d => d.Spun).Select(d => d.Spinner).Distinct().Order(StringComparer.Ordinal)
                .Select(spinner => (spinner, (Func<int, bool>)(i => docs[i].Spinner == spinner), (Func<int, bool>)(_ => true))));
        TokenCurve(predictions, key, i => docs[i].Spun);
    }

    private static bool InLength(SpinPredictions predictions, int i, int low, int high) =>
        predictions.Words[i] >= low && predictions.Words[i] < high;

    private void SliceTable(
        SpinPredictions predictions, double threshold, string key, string title, string column,
        IEnumerable<(string Name, Func<int, bool> Positive, Func<int, bool> Negative)> slices)
    {
        var md = _markdown;
        md.Append("### ").AppendLine(title).AppendLine();
        md.AppendLine(Invariant, $"| {column} | spun | clean | AUC | TPR at 1% FPR | recall at threshold | FPR at threshold |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, positive, negative) in slices)
        {
            var m = SpinEvaluator.Slice(predictions, threshold, positive, negative);
            if (m is null)
            {
                md.AppendLine(Invariant, $"| {name} | – | – | n/a | n/a | n/a | n/a |");
                continue;
            }

            var fpr = m.NegativeCount == 0 ? double.NaN : (double)m.ConfusionMatrix.FalsePositives / m.NegativeCount;
            md.AppendLine(Invariant,
                $"| {name} | {m.PositiveCount} | {m.NegativeCount} | {m.AreaUnderRocCurve:F4} | {m.TruePositiveRateAtOnePercentFalsePositiveRate:F4} | {m.PositiveRecall:F4} | {fpr:F4} |");
            _json[key + "." + name] = Figures(m);
        }

        md.AppendLine();
    }

    private void TokenCurve(SpinPredictions predictions, string key, Func<int, bool> include)
    {
        var md = _markdown;
        md.AppendLine("### Evidence (token level, spun texts): precision and recall of words by substitution probability").AppendLine();
        md.AppendLine("| probability ≥ | precision | recall |").AppendLine("| ---: | ---: | ---: |");
        var curve = SpinEvaluator.TokenCurve(predictions, include);
        foreach (var (t, p, r) in curve)
        {
            md.AppendLine(Invariant, $"| {t:F1} | {p:F4} | {r:F4} |");
        }

        md.AppendLine();
        _json[key + ".token_curve"] = curve.Select(c => new[] { c.Threshold, c.Precision, c.Recall }).ToArray();

        // How often the word offered as the likely original is the one the spinner replaced.
        var s = SpinEvaluator.Suggestions(predictions, include);
        if (s.Substitutes > 0)
        {
            double Share(int hits, int of) => of == 0 ? double.NaN : (double)hits / of;
            md.AppendLine(Invariant,
                $"Suggestions: the likely original offered for a substituted word is the spinner's original for {s.EvidenceHits:N0} of the {s.Evidence:N0} substituted words reported as evidence (probability ≥ 0.5; {Share(s.EvidenceHits, s.Evidence):P1}) and for {s.SubstituteHits:N0} of all {s.Substitutes:N0} ({Share(s.SubstituteHits, s.Substitutes):P1}); an original of several words never matches a one-word suggestion.");
            md.AppendLine();
            _json[key + ".suggestions"] = new[] { s.Evidence, s.EvidenceHits, s.Substitutes, s.SubstituteHits };
        }
    }

    private void WordNetTargets(SpinPredictions predictions, double threshold)
    {
        var docs = predictions.Documents;
        bool Long(int i) => predictions.Words[i] >= 150;
        bool Choice(int i, string choice) => docs[i].Spinner.EndsWith(choice, StringComparison.Ordinal);
        void Check(string name, string choice, double low, double high, double auc, double? tpr)
        {
            var m = SpinEvaluator.Slice(predictions, threshold,
                i => Long(i) && Choice(i, choice) && docs[i].SpinRate >= low && docs[i].SpinRate < high, Long);
            if (m is null)
            {
                Targets.Add((name, false, "not measurable (no texts in the slice)"));
                return;
            }

            var met = m.AreaUnderRocCurve >= auc && (tpr is null || m.TruePositiveRateAtOnePercentFalsePositiveRate >= tpr);
            var measured = string.Create(Invariant, $"AUC {m.AreaUnderRocCurve:F4}, TPR at 1% FPR {m.TruePositiveRateAtOnePercentFalsePositiveRate:F4} ({m.PositiveCount} spun / {m.NegativeCount} clean)");
            Targets.Add((name, met, measured));
        }

        Check("WordNet uniform, ≥150 words, ≥15% spun: AUC ≥ 0.99 and TPR ≥ 0.90 at 1% FPR", "uniform", 0.15, double.PositiveInfinity, 0.99, 0.90);
        Check("WordNet uniform, ≥150 words, 5–15% spun: AUC ≥ 0.95", "uniform", 0.05, 0.15, 0.95, null);
        Check("WordNet common-only, ≥150 words, 15–30% spun: AUC ≥ 0.97", "common", 0.15, 0.30, 0.97, null);
        Check("WordNet common-only, ≥150 words, over 30% spun: AUC ≥ 0.99", "common", 0.30, double.PositiveInfinity, 0.99, null);

        var curve = SpinEvaluator.TokenCurve(predictions, i => docs[i].Spun && Choice(i, "common"));
        var grid = curve.Where(c => c.Recall >= 0.5).Select(c => c.Precision).DefaultIfEmpty(0).Max();
        var (best, at, recall) = SpinEvaluator.BestTokenPrecision(predictions, i => docs[i].Spun && Choice(i, "common"), 0.5);
        Targets.Add(("WordNet common-only, token level: precision ≥ 0.6 at recall ≥ 0.5", best >= 0.6,
            string.Create(Invariant,
                $"best precision at recall ≥ 0.5: {best:F4} (probability ≥ {at:F3}, read off this curve, recall {recall:F4}; on the table's thresholds {grid:F4})")));
    }

    private void HardNegatives(SpinPredictions predictions, double threshold)
    {
        var md = _markdown;
        md.AppendLine("## Clean texts: false-positive rate at the shipped threshold, by register").AppendLine();
        md.AppendLine("| register | clean texts | false positives | FPR | mean confidence |").AppendLine("| --- | ---: | ---: | ---: | ---: |");
        var docs = predictions.Documents;
        var hardFalse = 0;
        var hardCount = 0;
        foreach (var register in docs.Where(d => !d.Spun).Select(d => d.Register).Distinct().Order(StringComparer.Ordinal))
        {
            int count = 0, fp = 0;
            double sum = 0;
            for (var i = 0; i < docs.Count; i++)
            {
                if (!docs[i].Spun && docs[i].Register == register)
                {
                    count++;
                    sum += predictions.Probabilities[i];
                    fp += predictions.Probabilities[i] >= threshold ? 1 : 0;
                }
            }

            if (register is "technical" or "literary" or "technical-news")
            {
                hardFalse += fp;
                hardCount += count;
            }

            md.AppendLine(Invariant, $"| {register} | {count} | {fp} | {(double)fp / count:F4} | {sum / count:F4} |");
            _json["clean.register." + register] = new Dictionary<string, double> { ["count"] = count, ["fpr"] = (double)fp / count, ["mean"] = sum / count };
        }

        md.AppendLine();
        var rate = hardCount == 0 ? double.NaN : (double)hardFalse / hardCount;
        Targets.Add(("Clean hard negatives (technical, literary): FPR ≤ 2% at the shipped threshold", rate <= 0.02,
            string.Create(Invariant, $"FPR {rate:F4} ({hardFalse} of {hardCount})")));
    }

    private void Importance(ModelMetadata metadata)
    {
        ImportanceTable(metadata, "20 most important document features (gain)", "importance.document.", 20);
        ImportanceTable(metadata, "10 most important token features (gain)", "importance.token.", 10);
        ImportanceTable(metadata, "10 most important contextual token features (gain)", "importance.token_context.", 10);
    }

    // One table of gain shares for the metrics under `prefix`; nothing when the model has none (e.g. no contextual model).
    private void ImportanceTable(ModelMetadata metadata, string title, string prefix, int rows)
    {
        var importance = metadata.Metrics.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (importance.Count == 0)
        {
            return;
        }

        var md = _markdown;
        md.AppendLine("## " + title).AppendLine();
        md.AppendLine("| feature | gain share |").AppendLine("| --- | ---: |");
        var total = importance.Sum(p => p.Value);
        foreach (var (name, value) in importance.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(rows))
        {
            md.AppendLine(Invariant, $"| {name[prefix.Length..]} | {(total > 0 ? value / total : 0):F4} |");
        }

        md.AppendLine();
    }

    private void TargetTable()
    {
        var md = _markdown;
        md.AppendLine("## Targets").AppendLine();
        md.AppendLine("| target | met | measured |").AppendLine("| --- | --- | --- |");
        foreach (var (target, met, measured) in Targets)
        {
            md.AppendLine(Invariant, $"| {target} | {(met ? "yes" : "**no**")} | {measured} |");
        }

        md.AppendLine();
        _json["targets"] = Targets.Select(t => new Dictionary<string, object> { ["target"] = t.Target, ["met"] = t.Met, ["measured"] = t.Measured }).ToArray();
    }

    private static Dictionary<string, double> Figures(BinaryClassificationMetrics m) => new(StringComparer.Ordinal)
    {
        ["auc"] = m.AreaUnderRocCurve,
        ["auprc"] = m.AreaUnderPrecisionRecallCurve,
        ["f1"] = m.F1Score,
        ["log_loss"] = m.LogLoss,
        ["ece"] = m.ExpectedCalibrationError,
        ["tpr_at_1pct_fpr"] = m.TruePositiveRateAtOnePercentFalsePositiveRate,
        ["positives"] = m.PositiveCount,
        ["negatives"] = m.NegativeCount,
        ["true_positives"] = m.ConfusionMatrix.TruePositives,
        ["false_positives"] = m.ConfusionMatrix.FalsePositives,
    };
}
