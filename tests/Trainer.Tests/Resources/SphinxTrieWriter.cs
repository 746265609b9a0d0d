using System.Buffers.Binary;
using System.Text;
using SpinDetect.Training.Resources;

namespace SpinDetect.Tests.Resources;

/// <summary>
/// Writes a small model in sphinxbase's trie binary layout (header, order, counts, quantiser tables,
/// unigram records, bit-packed bigram and trigram arrays in reversed word order, vocabulary), so the reader
/// can be tested against known values without the real model.
/// </summary>
internal static class SphinxTrieWriter
{
    internal readonly record struct Unigram(string Word, float Prob, float Backoff);

    internal readonly record struct Bigram(int W1, int W2, float Prob, float Backoff);

    internal readonly record struct Trigram(int W0, int W1, int W2, float Prob);

    internal static byte[] Write(IReadOnlyList<Unigram> unigrams, IReadOnlyList<Bigram> bigrams, IReadOnlyList<Trigram> trigrams)
    {
        var n1 = unigrams.Count;
        var sortedBigrams = bigrams.OrderBy(b => b.W2).ThenBy(b => b.W1).ToArray();
        var bigramIndex = sortedBigrams.Select((b, i) => (b, i)).ToDictionary(x => (x.b.W1, x.b.W2), x => x.i);
        var sortedTrigrams = trigrams.OrderBy(t => bigramIndex[(t.W1, t.W2)]).ThenBy(t => t.W0).ToArray();

        var bigramProbs = new QuantTable();
        var bigramBackoffs = new QuantTable();
        var trigramProbs = new QuantTable();
        var stream = new MemoryStream();
        stream.Write(Encoding.ASCII.GetBytes(SphinxTrieLanguageModel.Header));
        stream.WriteByte(3);
        WriteUInt32(stream, (uint)n1);
        WriteUInt32(stream, (uint)sortedBigrams.Length);
        WriteUInt32(stream, (uint)sortedTrigrams.Length);
        WriteUInt32(stream, 1);

        var wordBits = SphinxTrieLanguageModel.RequiredBits((uint)n1);
        var nextBits = SphinxTrieLanguageModel.RequiredBits((uint)sortedTrigrams.Length);
        var middleBits = wordBits + 32 + nextBits;
        var middle = new byte[((((1 + sortedBigrams.Length) * middleBits) + 7) / 8) + 8];
        var trigramCursor = 0;
        for (var i = 0; i <= sortedBigrams.Length; i++)
        {
            var offset = (long)i * middleBits;
            if (i < sortedBigrams.Length)
            {
                var b = sortedBigrams[i];
                WriteBits(middle, offset, wordBits, (ulong)b.W1);
                var quant = ((ulong)bigramProbs.Index(b.Prob) << 16) | bigramBackoffs.Index(b.Backoff);
                WriteBits(middle, offset + wordBits, 32, quant);
            }

            WriteBits(middle, offset + wordBits + 32, nextBits, (ulong)trigramCursor);
            while (i < sortedBigrams.Length && trigramCursor < sortedTrigrams.Length
                   && bigramIndex[(sortedTrigrams[trigramCursor].W1, sortedTrigrams[trigramCursor].W2)] == i)
            {
                trigramCursor++;
            }
        }

        var longestBits = wordBits + 16;
        var longest = new byte[((((1 + sortedTrigrams.Length) * longestBits) + 7) / 8) + 8];
        for (var i = 0; i < sortedTrigrams.Length; i++)
        {
            WriteBits(longest, (long)i * longestBits, wordBits, (ulong)sortedTrigrams[i].W0);
            WriteBits(longest, ((long)i * longestBits) + wordBits, 16, trigramProbs.Index(sortedTrigrams[i].Prob));
        }

        bigramProbs.WriteTo(stream);
        bigramBackoffs.WriteTo(stream);
        trigramProbs.WriteTo(stream);
        var bigramCursor = 0;
        for (var w = 0; w <= n1; w++)
        {
            while (bigramCursor < sortedBigrams.Length && sortedBigrams[bigramCursor].W2 < w)
            {
                bigramCursor++;
            }

            WriteFloat(stream, w < n1 ? ToBase(unigrams[w].Prob) : 0f);
            WriteFloat(stream, w < n1 ? ToBase(unigrams[w].Backoff) : 0f);
            WriteUInt32(stream, (uint)bigramCursor);
        }

        stream.Write(middle);
        stream.Write(longest);
        var vocabulary = Encoding.UTF8.GetBytes(string.Concat(unigrams.Select(u => u.Word + "\0")));
        WriteUInt32(stream, (uint)vocabulary.Length);
        stream.Write(vocabulary);
        return stream.ToArray();
    }

    private static float ToBase(float log10) => (float)(log10 / SphinxTrieLanguageModel.Log10OfBase);

    private static void WriteBits(byte[] data, long bitOffset, int bits, ulong value)
    {
        for (var i = 0; i < bits; i++)
        {
            if (((value >> i) & 1) != 0)
            {
                var bit = bitOffset + i;
                data[bit >> 3] |= (byte)(1 << (int)(bit & 7));
            }
        }
    }

    private static void WriteUInt32(Stream stream, uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, value);
        stream.Write(buffer);
    }

    private static void WriteFloat(Stream stream, float value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(buffer, value);
        stream.Write(buffer);
    }

    /// <summary>A 65,536-bin table holding each distinct value once (the real model holds k-means centres).</summary>
    private sealed class QuantTable
    {
        private readonly List<float> _values = [];

        internal ulong Index(float log10)
        {
            var value = ToBase(log10);
            var index = _values.IndexOf(value);
            if (index < 0)
            {
                index = _values.Count;
                _values.Add(value);
            }

            return (ulong)index;
        }

        internal void WriteTo(Stream stream)
        {
            for (var i = 0; i < 1 << 16; i++)
            {
                WriteFloat(stream, i < _values.Count ? _values[i] : 0f);
            }
        }
    }
}
