namespace SpinDetect.Training.Corpus;

/// <summary>
/// Reads Herman Melville's <i>Moby Dick</i> from the R package tokenizers as Debian ships it
/// (<c>usr/lib/R/site-library/tokenizers/data/Rdata.rdb</c>: one character vector whose single element is the
/// Project Gutenberg file). The Gutenberg header and licence around the novel are cut at their
/// <c>*** START OF</c> / <c>*** END OF</c> markers; the etymology and extracts before the first chapter are front
/// matter. One document per chapter, register "literary" (the epilogue, under a heading that is not a chapter's,
/// stays with the last chapter).
/// </summary>
/// <remarks>
/// Quality training uses it as a training-side source of foreign prose: narrative fiction, of which the training
/// side otherwise has none (its sources are articles, Brown's press samples and a technical manual), while the
/// held-out side's sources (Brown fiction, Jane Austen, the Python documentation) include two novels' worth of it.
/// </remarks>
internal static class MelvilleReader
{
    /// <summary>Path of the lazy-load database inside the unpacked package.</summary>
    public const string RelativePath = "usr/lib/R/site-library/tokenizers/data/Rdata.rdb";

    /// <summary>Corpus name of the documents (the first part of their ids).</summary>
    public const string Source = "melville";

    private const string StartMarker = "*** START OF";
    private const string EndMarker = "*** END OF";

    /// <summary>Reads every chapter of the novel in the database at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">The database holds no Gutenberg text with chapters (message names the
    /// file).</exception>
    public static IReadOnlyList<SourceDocument> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"tokenizers data '{path}' is missing; run data/fetch.sh.", path);
        }

        foreach (var vector in RDataFile.ReadStringVectors(File.ReadAllBytes(path), path))
        {
            if (vector.Length == 1 && vector[0].Contains(StartMarker, StringComparison.Ordinal))
            {
                var chapters = Chapters(vector[0]);
                if (chapters.Count > 0)
                {
                    return chapters;
                }
            }
        }

        throw new InvalidDataException($"{path}: no Project Gutenberg text with chapters found.");
    }

    /// <summary>Cuts a Project Gutenberg file to the book between its markers and splits it into chapters.</summary>
    /// <param name="gutenbergText">The whole file, header and licence included.</param>
    public static List<SourceDocument> Chapters(string gutenbergText)
    {
        ArgumentNullException.ThrowIfNull(gutenbergText);
        var text = gutenbergText.AsSpan();
        var title = Title(text);
        var start = text.IndexOf(StartMarker, StringComparison.Ordinal);
        if (start >= 0)
        {
            var lineEnd = text[start..].IndexOf('\n');
            text = lineEnd < 0 ? [] : text[(start + lineEnd + 1)..];
        }

        var end = text.IndexOf(EndMarker, StringComparison.Ordinal);
        if (end >= 0)
        {
            text = text[..end];
        }

        // The line before the end marker names the book ("End of Project Gutenberg's ..."): not the novel's text.
        var lines = new List<string> { title };
        foreach (var line in text.ToString().ReplaceLineEndings("\n").Split('\n'))
        {
            if (!line.StartsWith("End of Project Gutenberg", StringComparison.OrdinalIgnoreCase)
                && !line.StartsWith("End of the Project Gutenberg", StringComparison.OrdinalIgnoreCase))
            {
                lines.Add(line);
            }
        }

        return NovelChapters.Split(lines, Source, "literary");
    }

    // The header's "Title: Moby Dick; or The Whale" line names the book (its slug becomes part of the ids).
    private static string Title(ReadOnlySpan<char> text)
    {
        const string Label = "Title:";
        var at = text.IndexOf(Label, StringComparison.Ordinal);
        if (at < 0)
        {
            return "untitled";
        }

        var rest = text[(at + Label.Length)..];
        var end = rest.IndexOfAny('\r', '\n');
        var title = (end < 0 ? rest : rest[..end]).Trim();
        var semicolon = title.IndexOf(';');
        return (semicolon > 0 ? title[..semicolon] : title).ToString();
    }
}
