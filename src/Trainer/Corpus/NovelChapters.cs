using System.Text;
using System.Text.RegularExpressions;

namespace SpinDetect.Training.Corpus;

/// <summary>Splits a novel given line by line (Gutenberg layout: wrapped lines, blank lines between paragraphs,
/// "CHAPTER n" headings) into one document per chapter.</summary>
internal static partial class NovelChapters
{
    /// <summary>Splits one novel (its lines, title first) into chapter documents with ids
    /// <c>{source}/{title slug}/{chapter}</c>. Text before the first chapter heading (title page, front matter) is
    /// dropped; volume headings and "THE END" are not text; underscores (Gutenberg's italics) are removed.</summary>
    /// <param name="lines">The novel line by line, its title first.</param>
    /// <param name="source">Corpus name of the documents ("austen").</param>
    /// <param name="register">Register of the documents ("literary").</param>
    public static List<SourceDocument> Split(IReadOnlyList<string> lines, string source, string register)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(register);
        var documents = new List<SourceDocument>();
        if (lines.Count == 0)
        {
            return documents;
        }

        var novel = Slug(lines[0]);
        var chapter = 0;
        var paragraphs = new List<string>();
        var paragraph = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (ChapterHeading().IsMatch(line))
            {
                FlushParagraph(paragraph, paragraphs);
                Emit(documents, source, register, novel, chapter, paragraphs);
                chapter++;
                continue;
            }

            if (line.Length == 0 || VolumeHeading().IsMatch(line))
            {
                FlushParagraph(paragraph, paragraphs);
                continue;
            }

            paragraph.Add(line.Replace("_", string.Empty, StringComparison.Ordinal));
        }

        FlushParagraph(paragraph, paragraphs);
        Emit(documents, source, register, novel, chapter, paragraphs);
        return documents;
    }

    private static void FlushParagraph(List<string> paragraph, List<string> paragraphs)
    {
        if (paragraph.Count > 0)
        {
            paragraphs.Add(TextStatistics.Unwrap(string.Join(' ', paragraph)));
            paragraph.Clear();
        }
    }

    private static void Emit(
        List<SourceDocument> documents, string source, string register, string novel, int chapter, List<string> paragraphs)
    {
        // Text before the first chapter heading is the title page.
        if (chapter > 0 && paragraphs.Count > 0)
        {
            var id = $"{source}/{novel}/{chapter:D2}";
            documents.Add(new SourceDocument(id, source, register, id, string.Join("\n\n", paragraphs)));
        }

        paragraphs.Clear();
    }

    private static string Slug(string title)
    {
        var builder = new StringBuilder(title.Length);
        foreach (var c in title.Trim())
        {
            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return builder.Length == 0 ? "novel" : builder.ToString();
    }

    [GeneratedRegex(@"^CHAPTER\b|^Chapter\s+[0-9IVXLC]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex ChapterHeading();

    [GeneratedRegex(@"^(VOLUME|Volume)\s+[IVX0-9]+|^THE END$|^FINIS$", RegexOptions.CultureInvariant)]
    private static partial Regex VolumeHeading();
}
