using SpinDetect.Training.Corpus;

namespace SpinDetect.Training.Quality;

/// <summary>
/// The clean documents quality training corrupts, split into a training and a held-out side.
/// Articles (State of the Union pieces and Brown non-fiction) are split by group; the sources of foreign content
/// (appended blocks, inserted headlines) are split by source: the training side's own articles (another document
/// than the one corrupted), the Debian Reference and Melville's Moby Dick feed the training side, Brown fiction, the
/// Python documentation and Jane Austen feed the held-out side.
/// Brown's press samples are not articles (see <see cref="CompositeGenres"/>); on the training side they remain sources
/// of foreign content.
/// </summary>
internal sealed class QualityCorpus
{
    private static readonly HashSet<string> FictionGenres =
        new(StringComparer.Ordinal) { "fiction", "mystery", "science_fiction", "adventure", "romance", "humor" };

    /// <summary>
    /// Brown's press categories (A reportage, B editorials, C reviews): each 2,000-word sample is a run of several short
    /// unrelated pieces (news stories, editorials and letters, reviews of different concerts and books), so as a "clean"
    /// article it is a page with foreign content in it: in training it teaches that a change of subject is fine, and in
    /// the test its changes of subject are counted as false `appended-unrelated` flags (with the model trained on them,
    /// held-out seed 7: 17 of the 39 false flags came from these 294 of 1,441 documents without foreign content, rates
    /// 0.051, 0.088 and 0.036 against 0.019 for the other articles).
    /// </summary>
    private static readonly HashSet<string> CompositeGenres = new(StringComparer.Ordinal) { "news", "editorial", "reviews" };

    private QualityCorpus(QualitySide training, QualitySide heldOut)
    {
        Training = training;
        HeldOut = heldOut;
    }

    /// <summary>Training side.</summary>
    public QualitySide Training { get; }

    /// <summary>Held-out side.</summary>
    public QualitySide HeldOut { get; }

    /// <summary>Reads the corpora under <paramref name="cache"/> (the data/cache folder).</summary>
    /// <param name="cache">The data cache.</param>
    /// <param name="heldOutShare">Share of article groups held out (by a stable hash of the group).</param>
    public static QualityCorpus Load(string cache, double heldOutShare = 0.25)
    {
        var trainArticles = new List<QualityDocument>();
        var testArticles = new List<QualityDocument>();
        var trainForeign = new List<QualityDocument>();
        var testForeign = new List<QualityDocument>();

        var sotu = SotuReader.ReadDirectory(Path.Combine(cache, "sotu", "package", "data"));
        var brown = BrownReader.ReadDirectory(Path.Combine(cache, "brown", "package"));
        foreach (var document in sotu.Concat(brown))
        {
            if (document.Source == "brown" && FictionGenres.Contains(document.Register))
            {
                testForeign.Add(QualityDocument.From(document));
                continue;
            }

            var heldOut = StableShare(document.Group) < heldOutShare;
            if (IsComposite(document))
            {
                if (!heldOut)
                {
                    trainForeign.Add(QualityDocument.From(document));
                }

                continue;
            }

            var item = QualityDocument.From(document, article: true);
            if (item.Paragraphs.Length == 0)
            {
                continue;
            }

            (heldOut ? testArticles : trainArticles).Add(item);
            if (!heldOut)
            {
                trainForeign.Add(QualityDocument.From(document));
            }
        }

        trainForeign.AddRange(DebianReferenceReader.Read(Path.Combine(cache, "debian-reference", DebianReferenceReader.RelativePath))
            .Select(d => QualityDocument.From(d)).Where(d => d.Paragraphs.Length > 0));
        trainForeign.AddRange(MelvilleReader.Read(Path.Combine(cache, "tokenizers", MelvilleReader.RelativePath))
            .Select(d => QualityDocument.From(d)).Where(d => d.Paragraphs.Length > 0));
        testForeign.AddRange(PythonDocsReader.ReadDirectory(Path.Combine(cache, "python-doc", PythonDocsReader.RelativePath))
            .Select(d => QualityDocument.From(d)).Where(d => d.Paragraphs.Length > 0));
        testForeign.AddRange(AustenReader.Read(Path.Combine(cache, "janeaustenr", AustenReader.RelativePath))
            .Select(d => QualityDocument.From(d)).Where(d => d.Paragraphs.Length > 0));

        return new QualityCorpus(
            new QualitySide(false, trainArticles, trainForeign),
            new QualitySide(true, testArticles, testForeign));
    }

    /// <summary>Whether a corpus document is a run of short unrelated pieces rather than one article (see
    /// <see cref="CompositeGenres"/>).</summary>
    internal static bool IsComposite(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Source == "brown" && CompositeGenres.Contains(document.Register);
    }

    /// <summary>A number in [0, 1) fixed by the text (FNV-1a), so splits do not depend on run or platform.</summary>
    public static double StableShare(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (hash % 10_000) / 10_000.0;
    }
}
