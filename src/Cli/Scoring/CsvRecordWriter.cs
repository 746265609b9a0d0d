using System.Globalization;
using System.Text;
using CsvHelper;

namespace SpinDetect.Cli.Scoring;

/// <summary>
/// Writes records as CSV with the columns of <see cref="RecordSchema"/>: lists become one cell, flags joined by
/// <c>"; "</c> and evidence as <c>text→suggestion</c> pairs joined by <c>"; "</c>; a failed input leaves the score
/// cells empty.
/// </summary>
internal sealed class CsvRecordWriter : RecordWriter
{
    /// <summary>The CSV dialect: RFC 4180 quoting, comma, LF line ends (as the JSONL output), invariant numbers.</summary>
    public static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private readonly CsvWriter _csv;
    private readonly string[] _fields = new string[RecordSchema.Fields.Count];

    public CsvRecordWriter(TextWriter text, bool writeHeader)
    {
        _csv = CsvWriter.Create(text, Options, leaveOpen: true);
        if (writeHeader)
        {
            _csv.WriteHeader([.. RecordSchema.Fields]);
        }
    }

    /// <inheritdoc />
    public override void Write(ScoreRecord record)
    {
        var report = record.Report;
        Array.Fill(_fields, string.Empty);
        _fields[0] = record.Path;
        if (report != null)
        {
            _fields[1] = report.Spun ? "true" : "false";
            _fields[2] = Number(report.Confidence);
            _fields[3] = Number(report.Quality);
            _fields[4] = report.Words.ToString(CultureInfo.InvariantCulture);
            _fields[5] = string.Join(RecordSchema.CsvListSeparator, report.Flags);
            _fields[6] = EvidenceCell(report.Evidence);
        }

        _fields[7] = record.Error ?? string.Empty;
        _csv.WriteRecord(_fields);
    }

    /// <inheritdoc />
    public override void Flush() => _csv.Flush();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _csv.Dispose();
        }
    }

    // As in JSONL (null), a number the model could not give (not finite) is an empty cell.
    private static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string EvidenceCell(IReadOnlyList<SpinEvidence> evidence)
    {
        var cell = new StringBuilder();
        foreach (var span in evidence)
        {
            if (cell.Length > 0)
            {
                cell.Append(RecordSchema.CsvListSeparator);
            }

            cell.Append(span.Text).Append(RecordSchema.CsvPairArrow).Append(span.Suggestion);
        }

        return cell.ToString();
    }
}
