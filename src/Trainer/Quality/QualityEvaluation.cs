using System.Globalization;
using System.Text;
using SpinDetect.Quality;
using SpinDetect.Training.Evaluation;

namespace SpinDetect.Training.Quality;

/// <summary>Figures from <see cref="QualityEvaluator"/>, with the issue's targets, rendered as Markdown.</summary>
internal sealed class QualityEvaluation
{
    /// <summary>Target line-level junk F1.</summary>
    public const double TargetLineF1 = 0.95;

    /// <summary>Target recall of appended-unrelated.</summary>
    public const double TargetUnrelatedRecall = 0.90;

    /// <summary>Most false appended-unrelated flags allowed.</summary>
    public const double TargetUnrelatedFalsePositives = 0.02;

    /// <summary>Most clean documents flagged with anything allowed.</summary>
    public const double TargetCleanFlagged = 0.03;

    private static readonly QualityFlags[] AllFlags =
    [
        QualityFlags.Boilerplate, QualityFlags.AppendedUnrelated, QualityFlags.MangledUrls, QualityFlags.Garbled,
        QualityFlags.RepeatedLines, QualityFlags.TooShort, QualityFlags.NotEnglish,
    ];

    private readonly Dictionary<QualityFlags, (int Expected, int Flagged, int Correct)> _flags = [];
    private readonly Dictionary<LineKind, (int Lines, int Removed)> _kinds = [];
    private readonly Dictionary<QualityFlags, int> _cleanFalseFlags = [];
    private readonly List<string> _cleanFlaggedExamples = [];
    private readonly List<string> _lineErrors = [];
    private readonly Dictionary<string, (int Documents, int Flagged)> _unrelatedForms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Documents, int Flagged)> _unrelatedSources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RegisterCounts> _registers = new(StringComparer.Ordinal);
    private readonly Random _sampler = new(1);
    private (int Lines, int Removed) _glued;
    private (int Lines, int Removed) _gluedNeighbours;

    public int Documents { get; init; }

    public long LineTruePositives { get; private set; }

    public long LineFalsePositives { get; private set; }

    public long LineFalseNegatives { get; private set; }

    public int CleanDocuments { get; private set; }

    public int CleanFlagged { get; private set; }

    public BinaryClassificationMetrics? Document { get; set; }

    /// <summary>The appended-content document probability against the ground truth (before the word gate).</summary>
    public BinaryClassificationMetrics? Appended { get; set; }

    public double MeanWords { get; set; }

    public double AnalyzeMicroseconds { get; set; }

    public double TokenizeMicroseconds { get; set; }

    public double ExtractMicroseconds { get; set; }

    public double SharedTokensMicroseconds { get; set; }

    public double LinePrecision => Ratio(LineTruePositives, LineTruePositives + LineFalsePositives);

    public double LineRecall => Ratio(LineTruePositives, LineTruePositives + LineFalseNegatives);

    public double LineF1 => Ratio(2 * LineTruePositives, (2 * LineTruePositives) + LineFalsePositives + LineFalseNegatives);

    public double UnrelatedRecall => Recall(QualityFlags.AppendedUnrelated);

    public double UnrelatedFalsePositiveRate
    {
        get
        {
            var (expected, flagged, correct) = Get(QualityFlags.AppendedUnrelated);
            return Ratio(flagged - correct, Documents - expected);
        }
    }

    public double CleanFlaggedRate => Ratio(CleanFlagged, CleanDocuments);

    public double TimeRatio => TokenizeMicroseconds == 0 ? 0 : AnalyzeMicroseconds / TokenizeMicroseconds;

    internal void CountFlags(QualityFlags expected, QualityFlags actual, string recipe, string register = "")
    {
        CountRegister(register, expected, actual);
        foreach (var flag in AllFlags)
        {
            var (e, f, c) = Get(flag);
            var isExpected = (expected & flag) != 0;
            var isFlagged = (actual & flag) != 0;
            _flags[flag] = (e + (isExpected ? 1 : 0), f + (isFlagged ? 1 : 0), c + (isExpected && isFlagged ? 1 : 0));
        }

        var found = (actual & QualityFlags.AppendedUnrelated) != 0 ? 1 : 0;
        foreach (var part in recipe.Split(' '))
        {
            if (part.StartsWith("unrelated-", StringComparison.Ordinal))
            {
                CountRecall(_unrelatedForms, part, found);
            }
            else if (part.StartsWith("from:", StringComparison.Ordinal))
            {
                CountRecall(_unrelatedSources, part["from:".Length..], found);
            }
        }

        if (expected == QualityFlags.None)
        {
            CleanDocuments++;
            if (actual != QualityFlags.None)
            {
                CleanFlagged++;
                foreach (var flag in AllFlags)
                {
                    if ((actual & flag) != 0)
                    {
                        _cleanFalseFlags[flag] = _cleanFalseFlags.GetValueOrDefault(flag) + 1;
                    }
                }

                if (_cleanFlaggedExamples.Count < 5)
                {
                    _cleanFlaggedExamples.Add($"{recipe}: {string.Join(",", QualityFlagNames.Names(actual))}");
                }
            }
        }
    }

    /// <summary>Counts a document under the register of its article: the appended-unrelated flag on documents without
    /// foreign content and with it, and any flag on clean documents.</summary>
    private void CountRegister(string register, QualityFlags expected, QualityFlags actual)
    {
        var counts = _registers.GetValueOrDefault(register);
        var foreign = (expected & QualityFlags.AppendedUnrelated) != 0;
        var appended = (actual & QualityFlags.AppendedUnrelated) != 0;
        counts.Documents++;
        if (foreign)
        {
            counts.Foreign++;
            counts.ForeignFlagged += appended ? 1 : 0;
        }
        else
        {
            counts.FalseAppended += appended ? 1 : 0;
        }

        if (expected == QualityFlags.None)
        {
            counts.Clean++;
            counts.CleanFlagged += actual != QualityFlags.None ? 1 : 0;
        }

        _registers[register] = counts;
    }

    internal void CountLines(LabeledDocument document, QualityResult result)
    {
        var removed = new HashSet<int>();
        foreach (var junk in result.JunkLines)
        {
            removed.Add(junk.Start);
        }

        for (var li = 0; li < document.Lines.Length; li++)
        {
            var kind = document.Lines[li];
            var isRemoved = removed.Contains(result.Lines[li].Start);
            var isJunk = kind != LineKind.Article;
            LineTruePositives += isJunk && isRemoved ? 1 : 0;
            LineFalsePositives += !isJunk && isRemoved ? 1 : 0;
            LineFalseNegatives += isJunk && !isRemoved ? 1 : 0;
            if (isJunk != isRemoved && _sampler.Next(8) == 0 && _lineErrors.Count < 200)
            {
                var line = result.Lines[li];
                var text = document.Text.AsSpan(line.Start, Math.Min(line.Length, 100)).ToString();
                _lineErrors.Add($"{(isRemoved ? "removed" : "kept")} {kind.ToString().ToLowerInvariant()} [{document.Recipe}]: {text}");
            }

            var (lines, count) = _kinds.GetValueOrDefault(kind);
            _kinds[kind] = (lines + 1, count + (isRemoved ? 1 : 0));
            if (document.Glued is { } glued)
            {
                // The glued furniture itself, and the article lines it shares a paragraph with (which must stay).
                if (glued[li])
                {
                    _glued = (_glued.Lines + 1, _glued.Removed + (isRemoved ? 1 : 0));
                }
                else if (kind == LineKind.Article && GluedNeighbour(document, result, li))
                {
                    _gluedNeighbours = (_gluedNeighbours.Lines + 1, _gluedNeighbours.Removed + (isRemoved ? 1 : 0));
                }
            }
        }
    }

    /// <summary>Whether line <paramref name="li"/> is next to a glued line of its own paragraph.</summary>
    private static bool GluedNeighbour(LabeledDocument document, QualityResult result, int li)
    {
        var glued = document.Glued!;
        return (li > 0 && glued[li - 1] && result.Lines[li - 1].Paragraph == result.Lines[li].Paragraph)
            || (li + 1 < glued.Length && glued[li + 1] && result.Lines[li + 1].Paragraph == result.Lines[li].Paragraph);
    }

    /// <summary>A sample of wrongly removed and wrongly kept lines, for error analysis.</summary>
    public IReadOnlyList<string> LineErrors => _lineErrors;

    /// <summary>The report body (figures and targets).</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| measure | value | target | met |");
        text.AppendLine("| --- | --- | --- | --- |");
        Row(text, "line-level junk F1", LineF1, $"≥ {TargetLineF1:F2}", LineF1 >= TargetLineF1);
        Row(text, "line-level junk precision", LinePrecision, "", null);
        Row(text, "line-level junk recall", LineRecall, "", null);
        Row(text, "appended-unrelated recall", UnrelatedRecall, $"≥ {TargetUnrelatedRecall:F2}", UnrelatedRecall >= TargetUnrelatedRecall);
        Row(text, "appended-unrelated false-positive rate", UnrelatedFalsePositiveRate, $"≤ {TargetUnrelatedFalsePositives:F2}",
            UnrelatedFalsePositiveRate <= TargetUnrelatedFalsePositives);
        Row(text, "clean documents flagged with anything", CleanFlaggedRate, $"≤ {TargetCleanFlagged:F2}", CleanFlaggedRate <= TargetCleanFlagged);
        if (Document is not null)
        {
            Row(text, "document quality AUC (clean vs corrupted)", Document.AreaUnderRocCurve, "", null);
            Row(text, "document quality expected calibration error", Document.ExpectedCalibrationError, "", null);
        }

        if (Appended is not null)
        {
            Row(text, "appended-content probability AUC", Appended.AreaUnderRocCurve, "", null);
            Row(text, "appended-content recall at 2% false positives (threshold chosen on this test set)",
                Appended.TruePositiveRateAtFalsePositiveRate(TargetUnrelatedFalsePositives), "", null);
        }

        text.AppendLine();
        text.AppendLine(Invariant($"Documents: {Documents} ({CleanDocuments} clean). Lines: {LineTruePositives + LineFalseNegatives} junk, removed {LineTruePositives + LineFalsePositives}."));
        text.AppendLine();
        text.AppendLine("Per flag (all held-out documents):");
        text.AppendLine();
        text.AppendLine("| flag | documents with it | flagged | precision | recall | false flags on clean documents |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var flag in AllFlags)
        {
            var (e, f, c) = Get(flag);
            text.AppendLine(Invariant(
                $"| `{QualityFlagNames.Name(flag)}` | {e} | {f} | {Ratio(c, f):F3} | {Ratio(c, e):F3} | {_cleanFalseFlags.GetValueOrDefault(flag)} |"));
        }

        text.AppendLine();
        text.AppendLine("Lines removed, by ground truth:");
        text.AppendLine();
        text.AppendLine("| line kind | lines | removed | share removed |");
        text.AppendLine("| --- | --- | --- | --- |");
        foreach (var (kind, (lines, removed)) in _kinds.OrderBy(k => k.Key))
        {
            text.AppendLine(Invariant($"| {kind.ToString().ToLowerInvariant()} | {lines} | {removed} | {Ratio(removed, lines):F4} |"));
        }

        text.AppendLine();
        text.AppendLine("Page furniture glued to a body paragraph without a blank line (documents laid out with blank lines):");
        text.AppendLine();
        text.AppendLine("| line | lines | removed | share removed |");
        text.AppendLine("| --- | --- | --- | --- |");
        text.AppendLine(Invariant($"| glued boilerplate | {_glued.Lines} | {_glued.Removed} | {Ratio(_glued.Removed, _glued.Lines):F4} |"));
        text.AppendLine(Invariant($"| article lines next to it | {_gluedNeighbours.Lines} | {_gluedNeighbours.Removed} | {Ratio(_gluedNeighbours.Removed, _gluedNeighbours.Lines):F4} |"));

        AppendRecallTable(text, "`appended-unrelated` recall by kind of foreign block:", "block", _unrelatedForms);
        AppendRecallTable(
            text, "`appended-unrelated` recall on prose paragraphs (appended or inserted) by the corpus and register they were cut from:", "source", _unrelatedSources);

        text.AppendLine();
        text.AppendLine("By the corpus and register of the article (false `appended-unrelated` flags on documents without foreign content, recall on those with it, any flag on clean documents):");
        text.AppendLine();
        text.AppendLine("| article | documents | without foreign content | falsely `appended-unrelated` | rate | with foreign content | recall | clean | clean flagged |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (register, c) in _registers.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var without = c.Documents - c.Foreign;
            text.AppendLine(Invariant(
                $"| {(register.Length == 0 ? "(unknown)" : register)} | {c.Documents} | {without} | {c.FalseAppended} | {Ratio(c.FalseAppended, without):F4} | {c.Foreign} | {Ratio(c.ForeignFlagged, c.Foreign):F3} | {c.Clean} | {c.CleanFlagged} |"));
        }

        if (_cleanFlaggedExamples.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Examples of clean documents that got a flag: " + string.Join("; ", _cleanFlaggedExamples) + ".");
        }

        text.AppendLine();
        text.AppendLine(Invariant(
            $"Timing (Stopwatch, interleaved text by text, fastest of 5 rounds over {Math.Min(Documents, 500)} documents of {MeanWords:F0} words on average, on a shared 2-core machine): tokenisation {TokenizeMicroseconds:F1} µs per document; feature extraction including tokenisation {ExtractMicroseconds:F1} µs; analysis with the caller's tokens {SharedTokensMicroseconds:F1} µs (ratio {Ratio(SharedTokensMicroseconds, TokenizeMicroseconds):F2}); analysis including tokenisation {AnalyzeMicroseconds:F1} µs (ratio {TimeRatio:F2})."));
        return text.ToString();
    }

    private static void CountRecall(Dictionary<string, (int Documents, int Flagged)> counts, string key, int found)
    {
        var (documents, flagged) = counts.GetValueOrDefault(key);
        counts[key] = (documents + 1, flagged + found);
    }

    private static void AppendRecallTable(StringBuilder text, string title, string column, Dictionary<string, (int Documents, int Flagged)> counts)
    {
        text.AppendLine();
        text.AppendLine(title);
        text.AppendLine();
        text.AppendLine($"| {column} | documents | flagged | recall |");
        text.AppendLine("| --- | --- | --- | --- |");
        foreach (var (key, (documents, flagged)) in counts.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.AppendLine(Invariant($"| {key} | {documents} | {flagged} | {Ratio(flagged, documents):F3} |"));
        }
    }

    private (int Expected, int Flagged, int Correct) Get(QualityFlags flag) => _flags.GetValueOrDefault(flag);

    private double Recall(QualityFlags flag)
    {
        var (expected, _, correct) = Get(flag);
        return Ratio(correct, expected);
    }

    private static void Row(StringBuilder text, string name, double value, string target, bool? met) =>
        text.AppendLine(Invariant($"| {name} | {value:F4} | {target} | {(met is null ? "" : met.Value ? "yes" : "**no**")} |"));

    private static double Ratio(double part, double whole) => whole == 0 ? 0 : part / whole;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Documents of one article register (see <see cref="CountRegister"/>).</summary>
    private struct RegisterCounts
    {
        public int Documents;
        public int Foreign;
        public int ForeignFlagged;
        public int FalseAppended;
        public int Clean;
        public int CleanFlagged;
    }
}
