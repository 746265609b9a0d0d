using System.Buffers.Binary;
using SpinDetect.Lexicon;

namespace SpinDetect.Tests.Lexicon;

public sealed class LexiconFileTests
{
    private static readonly byte[] Bytes = TinyLexicon.Bytes();

    [Fact]
    public void Written_lexicon_loads_back_with_the_same_answers()
    {
        var lexicon = TinyLexicon.Load(Bytes);
        int of = lexicon.GetId("of"), the = lexicon.GetId("the"), bag = lexicon.GetId("bag"), purse = lexicon.GetId("purse");
        Assert.Equal(5, lexicon.WordCount);
        Assert.Equal(3, lexicon.BigramCount);
        Assert.Equal(1, lexicon.TrigramCount);
        Assert.Equal(-1.5f, lexicon.Bigram(the, bag));
        Assert.Equal(-2.5f, lexicon.Bigram(the, purse));
        Assert.Equal(-1.0f, lexicon.Trigram(of, the, bag));
        Assert.True(lexicon.HasTrigram(of, the, bag));
        Assert.False(lexicon.HasTrigram(of, the, purse));
        Assert.Equal(new[] { purse }, lexicon.ReverseSynonyms(bag).ToArray());
        Assert.Equal(PartsOfSpeech.Noun, lexicon.LemmaPartsOfSpeech(bag));
        Assert.Equal("feet", lexicon.Morphology.Inflect("foot", Inflection.Plural));
    }

    [Fact]
    public void Missing_ngrams_back_off()
    {
        var lexicon = TinyLexicon.Load(Bytes);
        int of = lexicon.GetId("of"), the = lexicon.GetId("the"), bag = lexicon.GetId("bag"), purse = lexicon.GetId("purse");
        // Unseen bigram "bag of": backoff(bag) + P(of).
        Assert.Equal(-0.1f + -2f, lexicon.Bigram(bag, of), 5);
        // Unseen trigram "of the purse": backoff("of the") + P(purse | the).
        Assert.Equal(-0.25f + -2.5f, lexicon.Trigram(of, the, purse), 5);
        // Unseen history "bag the": no history backoff, then P(purse | the).
        Assert.Equal(-2.5f, lexicon.Trigram(bag, the, purse), 5);
    }

    [Fact]
    public void LogProb_reports_the_order_found_and_shortens_unknown_histories()
    {
        var lexicon = TinyLexicon.Load(Bytes);
        int of = lexicon.GetId("of"), the = lexicon.GetId("the"), bag = lexicon.GetId("bag"), purse = lexicon.GetId("purse");
        Assert.Equal(-1.0f, lexicon.LogProb(of, the, bag, out var order));
        Assert.Equal(3, order);
        Assert.Equal(-1.5f, lexicon.LogProb(-1, the, bag, out order));
        Assert.Equal(2, order);
        Assert.Equal(-4f, lexicon.LogProb(-1, -1, bag, out order));
        Assert.Equal(1, order);
        Assert.Equal(-2.5f, lexicon.LogProb(bag, the, purse, out order));
        Assert.Equal(2, order);
        // History "the bag" is stored, "the bag of" and "bag of" are not: backoff("the bag") + backoff(bag) + P(of).
        Assert.Equal(-0.75f + -0.1f + -2f, lexicon.LogProb(the, bag, of, out order), 5);
        Assert.Equal(1, order);
    }

    [Fact]
    public void A_resolved_history_scores_every_next_word_by_katz_backoff_over_the_stored_ngrams()
    {
        var lexicon = TinyLexicon.Load(Bytes);
        // The tiny lexicon's n-grams, written out independently of the file format (see TinyLexicon).
        var bigrams = new Dictionary<(int, int), (float Prob, float Backoff)> { [(2, 4)] = (-0.5f, -0.25f), [(4, 1)] = (-1.5f, -0.75f), [(4, 3)] = (-2.5f, 0f) };
        var trigrams = new Dictionary<(int, int, int), float> { [(2, 4, 1)] = -1.0f };
        float[] unigram = [-99f, -4f, -2f, -5f, -1.5f], unigramBackoff = [-0.5f, -0.1f, -0.2f, -0.3f, -0.4f];

        (float, int) Reference(int w1, int w2, int w3)
        {
            if (w3 < 0)
            {
                return (lexicon.UnknownLogProb, 0);
            }

            if (w2 < 0)
            {
                return (unigram[w3], 1);
            }

            var backoff = 0f;
            if (w1 >= 0 && bigrams.TryGetValue((w1, w2), out var history))
            {
                if (trigrams.TryGetValue((w1, w2, w3), out var p3))
                {
                    return (p3, 3);
                }

                backoff = history.Backoff;
            }

            return bigrams.TryGetValue((w2, w3), out var p2) ? (backoff + p2.Prob, 2) : (backoff + unigramBackoff[w2] + unigram[w3], 1);
        }

        int[] ids = [-1, .. Enumerable.Range(0, lexicon.WordCount)];
        foreach (var w1 in ids)
        {
            foreach (var w2 in ids)
            {
                var history = lexicon.History(w1, w2);
                foreach (var w3 in ids)
                {
                    var (expected, expectedOrder) = Reference(w1, w2, w3);
                    Assert.Equal(expected, lexicon.LogProb(history, w3, out var order), 5);
                    Assert.Equal(expectedOrder, order);
                }
            }
        }
    }

    [Fact]
    public void Writing_the_same_data_twice_gives_identical_bytes()
    {
        Assert.Equal(Bytes, TinyLexicon.Bytes());
    }

    [Fact]
    public void A_foreign_file_is_rejected_naming_the_file()
    {
        var foreign = "PK\u0003\u0004 this is a zip, not a lexicon at all"u8.ToArray();
        var error = Assert.Throws<LexiconFormatException>(() => TinyLexicon.Load(foreign, "foreign.bin"));
        Assert.Contains("foreign.bin", error.Message);
        Assert.Contains("not a SpinDetect lexicon", error.Message);
    }

    [Fact]
    public void Another_format_version_is_rejected_with_both_versions()
    {
        var bytes = (byte[])Bytes.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 99);
        var error = Assert.Throws<LexiconFormatException>(() => TinyLexicon.Load(bytes));
        Assert.Contains("version 99", error.Message);
        Assert.Contains($"version {LexiconFile.FormatVersion}", error.Message);
    }

    [Fact]
    public void Every_truncation_is_rejected_with_a_clear_message()
    {
        for (var length = 0; length < Bytes.Length; length += Math.Max(1, length / 7))
        {
            var error = Assert.Throws<LexiconFormatException>(() => TinyLexicon.Load(Bytes[..length], "cut.bin"));
            Assert.Contains("cut.bin", error.Message);
            Assert.Contains("truncated", error.Message);
        }
    }

    [Fact]
    public void Any_flipped_byte_is_detected_as_corruption()
    {
        for (var position = 16; position < Bytes.Length; position++)
        {
            var bytes = (byte[])Bytes.Clone();
            bytes[position] ^= 0x5A;
            var error = Record.Exception(() => TinyLexicon.Load(bytes, "bad.bin"));
            // Padding between sections is not covered by a checksum and may change harmlessly.
            if (error is null)
            {
                Assert.True(IsPadding(position), $"flipping byte {position} went unnoticed");
                continue;
            }

            var format = Assert.IsType<LexiconFormatException>(error);
            Assert.Contains("bad.bin", format.Message);
        }
    }

    [Fact]
    public void A_consistent_but_inconsistent_table_is_rejected_by_validation()
    {
        var data = TinyLexicon.Create();
        data.ReverseIds[0] = 77; // not a word id
        using var stream = new MemoryStream();
        LexiconFile.Write(data, stream);
        var error = Assert.Throws<LexiconFormatException>(() => TinyLexicon.Load(stream.ToArray(), "odd.bin"));
        Assert.Contains("odd.bin", error.Message);
        Assert.Contains("reverse-synonym", error.Message);
    }

    [Fact]
    public void Missing_file_names_the_path()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ReferenceLexicon.Load("/nonexistent/lexicon.bin"));
        Assert.Contains("/nonexistent/lexicon.bin", error.Message);
    }

    private static bool IsPadding(int position)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(Bytes.AsSpan(12));
        for (var i = 0; i < count; i++)
        {
            var entry = Bytes.AsSpan(24 + (i * 32), 32);
            var offset = BinaryPrimitives.ReadInt64LittleEndian(entry[8..]);
            var length = BinaryPrimitives.ReadInt64LittleEndian(entry[16..]);
            if (position >= offset && position < offset + length)
            {
                return false;
            }
        }

        return position >= 24 + (count * 32);
    }
}
