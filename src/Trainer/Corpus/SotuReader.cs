using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SpinDetect.Training.Corpus;

/// <summary>
/// Reads the State of the Union addresses (<c>sotu/package/data/YYYY_name_party.txt</c>, one speech per file on a
/// single line). Audience reactions ("[Applause]") are dropped and, because speakers pause there, become
/// paragraph breaks; long stretches without one are broken every few sentences so that pieces have paragraphs.
/// </summary>
internal static partial class SotuReader
{
    /// <summary>First year whose speeches the corpus uses by default.</summary>
    public const int DefaultFirstYear = 1900;

    /// <summary>Speeches from this year on are modern register and weighted up (issue 10).</summary>
    public const int ModernYear = 1990;

    private const int MaxSentencesPerParagraph = 6;

    /// <summary>Reads every speech from <paramref name="firstYear"/> on in <paramref name="directory"/>, by year.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory is missing.</exception>
    public static IEnumerable<SourceDocument> ReadDirectory(string directory, int firstYear = DefaultFirstYear)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"State of the Union directory '{directory}' is missing; run data/fetch.sh.");
        }

        var files = Directory.GetFiles(directory, "*.txt");
        if (files.Length == 0)
        {
            throw new InvalidDataException($"State of the Union directory '{directory}' holds no speeches (YYYY_name_party.txt); run data/fetch.sh.");
        }

        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name.Length < 5 || !int.TryParse(name.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                throw new InvalidDataException($"{file}: expected a file name starting with the year (YYYY_name_party.txt).");
            }

            if (year < firstYear)
            {
                continue;
            }

            var text = Restore(File.ReadAllText(file));
            if (text.Length == 0)
            {
                continue;
            }

            yield return new SourceDocument(
                "sotu/" + name, "sotu", year >= ModernYear ? "speech-modern" : "speech", "sotu/" + name, text,
                year >= ModernYear ? 2 : 1);
        }
    }

    /// <summary>Turns a one-line speech into paragraphs; see the type remarks.</summary>
    public static string Restore(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var paragraphs = new List<string>();
        var paragraph = new StringBuilder();
        foreach (var block in ReactionPattern().Split(raw))
        {
            var inParagraph = 0;
            foreach (var sentence in SentenceSplitter.Split(TextStatistics.Unwrap(block)))
            {
                if (paragraph.Length > 0)
                {
                    paragraph.Append(' ');
                }

                paragraph.Append(sentence);
                if (++inParagraph == MaxSentencesPerParagraph)
                {
                    Flush(paragraphs, paragraph);
                    inParagraph = 0;
                }
            }

            Flush(paragraphs, paragraph);
        }

        return string.Join("\n\n", paragraphs);
    }

    private static void Flush(List<string> paragraphs, StringBuilder paragraph)
    {
        if (paragraph.Length > 0)
        {
            paragraphs.Add(paragraph.ToString());
            paragraph.Clear();
        }
    }

    [GeneratedRegex(@"\s*\[(?:applause|laughter|cheers|boos)[^\]]*\]\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReactionPattern();
}
