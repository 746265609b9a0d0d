using BenchmarkDotNet.Attributes;
using SpinDetect.Lexicon;

namespace SpinDetect.Benchmarks.Lexicon;

/// <summary>Loading models/lexicon.bin: read, checksum, validate, build the vocabulary hash table.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class LexiconLoadBenchmarks
{
    private string _path = string.Empty;

    [GlobalSetup]
    public void Setup() => _path = LexiconAssetPath.Find();

    /// <summary>Reference for the ratio: only reading the file's bytes into one array, no checks or indexing.</summary>
    [Benchmark(Baseline = true)]
    public int ReadAllBytes() => File.ReadAllBytes(_path).Length;

    [Benchmark]
    public int Load() => ReferenceLexicon.Load(_path).WordCount;
}

/// <summary>
/// Lookups on the shipped lexicon over 4,096 prepared queries each (half stored n-grams, half random pairs,
/// so both the hit and the backoff path are measured); results are per single lookup.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LexiconLookupBenchmarks
{
    private const int Queries = 4096;
    private ReferenceLexicon _lexicon = null!;
    private int[] _w1 = [];
    private int[] _w2 = [];
    private int[] _w3 = [];
    private string[] _words = [];
    private Dictionary<long, float> _baseline = [];

    [GlobalSetup]
    public void Setup()
    {
        var path = LexiconAssetPath.Find();
        var data = LexiconFile.Read(path);
        _lexicon = new ReferenceLexicon(data, path);
        var random = new Random(17);
        _w1 = new int[Queries];
        _w2 = new int[Queries];
        _w3 = new int[Queries];
        _words = new string[Queries];
        for (var i = 0; i < Queries; i++)
        {
            if (i % 2 == 0)
            {
                // A stored trigram: a random bigram entry, then a random trigram under it (or a random word).
                int w1, start, end;
                do
                {
                    w1 = random.Next(_lexicon.WordCount);
                    start = data.BigramOffsets[w1];
                    end = data.BigramOffsets[w1 + 1];
                }
                while (start == end);

                var entry = random.Next(start, end);
                _w1[i] = w1;
                _w2[i] = NgramLayout.BigramWord(data.Bigrams[entry]);
                int t0 = NgramLayout.TrigramStart(data.Bigrams[entry]), t1 = NgramLayout.TrigramStart(data.Bigrams[entry + 1]);
                _w3[i] = t1 > t0 ? NgramLayout.TrigramWord(data.Trigrams[random.Next(t0, t1)]) : random.Next(_lexicon.WordCount);
            }
            else
            {
                _w1[i] = random.Next(_lexicon.WordCount);
                _w2[i] = random.Next(_lexicon.WordCount);
                _w3[i] = random.Next(_lexicon.WordCount);
            }

            _words[i] = i % 4 == 3 ? "Notaword" + i : _lexicon.Word(_w2[i]).ToUpperInvariant();
            _baseline[((long)_w1[i] << 32) | (uint)_w2[i]] = _lexicon.Bigram(_w1[i], _w2[i]);
        }
    }

    /// <summary>
    /// Reference for ratios on a shared, loaded machine: a Dictionary lookup of the same 4,096 pairs (a small,
    /// cache-resident table, so a lower bound on what a hash lookup costs).
    /// </summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Queries)]
    public float DictionaryBaseline()
    {
        var sum = 0f;
        for (var i = 0; i < Queries; i++)
        {
            sum += _baseline.GetValueOrDefault(((long)_w1[i] << 32) | (uint)_w2[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public float Bigram()
    {
        var sum = 0f;
        for (var i = 0; i < Queries; i++)
        {
            sum += _lexicon.Bigram(_w1[i], _w2[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public float Trigram()
    {
        var sum = 0f;
        for (var i = 0; i < Queries; i++)
        {
            sum += _lexicon.Trigram(_w1[i], _w2[i], _w3[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int HasTrigram()
    {
        var count = 0;
        for (var i = 0; i < Queries; i++)
        {
            count += _lexicon.HasTrigram(_w1[i], _w2[i], _w3[i]) ? 1 : 0;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int GetId()
    {
        var sum = 0;
        for (var i = 0; i < Queries; i++)
        {
            sum += _lexicon.GetId(_words[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int ReverseSynonyms()
    {
        var sum = 0;
        for (var i = 0; i < Queries; i++)
        {
            var candidates = _lexicon.ReverseSynonyms(_w2[i]);
            sum += candidates.Length > 0 ? candidates[0] : 0;
        }

        return sum;
    }

    /// <summary>The feature pattern: for an observed word, score every reverse-synonym candidate in its trigram context.</summary>
    [Benchmark(OperationsPerInvoke = Queries)]
    public float ScoreReverseCandidates()
    {
        var sum = 0f;
        for (var i = 0; i < Queries; i++)
        {
            foreach (var candidate in _lexicon.ReverseSynonyms(_w3[i]))
            {
                sum += _lexicon.Trigram(_w1[i], _w2[i], candidate);
            }
        }

        return sum;
    }
}
