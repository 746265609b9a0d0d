using System.Buffers.Binary;
using System.Text;

namespace SpinDetect.Training.Resources;

/// <summary>
/// A trigram language model read from sphinxbase's "trie" binary format (pocketsphinx's <c>en-us.lm.bin</c>).
/// All values are log10. N-grams are kept as sphinxbase stores them, in reversed word order: the bigrams of
/// predicted word w2 are a contiguous run sorted by history word w1, and the trigrams "w0 w1 w2" are a run
/// under the bigram entry "w1 w2", sorted by w0. This is a build-time reader; the runtime uses the
/// compact lexicon asset.
/// </summary>
internal sealed class SphinxTrieLanguageModel
{
    /// <summary>The ASCII header that opens the file.</summary>
    internal const string Header = "Trie Language Model";

    /// <summary>log10(1.0001): sphinxbase stores log base 1.0001.</summary>
    internal const double Log10OfBase = 4.342727686266964e-05;

    private const int QuantBins = 1 << 16;

    private readonly Dictionary<string, int> _ids;

    internal SphinxTrieLanguageModel(
        string[] words, float[] unigramProb, float[] unigramBackoff, int[] unigramNext,
        int[] bigramWord, float[] bigramProb, float[] bigramBackoff, int[] bigramNext,
        int[] trigramWord, float[] trigramProb)
    {
        Words = words;
        UnigramProb = unigramProb;
        UnigramBackoff = unigramBackoff;
        UnigramNext = unigramNext;
        BigramWord = bigramWord;
        BigramProb = bigramProb;
        BigramBackoff = bigramBackoff;
        BigramNext = bigramNext;
        TrigramWord = trigramWord;
        TrigramProb = trigramProb;
        _ids = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            _ids.TryAdd(words[i], i);
        }
    }

    /// <summary>The vocabulary; the index is the word id.</summary>
    internal string[] Words { get; }

    /// <summary>log10 P(w) per word id.</summary>
    internal float[] UnigramProb { get; }

    /// <summary>log10 backoff weight of the unigram history w.</summary>
    internal float[] UnigramBackoff { get; }

    /// <summary>For word id w2, its bigram entries are <c>[UnigramNext[w2], UnigramNext[w2 + 1])</c> (length n1 + 1).</summary>
    internal int[] UnigramNext { get; }

    /// <summary>History word w1 of each bigram entry "w1 w2", sorted within the run of w2.</summary>
    internal int[] BigramWord { get; }

    /// <summary>log10 P(w2 | w1) per bigram entry.</summary>
    internal float[] BigramProb { get; }

    /// <summary>log10 backoff weight of the bigram history "w1 w2".</summary>
    internal float[] BigramBackoff { get; }

    /// <summary>For bigram entry i ("w1 w2"), trigrams "w0 w1 w2" are <c>[BigramNext[i], BigramNext[i + 1])</c> (length n2 + 1).</summary>
    internal int[] BigramNext { get; }

    /// <summary>First word w0 of each trigram entry "w0 w1 w2".</summary>
    internal int[] TrigramWord { get; }

    /// <summary>log10 P(w2 | w0 w1) per trigram entry.</summary>
    internal float[] TrigramProb { get; }

    /// <summary>Number of bigram entries.</summary>
    internal int BigramCount => BigramWord.Length;

    /// <summary>Number of trigram entries.</summary>
    internal int TrigramCount => TrigramWord.Length;

    /// <summary>Loads an <c>*.lm.bin</c> file.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">The file is not a complete trigram trie model (message names file and problem).</exception>
    internal static SphinxTrieLanguageModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Language model '{path}' is missing; run data/fetch.sh to obtain pocketsphinx-en-us.", path);
        }

        return Read(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses the bytes of a trie model; <paramref name="sourceName"/> names it in errors.</summary>
    internal static SphinxTrieLanguageModel Read(ReadOnlySpan<byte> data, string sourceName)
    {
        var reader = new Cursor(data, sourceName);
        if (!data.StartsWith(Encoding.ASCII.GetBytes(Header)))
        {
            throw reader.Error("does not start with the header 'Trie Language Model'; not a sphinxbase trie binary");
        }

        reader.Skip(Header.Length);
        var order = reader.Byte();
        if (order != 3)
        {
            throw reader.Error($"has order {order}; only trigram models are supported");
        }

        var n1 = reader.Count("unigram");
        var n2 = reader.Count("bigram");
        var n3 = reader.Count("trigram");
        reader.Skip(4); // formerly the quantisation type; always 1 now
        var bigramProbTable = reader.Floats(QuantBins);
        var bigramBackoffTable = reader.Floats(QuantBins);
        var trigramProbTable = reader.Floats(QuantBins);

        var unigramProb = new float[n1];
        var unigramBackoff = new float[n1];
        var unigramNext = new int[n1 + 1];
        for (var i = 0; i <= n1; i++)
        {
            var prob = reader.Float();
            var backoff = reader.Float();
            var next = reader.UInt32();
            if (i < n1)
            {
                unigramProb[i] = ToLog10(prob);
                unigramBackoff[i] = ToLog10(backoff);
            }

            unigramNext[i] = next <= (uint)n2 ? (int)next : throw reader.Error($"unigram {i} points past the {n2} bigrams");
        }

        var wordBits = RequiredBits((uint)n1);
        var nextBits = RequiredBits((uint)n3);
        var middleBits = wordBits + 32 + nextBits;
        var longestBits = wordBits + 16;
        var middle = reader.Bytes(checked((int)((((1L + n2) * middleBits) + 7) / 8) + 8));
        var longest = reader.Bytes(checked((int)((((1L + n3) * longestBits) + 7) / 8) + 8));

        var bigramWord = new int[n2];
        var bigramProb = new float[n2];
        var bigramBackoff = new float[n2];
        var bigramNext = new int[n2 + 1];
        for (var i = 0; i <= n2; i++)
        {
            long offset = (long)i * middleBits;
            if (i < n2)
            {
                bigramWord[i] = (int)ReadBits(middle, offset, wordBits);
                var quant = ReadBits(middle, offset + wordBits, 32);
                bigramBackoff[i] = ToLog10(bigramBackoffTable[(int)(quant & 0xFFFF)]);
                bigramProb[i] = ToLog10(bigramProbTable[(int)(quant >> 16)]);
                if (bigramWord[i] >= n1)
                {
                    throw reader.Error($"bigram entry {i} has word id {bigramWord[i]} beyond the {n1} unigrams");
                }
            }

            var next = ReadBits(middle, offset + wordBits + 32, nextBits);
            bigramNext[i] = next <= (ulong)n3 ? (int)next : throw reader.Error($"bigram entry {i} points past the {n3} trigrams");
        }

        var trigramWord = new int[n3];
        var trigramProb = new float[n3];
        for (var i = 0; i < n3; i++)
        {
            long offset = (long)i * longestBits;
            trigramWord[i] = (int)ReadBits(longest, offset, wordBits);
            trigramProb[i] = ToLog10(trigramProbTable[(int)ReadBits(longest, offset + wordBits, 16)]);
            if (trigramWord[i] >= n1)
            {
                throw reader.Error($"trigram entry {i} has word id {trigramWord[i]} beyond the {n1} unigrams");
            }
        }

        var vocabularyLength = reader.Int32();
        var vocabulary = reader.Bytes(vocabularyLength);
        var words = new string[n1];
        var start = 0;
        for (var i = 0; i < n1; i++)
        {
            var end = vocabulary[start..].IndexOf((byte)0);
            if (end < 0)
            {
                throw reader.Error($"vocabulary ends after {i} of {n1} words");
            }

            words[i] = Encoding.UTF8.GetString(vocabulary.Slice(start, end));
            start += end + 1;
        }

        return new SphinxTrieLanguageModel(words, unigramProb, unigramBackoff, unigramNext,
            bigramWord, bigramProb, bigramBackoff, bigramNext, trigramWord, trigramProb);
    }

    /// <summary>The id of <paramref name="word"/> (exact spelling; the model is lowercase) or −1.</summary>
    internal int WordId(string word) => _ids.TryGetValue(word, out var id) ? id : -1;

    /// <summary>The entry index of bigram "w1 w2", or −1 when the model does not contain it.</summary>
    internal int FindBigram(int w1, int w2) => Find(BigramWord, UnigramNext[w2], UnigramNext[w2 + 1], w1);

    /// <summary>The entry index of trigram "w0 w1 w2", or −1.</summary>
    internal int FindTrigram(int w0, int w1, int w2)
    {
        var bigram = FindBigram(w1, w2);
        return bigram < 0 ? -1 : Find(TrigramWord, BigramNext[bigram], BigramNext[bigram + 1], w0);
    }

    /// <summary>log10 P(w2 | w1) with Katz backoff to the unigram.</summary>
    internal float BigramLog10(int w1, int w2)
    {
        var bigram = FindBigram(w1, w2);
        return bigram >= 0 ? BigramProb[bigram] : UnigramBackoff[w1] + UnigramProb[w2];
    }

    /// <summary>log10 P(w2 | w0 w1) with Katz backoff.</summary>
    internal float TrigramLog10(int w0, int w1, int w2)
    {
        var trigram = FindTrigram(w0, w1, w2);
        if (trigram >= 0)
        {
            return TrigramProb[trigram];
        }

        var history = FindBigram(w0, w1);
        return (history >= 0 ? BigramBackoff[history] : 0f) + BigramLog10(w1, w2);
    }

    /// <summary>The number of bits sphinxbase uses for values up to <paramref name="max"/>.</summary>
    internal static int RequiredBits(uint max)
    {
        var bits = 0;
        while (max != 0)
        {
            bits++;
            max >>= 1;
        }

        return bits;
    }

    private static int Find(int[] keys, int start, int end, int key)
    {
        var index = Array.BinarySearch(keys, start, end - start, key);
        return index >= 0 ? index : -1;
    }

    private static float ToLog10(float value) => (float)(value * Log10OfBase);

    private static ulong ReadBits(ReadOnlySpan<byte> data, long bitOffset, int bits)
    {
        var value = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice((int)(bitOffset >> 3), 8));
        return (value >> (int)(bitOffset & 7)) & ((1UL << bits) - 1);
    }

    /// <summary>A bounds-checked reading position that names the file in its errors.</summary>
    private ref struct Cursor(ReadOnlySpan<byte> data, string sourceName)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        internal InvalidDataException Error(string problem) => new($"Language model '{sourceName}' {problem}.");

        internal void Skip(int count) => Bytes(count);

        internal byte Byte() => Bytes(1)[0];

        internal int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        internal uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4));

        internal float Float() => BinaryPrimitives.ReadSingleLittleEndian(Bytes(4));

        internal int Count(string what)
        {
            var count = UInt32();
            return count is > 0 and < int.MaxValue / 2 ? (int)count : throw Error($"has an implausible {what} count {count}");
        }

        internal float[] Floats(int count)
        {
            var bytes = Bytes(count * 4);
            var result = new float[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(i * 4, 4));
            }

            return result;
        }

        internal ReadOnlySpan<byte> Bytes(int count)
        {
            if (count < 0 || _position + (long)count > _data.Length)
            {
                throw Error($"is truncated: needs {count} bytes at offset {_position} but has {_data.Length - _position}");
            }

            var slice = _data.Slice(_position, count);
            _position += count;
            return slice;
        }
    }
}
