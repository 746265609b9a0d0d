using System.Globalization;
using System.Text;
using System.Text.Json;
using SpinDetect.Training.Corpus;

namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>
/// Writes a <see cref="TorturedEvaluationResult"/> as markdown and JSON. The lists of most-missed and
/// most-false-alarmed phrases are optional: they quote the evaluation file, so reports committed to the
/// repository carry counts only unless asked.
/// </summary>
internal static class TorturedReport
{
    private const double RecallTarget = 0.80;
    private const double SuggestionTarget = 0.50;
    private const double DocumentAucTarget = 0.95;

    /// <summary>The markdown report.</summary>
    public static string ToMarkdown(TorturedEvaluationResult result, bool includePhrases)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        var p = result.Phrases;
        var sb = new StringBuilder();
        sb.AppendLine("# Tortured-phrase evaluation").AppendLine();
        sb.AppendLine(Inv($"Real spinner output from published papers (issue 9): each usable row of `{Path.GetFileName(result.File)}` is put in carrier sentences written by the project; the tortured sentence and its expected twin are both analysed."))
            .AppendLine();
        sb.AppendLine(Inv($"- Detector: {result.Source}"));
        sb.AppendLine(Inv($"- Rows: {result.TotalRows:N0} in the file, {result.UsedRows:N0} used (single quoted phrase, at least {o.MinPapers} papers, usable expected phrase), {result.TotalRows - result.UsedRows:N0} skipped"));
        sb.AppendLine(Inv($"- Pairs: {result.EqualLengthPairs:N0} of equal length (aligned by position), {result.UsedRows - result.EqualLengthPairs:N0} aligned by common words; {result.UncertainPairs:N0} with an expected phrase marked as a guess"));
        sb.AppendLine(Inv($"- Carrier templates: {result.Templates}, {o.TemplatesPerRow} per row, chosen by seed {o.Seed}"));
        sb.AppendLine(Inv($"- Abstracts: {result.Documents.Abstracts:N0} of {o.MinAbstractSentences}–{o.MaxAbstractSentences} carrier sentences ({result.Documents.Sentences:N0} sentences), each scored with 0 and with {string.Join(", ", o.TorturedCounts)} tortured phrases"))
            .AppendLine();

        sb.AppendLine("## Skipped rows").AppendLine().AppendLine("| reason | rows |").AppendLine("| --- | ---: |");
        foreach (var (reason, count) in result.Skipped.OrderBy(kv => kv.Key))
        {
            sb.AppendLine(Inv($"| {reason} | {count:N0} |"));
        }

        sb.AppendLine().AppendLine(Inv($"## Phrase level ({p.Sentences:N0} tortured sentences, {p.Sentences:N0} expected twins)")).AppendLine();
        sb.AppendLine("| metric | value | target |").AppendLine("| --- | ---: | --- |");
        sb.AppendLine(Inv($"| recall (a mark on a word of the tortured phrase) | {F(p.Recall)} | |"));
        sb.AppendLine(Inv($"| recall on changed words | {F(p.ChangedWordRecall)} | |"));
        sb.AppendLine(Inv($"| false alarms (a mark on a word of the expected phrase) | {F(p.FalseAlarmRate)} | |"));
        sb.AppendLine(Inv($"| slot precision (sentences with a mark on the slot that are tortured) | {F(p.SlotPrecision)} | |"));
        sb.AppendLine(Inv($"| mark precision ({p.Marks:N0} marks; share on a tortured phrase) | {F(p.MarkPrecision)} | |"));
        sb.AppendLine(Inv($"| suggestion hit (all tortured sentences) | {F(p.SuggestionHit)} | ≥ {SuggestionTarget:0.00}: {Verdict(p.SuggestionHit, SuggestionTarget)} |"));
        sb.AppendLine(Inv($"| suggestion hit (tortured sentences with a mark on the phrase) | {F(p.SuggestionHitWhenMarked)} | |"));
        AppendOperatingPoint(sb, "mark", p.AtTargetPrecision, o.TargetPrecision);
        AppendOperatingPoint(sb, "slot", p.AtTargetSlotPrecision, o.TargetPrecision);

        sb.AppendLine().AppendLine("By slot position of the template:").AppendLine();
        sb.AppendLine("| position | sentences | recall | false alarms |").AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var x in p.ByPosition)
        {
            sb.AppendLine(Inv($"| {x.Position} | {x.Sentences:N0} | {F(x.Recall)} | {F(x.FalseAlarmRate)} |"));
        }

        if (p.Sweep.Count > 0)
        {
            sb.AppendLine().AppendLine("Evidence-score sweep (a mark counts when its score is at least the threshold):").AppendLine();
            sb.AppendLine("| threshold | recall | mark precision | slot precision | false alarms |").AppendLine("| ---: | ---: | ---: | ---: | ---: |");
            foreach (var s in p.Sweep)
            {
                sb.AppendLine(Inv($"| {s.Threshold:G4} | {F(s.Recall)} | {F(s.MarkPrecision)} | {F(s.SlotPrecision)} | {F(s.FalseAlarmRate)} |"));
            }
        }

        sb.AppendLine().AppendLine("## Document level").AppendLine();
        sb.AppendLine(Inv($"Positives: abstracts holding that many tortured phrases; negatives: the same abstracts with every phrase as expected. TPR is read at {o.DocumentFalsePositiveRate * 100:0.##}% FPR."))
            .AppendLine();
        sb.AppendLine("| tortured phrases | positives | negatives | AUC | TPR at FPR | target |").AppendLine("| --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var d in result.Documents.ByCount)
        {
            var target = d.Label == "≥2" ? Inv($"AUC ≥ {DocumentAucTarget:0.00}: {Verdict(d.Auc, DocumentAucTarget)}") : "";
            sb.AppendLine(Inv($"| {d.Label} | {d.Positives:N0} | {d.Negatives:N0} | {F(d.Auc)} | {F(d.TprAtFpr)} | {target} |"));
        }

        sb.AppendLine().AppendLine("## Weak phrases").AppendLine();
        sb.AppendLine(Inv($"{result.MostMissed.Count} rows listed as most missed and {result.MostFalseAlarmed.Count} as most false-alarmed (at most {o.ListedPhrases} each)."));
        if (includePhrases)
        {
            sb.AppendLine();
            AppendOutcomes(sb, "Most missed (tortured sentence without a mark on the phrase)", result.MostMissed, missed: true);
            AppendOutcomes(sb, "Most false-alarmed (expected twin with a mark on the phrase)", result.MostFalseAlarmed, missed: false);
        }
        else
        {
            sb.AppendLine("The phrases themselves are left out of this report (counts only); `spindetect evaluate --tortured … --list-phrases` includes them, and the console always shows them.");
        }

        var t = result.Timing;
        sb.AppendLine().AppendLine("## Timing").AppendLine().AppendLine("Wall time of each stage, building the sentences included (one thread).").AppendLine();
        sb.AppendLine(Inv($"{t.PhraseAnalyses:N0} sentences in {t.PhraseElapsed.TotalSeconds:0.00} s ({t.MicrosecondsPerSentence:0.0} µs each); {t.DocumentAnalyses:N0} abstracts in {t.DocumentElapsed.TotalSeconds:0.00} s ({t.MicrosecondsPerAbstract:0.0} µs each)."));
        sb.AppendLine().AppendLine("## Definitions").AppendLine();
        sb.AppendLine("- A *mark* is an evidence span; it marks every word it overlaps. Words are the detector tokenizer's words (hyphenated compounds split).");
        sb.AppendLine("- *Changed* words of a tortured phrase are those that differ from their expected counterpart. Alignment: phrases of equal length align by position; otherwise identical words (longest common subsequence) anchor it, and gaps align by position when equal in length, else each tortured word of a gap may stand for any expected word of the gap.");
        sb.AppendLine("- *Mark precision* counts every mark: one on a carrier word or in an expected twin is wrong. It is the headline precision of the issue's target (closest to a detector's precision on real text); *slot precision* only compares tortured sentences with twins marked on the phrase (balanced 1:1).");
        sb.AppendLine("- *Suggestion hit*: a mark on a changed word suggests (one of its words) the aligned expected word, ignoring case and a regular plural ending.");
        sb.AppendLine("- Expected phrases lose `[context]` and `(remarks)` (kept when the tortured phrase has the same parenthesis); a `?` marks them uncertain but they are used. Rows with alternatives (`a/b`, `or`) or `???` are skipped.");
        return sb.ToString();
    }

    /// <summary>The JSON report.</summary>
    public static string ToJson(TorturedEvaluationResult result, bool includePhrases)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            var o = result.Options;
            w.WriteStartObject();
            w.WriteString("source", result.Source);
            w.WriteString("file", Path.GetFileName(result.File));
            w.WriteNumber("totalRows", result.TotalRows);
            w.WriteNumber("usedRows", result.UsedRows);
            w.WriteNumber("equalLengthPairs", result.EqualLengthPairs);
            w.WriteNumber("uncertainPairs", result.UncertainPairs);
            w.WriteStartObject("skipped");
            foreach (var (reason, count) in result.Skipped.OrderBy(kv => kv.Key))
            {
                w.WriteNumber(reason.ToString(), count);
            }

            w.WriteEndObject();
            w.WriteStartObject("options");
            w.WriteNumber("minPapers", o.MinPapers);
            w.WriteNumber("seed", o.Seed);
            w.WriteNumber("templates", result.Templates);
            w.WriteNumber("templatesPerRow", o.TemplatesPerRow);
            w.WriteNumber("abstracts", o.AbstractCount);
            w.WriteNumber("minAbstractSentences", o.MinAbstractSentences);
            w.WriteNumber("maxAbstractSentences", o.MaxAbstractSentences);
            Number(w, "targetPrecision", o.TargetPrecision);
            Number(w, "documentFalsePositiveRate", o.DocumentFalsePositiveRate);
            w.WriteEndObject();

            var p = result.Phrases;
            w.WriteStartObject("phrases");
            w.WriteNumber("sentences", p.Sentences);
            Number(w, "recall", p.Recall);
            Number(w, "changedWordRecall", p.ChangedWordRecall);
            Number(w, "falseAlarmRate", p.FalseAlarmRate);
            Number(w, "slotPrecision", p.SlotPrecision);
            Number(w, "markPrecision", p.MarkPrecision);
            w.WriteNumber("marks", p.Marks);
            Number(w, "suggestionHit", p.SuggestionHit);
            Number(w, "suggestionHitWhenMarked", p.SuggestionHitWhenMarked);
            OptionalSweep(w, "atTargetPrecision", p.AtTargetPrecision);

            OptionalSweep(w, "atTargetSlotPrecision", p.AtTargetSlotPrecision);
            w.WriteStartArray("byPosition");
            foreach (var x in p.ByPosition)
            {
                w.WriteStartObject();
                w.WriteString("position", x.Position.ToString());
                w.WriteNumber("sentences", x.Sentences);
                Number(w, "recall", x.Recall);
                Number(w, "falseAlarmRate", x.FalseAlarmRate);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("sweep");
            foreach (var s in p.Sweep)
            {
                Sweep(w, s);
            }

            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartObject("documents");
            w.WriteNumber("abstracts", result.Documents.Abstracts);
            w.WriteNumber("sentences", result.Documents.Sentences);
            w.WriteStartArray("byCount");
            foreach (var d in result.Documents.ByCount)
            {
                w.WriteStartObject();
                w.WriteString("torturedPhrases", d.Label);
                w.WriteNumber("positives", d.Positives);
                w.WriteNumber("negatives", d.Negatives);
                Number(w, "auc", d.Auc);
                Number(w, "tprAtFpr", d.TprAtFpr);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteNumber("mostMissedCount", result.MostMissed.Count);
            w.WriteNumber("mostFalseAlarmedCount", result.MostFalseAlarmed.Count);
            if (includePhrases)
            {
                Outcomes(w, "mostMissed", result.MostMissed);
                Outcomes(w, "mostFalseAlarmed", result.MostFalseAlarmed);
            }

            var t = result.Timing;
            w.WriteStartObject("timing");
            w.WriteNumber("sentences", t.PhraseAnalyses);
            Number(w, "sentenceSeconds", t.PhraseElapsed.TotalSeconds);
            Number(w, "microsecondsPerSentence", t.MicrosecondsPerSentence);
            w.WriteNumber("abstracts", t.DocumentAnalyses);
            Number(w, "abstractSeconds", t.DocumentElapsed.TotalSeconds);
            Number(w, "microsecondsPerAbstract", t.MicrosecondsPerAbstract);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes <paramref name="markdownPath"/> and the JSON beside it (same name, .json), each atomically.</summary>
    /// <returns>The JSON path.</returns>
    public static string WriteFiles(TorturedEvaluationResult result, string markdownPath, bool includePhrases)
    {
        ArgumentException.ThrowIfNullOrEmpty(markdownPath);
        var jsonPath = Path.ChangeExtension(markdownPath, ".json");
        AtomicFile.WriteText(markdownPath, writer => writer.Write(ToMarkdown(result, includePhrases)));
        AtomicFile.WriteText(jsonPath, writer => writer.Write(ToJson(result, includePhrases)));
        return jsonPath;
    }

    private static void AppendOperatingPoint(StringBuilder sb, string kind, SweepPoint? at, double precision) =>
        sb.AppendLine(at is { } point
            ? Inv($"| recall at {kind} precision ≥ {precision:0.00} (score ≥ {point.Threshold:G4}, chosen on these rows: an upper bound) | {F(point.Recall)} | ≥ {RecallTarget:0.00}: {Verdict(point.Recall, RecallTarget)} |")
            : Inv($"| recall at {kind} precision ≥ {precision:0.00} | n/a: no threshold reaches that precision | ≥ {RecallTarget:0.00}: not met |"));

    private static void AppendOutcomes(StringBuilder sb, string title, IReadOnlyList<PhraseOutcome> outcomes, bool missed)
    {
        sb.AppendLine(Inv($"### {title}")).AppendLine();
        if (outcomes.Count == 0)
        {
            sb.AppendLine("None.").AppendLine();
            return;
        }

        sb.AppendLine(missed ? "| tortured | expected | papers | missed |" : "| tortured | expected | papers | false alarms | best score |")
            .AppendLine(missed ? "| --- | --- | ---: | ---: |" : "| --- | --- | ---: | ---: | ---: |");
        foreach (var x in outcomes)
        {
            sb.AppendLine(missed
                ? Inv($"| {Cell(x.Tortured)} | {Cell(x.Expected)} | {x.Papers:N0} | {x.Misses}/{x.Trials} |")
                : Inv($"| {Cell(x.Tortured)} | {Cell(x.Expected)} | {x.Papers:N0} | {x.FalseAlarms}/{x.Trials} | {x.MaxFalseAlarmScore:G4} |"));
        }

        sb.AppendLine();
    }

    private static void Outcomes(Utf8JsonWriter w, string name, IReadOnlyList<PhraseOutcome> outcomes)
    {
        w.WriteStartArray(name);
        foreach (var x in outcomes)
        {
            w.WriteStartObject();
            w.WriteNumber("line", x.Line);
            w.WriteString("tortured", x.Tortured);
            w.WriteString("expected", x.Expected);
            w.WriteNumber("papers", x.Papers);
            w.WriteNumber("trials", x.Trials);
            w.WriteNumber("misses", x.Misses);
            w.WriteNumber("falseAlarms", x.FalseAlarms);
            Number(w, "maxFalseAlarmScore", x.MaxFalseAlarmScore);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void OptionalSweep(Utf8JsonWriter w, string name, SweepPoint? point)
    {
        w.WritePropertyName(name);
        if (point is { } p)
        {
            Sweep(w, p);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    private static void Sweep(Utf8JsonWriter w, SweepPoint s)
    {
        w.WriteStartObject();
        Number(w, "threshold", s.Threshold);
        Number(w, "recall", s.Recall);
        Number(w, "markPrecision", s.MarkPrecision);
        Number(w, "slotPrecision", s.SlotPrecision);
        Number(w, "falseAlarmRate", s.FalseAlarmRate);
        w.WriteEndObject();
    }

    /// <summary>JSON has no NaN or infinity: undefined figures are written as null.</summary>
    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, Math.Round(value, 6));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Verdict(double value, double target) =>
        double.IsNaN(value) ? "not measured"
        : value >= target ? "met"
        : Inv($"short by {target - value:0.000}");

    private static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
