using SpinDetect.Features;
using SpinDetect.Lexicon;
using SpinDetect.Model;
using SpinDetect.Quality;

namespace SpinDetect;

/// <summary>
/// Where the shipped model is found and the one place where a model file becomes an <see cref="ITextScorer"/>.
/// </summary>
/// <remarks>
/// Search order for <see cref="SpinDetector.Default"/>: the manifest resource <see cref="EmbeddedResourceName"/> of
/// this assembly, then <c>models/spin.model</c> beside this assembly, then <c>models/spin.model</c> under
/// <see cref="AppContext.BaseDirectory"/> (single-file and test hosts). The Scorer project copies the repository's
/// <c>models/</c> folder to the output, so a build or a <c>dotnet publish</c> carries it.
/// </remarks>
internal static class ModelAssets
{
    /// <summary>Folder of the shipped assets, beside the assembly.</summary>
    public const string DirectoryName = "models";

    /// <summary>File name of the shipped spin model.</summary>
    public const string ModelFileName = "spin.model";

    /// <summary>Name of the model when it is embedded in the assembly.</summary>
    public const string EmbeddedResourceName = "SpinDetect.models.spin.model";

    /// <summary>The file locations searched for the shipped model, in order, without duplicates.</summary>
    public static IReadOnlyList<string> Candidates()
    {
        var candidates = new List<string>(2);
        // Location is empty in single-file apps; the base directory then holds the models folder.
        var assemblyDirectory = Path.GetDirectoryName(typeof(ModelAssets).Assembly.Location);
        foreach (var directory in (ReadOnlySpan<string?>)[assemblyDirectory, AppContext.BaseDirectory])
        {
            if (!string.IsNullOrEmpty(directory))
            {
                var candidate = Path.GetFullPath(Path.Combine(directory, DirectoryName, ModelFileName));
                if (!candidates.Contains(candidate))
                {
                    candidates.Add(candidate);
                }
            }
        }

        return candidates;
    }

    /// <summary>Opens the shipped model, or throws a <see cref="SpinModelException"/> saying where it looked.</summary>
    public static ITextScorer OpenDefault() => OpenDefault(Candidates());

    /// <summary>Opens the embedded model, else the first of <paramref name="candidates"/> that exists, or throws a
    /// <see cref="SpinModelException"/> naming them.</summary>
    internal static ITextScorer OpenDefault(IReadOnlyList<string> candidates)
    {
        var assembly = typeof(ModelAssets).Assembly;
        using (var embedded = assembly.GetManifestResourceStream(EmbeddedResourceName))
        {
            if (embedded != null)
            {
                return Open(embedded, $"{assembly.GetName().Name}!{EmbeddedResourceName}", assetDirectory: null);
            }
        }

        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return OpenFile(candidate);
            }
        }

        throw new SpinModelException(
            "The SpinDetect model was not found. Looked for the embedded resource " + EmbeddedResourceName + " and for "
            + string.Join(" and ", candidates) + ". The shipped model travels in " + DirectoryName + "/ beside the "
            + "SpinDetect.Scorer assembly (a project or package reference copies it to the output folder): check that "
            + "folder was deployed with the application, or load a model with SpinDetector.Load(path) (--model PATH "
            + "on the command line).");
    }

    /// <summary>Opens the model file at <paramref name="modelPath"/>; its companion assets are looked up beside it.</summary>
    public static ITextScorer OpenFile(string modelPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        var fullPath = Path.GetFullPath(modelPath);
        if (Directory.Exists(fullPath))
        {
            throw new SpinModelException($"{fullPath}: is a folder; give the model file, for example {Path.Combine(fullPath, ModelFileName)}.");
        }

        FileStream stream;
        try
        {
            stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SpinModelException(
                $"{fullPath}: model file not found. Train one with 'spindetect train' (see README) or give the path of an existing model.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpinModelException($"{fullPath}: cannot read the model file: {e.Message}", e);
        }

        using (stream)
        {
            return Open(stream, fullPath, Path.GetDirectoryName(fullPath));
        }
    }

    /// <summary>File name of the reference lexicon beside the model.</summary>
    public const string LexiconFileName = "lexicon.bin";

    /// <summary>
    /// Builds the scorer from a model stream: the spin model, the reference lexicon beside it (or the shipped one
    /// when the model is embedded or has none beside it), and the quality model beside it (or the shipped one).
    /// </summary>
    /// <param name="model">The model file's bytes.</param>
    /// <param name="origin">Where the model came from, for messages.</param>
    /// <param name="assetDirectory">Folder of companion assets (lexicon), or <see langword="null"/> when embedded.</param>
    private static ITextScorer Open(Stream model, string origin, string? assetDirectory)
    {
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            model.CopyTo(buffer);
            bytes = buffer.ToArray();
        }

        var lexiconPath = FindCompanion(assetDirectory, LexiconFileName)
            ?? throw new SpinModelException(
                $"{origin}: the reference lexicon ({LexiconFileName}) was not found beside the model or in the shipped models folder.");
        try
        {
            var embeddingsPath = FindCompanion(assetDirectory, SpinFeaturizer.EmbeddingsFileName)
                ?? throw new SpinModelException(
                    $"{origin}: the word vectors ({SpinFeaturizer.EmbeddingsFileName}) were not found beside the model or in the shipped models folder.");
            // The model bytes are checked first: a foreign file is refused before the 35 MB lexicon is read.
            var package = ModelFile.FromBytes(bytes, origin, SpinModel.DocumentSchema);
            var featurizer = SpinFeaturizer.Load(lexiconPath, embeddingsPath);
            var spin = SpinModel.FromPackage(package, origin, featurizer);
            var qualityPath = FindCompanion(assetDirectory, QualityModel.FileName);

            // The quality model's language-model features read the lexicon the spin features already loaded.
            var lexicon = (featurizer.Statistics as LexiconWordStatistics)?.Lexicon;
            var quality = qualityPath is null ? QualityAnalyzer.Default : new QualityAnalyzer(QualityModel.Load(qualityPath, lexicon));
            return new SpinPipeline(spin, quality);
        }
        catch (Exception e) when (e is ModelFormatException or LexiconFormatException or IOException or UnauthorizedAccessException)
        {
            throw new SpinModelException($"{origin}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Each asset the default detector reads, with where it is found: the spin model (embedded, or the first of
    /// <see cref="Candidates"/>), then the lexicon, the word vectors and the quality model from the shipped models
    /// folder (the quality model, like <see cref="QualityAnalyzer.Default"/>, also where
    /// <see cref="QualityModel.FindDefaultPath"/> finds it). The location is <see langword="null"/> for an asset that
    /// is not found.
    /// </summary>
    public static IReadOnlyList<(string Name, string? Location)> DefaultAssets()
    {
        var assembly = typeof(ModelAssets).Assembly;
        var embedded = assembly.GetManifestResourceInfo(EmbeddedResourceName) is not null;
        return
        [
            (ModelFileName, embedded ? $"embedded in {assembly.GetName().Name} ({EmbeddedResourceName})" : FindCompanion(null, ModelFileName)),
            (LexiconFileName, FindCompanion(null, LexiconFileName)),
            (SpinFeaturizer.EmbeddingsFileName, FindCompanion(null, SpinFeaturizer.EmbeddingsFileName)),
            (QualityModel.FileName, FindCompanion(null, QualityModel.FileName) ?? QualityModel.FindDefaultPath()),
        ];
    }

    /// <summary>A companion asset beside the model, else in the shipped models folder; null when neither exists.</summary>
    private static string? FindCompanion(string? assetDirectory, string fileName)
    {
        if (assetDirectory is not null && File.Exists(Path.Combine(assetDirectory, fileName)))
        {
            return Path.Combine(assetDirectory, fileName);
        }

        foreach (var candidate in Candidates())
        {
            var path = Path.Combine(Path.GetDirectoryName(candidate)!, fileName);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
