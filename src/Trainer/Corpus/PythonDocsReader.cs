namespace SpinDetect.Training.Corpus;

/// <summary>
/// Reads the Python documentation's reStructuredText sources (<c>usr/share/doc/python3.11/html/_sources</c>):
/// one document per page with its prose paragraphs; "What's New" pages are release-news register. A paragraph that an
/// earlier page (in ordinal path order) already holds is left out: the pages quote each other (a function's description
/// in its module page and in a "What's New" page), and a paragraph read twice could land in two splits.
/// </summary>
internal static class PythonDocsReader
{
    /// <summary>Folder of the sources inside the unpacked package.</summary>
    public const string RelativePath = "usr/share/doc/python3.11/html/_sources";

    /// <summary>Pages with fewer prose words are left out (indexes, tables of contents).</summary>
    public const int MinDocumentWords = 150;

    /// <summary>Reads every page under <paramref name="directory"/>, in ordinal path order.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory is missing.</exception>
    public static IEnumerable<SourceDocument> ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Python documentation sources '{directory}' are missing; run data/fetch.sh.");
        }

        var files = Directory.GetFiles(directory, "*.rst.txt", SearchOption.AllDirectories);
        if (files.Length == 0)
        {
            throw new InvalidDataException($"Python documentation sources '{directory}' hold no pages (*.rst.txt); run data/fetch.sh.");
        }

        Array.Sort(files, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
            var name = relative[..^".rst.txt".Length];
            // Only a page that is kept claims its paragraphs: an index page left out takes nothing from the pages after it.
            var (prose, keys) = FirstOccurrences(RestructuredTextProse.Extract(File.ReadAllText(file)), seen);
            var text = string.Join("\n\n", prose);
            if (TextStatistics.CountWords(text) < MinDocumentWords)
            {
                continue;
            }

            seen.UnionWith(keys);
            var id = "python-doc/" + name;
            var register = name.StartsWith("whatsnew/", StringComparison.Ordinal) ? "technical-news" : "technical";
            yield return new SourceDocument(id, "python-doc", register, id, text);
        }
    }

    /// <summary>
    /// The paragraphs of <paramref name="paragraphs"/> not in <paramref name="seen"/> (compared case-insensitively with
    /// white space collapsed), a paragraph repeated within the page once, with their keys.
    /// </summary>
    internal static (List<string> Paragraphs, HashSet<string> Keys) FirstOccurrences(IEnumerable<string> paragraphs, HashSet<string> seen)
    {
        var kept = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paragraph in paragraphs)
        {
            var key = Key(paragraph);
            if (!seen.Contains(key) && keys.Add(key))
            {
                kept.Add(paragraph);
            }
        }

        return (kept, keys);
    }

    private static string Key(string paragraph) =>
        string.Join(' ', paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
