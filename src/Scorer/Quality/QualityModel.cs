using SpinDetect.Lexicon;
using SpinDetect.Model;

namespace SpinDetect.Quality;

/// <summary>
/// The trained quality models: a line junk classifier, a line "comes from another document" classifier, a document
/// quality classifier and a document appended-content classifier (all calibrated, all reading
/// <see cref="QualityFeatures"/> rows), plus the decision thresholds. Immutable and safe to share between threads.
/// </summary>
internal sealed class QualityModel
{
    /// <summary>File name of the shipped model in the repository's models/ folder.</summary>
    public const string FileName = "quality.model";

    /// <summary>Ensemble name of the line junk classifier.</summary>
    public const string JunkEnsembleName = "quality-line-junk";

    /// <summary>Ensemble name of the first-stage line junk classifier, whose outputs are the context columns of the
    /// second stage (<see cref="JunkEnsembleName"/> and <see cref="UnrelatedEnsembleName"/>).</summary>
    public const string FirstJunkEnsembleName = "quality-line-junk-first";

    /// <summary>Ensemble name of the line unrelated-content classifier.</summary>
    public const string UnrelatedEnsembleName = "quality-line-unrelated";

    /// <summary>Ensemble name of the document quality classifier (probability the document is clean prose).</summary>
    public const string DocumentEnsembleName = "quality-document";

    /// <summary>Name of the model-file section holding the word weights.</summary>
    public const string IdfSectionName = "quality-idf";

    /// <summary>Ensemble name of the document classifier for appended or inserted foreign content.</summary>
    public const string AppendedEnsembleName = "quality-appended";

    /// <summary>Name of the model-file section that marks a model trained with the language-model features: it holds
    /// the size of the lexicon they were computed with ("words bigrams trigrams"), which must be loaded with it.</summary>
    public const string LexiconSectionName = "quality-lexicon";

    /// <summary>File name of the reference lexicon looked for beside a model that needs it.</summary>
    public const string LexiconFileName = "lexicon.bin";

    private static readonly LoadOnce<QualityModel> LoadedDefault = new(LoadDefault);

    /// <summary>Creates a model from its parts.</summary>
    public QualityModel(
        CalibratedEnsemble junk,
        CalibratedEnsemble unrelated,
        CalibratedEnsemble document,
        CalibratedEnsemble appended,
        QualityThresholds thresholds,
        byte[] idf,
        QualityVectors? vectors = null,
        CalibratedEnsemble? firstJunk = null,
        ReferenceLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(idf);
        if (idf.Length != QualityScratch.BagSize)
        {
            throw new ArgumentException($"The word weight table needs {QualityScratch.BagSize} entries, not {idf.Length}.", nameof(idf));
        }

        Idf = idf;
        Vectors = vectors;
        FirstJunk = firstJunk;
        Lexicon = lexicon;
        ArgumentNullException.ThrowIfNull(appended);
        ArgumentNullException.ThrowIfNull(junk);
        ArgumentNullException.ThrowIfNull(unrelated);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(thresholds);
        Junk = junk;
        Unrelated = unrelated;
        Document = document;
        Appended = appended;
        Thresholds = thresholds;
    }

    /// <summary>The feature schema all three ensembles read.</summary>
    public static FeatureSchema Schema { get; } =
        new(QualityFeatures.SchemaName, QualityFeatures.SchemaVersion, QualityFeatures.Names);

    /// <summary>The shipped model, found by <see cref="FindDefaultPath"/>; loaded once, on first use.</summary>
    /// <exception cref="FileNotFoundException">No models/quality.model was found.</exception>
    public static QualityModel Default => LoadedDefault.Value;

    public CalibratedEnsemble Junk { get; }

    public CalibratedEnsemble Unrelated { get; }

    public CalibratedEnsemble Document { get; }

    public CalibratedEnsemble Appended { get; }

    public QualityThresholds Thresholds { get; }

    /// <summary>Quantised inverse document frequency per bag bucket (section <see cref="IdfSectionName"/>).</summary>
    public byte[] Idf { get; }

    /// <summary>Word vectors of the topic features (section <see cref="QualityVectors.SectionName"/>), or null when
    /// the model was trained without them (those features are then missing).</summary>
    public QualityVectors? Vectors { get; }

    /// <summary>The first-stage junk classifier whose outputs fill the context columns, or null for a single-stage
    /// model (the context columns are then missing).</summary>
    public CalibratedEnsemble? FirstJunk { get; }

    /// <summary>The reference language model of the register-shift features (not stored in the model file), or null
    /// when the model was trained without them (those features are then missing).</summary>
    public ReferenceLexicon? Lexicon { get; }

    /// <summary>A copy of this model with other thresholds.</summary>
    public QualityModel With(QualityThresholds thresholds) =>
        new(Junk, Unrelated, Document, Appended, thresholds, Idf, Vectors, FirstJunk, Lexicon);

    /// <summary>
    /// Loads a quality model file; its schema must match <see cref="QualityFeatures"/>. A model trained with the
    /// language-model features needs the lexicon it was trained with: <paramref name="lexicon"/> when given (the spin
    /// pipeline shares its own), else <see cref="LexiconFileName"/> beside the model or in the shipped models folder.
    /// </summary>
    /// <exception cref="ModelFormatException">The file is missing, corrupt, or built for other features, or its
    /// lexicon is missing or not the one it was trained with.</exception>
    public static QualityModel Load(string path, ReferenceLexicon? lexicon = null)
    {
        var package = ModelFile.Read(path, Schema);
        if (lexicon is null && package.ExtraSections.ContainsKey(LexiconSectionName))
        {
            var lexiconPath = FindLexicon(path)
                ?? throw new ModelFormatException(
                    $"{path} was trained with the language-model features and needs {LexiconFileName} beside it or in the models folder.");
            try
            {
                lexicon = ReferenceLexicon.Load(lexiconPath);
            }
            catch (Exception e) when (e is LexiconFormatException or IOException or UnauthorizedAccessException)
            {
                throw new ModelFormatException($"{path}: its lexicon {lexiconPath} could not be read: {e.Message}", e);
            }
        }

        return FromPackage(package, path, lexicon);
    }

    /// <summary>
    /// Takes the quality ensembles and thresholds out of a package. A package marked with
    /// <see cref="LexiconSectionName"/> needs <paramref name="lexicon"/>, of the size it records; an unmarked one
    /// ignores it (its language-model columns were missing in training, so they stay missing).
    /// </summary>
    public static QualityModel FromPackage(ModelPackage package, string source, ReferenceLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(package);
        try
        {
            if (package.ExtraSections.TryGetValue(LexiconSectionName, out var marker))
            {
                if (lexicon is null)
                {
                    throw new FormatException("it was trained with the language-model features and no lexicon was given");
                }

                if (System.Text.Encoding.UTF8.GetString(marker) != Fingerprint(lexicon))
                {
                    throw new FormatException(
                        $"it was trained with a lexicon of size {System.Text.Encoding.UTF8.GetString(marker)}, not {Fingerprint(lexicon)}");
                }
            }
            else
            {
                lexicon = null;
            }

            var thresholds = package.ExtraSections.TryGetValue(QualityThresholds.SectionName, out var bytes)
                ? QualityThresholds.FromBytes(bytes, source)
                : new QualityThresholds();
            return new QualityModel(
                package.GetEnsemble(JunkEnsembleName),
                package.GetEnsemble(UnrelatedEnsembleName),
                package.GetEnsemble(DocumentEnsembleName),
                package.GetEnsemble(AppendedEnsembleName),
                thresholds,
                package.ExtraSections.TryGetValue(IdfSectionName, out var idf)
                    ? idf
                    : throw new FormatException($"section '{IdfSectionName}' is missing"),
                package.ExtraSections.TryGetValue(QualityVectors.SectionName, out var vectors)
                    ? QualityVectors.FromBytes(vectors)
                    : null,
                package.Ensembles.FirstOrDefault(e => e.Name == FirstJunkEnsembleName),
                lexicon);
        }
        catch (Exception e) when (e is KeyNotFoundException or FormatException or ArgumentException)
        {
            throw new ModelFormatException($"{source} is not a quality model: {e.Message}", e);
        }
    }

    /// <summary>Builds the package the trainer writes.</summary>
    public ModelPackage ToPackage(ModelMetadata metadata)
    {
        var sections = new Dictionary<string, byte[]>
        {
            [QualityThresholds.SectionName] = Thresholds.ToBytes(),
            [IdfSectionName] = Idf,
        };
        if (Vectors is not null)
        {
            sections[QualityVectors.SectionName] = Vectors.ToBytes();
        }

        if (Lexicon is not null)
        {
            sections[LexiconSectionName] = System.Text.Encoding.UTF8.GetBytes(Fingerprint(Lexicon));
        }

        return new(metadata, Schema, FirstJunk is null ? [Junk, Unrelated, Document, Appended] : [Junk, Unrelated, Document, Appended, FirstJunk], sections);
    }

    /// <summary>
    /// Looks for quality.model beside the assembly (also in a models/ folder there), then in a models/ folder of
    /// the base directory or any parent (a source checkout); null when none exists.
    /// </summary>
    public static string? FindDefaultPath()
    {
        var baseDirectory = AppContext.BaseDirectory;
        foreach (var candidate in new[] { Path.Combine(baseDirectory, FileName), Path.Combine(baseDirectory, "models", FileName) })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        for (var directory = new DirectoryInfo(baseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "models", FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    // The lexicon's size identifies it well enough to catch a model paired with another lexicon.
    private static string Fingerprint(ReferenceLexicon lexicon) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{lexicon.WordCount} {lexicon.BigramCount} {lexicon.TrigramCount}");

    /// <summary>The lexicon beside <paramref name="modelPath"/>, else the one in the shipped models folder; null when neither exists.</summary>
    private static string? FindLexicon(string modelPath)
    {
        var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath)) ?? ".", LexiconFileName);
        if (File.Exists(beside))
        {
            return beside;
        }

        var shipped = FindDefaultPath();
        if (shipped is not null)
        {
            var candidate = Path.Combine(Path.GetDirectoryName(shipped)!, LexiconFileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static QualityModel LoadDefault()
    {
        var path = FindDefaultPath()
            ?? throw new FileNotFoundException(
                $"No {FileName} was found beside {AppContext.BaseDirectory} or in a models/ folder above it; it travels in "
                + "models/ beside the SpinDetect.Scorer assembly (a retrained one comes from 'spindetect quality train').", FileName);
        return Load(path);
    }
}
