using System.IO.Compression;
using System.Text.RegularExpressions;

namespace SpinDetect.Training.Corpus;

/// <summary>
/// Reads the plain-text Debian Reference (<c>debian-reference.en.txt.gz</c>): one document per chapter, made of
/// the chapter's prose paragraphs (tables, command lines, file listings and headings dropped).
/// </summary>
internal static partial class DebianReferenceReader
{
    /// <summary>Path of the text inside the unpacked package.</summary>
    public const string RelativePath = "usr/share/debian-reference/debian-reference.en.txt.gz";

    /// <summary>Reads the chapters of the gzip-compressed text at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    public static IEnumerable<SourceDocument> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Debian Reference text '{path}' is missing; run data/fetch.sh.", path);
        }

        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return Parse(reader);
    }

    /// <summary>
    /// Splits the text into chapters at "Chapter N." / "Appendix A." headings and keeps their prose; the front
    /// matter before the first chapter (contents, preface) is left out.
    /// </summary>
    public static List<SourceDocument> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var documents = new List<SourceDocument>();
        var chapter = string.Empty;
        var prose = new List<string>();
        var block = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var heading = ChapterHeading().Match(line);
            if (heading.Success)
            {
                FlushBlock(block, prose);
                Emit(documents, chapter, prose);
                chapter = heading.Groups[1].Value;

                continue;
            }

            if (line.Trim().Length == 0)
            {
                FlushBlock(block, prose);
            }
            else
            {
                block.Add(line);
            }
        }

        FlushBlock(block, prose);
        Emit(documents, chapter, prose);
        return documents;
    }

    private static void FlushBlock(List<string> block, List<string> prose)
    {
        if (block.Count == 0)
        {
            return;
        }

        // Code and listings are indented deeper than the running text (4 spaces) or start with a prompt.
        var code = false;
        foreach (var line in block)
        {
            var indent = line.Length - line.TrimStart().Length;
            if (indent > 4 || line.TrimStart().StartsWith("$ ", StringComparison.Ordinal) || line.TrimStart().StartsWith("# ", StringComparison.Ordinal))
            {
                code = true;
                break;
            }
        }

        var paragraph = TextStatistics.Unwrap(string.Join(' ', block));
        block.Clear();
        if (!code && ProseFilter.IsProse(paragraph))
        {
            prose.Add(paragraph);
        }
    }

    private static void Emit(List<SourceDocument> documents, string chapter, List<string> prose)
    {
        if (chapter.Length > 0 && prose.Count > 0)
        {
            var id = "debian-reference/" + chapter;
            documents.Add(new SourceDocument(id, "debian-reference", "technical", id, string.Join("\n\n", prose)));
        }

        prose.Clear();
    }

    [GeneratedRegex(@"^(?:Chapter|Appendix)\s+([0-9]+|[A-Z])\.\s+\S", RegexOptions.CultureInvariant)]
    private static partial Regex ChapterHeading();
}
