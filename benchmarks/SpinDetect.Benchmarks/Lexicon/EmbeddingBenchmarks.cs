using BenchmarkDotNet.Attributes;
using SpinDetect.Lexicon;

namespace SpinDetect.Benchmarks.Lexicon;

/// <summary>Loading models/embeddings.bin beside the lexicon: read, checksum, bitmap check, vocabulary hash, norms.</summary>
[MemoryDiagnoser]
public class EmbeddingLoadBenchmarks
{
    private ReferenceLexicon _lexicon = null!;
    private string _path = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var lexiconPath = LexiconAssetPath.Find();
        _lexicon = ReferenceLexicon.Load(lexiconPath);
        _path = Path.Combine(Path.GetDirectoryName(lexiconPath)!, "embeddings.bin");
    }

    [Benchmark]
    public int Load() => WordEmbeddings.Load(_path, _lexicon).PresentCount;
}

/// <summary>
/// Similarity lookups on the shipped vectors over 4,096 prepared queries each (random word ids, a few missing);
/// results are per single query. Contexts are 8 ids, the size of a ±4-word window.
/// </summary>
[MemoryDiagnoser]
public class EmbeddingLookupBenchmarks
{
    private const int Queries = 4096;
    private const int ContextSize = 8;
    private WordEmbeddings _embeddings = null!;
    private int[] _a = [];
    private int[] _b = [];
    private int[] _contexts = [];
    private float[] _centroid = [];

    [GlobalSetup]
    public void Setup()
    {
        var lexiconPath = LexiconAssetPath.Find();
        var lexicon = ReferenceLexicon.Load(lexiconPath);
        _embeddings = WordEmbeddings.Load(Path.Combine(Path.GetDirectoryName(lexiconPath)!, "embeddings.bin"), lexicon);
        var random = new Random(17);
        _a = new int[Queries];
        _b = new int[Queries];
        _contexts = new int[Queries * ContextSize];
        for (var i = 0; i < Queries; i++)
        {
            _a[i] = random.Next(lexicon.WordCount);
            _b[i] = random.Next(lexicon.WordCount);
        }

        for (var i = 0; i < _contexts.Length; i++)
        {
            _contexts[i] = i % 16 == 5 ? -1 : random.Next(lexicon.WordCount); // some unknown words, as in real text
        }

        _centroid = new float[_embeddings.Dimensions];
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public float Cosine()
    {
        var sum = 0f;
        for (var i = 0; i < Queries; i++)
        {
            sum += _embeddings.Cosine(_a[i], _b[i]);
        }

        return sum;
    }

    /// <summary>Pairs among 64 words whose rows stay in cache: the arithmetic alone, without memory latency.</summary>
    [Benchmark(OperationsPerInvoke = Queries)]
    public float CosineCachedRows()
    {
        var sum = 0f;
        for (var i = 0; i < Queries; i++)
        {
            sum += _embeddings.Cosine(_a[i & 63], _b[(i >> 6) & 63]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public float CentroidOf8()
    {
        var sum = 0f;
        for (var i = 0; i < Queries; i++)
        {
            _embeddings.Centroid(_contexts.AsSpan(i * ContextSize, ContextSize), _centroid);
            sum += _centroid[0];
        }

        return sum;
    }

    /// <summary>Centroids of 8 ids among 64 words whose rows stay in cache: the arithmetic alone.</summary>
    [Benchmark(OperationsPerInvoke = Queries)]
    public float CentroidOf8CachedRows()
    {
        Span<int> context = stackalloc int[ContextSize];
        var sum = 0f;
        for (var i = 0; i < Queries; i++)
        {
            for (var j = 0; j < ContextSize; j++)
            {
                context[j] = _a[((i * ContextSize) + j) & 63];
            }

            _embeddings.Centroid(context, _centroid);
            sum += _centroid[0];
        }

        return sum;
    }

    /// <summary>Centroid of 8 context ids plus the cosine of one word against it.</summary>
    [Benchmark(OperationsPerInvoke = Queries)]
    public float CosineToCentroidOf8()
    {
        var sum = 0f;
        for (var i = 0; i < Queries; i++)
        {
            sum += _embeddings.CosineToCentroid(_a[i], _contexts.AsSpan(i * ContextSize, ContextSize));
        }

        return sum;
    }

    /// <summary>The candidate-scoring pattern: one word against an already computed centroid.</summary>
    [Benchmark(OperationsPerInvoke = Queries)]
    public float CosineToPrecomputedCentroid()
    {
        _embeddings.Centroid(_contexts.AsSpan(0, ContextSize), _centroid);
        var sum = 0f;
        for (var i = 0; i < Queries; i++)
        {
            sum += _embeddings.Cosine(_a[i], _centroid);
        }

        return sum;
    }
}
