namespace SpinDetect.Training.Corpus;

/// <summary>
/// Reads the Python documentation's reStructuredText sources (<c>usr/share/doc/python3.11/html/_sources</c>):
/// one document per page with its prose paragraphs; "What's New" pages are release-news register.
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
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
            var name = relative[..^".rst.txt".Length];
            var prose = RestructuredTextProse.Extract(File.ReadAllText(file));
            var text = string.Join("\n\n", prose);
            if (TextStatistics.CountWords(text) < MinDocumentWords)
            {
                continue;
            }

            var id = "python-doc/" + name;
            var register = name.StartsWith("whatsnew/", StringComparison.Ordinal) ? "technical-news" : "technical";
            yield return new SourceDocument(id, "python-doc", register, id, text);
        }
    }
}
