using SpinDetect.Training.Corpus;

namespace SpinDetect.Training.Quality;

/// <summary>A clean document as paragraphs (each unwrapped onto one line).</summary>
/// <param name="Group">The split group of the source document.</param>
/// <param name="Paragraphs">Paragraphs, without line breaks.</param>
internal sealed record QualityDocument(string Group, string[] Paragraphs)
{
    /// <summary>The corpus and register it came from ("brown/news", "sotu/speech"), for figures by kind of article.</summary>
    public string Register { get; init; } = "";

    /// <summary>Converts a corpus document; for articles, paragraphs that are not running prose (table rows,
    /// lists, headings) are dropped so that "article" lines really are article text.</summary>
    public static QualityDocument From(SourceDocument document, bool article = false)
    {
        ArgumentNullException.ThrowIfNull(document);
        var paragraphs = TextStatistics.Paragraphs(document.Text)
            .Select(TextStatistics.Unwrap)
            .Where(p => p.Length > 0 && (!article || IsArticleProse(p)))
            .ToArray();
        return new QualityDocument(document.Group, paragraphs) { Register = document.Source + "/" + document.Register };
    }

    private static bool IsArticleProse(string paragraph)
    {
        if (paragraph.Contains(";;", StringComparison.Ordinal))
        {
            return false;
        }

        int letters = 0, nonSpace = 0;
        foreach (var c in paragraph)
        {
            if (!char.IsWhiteSpace(c))
            {
                nonSpace++;
                letters += char.IsLetter(c) ? 1 : 0;
            }
        }

        var last = paragraph[^1];
        var terminal = last is '.' or '?' or '!' or '"' or '\u201D' or '\'' or '\u2019' or ')';
        return letters >= 0.7 * nonSpace && (terminal || TextStatistics.CountWords(paragraph) >= 12);
    }
}
