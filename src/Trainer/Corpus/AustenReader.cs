namespace SpinDetect.Training.Corpus;

/// <summary>
/// Reads Jane Austen's six novels from the R package janeaustenr as Debian ships it
/// (<c>usr/lib/R/site-library/janeaustenr/data/Rdata.rdb</c>: zlib-compressed R serialisations, each a character
/// vector holding one novel line by line). One document per chapter; the novel's chapters share its group only
/// through their own ids, so chapters of one novel may sit in different splits (they share no text).
/// </summary>
internal static class AustenReader
{
    /// <summary>Path of the lazy-load database inside the unpacked package.</summary>
    public const string RelativePath = "usr/lib/R/site-library/janeaustenr/data/Rdata.rdb";

    /// <summary>Reads every chapter of every novel in the database at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">An object is not a character vector (message names the file).</exception>
    public static IEnumerable<SourceDocument> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"janeaustenr data '{path}' is missing; run data/fetch.sh.", path);
        }

        var documents = new List<SourceDocument>();
        foreach (var lines in RDataFile.ReadStringVectors(File.ReadAllBytes(path), path))
        {
            documents.AddRange(NovelChapters.Split(lines, "austen", "literary"));
        }

        return documents;
    }
}
