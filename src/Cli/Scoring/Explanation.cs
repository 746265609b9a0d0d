using System.Globalization;
using System.Text;

namespace SpinDetect.Cli.Scoring;

/// <summary>Renders a report for a person: the verdict, the text with suspicious spans marked, and the suggestions.</summary>
internal static class Explanation
{
    /// <summary>Opens a marked span.</summary>
    public const string Open = "[[";

    /// <summary>Closes a marked span.</summary>
    public const string Close = "]]";

    /// <summary>Writes the explanation of <paramref name="report"/> on <paramref name="text"/> to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, string path, string text, SpinReport report, double threshold)
    {
        var verdict = report.Spun ? "SPUN" : "not spun";
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{path}: {verdict} (confidence {report.Confidence:0.000}, threshold {threshold:0.000}); quality {report.Quality:0.000}; {report.Words:N0} words; flags: {(report.Flags.Count == 0 ? "none" : string.Join(", ", report.Flags))}"));
        output.WriteLine();
        output.WriteLine(Mark(text, report.Evidence));
        output.WriteLine();
        if (report.Evidence.Count == 0)
        {
            output.WriteLine("No suspicious spans.");
            return;
        }

        output.WriteLine("Suspicious spans, most suspicious first (offset: text -> likely original, score):");
        var ranked = report.Evidence.OrderByDescending(e => e.Score).ThenBy(e => e.Offset);
        foreach (var evidence in ranked)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {evidence.Offset,8}: \"{evidence.Text}\" -> {(evidence.Suggestion is { } s ? $"\"{s}\"" : "(no single original)")}, {evidence.Score:0.00}"));
        }
    }

    /// <summary>The text with each evidence span written as <c>[[span -> suggestion]]</c>; overlapping spans are skipped.</summary>
    public static string Mark(string text, IReadOnlyList<SpinEvidence> evidence)
    {
        var marked = new StringBuilder(text.Length + (evidence.Count * 16));
        var position = 0;
        foreach (var span in evidence.OrderBy(e => e.Offset))
        {
            if (span.Offset < position || span.Offset + span.Length > text.Length)
            {
                continue;
            }

            marked.Append(text, position, span.Offset - position)
                .Append(Open)
                .Append(text, span.Offset, span.Length);
            if (span.Suggestion != null)
            {
                marked.Append(" -> ").Append(span.Suggestion);
            }

            marked.Append(Close);
            position = span.Offset + span.Length;
        }

        return marked.Append(text, position, text.Length - position).ToString();
    }
}
